package com.creditscoring.feedback.boundary;

import com.creditscoring.auth.boundary.Readers;
import com.creditscoring.auth.entity.Role;
import com.creditscoring.feedback.control.FeedbackLog;
import com.creditscoring.feedback.control.Retraining;
import com.creditscoring.feedback.entity.Feedback;
import com.creditscoring.models.boundary.ModelViews.JobView;
import com.creditscoring.ops.boundary.Downloads;
import com.creditscoring.problems.JsonBodies;
import com.creditscoring.problems.QueryParameters;
import com.creditscoring.problems.QueryParameters.Paging;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The seed's feedback and retrain endpoints. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
public class FeedbackResource {

  static final int MAX_PAGE_SIZE = 500;

  @Inject FeedbackLog log;
  @Inject Retraining retraining;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "train-final.wait-seconds", defaultValue = "600")
  long waitSeconds;

  public record Recorded(String status, long id) {}

  public record FeedbackView(
      long id, long datasetId, Long modelId, JsonStructure fields, Integer predictedStatus, int actualStatus, String createdBy, Instant createdAt) {
    static FeedbackView of(Feedback f) {
      return new FeedbackView(
          f.id(), f.datasetId(), f.modelId(), com.creditscoring.models.boundary.ModelViews.parse(f.fieldsJson()),
          f.predictedStatus(), f.actualStatus(), f.createdBy(), f.createdAt());
    }
  }

  public record FeedbackPage(List<FeedbackView> items, int page, int size, long total) {}

  public record RetrainResult(
      String status, Long modelVersion, Double auc, Double previousAuc, boolean activated, String reason, int feedbackRows,
      int skippedFeedbackRows, long datasetId) {}

  @POST
  @Path("feedback")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "Report a loan's real outcome: the loan fields plus predicted_status and actual_status (0 repaid, 1 defaulted)")
  @APIResponse(responseCode = "200", description = "{status: success, id}")
  @APIResponse(responseCode = "422", description = "Fields that do not fit the active dataset's columns or the ranges the active model scores, each named")
  public Recorded record(JsonValue report, @Context SecurityContext security) {
    return new Recorded("success", log.record(JsonBodies.object(report), security.getUserPrincipal().getName()).id());
  }

  @GET
  @Path("feedback")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "Reported outcomes, newest first; users see their own")
  public FeedbackPage list(
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actual_status") String actual,
      @QueryParam("user") String user, @QueryParam("page") String page, @QueryParam("size") String size,
      @Context SecurityContext security) {
    QueryParameters parameters = new QueryParameters();
    FeedbackLog.Filter filter = filter(parameters, from, to, actual, user, security);
    Paging paging = parameters.paging(page, size, MAX_PAGE_SIZE);
    parameters.check();
    FeedbackLog.Page found = log.list(filter, paging.page(), paging.size());
    return new FeedbackPage(found.items().stream().map(FeedbackView::of).toList(), paging.page(), paging.size(), found.total());
  }

  @GET
  @Path("feedback")
  @Produces("text/csv")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "The same list as CSV (Accept: text/csv), one column per loan field")
  public Response export(
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actual_status") String actual,
      @QueryParam("user") String user, @Context SecurityContext security) {
    QueryParameters parameters = new QueryParameters();
    FeedbackLog.Filter filter = filter(parameters, from, to, actual, user, security);
    parameters.check();
    List<FeedbackView> rows = log.list(filter, 0, Integer.MAX_VALUE).items().stream().map(FeedbackView::of).toList();
    TreeSet<String> fields = new TreeSet<>();
    rows.forEach(r -> fields.addAll(((JsonObject) r.fields()).keySet()));
    StreamingOutput csv =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            List<Object> header = new ArrayList<>(List.of("id", "created_at", "created_by", "dataset_id", "model_id", "predicted_status", "actual_status"));
            header.addAll(fields);
            printer.printRecord(header);
            for (FeedbackView row : rows) {
              List<Object> record = new ArrayList<>(List.of(row.id(), row.createdAt(), row.createdBy(), row.datasetId()));
              record.add(row.modelId());
              record.add(row.predictedStatus());
              record.add(row.actualStatus());
              JsonObject values = (JsonObject) row.fields();
              fields.forEach(f -> record.add(values.containsKey(f) ? values.get(f).toString().replaceAll("^\"|\"$", "") : ""));
              printer.printRecord(record);
            }
          }
        };
    return Response.ok(csv).header(Downloads.HEADER, Downloads.attachment("feedback.csv")).build();
  }

  @POST
  @Path("retrain")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(summary = "Train a new version on the active dataset plus feedback; activate it only if its CV AUC is not worse")
  @APIResponse(responseCode = "200", description = "Trained; says whether it was activated and why")
  @APIResponse(responseCode = "202", description = "Still training; Location is the job")
  @APIResponse(responseCode = "400", description = "No feedback, fewer than 5 usable rows, or one outcome under 10 %")
  @APIResponse(responseCode = "422", description = "The active dataset plus its feedback cannot train a model; the detail says why")
  public Response retrain(@Context SecurityContext security) {
    Retraining.Outcome outcome = retraining.retrain(security.getUserPrincipal().getName(), Duration.ofSeconds(waitSeconds));
    if (outcome.job() != null) {
      return Response.accepted(JobView.of(outcome.job(), clock.instant())).location(URI.create("/api/jobs/" + outcome.job().id())).build();
    }
    return Response.ok(
            new RetrainResult(
                outcome.activated() ? "activated" : "registered", outcome.model().id(), outcome.model().cvAuc(), outcome.previousAuc(),
                outcome.activated(), outcome.reason(), outcome.feedbackRows(), outcome.skippedFeedbackRows(), outcome.datasetId()))
        .build();
  }

  /** The list's filter; bad parameters are collected in {@code parameters} for one 422. */
  private static FeedbackLog.Filter filter(
      QueryParameters parameters, String from, String to, String actual, String user, SecurityContext security) {
    Optional<Instant> since = parameters.instant("from", from);
    Optional<Instant> until = parameters.until("to", to, since);
    Optional<Integer> outcome = parameters.whole("actual_status", actual, 0, 1).map(Long::intValue);
    Optional<String> owner = Readers.readsEveryones(security) ? Optional.ofNullable(user) : Optional.of(security.getUserPrincipal().getName());
    return new FeedbackLog.Filter(since, until, outcome, owner);
  }
}
