package com.creditscoring.models.boundary;

import com.creditscoring.auth.entity.Role;
import com.creditscoring.datasets.entity.Dataset;
import com.creditscoring.models.boundary.ModelViews.JobView;
import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LearnerComparison;
import com.creditscoring.models.control.ModelMetrics;
import com.creditscoring.models.control.ModelRegistry;
import com.creditscoring.models.control.TrainingJobs;
import com.creditscoring.models.entity.ScoringModel;
import com.creditscoring.models.entity.TrainingJob;
import com.creditscoring.problems.ProblemException;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The seed's training endpoints, kept for its clients: /train-final and /compare. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
public class TrainingResource {

  @Inject LearnerComparison comparison;
  @Inject TrainingJobs jobs;
  @Inject ModelRegistry registry;
  @Inject Clock clock;

  /** How long /train-final waits before answering 202 with the job instead. */
  @Inject
  @ConfigProperty(name = "train-final.wait-seconds", defaultValue = "600")
  long waitSeconds;

  public record Comparisons(String dataset, List<LearnerComparison.Result> models) {}

  /** The seed's answer, with accuracy cross-validated (the seed reported training-set accuracy). */
  public record FinalModel(String model, double accuracy, double auc, double gini, double ks, int version, long datasetId) {}

  @GET
  @Path("compare")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(summary = "Cross-validated comparison of every learner on the active dataset (stored per dataset)")
  public Comparisons compare(@Context SecurityContext security) {
    Dataset dataset = comparison.activeDataset();
    return new Comparisons(dataset.name(), comparison.compare(dataset, security.getUserPrincipal().getName()));
  }

  @POST
  @Path("train-final")
  @RolesAllowed(Role.ADMIN_NAME)
  @Operation(
      summary = "Train the best learner (by cross-validated AUC) on the active dataset and activate it",
      description = "Synchronous up to TRAIN_FINAL_WAIT_SECONDS (600); after that 202 with the job to follow.")
  @APIResponse(responseCode = "200", description = "Trained, registered and activated")
  @APIResponse(responseCode = "202", description = "Still training; Location is the job")
  @APIResponse(responseCode = "422", description = "The best learner could not be trained on the active dataset's data; the problem says why")
  public Response trainFinal(@Context SecurityContext security) {
    String user = security.getUserPrincipal().getName();
    Dataset dataset = comparison.activeDataset();
    LearnerComparison.Result best = comparison.compare(dataset, user).get(0);
    Learner learner = Learner.of(best.model()).orElseThrow();
    TrainingJob job = jobs.submit(dataset.id(), learner, learner.options(Map.of()), user);
    TrainingJob done = jobs.await(job.id(), Duration.ofSeconds(waitSeconds));
    if (!done.isFinished()) {
      return Response.accepted(JobView.of(done, clock.instant())).location(URI.create("/api/jobs/" + done.id())).build();
    }
    if (TrainingJobs.failedOnItsData(done)) {
      // The active dataset cannot train the chosen learner: the analyst can act on that, the server cannot.
      throw ProblemException.of(422, "Training " + learner.value() + " on dataset " + dataset.id() + " failed on its data: " + done.error());
    }
    if (done.modelId() == null) {
      throw ProblemException.of(500, "Training failed: " + done.error());
    }
    ScoringModel model = registry.activate(done.modelId(), user).model();
    ModelMetrics metrics = registry.metrics(model);
    return Response.ok(
            new FinalModel(model.algorithm(), metrics.accuracy(), metrics.auc(), metrics.gini(), metrics.ks(), model.id().intValue(), dataset.id()))
        .build();
  }
}
