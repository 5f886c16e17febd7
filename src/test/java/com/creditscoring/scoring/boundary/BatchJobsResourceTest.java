package com.creditscoring.scoring.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.problems.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a batch job's submission checks before its upload is read. */
class BatchJobsResourceTest {

  @Test
  void refusesALanguageItDoesNotHaveNamingLangBeforeReadingTheUpload() {
    BatchJobsResource resource = new BatchJobsResource();
    // No jobs, no caller: the lang check must come first, so nothing else is touched.
    resource.headers = headersAccepting();
    var upload = new ByteArrayInputStream("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
    ProblemException problem = assertThrows(ProblemException.class, () -> resource.submit(upload, "xx"));
    assertEquals(422, problem.problem().status());
    FieldError error = problem.problem().errors().get(0);
    assertEquals("lang", error.field());
  }

  /** Request headers with no Accept-Language. */
  private static HttpHeaders headersAccepting() {
    return (HttpHeaders)
        Proxy.newProxyInstance(
            HttpHeaders.class.getClassLoader(),
            new Class<?>[] {HttpHeaders.class},
            (proxy, method, args) -> method.getName().equals("getAcceptableLanguages") ? List.of() : null);
  }
}
