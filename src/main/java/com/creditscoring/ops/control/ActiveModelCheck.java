package com.creditscoring.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether a model is active for scoring. Reported by {@code /api/health/detailed}, deliberately not
 * a readiness check: an instance with no model must still take the sign-in and training requests
 * that produce one.
 *
 * <p>The model registry does not exist yet (issue "Datasets, training and the model registry"), so
 * no model can be active and this check is down; it will ask the registry once that lands.
 */
@ApplicationScoped
public class ActiveModelCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("models")
        .down()
        .withData("message", "no active model")
        .build();
  }
}
