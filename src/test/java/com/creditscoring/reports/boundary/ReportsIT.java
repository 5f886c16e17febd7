package com.creditscoring.reports.boundary;

import static com.creditscoring.testing.Accounts.bearer;
import static com.creditscoring.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.testing.Accounts;
import com.creditscoring.testing.Api;
import com.creditscoring.testing.Applicants;
import com.creditscoring.testing.Models;
import com.creditscoring.testing.Pdfs;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Decision reports, the model comparison report and model cards as PDFs, read back with PDFBox,
 * and who may make and download which report. One deployment; one logistic model on the demo data.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Api.builtWar(ReportsIT.class);
  }

  /** One model per deployment, trained and activated by whichever test needs it first. */
  private static Long activeModel;

  private static synchronized long ensureModel() {
    if (activeModel == null) {
      long trained = Models.trainedOnDemoData("logistic", "{\"folds\":2}");
      Models.activate(trained);
      activeModel = trained;
    }
    return activeModel;
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
    return Pdfs.text(pdf.body());
  }

  private static String decimals(double value, int digits, String lang) {
    String english = String.format(Locale.ROOT, "%." + digits + "f", value);
    return lang.equals("ru") ? english.replace('.', ',') : english;
  }

  @Test
  void theSeedsReportEndpointMakesADecisionReportWithTheDecisionAndItsNumbers() throws IOException {
    JsonObject made = makeReport("user", true, "en");
    assertTrue(made.getString("report_path").startsWith("reports/decision-prediction-"), made::toString);
    HttpResponse<byte[]> pdf = Api.getBytes("/api/reports/" + made.getJsonNumber("report_id"), "Authorization", bearer(Accounts.tokenFor("user")));
    assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains(".pdf"));
    // Served from the database, where every instance finds it: no file in the data folder.
    assertFalse(Files.exists(Api.dataFolder(ReportsIT.class).resolve("reports").resolve(made.getString("report_path").substring("reports/".length()))));
    String text = text(pdf);
    JsonObject decision =
        Api.get("/api/predictions/" + made.getJsonNumber("prediction_id"), "Authorization", bearer(Accounts.tokenFor("user"))).json();
    assertEquals("report", decision.getString("channel"), "the audit trail says the decision was asked for by a report");
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

  // --- The model comparison report

  @Test
  void theComparisonReportTablesEveryLearnerWithTheFiguresApiCompareServes() throws IOException {
    ensureModel();
    Api.Reply made = Api.post("/api/generate-comparison-report?lang=en", "application/json", "", "Authorization", bearer(Accounts.tokenFor("analyst")));
    assertEquals(200, made.status(), made::toString);
    JsonObject answer = made.json();
    assertTrue(answer.getString("report_path").startsWith("reports/comparison-dataset-" + Models.demoDataset() + "-"), answer::toString);
    assertFalse(answer.containsKey("prediction_id"), answer::toString);
    String english = text(Api.getBytes(answer.getString("download_url"), "Authorization", bearer(Accounts.tokenFor("analyst"))));

    // The report shows the stored comparison: the one /api/compare serves now, without running it again.
    var compared = Api.get("/api/compare", "Authorization", bearer(Accounts.tokenFor("analyst"))).json().getJsonArray("models").getValuesAs(JsonObject.class);
    assertEquals(3, compared.size());
    Pdfs.assertShows(english, "Model comparison report", "ROC curves");
    for (JsonObject learner : compared) {
      assertTrue(learner.getJsonArray("roc").size() > 2, "each learner keeps its ROC curve");
      Pdfs.assertShows(
          english,
          learner.getString("model"),
          decimals(learner.getJsonNumber("auc").doubleValue(), 3, "en"),
          decimals(learner.getJsonNumber("gini").doubleValue(), 3, "en"),
          decimals(learner.getJsonNumber("ks").doubleValue(), 3, "en"),
          decimals(learner.getJsonNumber("accuracy").doubleValue(), 3, "en"));
    }

    JsonObject russian = Api.post("/api/generate-comparison-report", "application/json", "", "Authorization", bearer(Accounts.tokenFor("admin")), "Accept-Language", "ru-RU,ru;q=0.9").json();
    assertNotEquals(answer.getString("report_path"), russian.getString("report_path"));
    String text = text(Api.getBytes("/api/reports/" + russian.getJsonNumber("report_id"), "Authorization", bearer(Accounts.tokenFor("admin"))));
    Pdfs.assertShows(
        text,
        "Отчет о сравнении моделей",
        "Логистическая регрессия",
        "Последнее сохранённое сравнение",
        compared.get(0).getString("model"),
        decimals(compared.get(0).getJsonNumber("auc").doubleValue(), 3, "ru"));
  }

  // --- Model cards

  @Test
  void aModelCardShowsTheVersionItsQualityAndItsSchemaInRussian() throws IOException {
    long version = ensureModel();
    JsonObject model = Api.get("/api/models/" + version, "Authorization", bearer(Accounts.tokenFor("analyst"))).json();
    JsonObject metrics = model.getJsonObject("metrics");

    HttpResponse<byte[]> pdf = Api.getBytes("/api/models/" + version + "/report.pdf?lang=ru", "Authorization", bearer(Accounts.tokenFor("analyst")));
    String text = text(pdf);

    Pdfs.assertShows(
        text,
        "Паспорт модели · версия " + version,
        "logistic — Логистическая регрессия · активна",
        "Качество по кросс-валидации",
        decimals(metrics.getJsonNumber("auc").doubleValue(), 3, "ru"),
        decimals(metrics.getJsonNumber("ks").doubleValue(), 3, "ru"),
        "Класс кредита", // a field's Cyrillic label
        "loan_grade",
        "Таблица порогов отсечения",
        "100,0%", // everyone approved at the riskiest band
        "Основные факторы",
        "Калибровка");
    String disposition = pdf.headers().firstValue("Content-Disposition").orElse("");
    assertTrue(disposition.matches("inline; filename=\"model_card-model-" + version + "-[0-9]{8}-[0-9]{6}-[0-9a-f]{10}\\.pdf\""), disposition);

    // Kept like every report, owned by the analyst who asked: admins may fetch it, users may not.
    String name = disposition.substring(disposition.indexOf('"') + 1, disposition.lastIndexOf('"'));
    assertEquals(200, Api.getBytes("/api/download/" + name, "Authorization", bearer(Accounts.tokenFor("admin"))).statusCode());
    assertProblem(Api.get("/api/download/" + name, "Authorization", bearer(Accounts.tokenFor("user"))), 404);
  }

  @Test
  void aModelCardInEnglishByAcceptLanguage() throws IOException {
    long version = ensureModel();
    String text = text(Api.getBytes("/api/models/" + version + "/report.pdf", "Authorization", bearer(Accounts.tokenFor("admin")), "Accept-Language", "en-GB"));
    Pdfs.assertShows(text, "Model card · version " + version, "Loan grade", "Cut-off table", "Top features", "exact (logistic regression is additive");
  }

  @Test
  void newReportsRefuseStrangersUsersAndUnknownModels() {
    long version = ensureModel();
    String card = "/api/models/" + version + "/report.pdf";
    assertProblem(Api.get(card), 401);
    assertProblem(Api.post("/api/generate-comparison-report", "application/json", ""), 401);
    assertProblem(Api.get(card, "Authorization", bearer(Accounts.tokenFor("user"))), 403);
    assertProblem(Api.post("/api/generate-comparison-report", "application/json", "", "Authorization", bearer(Accounts.tokenFor("user"))), 403);
    for (String unknown : List.of("/api/models/987654/report.pdf", "/api/models/-1/report.pdf", "/api/models/abc/report.pdf", "/api/models/99999999999999999999/report.pdf")) {
      assertProblem(Api.get(unknown, "Authorization", bearer(Accounts.tokenFor("analyst"))), 404);
    }
  }
}
