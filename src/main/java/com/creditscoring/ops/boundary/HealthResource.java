package com.creditscoring.ops.boundary;

import com.creditscoring.ops.control.HealthReport;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The seed's health endpoints, kept for its clients and monitors. The MicroProfile ones at {@code
 * /health/live} and {@code /health/ready} are what orchestrators should probe.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class HealthResource {

  static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  @Inject HealthReport report;

  @Inject
  @ConfigProperty(name = "app.version", defaultValue = "dev")
  String version;

  public record Health(String status, String timestamp, String version) {}

  public record DetailedHealth(
      String status, String timestamp, String version, Map<String, HealthReport.Check> checks) {}

  @GET
  @Operation(summary = "Liveness in the seed's format: always healthy while the process answers")
  public Health health() {
    return new Health("healthy", now(), version);
  }

  @GET
  @Path("detailed")
  @Operation(summary = "Every dependency's state: database, models, filesystem, data")
  @APIResponse(responseCode = "200", description = "All checks healthy")
  @APIResponse(
      responseCode = "503",
      description = "Degraded: at least one check unhealthy (the seed answered 200 here)")
  public Response detailed() {
    HealthReport.Report result = report.run();
    var body =
        new DetailedHealth(result.healthy() ? "healthy" : "degraded", now(), version, result.checks());
    return Response.status(result.healthy() ? 200 : 503).entity(body).build();
  }

  private static String now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(TIMESTAMP);
  }
}
