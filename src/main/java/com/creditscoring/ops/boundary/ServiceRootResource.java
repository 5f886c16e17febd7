package com.creditscoring.ops.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The seed's root document: where the docs and the health check are. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ServiceRootResource {

  @Inject
  @ConfigProperty(name = "app.version", defaultValue = "dev")
  String version;

  public record ServiceRoot(String message, String version, String docs, String health) {}

  @GET
  @Operation(summary = "Service name, version and links to the API description and health")
  public ServiceRoot root() {
    return new ServiceRoot("Credit Scoring API", version, "/openapi", "/api/health");
  }
}
