package com.creditscoring.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the heap has room after collection. A JVM stuck near its heap limit spends its time
 * collecting and answers nothing useful: restarting it is the cure.
 */
@Liveness
@ApplicationScoped
public class MemoryHealthCheck implements HealthCheck {

  static final double MAX_USED_FRACTION = 0.95;

  @Override
  public HealthCheckResponse call() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    long max = runtime.maxMemory();
    return HealthCheckResponse.named("memory")
        .status(used < max * MAX_USED_FRACTION)
        .withData("heap_used_bytes", used)
        .withData("heap_max_bytes", max)
        .build();
  }
}
