package com.creditscoring.scoring.boundary;

import com.creditscoring.auth.boundary.Readers;
import com.creditscoring.auth.entity.Role;
import com.creditscoring.ops.boundary.Downloads;
import com.creditscoring.problems.AcceptLanguage;
import com.creditscoring.problems.QueryParameters;
import com.creditscoring.problems.QueryParameters.Paging;
import com.creditscoring.scoring.boundary.ScoringViews.PredictionPage;
import com.creditscoring.scoring.boundary.ScoringViews.PredictionRecordView;
import com.creditscoring.reports.control.DecisionReports;
import com.creditscoring.reports.control.ReportArchive;
import com.creditscoring.reports.entity.Report;
import com.creditscoring.scoring.control.DecisionLog;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.scoring.entity.Prediction;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The decision audit trail, read-only: no endpoint changes or deletes a decision. */
@Path("predictions")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
public class PredictionsResource {

  static final int MAX_PAGE_SIZE = 500;

  @Inject DecisionLog log;
  @Inject DecisionReports decisionReports;
  @Inject ReportArchive archive;
  @Context HttpHeaders headers;
  @Context SecurityContext security;

  @GET
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "Decisions, newest first, filtered by from/to (ISO instants), decision, model_version and user; users see their own")
  public PredictionPage list(
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("decision") String decision,
      @QueryParam("model_version") String modelVersion, @QueryParam("user") String user, @QueryParam("page") String page,
      @QueryParam("size") String size) {
    QueryParameters parameters = new QueryParameters();
    Optional<Instant> since = parameters.instant("from", from);
    DecisionLog.Filter filter =
        new DecisionLog.Filter(
            since, parameters.until("to", to, since),
            parameters.oneOf("decision", decision, List.of("approve", "review", "decline")),
            parameters.whole("model_version", modelVersion, 1, Long.MAX_VALUE), Readers.readsEveryones(security) ? Optional.ofNullable(user) : Optional.of(caller()));
    Paging paging = parameters.paging(page, size, MAX_PAGE_SIZE);
    parameters.check();
    DecisionLog.Page found = log.list(filter, paging.page(), paging.size());
    return new PredictionPage(found.items().stream().map(PredictionRecordView::of).toList(), paging.page(), paging.size(), found.total());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "One decision as recorded; users see only their own")
  public PredictionRecordView find(@PathParam("id") long id) {
    return PredictionRecordView.of(visible(id));
  }

  @GET
  @Path("{id}/report.pdf")
  @Produces("application/pdf")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "The decision report of one decision as a PDF (lang or Accept-Language: ru, en); the report is kept")
  public Response report(@PathParam("id") long id, @QueryParam("lang") String lang) {
    Prediction prediction = visible(id);
    Language language = Language.of(lang, AcceptLanguage.preferences(headers::getAcceptableLanguages));
    Report report = decisionReports.make(prediction, caller(), language);
    return Response.ok(archive.content(report), "application/pdf")
        .header(Downloads.HEADER, Downloads.inline(report.fileName()))
        .build();
  }

  private Prediction visible(long id) {
    Prediction prediction = log.find(id);
    if (!Readers.mayRead(security, prediction.createdBy())) {
      // The same answer as for a missing one: users learn nothing about others' decisions.
      throw new NotFoundException("no prediction " + id);
    }
    return prediction;
  }

  private String caller() {
    return security.getUserPrincipal().getName();
  }
}
