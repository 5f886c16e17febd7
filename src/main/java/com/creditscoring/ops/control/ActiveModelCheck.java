package com.creditscoring.ops.control;

import com.creditscoring.models.control.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether this instance has a model to score with. Reported by {@code /api/health/detailed},
 * deliberately not a readiness check: an instance with no model must still take the sign-in and
 * training requests that produce one.
 */
@ApplicationScoped
public class ActiveModelCheck implements HealthCheck {

  @Inject ModelRegistry registry;

  @Override
  public HealthCheckResponse call() {
    var active = registry.active();
    return HealthCheckResponse.named("models")
        .status(active.isPresent())
        .withData(
            "message",
            active.map(m -> "model " + m.id() + " (" + m.model().algorithm() + ", CV AUC " + String.format(java.util.Locale.ROOT, "%.3f", m.model().cvAuc()) + ") is active")
                .orElse("no active model: train one with POST /api/train-final"))
        .build();
  }
}
