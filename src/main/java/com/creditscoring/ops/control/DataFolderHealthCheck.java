package com.creditscoring.ops.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the data folder takes writes and has room: models, reports and the embedded
 * database are written there, and a full disk fails them half-way.
 */
@Readiness
@ApplicationScoped
public class DataFolderHealthCheck implements HealthCheck {

  @Inject DataFolder dataFolder;

  /** Below this much free space the instance stops taking traffic before writes start failing. */
  @Inject
  @ConfigProperty(name = "health.min-free-bytes", defaultValue = "104857600")
  String minFreeSetting;

  private long minFreeBytes;

  @PostConstruct
  void readSettings() {
    minFreeBytes = Settings.positiveLong("HEALTH_MIN_FREE_BYTES", minFreeSetting);
  }

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named("filesystem").withData("path", dataFolder.root().toString());
    try {
      Path probe = Files.createTempFile(dataFolder.root(), ".health", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      return response.down().withData("message", "not writable: " + e.getMessage()).build();
    }
    long free = dataFolder.usableBytes();
    response.withData("free_bytes", free);
    if (free < minFreeBytes) {
      return response
          .down()
          .withData("message", "only " + free / (1024 * 1024) + " MiB free")
          .build();
    }
    return response.up().build();
  }
}
