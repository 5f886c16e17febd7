package com.creditscoring.models.boundary;

import com.creditscoring.auth.entity.Role;
import com.creditscoring.models.boundary.ModelViews.JobView;
import com.creditscoring.models.control.TrainingJobs;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Training jobs: follow progress, cancel. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
public class JobsResource {

  @Inject TrainingJobs jobs;
  @Inject Clock clock;

  @GET
  @Path("{id}")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(summary = "State, progress, ETA and, when done, the model it registered")
  public JobView one(@PathParam("id") long id) {
    return JobView.of(jobs.find(id), clock.instant());
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME})
  @Operation(summary = "Cancel a queued or running job; nothing is registered")
  public JobView cancel(@PathParam("id") long id) {
    return JobView.of(jobs.cancel(id), clock.instant());
  }
}
