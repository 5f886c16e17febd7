package com.creditscoring.models.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainingJobTest {

  private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");

  @Test
  void aQueuedOrRunningJobKeptAliveRenewsItsHeartbeat() {
    TrainingJob job = new TrainingJob(1L, "logistic", "{}", "admin", CREATED);
    job.alive(CREATED.plusSeconds(5));
    assertEquals(CREATED.plusSeconds(5), job.heartbeatAt());
    job.start(CREATED.plusSeconds(6));
    job.alive(CREATED.plusSeconds(20));
    assertEquals(CREATED.plusSeconds(20), job.heartbeatAt());
  }

  @Test
  void aFinishedJobKeepsTheHeartbeatOfItsEnd() {
    TrainingJob job = new TrainingJob(1L, "logistic", "{}", "admin", CREATED);
    job.start(CREATED.plusSeconds(1));
    job.fail("abandoned", CREATED.plusSeconds(40));
    job.alive(CREATED.plusSeconds(45));
    assertEquals(CREATED.plusSeconds(40), job.heartbeatAt());
    assertEquals("failed", job.state());
  }
}
