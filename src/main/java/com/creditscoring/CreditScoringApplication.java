package com.creditscoring;

import com.creditscoring.auth.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
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
public class CreditScoringApplication extends Application {}
