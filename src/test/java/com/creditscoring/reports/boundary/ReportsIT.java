package com.creditscoring.reports.boundary;

import static com.creditscoring.testing.Accounts.bearer;
import static com.creditscoring.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.testing.Accounts;
import com.creditscoring.testing.Api;
import com.creditscoring.testing.Applicants;
import com.creditscoring.testing.Models;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Decision reports as PDFs, read back with PDFBox, and who may download which report. */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Api.builtWar(ReportsIT.class);
  }

  /** One model per deployment, trained by whichever test needs it first. */
  private static boolean modelReady;

  private static synchronized void ensureModel() {
    if (!modelReady) {
      Models.activate(Models.trainedOnDemoData("logistic", "{\"folds\":2}"));
      modelReady = true;
    }
  }

  private static JsonObject makeReport(String role, boolean risky, String lang) {
    ensureModel();
    Api.Reply made = Api.postJson("/api/report?lang=" + lang, Applicants.seedRequest(risky).build().toString(), "Authorization", bearer(Accounts.tokenFor(role)));
    assertEquals(200, made.status(), made::toString);
    return made.json();
  }

  private static String text(HttpResponse<byte[]> pdf) throws IOException {
    assertEquals(200, pdf.statusCode(), () -> new String(pdf.body(), java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void theSeedsReportEndpointMakesADecisionReportWithTheDecisionAndItsNumbers() throws IOException {
    JsonObject made = makeReport("user", true, "en");
    assertTrue(made.getString("report_path").startsWith("reports/decision-prediction-"), made::toString);
    HttpResponse<byte[]> pdf = Api.getBytes("/api/reports/" + made.getJsonNumber("report_id"), "Authorization", bearer(Accounts.tokenFor("user")));
    assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains(".pdf"));
    String text = text(pdf);
    JsonObject decision =
        Api.get("/api/predictions/" + made.getJsonNumber("prediction_id"), "Authorization", bearer(Accounts.tokenFor("user"))).json();
    assertTrue(text.contains("Credit scoring report"), text);
    assertTrue(text.contains(Long.toString(decision.getJsonNumber("score").longValue())), text);
    assertTrue(text.contains(made.getJsonNumber("prediction_id").toString()), "the prediction id: " + text);
    assertTrue(text.contains("MEDICAL"), "the applicant's loan intent: " + text);
    String word = switch (decision.getString("decision")) {
      case "approve" -> "Approve";
      case "decline" -> "Decline";
      default -> "Manual review";
    };
    assertTrue(text.contains(word), word + " in " + text);
  }

  @Test
  void aDecisionsReportComesInRussianWithCyrillicText() throws IOException {
    JsonObject made = makeReport("analyst", false, "en");
    String text = text(Api.getBytes("/api/predictions/" + made.getJsonNumber("prediction_id") + "/report.pdf?lang=ru", "Authorization", bearer(Accounts.tokenFor("analyst"))));
    assertTrue(text.contains("Отчет по кредитному скорингу"), text);
    assertTrue(text.contains("Класс кредита"), "a Cyrillic field label: " + text);
  }

  @Test
  void twoReportsAtOnceGetTwoFiles() {
    ensureModel();
    List<CompletableFuture<JsonObject>> both =
        List.of(CompletableFuture.supplyAsync(() -> makeReport("user", true, "en")), CompletableFuture.supplyAsync(() -> makeReport("user", true, "en")));
    JsonObject first = both.get(0).join();
    JsonObject second = both.get(1).join();
    assertNotEquals(first.getString("report_path"), second.getString("report_path"));
    assertNotEquals(first.getJsonNumber("report_id"), second.getJsonNumber("report_id"));
    for (JsonObject made : both.stream().map(CompletableFuture::join).toList()) {
      assertEquals(200, Api.getBytes(made.getString("download_url"), "Authorization", bearer(Accounts.tokenFor("user"))).statusCode());
    }
  }

  @Test
  void downloadsServeOnlyRecordedReportsTheCallerMaySee() {
    JsonObject analysts = makeReport("analyst", false, "en");
    String name = analysts.getString("report_path").substring("reports/".length());
    assertEquals(200, Api.getBytes("/api/download/" + name, "Authorization", bearer(Accounts.tokenFor("admin"))).statusCode());
    // Another user's report looks missing; without a token, 401.
    assertProblem(Api.get("/api/download/" + name, "Authorization", bearer(Accounts.tokenFor("user"))), 404);
    assertProblem(Api.get("/api/reports/" + analysts.getJsonNumber("report_id"), "Authorization", bearer(Accounts.tokenFor("user"))), 404);
    assertProblem(Api.get("/api/download/" + name), 401);
    assertProblem(Api.get("/api/reports/" + analysts.getJsonNumber("report_id")), 401);
    assertProblem(Api.get("/api/predictions/" + analysts.getJsonNumber("prediction_id") + "/report.pdf"), 401);
    assertProblem(Api.get("/api/predictions/" + analysts.getJsonNumber("prediction_id") + "/report.pdf", "Authorization", bearer(Accounts.tokenFor("user"))), 404);
    for (String traversal : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "nothing-here.pdf", "%2e%2e", "reports%2F" + name)) {
      assertProblem(Api.get("/api/download/" + traversal, "Authorization", bearer(Accounts.tokenFor("admin"))), 404);
    }
    // Payara's HTTP layer itself refuses an encoded backslash or NUL with a bare 400, before the
    // application (and its problem+json error pages) ever sees the request.
    for (String traversal : List.of("..%5C..%5Cwindows%5Cwin.ini", name + "%00")) {
      assertEquals(400, Api.get("/api/download/" + traversal, "Authorization", bearer(Accounts.tokenFor("admin"))).status(), traversal);
    }
  }
}
