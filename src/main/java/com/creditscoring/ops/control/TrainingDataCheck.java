package com.creditscoring.ops.control;

import com.creditscoring.datasets.control.DatasetCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Whether there is data to train on (the seed's "data" check), for {@code /api/health/detailed}. */
@ApplicationScoped
public class TrainingDataCheck implements HealthCheck {

  @Inject DatasetCatalog datasets;

  @Override
  public HealthCheckResponse call() {
    long count = datasets.count();
    return HealthCheckResponse.named("data")
        .status(count > 0)
        .withData("message", count > 0 ? count + " dataset(s) registered" : "no dataset registered")
        .build();
  }
}
