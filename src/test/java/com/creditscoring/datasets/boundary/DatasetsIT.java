package com.creditscoring.datasets.boundary;

import static com.creditscoring.testing.Accounts.bearer;
import static com.creditscoring.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.testing.Accounts;
import com.creditscoring.testing.Api;
import com.creditscoring.testing.SharedData;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Datasets over HTTP: the built-ins of a new installation, uploads good and bad, removal. */
@ExtendWith(ArquillianExtension.class)
class DatasetsIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Api.builtWar(DatasetsIT.class);
  }

  private static String analyst() {
    return bearer(Accounts.tokenFor("analyst"));
  }

  private static Api.Reply upload(String query, String contentType, String body) {
    return Api.post("/api/datasets?" + query, contentType, body, "Authorization", analyst());
  }

  @Test
  void aNewInstallationHasTheSyntheticDemoSetAndGermanCredit() {
    List<JsonObject> datasets = Api.get("/api/datasets", "Authorization", analyst()).jsonArray().getValuesAs(JsonObject.class);
    JsonObject demo = datasets.stream().filter(d -> d.getString("source").equals("demo")).findFirst().orElseThrow();
    assertTrue(demo.getString("name").contains("synthetic"), demo::toString);
    assertEquals("loan_status", demo.getString("target"));
    double rate = demo.getJsonNumber("default_rate").doubleValue();
    assertTrue(rate > 0.15 && rate < 0.25, "demo default rate " + rate);
    JsonObject german = datasets.stream().filter(d -> d.getString("source").equals("builtin")).findFirst().orElseThrow();
    assertEquals(1000, german.getInt("rows"));
    assertEquals("bad", german.getString("positive_class"));
  }

  @Test
  void uploadingTheRealCreditRiskFileRegistersItWithItsSchema() throws IOException, InterruptedException {
    Api.Reply created =
        Api.send(
            HttpRequest.newBuilder(URI.create(Api.BASE + "/api/datasets?name=credit%20risk&target=loan_status"))
                .header("Content-Type", "text/csv")
                .header("Authorization", analyst())
                .POST(HttpRequest.BodyPublishers.ofFile(SharedData.creditRisk())));
    assertEquals(201, created.status(), created::toString);
    assertEquals(27_693, created.json().getInt("rows"));
    String location = created.header("Location");
    JsonObject detail = Api.get(URI.create(location).getPath(), "Authorization", analyst()).json();
    JsonObject rate =
        detail.getJsonArray("columns").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("loan_int_rate"))
            .findFirst()
            .orElseThrow();
    assertEquals("numeric", rate.getString("type"));
    assertTrue(rate.getInt("missing") > 2000, rate::toString);
    assertEquals("1", detail.getJsonObject("dataset").getString("positive_class"));
    assertTrue(Files.size(SharedData.creditRisk()) > detail.getJsonObject("dataset").getJsonNumber("stored_bytes").longValue());
  }

  @Test
  void aDefectiveUploadNamesEveryRowAndColumnAndStoresNothing() {
    int before = Api.get("/api/datasets", "Authorization", analyst()).jsonArray().size();
    JsonObject problem = assertProblem(upload("name=bad&target=y", "text/csv", "x,y\n1,0\n2\n3,1\n4,7\n"), 422);
    String errors =
        problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field") + ": " + e.getString("message"))
            .collect(Collectors.joining("\n"));
    assertTrue(errors.contains("file: row 2: 1 values"), errors);
    assertTrue(errors.contains("y: the target must have exactly two values"), errors);
    assertEquals(before, Api.get("/api/datasets", "Authorization", analyst()).jsonArray().size());
  }

  @Test
  void aHugeCellOrAControlCharacterIsA422NamingRowAndColumnAndStoresNothing() {
    int before = Api.get("/api/datasets", "Authorization", analyst()).jsonArray().size();
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      rows.append(20 + i).append(",1000,").append("ABC".charAt(i % 3)).append(',').append(i % 2).append('\n');
    }
    String huge = "age,income,grade,default\n20,1000," + "x".repeat(5_000_000) + ",1\n" + rows;
    JsonObject problem = assertProblem(upload("name=huge&target=default", "text/csv", huge), 422);
    assertTrue(problem.getJsonArray("errors").toString().contains("row 1, column 3: the value is 5000000 characters long"), problem::toString);
    assertTrue(problem.toString().length() < 2_000, "the 5 MB cell is not echoed");

    String nul = "age,income,grade,default\n20,1000,A\u0000,1\n" + rows;
    problem = assertProblem(upload("name=nul&target=default", "text/csv", nul), 422);
    assertTrue(problem.getJsonArray("errors").toString().contains("row 1, column 3: the value has a control character U+0000"), problem::toString);

    String longName = "age," + "n".repeat(9_000_000) + ",default\n1,2,0\n2,3,1\n";
    problem = assertProblem(upload("name=long&target=default", "text/csv", longName), 422);
    assertTrue(problem.toString().length() < 2_000, "the 9 MB name is quoted by its start only");
    assertEquals(before, Api.get("/api/datasets", "Authorization", analyst()).jsonArray().size());
  }

  @Test
  void aHeaderWithAnUnnamedColumnOrNoNamesAtAllIsA422NamingTheColumn() {
    for (String csv : List.of("age,,default\n1,2,0\n2,3,1\n", "age,default,\n1,0,\n2,1,\n", "   \n")) {
      JsonObject problem = assertProblem(upload("name=x&target=default", "text/csv", csv), 422);
      assertTrue(problem.getJsonArray("errors").toString().contains("has no name in the header row"), problem::toString);
    }
  }

  @Test
  void anUploadWithoutNameOrTargetIsRefusedNamingBoth() {
    JsonObject problem = assertProblem(upload("", "text/csv", "x,y\n1,0\n"), 422);
    String fields = problem.getJsonArray("errors").toString();
    assertTrue(fields.contains("name") && fields.contains("target"), fields);
  }

  @Test
  void aNameWithControlCharactersOrAFileWithOnlyTheTargetIsRefused() {
    assertTrue(assertProblem(upload("name=a%00b&target=y", "text/csv", "x,y\n1,0\n2,1\n"), 422).getJsonArray("errors").toString().contains("\"name\""));
    assertTrue(assertProblem(upload("name=only-target&target=y", "text/csv", "y\n0\n1\n0\n1\n"), 422).getJsonArray("errors").toString().contains("only the target"));
  }

  @Test
  void anArffUploadWorksToo() {
    Api.Reply created =
        upload("name=arff&target=outcome", "application/x-arff",
            "@relation t\n@attribute age numeric\n@attribute outcome {good,bad}\n@data\n30,good\n40,bad\n50,good\n");
    assertEquals(201, created.status(), created::toString);
    assertEquals("bad", created.json().getString("positive_class"));
  }

  @Test
  void anAmbiguousTargetAsksWhichValueMeansDefault() {
    JsonObject problem = assertProblem(upload("name=amb&target=y", "text/csv", "x,y\n1,red\n2,blue\n"), 422);
    assertTrue(problem.getJsonArray("errors").toString().contains("positive"), problem::toString);
    assertEquals(201, upload("name=amb&target=y&positive=red", "text/csv", "x,y\n1,red\n2,blue\n").status());
  }

  @Test
  void anAdministratorRemovesADataset() {
    Api.Reply created = upload("name=gone&target=y", "text/csv", "x,y\n1,0\n2,1\n");
    String path = URI.create(created.header("Location")).getPath();
    assertEquals(204, Api.delete(path, "Authorization", bearer(Accounts.adminToken())).status());
    assertProblem(Api.get(path, "Authorization", analyst()), 404);
  }
}
