package com.creditscoring.models.boundary;

import com.creditscoring.auth.entity.Role;
import com.creditscoring.models.boundary.ModelViews.JobView;
import com.creditscoring.models.boundary.ModelViews.ModelDetail;
import com.creditscoring.models.boundary.ModelViews.ModelSummary;
import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.ModelRegistry;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.models.control.TrainingJobs;
import com.creditscoring.models.entity.TrainingJob;
import com.creditscoring.ops.boundary.Downloads;
import com.creditscoring.problems.AcceptLanguage;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.reports.control.ModelCards;
import com.creditscoring.reports.control.ReportArchive;
import com.creditscoring.reports.entity.Report;
import com.creditscoring.scoring.control.Language;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The model registry: train new versions, inspect them and their model cards, choose the one that scores. */
@Path("models")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
public class ModelsResource {

  @Inject ModelRegistry registry;
  @Inject TrainingJobs jobs;
  @Inject Clock clock;
  @Inject ModelCards modelCards;
  @Inject ReportArchive archive;

  /** What to train: a dataset id, a learner and its options (folds, seed and the learner's own). */
  public static class TrainingRequest {
    @NotNull @Positive public Long dataset;
    @NotBlank public String algorithm;
    public Map<String, Double> options;
  }

  /**
   * Scorecard scaling and decision bands by probability of default. The upper bounds are far above
   * any scorecard in use (the seed's is 600 points at odds 50, 20 points to double them); they keep
   * every score a finite number of points, which the audit trail then keeps for good.
   */
  public static class SettingsRequest {
    @NotNull @Positive @DecimalMax("100000") public Double baseScore;
    @NotNull @DecimalMin("0.001") @DecimalMax("1000000") public Double baseOdds;
    @NotNull @Positive @DecimalMax("1000") public Double pointsToDoubleOdds;
    @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") public Double approveBelow;
    @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") public Double declineFrom;
  }

  @GET
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(summary = "Every model version, oldest first, with its cross-validated AUC")
  public List<ModelSummary> all() {
    Optional<Long> active = registry.activeId();
    return registry.all().stream().map(m -> ModelSummary.of(m, active.filter(m.id()::equals).isPresent())).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(summary = "One version: metrics, input schema, options, scorecard settings")
  public ModelDetail one(@PathParam("id") long id) {
    return ModelDetail.of(registry.find(id), registry.activeId().filter(a -> a == id).isPresent());
  }

  @GET
  @Path("{id}/report.pdf")
  @Produces("application/pdf")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(
      summary = "The model card of one version as a PDF (lang or Accept-Language: ru, en); the report is kept",
      description = "Training data and input schema, options, cross-validated metrics with calibration, the cut-off table by decile of "
          + "predicted default and the top features by mean absolute contribution.")
  @APIResponse(responseCode = "200", description = "The PDF, named in Content-Disposition as /api/download knows it")
  @APIResponse(responseCode = "404", description = "No such model version")
  public Response card(
      @PathParam("id") long id, @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context SecurityContext security) {
    Report report = modelCards.make(id, security.getUserPrincipal().getName(), Language.of(lang, AcceptLanguage.preferences(headers::getAcceptableLanguages)));
    return Response.ok(archive.content(report), "application/pdf")
        .header(Downloads.HEADER, Downloads.inline(report.fileName()))
        .build();
  }

  @POST
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(summary = "Train a new version in the background", description = "Learners: logistic, random_forest, boosted_trees.")
  @APIResponse(responseCode = "202", description = "Queued; Location is the job to follow")
  @APIResponse(responseCode = "409", description = "The dataset is already being trained on")
  public Response train(@NotNull @Valid TrainingRequest request, @Context SecurityContext security) {
    Learner learner =
        Learner.of(request.algorithm)
            .orElseThrow(() -> ProblemException.invalidField("algorithm", "must be one of " + Learner.names()));
    Map<String, Double> options = learner.options(request.options == null ? Map.of() : request.options);
    TrainingJob job = jobs.submit(request.dataset, learner, options, security.getUserPrincipal().getName());
    return Response.accepted(JobView.of(job, clock.instant())).location(URI.create("/api/jobs/" + job.id())).build();
  }

  @POST
  @Path("{id}/activate")
  @RolesAllowed(Role.ADMIN_NAME)
  @Operation(summary = "Make this version the one that scores (every instance within seconds)")
  public ModelSummary activate(@PathParam("id") long id, @Context SecurityContext security) {
    return ModelSummary.of(registry.activate(id, security.getUserPrincipal().getName()).model(), true);
  }

  @PUT
  @Path("{id}/settings")
  @RolesAllowed(Role.ADMIN_NAME)
  @Operation(summary = "Change the scorecard scaling and the approve / review / decline bands")
  public ModelDetail settings(@PathParam("id") long id, @NotNull @Valid SettingsRequest request) {
    var changed =
        registry.changeSettings(
            id, new ModelSettings(request.baseScore, request.baseOdds, request.pointsToDoubleOdds, request.approveBelow, request.declineFrom));
    return ModelDetail.of(changed, registry.activeId().filter(a -> a == id).isPresent());
  }
}
