package com.creditscoring.scoring.boundary;

import com.creditscoring.auth.boundary.Readers;
import com.creditscoring.auth.entity.Role;
import com.creditscoring.ops.boundary.Downloads;
import com.creditscoring.problems.AcceptLanguage;
import com.creditscoring.problems.RequestIds;
import com.creditscoring.scoring.control.BatchJobs;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.scoring.control.Scorer.Caller;
import com.creditscoring.scoring.entity.BatchJob;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Scoring jobs for large CSV files: submit, follow, download the result. */
@Path("batch-jobs")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
public class BatchJobsResource {

  @Inject BatchJobs jobs;
  @Context HttpServletRequest request;
  @Context SecurityContext security;
  @Context HttpHeaders headers;

  /**
   * A batch job as clients follow it.
   *
   * @param progress the share of rows done, 0 to 1
   * @param lang the language of the job's reasons, {@code en} or {@code ru}, as asked for at submission
   * @param result where the result CSV is, once the job has succeeded
   */
  public record BatchJobView(
      long id, String state, long totalRows, long rowsDone, double progress, long scored, long rejected, int attempts,
      long modelVersion, String lang, String createdBy, Instant createdAt, Instant finishedAt, String error, String result) {

    static BatchJobView of(BatchJob job) {
      return new BatchJobView(
          job.id(), job.state(), job.totalRows(), job.rowsDone(), job.totalRows() == 0 ? 1 : (double) job.rowsDone() / job.totalRows(),
          job.scored(), job.rejected(), job.attempts(), job.modelId(), job.language(), job.createdBy(), job.createdAt(), job.finishedAt(), job.error(),
          job.state().equals(BatchJob.SUCCEEDED) ? "/api/batch-jobs/" + job.id() + "/result.csv" : null);
    }
  }

  @POST
  @Consumes("text/csv")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(
      summary =
          "Score a large CSV (header = field names) as a restartable Jakarta Batch job with the active model; follow it at"
              + " Location, download the result when it has succeeded")
  @APIResponse(responseCode = "202", description = "Accepted; Location is the job")
  @APIResponse(
      responseCode = "422",
      description = "A required column is missing or an unknown one is present, the file has no data rows, lang is not en or ru")
  @APIResponse(responseCode = "503", description = "No model is active yet")
  public Response submit(InputStream csv, @QueryParam("lang") String lang) throws IOException {
    // Checked as /api/predict/csv checks it, before the upload is read: an unknown lang is a 422.
    Language language = Language.of(lang, AcceptLanguage.preferences(headers::getAcceptableLanguages));
    Caller caller = new Caller(security.getUserPrincipal().getName(), RequestIds.of(request), language);
    BatchJob job = jobs.submit(csv, caller);
    return Response.accepted(BatchJobView.of(job)).location(URI.create("/api/batch-jobs/" + job.id())).build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "A batch job's state and progress; users see their own")
  public BatchJobView one(@PathParam("id") long id) {
    return BatchJobView.of(visible(id));
  }

  @GET
  @Path("{id}/result.csv")
  @Produces("text/csv")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "The input rows with row, prediction_id, probability_default, score, decision, risk_band, reason_codes and error")
  @APIResponse(responseCode = "409", description = "The job has not succeeded (yet)")
  public Response result(@PathParam("id") long id) {
    BatchJob job = visible(id);
    if (!job.state().equals(BatchJob.SUCCEEDED)) {
      throw BatchJobs.notFinished(job);
    }
    StreamingOutput csv =
        out -> {
          BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          jobs.writeResult(job, writer);
          writer.flush();
        };
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header(Downloads.HEADER, Downloads.attachment("batch-job-" + id + "-decisions.csv"))
        .build();
  }

  /** The job, if the caller may see it; others' jobs look missing to users. */
  private BatchJob visible(long id) {
    BatchJob job = jobs.find(id);
    if (!Readers.mayRead(security, job.createdBy())) {
      throw new NotFoundException("no batch job " + id);
    }
    return job;
  }

}
