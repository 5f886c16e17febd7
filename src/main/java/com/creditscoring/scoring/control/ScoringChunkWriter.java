package com.creditscoring.scoring.control;

import com.creditscoring.scoring.control.Scorer.Outcome;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Commits a chunk's decisions, rejected rows and the job's progress in one transaction. */
@Named("scoringChunkWriter")
@Dependent
public class ScoringChunkWriter extends AbstractItemWriter {

  @Inject BatchJobs jobs;

  @Inject
  @BatchProperty(name = BatchJobs.JOB_PARAMETER)
  String jobId;

  @Override
  public void writeItems(List<Object> items) {
    List<Outcome> outcomes = items.stream().map(Outcome.class::cast).toList();
    jobs.commitChunk(Long.parseLong(jobId), outcomes.get(0).index(), outcomes);
  }
}
