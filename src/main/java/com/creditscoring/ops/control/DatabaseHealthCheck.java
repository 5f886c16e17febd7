package com.creditscoring.ops.control;

import com.creditscoring.storage.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers: every request that matters reads or writes it. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  @Inject Database database;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    if (!database.isReachable(3)) {
      return response.down().withData("message", "database does not answer").build();
    }
    return response
        .up()
        .withData("product", database.productName())
        .withData("schema_change_sets", database.appliedChangeSets())
        .build();
  }
}
