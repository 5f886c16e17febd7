package com.creditscoring.scoring.boundary;

import com.creditscoring.auth.entity.Role;
import com.creditscoring.ops.boundary.Downloads;
import com.creditscoring.problems.AcceptLanguage;
import com.creditscoring.problems.JsonBodies;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.problems.RequestIds;
import com.creditscoring.problems.Utf8Text;
import com.creditscoring.scoring.boundary.ScoringViews.BatchRecordView;
import com.creditscoring.scoring.boundary.ScoringViews.BatchView;
import com.creditscoring.scoring.boundary.ScoringViews.ExplanationView;
import com.creditscoring.scoring.boundary.ScoringViews.PredictionView;
import com.creditscoring.scoring.control.ContributionChart;
import com.creditscoring.scoring.control.CsvScoring;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.scoring.control.Scorer;
import com.creditscoring.scoring.control.Scorer.Caller;
import com.creditscoring.scoring.control.Scorer.Decision;
import com.creditscoring.scoring.control.Scorer.Outcome;
import com.creditscoring.scoring.entity.Prediction.Channel;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Scoring: single applications, explanations, JSON batches and streamed CSV.
 *
 * <p>One instance serves every request: building and injecting a resource per request was 5 % of
 * a prediction's CPU. Who asks is read from {@code @Context} parameters, not fields: in a shared
 * instance a field is a proxy, and each call through one cost about 3 % more.
 */
@ApplicationScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
public class ScoringResource {

  @Inject Scorer scorer;
  @Inject CsvScoring csv;

  /** SCORING_BATCH_LIMIT: records per JSON batch; larger files go to /api/predict/csv. */
  @Inject
  @ConfigProperty(name = "scoring.batch-limit", defaultValue = "10000")
  int batchLimit;

  @POST
  @Path("predict")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "Decide one application (the seed's LoanRequest, or any object matching the active model's input schema)")
  @APIResponse(responseCode = "200", description = "The decision, recorded in the audit trail before this answer")
  @APIResponse(responseCode = "422", description = "Every invalid, missing or unexpected field, each named")
  @APIResponse(responseCode = "503", description = "No model is active yet")
  public PredictionView predict(JsonValue application, @QueryParam("lang") String lang,
      @Context ContainerRequestContext request) {
    return PredictionView.of(scorer.decide(JsonBodies.object(application), caller(lang, request), Channel.SINGLE));
  }

  @POST
  @Path("explain")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(
      summary =
          "Decide one application and show each field's contribution to the log-odds of default against a typical applicant"
              + " (exact for logistic regression and boosted trees, sampled baseline Shapley values for the random forest), with a summary (lang or"
              + " Accept-Language: ru, en) and a PNG chart")
  public ExplanationView explain(JsonValue application, @QueryParam("lang") String lang,
      @Context ContainerRequestContext request) {
    Caller caller = caller(lang, request);
    Decision decision = scorer.explain(JsonBodies.object(application), caller);
    byte[] chart = ContributionChart.png(ScoringViews.largestFirst(decision.explanation()), caller.language());
    return ExplanationView.of(decision, caller.language(), Base64.getEncoder().encodeToString(chart));
  }

  @POST
  @Path("predict/batch")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "Decide a JSON array of applications; a record's errors do not stop the others")
  @APIResponse(responseCode = "200", description = "One result or list of errors per record, in order")
  @APIResponse(responseCode = "413", description = "More records than SCORING_BATCH_LIMIT")
  public BatchView predictBatch(JsonValue body, @QueryParam("lang") String lang,
      @Context ContainerRequestContext request) {
    JsonArray records = JsonBodies.array(body);
    if (records.size() > batchLimit) {
      throw ProblemException.of(
          413, "A batch holds at most " + batchLimit + " records; this one has " + records.size() + ". Send larger files to POST /api/predict/csv.");
    }
    List<Outcome> outcomes = scorer.decideAll(records, caller(lang, request), Channel.BATCH);
    int scored = (int) outcomes.stream().filter(o -> o.decision() != null).count();
    return new BatchView(scored, outcomes.size() - scored, outcomes.stream().map(BatchRecordView::of).toList());
  }

  @POST
  @Path("predict/csv")
  @Consumes("text/csv")
  @Produces("text/csv")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(
      summary =
          "Decide a CSV of applications (header = field names), streamed: the answer is the same rows plus row, prediction_id,"
              + " probability_default, score, decision, risk_band, reason_codes and error")
  @APIResponse(responseCode = "422", description = "A required column is missing or an unknown one is present")
  public Response predictCsv(InputStream body, @QueryParam("lang") String lang,
      @Context ContainerRequestContext request) throws IOException {
    Caller caller = caller(lang, request);
    CsvScoring.Upload upload = csv.open(Utf8Text.reader(body));
    StreamingOutput scored =
        out -> {
          BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          csv.score(upload, writer, caller);
        };
    return Response.ok(scored, "text/csv; charset=UTF-8").header(Downloads.HEADER, Downloads.attachment("decisions.csv")).build();
  }

  /**
   * Who asks, read from the one request context: injecting it alone, rather than the security
   * context, the headers and the servlet request (each looked up per call, the servlet request
   * through a factory), saved about 3 % of a prediction's CPU.
   */
  private static Caller caller(String lang, ContainerRequestContext request) {
    return new Caller(
        request.getSecurityContext().getUserPrincipal().getName(), RequestIds.of(request), Language.of(lang, AcceptLanguage.preferences(request::getAcceptableLanguages)));
  }
}
