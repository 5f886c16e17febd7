package com.creditscoring.scoring.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BatchJobTest {

  private static BatchJob runningAtRow(long rowsDone) {
    BatchJob job = new BatchJob("ann", "request", 7, "en", 10_000, Instant.EPOCH);
    job.advance(rowsDone, rowsDone, 0, Instant.EPOCH);
    return job;
  }

  @Test
  void takesTheChunkThatStartsWhereTheJobStands() {
    assertDoesNotThrow(() -> runningAtRow(0).checkChunkStartsAt(1));
    assertDoesNotThrow(() -> runningAtRow(500).checkChunkStartsAt(501));
  }

  @Test
  void refusesAChunkAnotherExecutionAlreadyCommitted() {
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> runningAtRow(1000).checkChunkStartsAt(501));
    assertTrue(refused.getMessage().contains("another execution took it over"), refused::getMessage);
  }

  @Test
  void refusesEveryChunkOnceTheJobHasFailedSoItsQueuedExecutionsStop() {
    BatchJob job = runningAtRow(500);
    job.fail("stopped 3 times without finishing; last at row 500", Instant.EPOCH);
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> job.checkChunkStartsAt(501));
    assertTrue(refused.getMessage().contains("is failed, not running"), refused::getMessage);
  }

  @Test
  void refusesAChunkOfAJobThatHasSucceeded() {
    BatchJob job = runningAtRow(10_000);
    job.succeed(Instant.EPOCH);
    assertThrows(IllegalStateException.class, () -> job.checkChunkStartsAt(10_001));
  }
}
