package com.creditscoring.reports.boundary;

import com.creditscoring.auth.boundary.Readers;
import com.creditscoring.auth.entity.Role;
import com.creditscoring.ops.boundary.Downloads;
import com.creditscoring.problems.AcceptLanguage;
import com.creditscoring.problems.JsonBodies;
import com.creditscoring.problems.RequestIds;
import com.creditscoring.reports.control.ComparisonReports;
import com.creditscoring.reports.control.DecisionReports;
import com.creditscoring.reports.control.ReportArchive;
import com.creditscoring.reports.entity.Report;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.scoring.control.Scorer;
import com.creditscoring.scoring.control.Scorer.Caller;
import com.creditscoring.scoring.entity.Prediction.Channel;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** PDF reports: the seed's report, comparison report and download endpoints, and reports by id. */
@Path("")
@DenyAll
public class ReportsResource {

  static final String PDF = "application/pdf";

  @Inject Scorer scorer;
  @Inject DecisionReports decisionReports;
  @Inject ComparisonReports comparisonReports;
  @Inject ReportArchive archive;
  @Context HttpServletRequest request;
  @Context HttpHeaders headers;
  @Context SecurityContext security;

  /**
   * The seed's answer: where the report is. {@code report_path} is relative to the reports folder as
   * the seed's was; {@code download_url} is how to fetch it here; {@code prediction_id} only for a
   * decision report.
   */
  public record Made(String reportPath, long reportId, String downloadUrl, Long predictionId) {
    static Made of(Report report, Long predictionId) {
      return new Made("reports/" + report.fileName(), report.id(), "/api/download/" + report.fileName(), predictionId);
    }
  }

  @POST
  @Path("report")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "The seed's report: decides the application (recorded like /api/predict) and makes its decision report (lang or Accept-Language)")
  @APIResponse(responseCode = "200", description = "{report_path, report_id, download_url, prediction_id}")
  @APIResponse(responseCode = "422", description = "Every invalid field, as /api/predict")
  public Made report(JsonValue application, @QueryParam("lang") String lang) {
    Language language = Language.of(lang, AcceptLanguage.preferences(headers::getAcceptableLanguages));
    String user = security.getUserPrincipal().getName();
    Scorer.Decision decision = scorer.decide(JsonBodies.object(application), new Caller(user, RequestIds.of(request), language), Channel.REPORT);
    Report report = decisionReports.make(decision.audit(), user, language);
    return Made.of(report, decision.audit().id());
  }

  @POST
  @Path("generate-comparison-report")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(
      summary = "The seed's comparison report: every learner's cross-validated accuracy, AUC, Gini and KS on the active dataset, with their ROC curves (lang or Accept-Language)",
      description = "Uses the latest comparison stored for the active dataset (the one /api/compare serves); runs and stores one first when there is none.")
  @APIResponse(responseCode = "200", description = "{report_path, report_id, download_url}")
  @APIResponse(responseCode = "409", description = "No dataset is registered")
  public Made comparisonReport(@QueryParam("lang") String lang) {
    Language language = Language.of(lang, AcceptLanguage.preferences(headers::getAcceptableLanguages));
    return Made.of(comparisonReports.make(security.getUserPrincipal().getName(), language), null);
  }

  @GET
  @Path("reports/{id}")
  @Produces(PDF)
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "A report's PDF; users get only their own")
  public Response byId(@PathParam("id") long id) {
    return pdf(visible(archive.find(id)));
  }

  @GET
  @Path("download/{name}")
  @Produces(PDF)
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "The seed's download by file name: only names of recorded reports the caller may see")
  public Response download(@PathParam("name") String name) {
    // Looked up as a recorded name, never resolved on disk: "../", encoded or not, names nothing.
    Report report = archive.named(name).orElseThrow(() -> new NotFoundException("no report named " + name));
    return pdf(visible(report));
  }

  private Report visible(Report report) {
    if (!Readers.mayRead(security, report.owner())) {
      // The same answer as for a missing one: users learn nothing about others' reports.
      throw new NotFoundException("no report " + report.id());
    }
    return report;
  }

  private Response pdf(Report report) {
    return Response.ok(archive.content(report), PDF).header(Downloads.HEADER, Downloads.attachment(report.fileName())).build();
  }
}
