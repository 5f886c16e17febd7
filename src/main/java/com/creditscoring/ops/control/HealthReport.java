package com.creditscoring.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The seed's detailed health: every dependency in one answer, for people and load balancers. */
@ApplicationScoped
public class HealthReport {

  private static final Logger LOG = Logger.getLogger(HealthReport.class.getName());

  @Inject @Readiness DatabaseHealthCheck database;
  @Inject ActiveModelCheck models;
  @Inject @Readiness DataFolderHealthCheck filesystem;
  @Inject TrainingDataCheck data;

  /** One dependency's state in the seed's words. */
  public record Check(String status, String message) {}

  public record Report(boolean healthy, Map<String, Check> checks) {}

  public Report run() {
    Map<String, Check> checks = new LinkedHashMap<>();
    checks.put("database", run(database));
    checks.put("models", run(models));
    checks.put("filesystem", run(filesystem));
    checks.put("data", run(data));
    boolean healthy = checks.values().stream().allMatch(c -> c.status().equals("healthy"));
    return new Report(healthy, checks);
  }

  private static Check run(HealthCheck check) {
    HealthCheckResponse response;
    try {
      response = check.call();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Health check failed", e);
      return new Check("unhealthy", "check failed: " + e.getMessage());
    }
    boolean up = response.getStatus() == HealthCheckResponse.Status.UP;
    return new Check(up ? "healthy" : "unhealthy", describe(response, up));
  }

  private static String describe(HealthCheckResponse response, boolean up) {
    Map<String, Object> data = response.getData().orElse(Map.of());
    if (data.containsKey("message")) {
      return data.get("message").toString();
    }
    if (data.isEmpty()) {
      return up ? "ok" : "down";
    }
    StringBuilder text = new StringBuilder();
    data.forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ").append(key).append(": ").append(value));
    return text.toString();
  }
}
