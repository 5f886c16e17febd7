package com.creditscoring;

import com.creditscoring.auth.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API lives under {@code /api}: Payara's own {@code /health}, {@code /metrics} and
 * {@code /openapi} win over any application path at the context root. Requests are signed in by
 * {@code auth.boundary.BearerTokenMechanism}; the token's {@code groups} become roles only when the
 * roles are declared.
 */
@ApplicationPath("/api")
@ApplicationScoped
@DeclareRoles({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Credit Scoring API",
            version = "2.1",
            description =
                "Trains and governs Weka credit-risk models, scores loan applications and renders"
                    + " PDF reports. Errors are RFC 9457 application/problem+json."))
public class CreditScoringApplication extends Application {

  /**
   * No WADL: Jersey would otherwise describe every resource, with internal type names, to anyone
   * without a token (GET /api/application.wadl, and OPTIONS on any path). /openapi describes the API.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
