package com.creditscoring.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether a dataset is registered to train on (the seed's "data" check). Reported by {@code
 * /api/health/detailed} only.
 *
 * <p>Datasets do not exist yet (issue "Datasets, training and the model registry"), so this check
 * is down; it will count registered datasets once that lands.
 */
@ApplicationScoped
public class TrainingDataCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("data")
        .down()
        .withData("message", "no dataset registered")
        .build();
  }
}
