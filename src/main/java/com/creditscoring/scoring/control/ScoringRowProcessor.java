package com.creditscoring.scoring.control;

import com.creditscoring.models.control.InputField;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.scoring.control.ScoringFileReader.NumberedRow;
import com.creditscoring.scoring.control.Scorer.Caller;
import com.creditscoring.scoring.control.Scorer.Outcome;
import com.creditscoring.scoring.entity.BatchJob;
import com.creditscoring.scoring.entity.Prediction.Channel;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Scores one row of a batch job's file with the model version the job started with. */
@Named("scoringRowProcessor")
@Dependent
public class ScoringRowProcessor implements ItemProcessor {

  @Inject BatchJobs jobs;
  @Inject Scorer scorer;

  @Inject
  @BatchProperty(name = BatchJobs.JOB_PARAMETER)
  String jobId;

  private LoadedModel model;
  private Caller caller;
  private Map<String, Boolean> numeric;

  @Override
  public Object processItem(Object item) {
    if (model == null) {
      BatchJob job = jobs.find(Long.parseLong(jobId));
      model = jobs.model(job);
      caller = BatchJobs.caller(job);
      numeric = model.schema().stream().collect(Collectors.toMap(InputField::name, InputField::numeric));
    }
    NumberedRow row = (NumberedRow) item;
    if (row.problem() != null) {
      return new Outcome((int) row.number(), null, List.of(new FieldError("row", row.problem())));
    }
    return scorer.decideRecord(model, CsvScoring.application(row.values(), numeric), (int) row.number(), "", caller, Channel.JOB);
  }
}
