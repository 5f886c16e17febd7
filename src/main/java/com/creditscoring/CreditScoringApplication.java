package com.creditscoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API lives under {@code /api}: Payara's own {@code /health}, {@code /metrics} and
 * {@code /openapi} win over any application path at the context root.
 */
@ApplicationPath("/api")
@ApplicationScoped
@OpenAPIDefinition(
    info =
        @Info(
            title = "Credit Scoring API",
            version = "2.1",
            description =
                "Trains and governs Weka credit-risk models, scores loan applications and renders"
                    + " PDF reports. Errors are RFC 9457 application/problem+json."))
public class CreditScoringApplication extends Application {}
