package com.creditscoring.models.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.models.entity.TrainingJob;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainingJobsTest {

  private static TrainingJob failedWith(String error) {
    TrainingJob job = new TrainingJob(1L, "logistic", "{}", "ann", Instant.EPOCH);
    job.fail(error, Instant.EPOCH);
    return job;
  }

  @Test
  void aJobRefusedByTheTrainerFailedOnItsData() {
    assertTrue(TrainingJobs.failedOnItsData(failedWith("The logistic learner could not be fitted to this data.")));
  }

  @Test
  void aServerErrorOrAStoppedInstanceIsNotTheDatasFault() {
    assertFalse(TrainingJobs.failedOnItsData(failedWith(TrainingJobs.SERVER_FAILURE)));
    assertFalse(TrainingJobs.failedOnItsData(failedWith(TrainingJobs.ABANDONED + ": the instance running it stopped")));
  }

  @Test
  void aJobStillRunningHasNotFailed() {
    assertFalse(TrainingJobs.failedOnItsData(new TrainingJob(1L, "logistic", "{}", "ann", Instant.EPOCH)));
  }
}
