package com.creditscoring.scoring.control;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Marks a batch job succeeded when an execution ends with every row done. */
@Named("scoringJobListener")
@Dependent
public class ScoringJobListener extends AbstractJobListener {

  @Inject BatchJobs jobs;
  @Inject JobContext context;

  @Inject
  @BatchProperty(name = BatchJobs.JOB_PARAMETER)
  String jobId;

  @Override
  public void afterJob() {
    jobs.executionEnded(Long.parseLong(jobId), context.getExecutionId(), String.valueOf(context.getBatchStatus()), context.getExitStatus());
  }
}
