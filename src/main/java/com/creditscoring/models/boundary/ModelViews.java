package com.creditscoring.models.boundary;

import com.creditscoring.models.entity.ScoringModel;
import com.creditscoring.models.entity.TrainingJob;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.time.Instant;

/** The JSON shapes of models and jobs, shared by the models, jobs and training endpoints. */
public final class ModelViews {

  private ModelViews() {}

  public record ModelSummary(
      long id, int version, String algorithm, long datasetId, double cvAuc, int trainingRows, boolean active,
      String createdBy, Instant createdAt) {
    static ModelSummary of(ScoringModel m, boolean active) {
      return new ModelSummary(
          m.id(), m.id().intValue(), m.algorithm(), m.datasetId(), m.cvAuc(), m.trainingRows(), active, m.createdBy(), m.createdAt());
    }
  }

  /** Everything about one version: quality, what it expects as input, how it decides. */
  public record ModelDetail(
      ModelSummary model, String wekaOptions, JsonStructure options, JsonStructure metrics,
      JsonStructure inputSchema, JsonStructure settings, String checksum, long storedBytes) {
    static ModelDetail of(ScoringModel m, boolean active) {
      return new ModelDetail(
          ModelSummary.of(m, active), m.wekaOptions(), parse(m.optionsJson()), parse(m.metricsJson()),
          parse(m.schemaJson()), parse(m.settingsJson()), m.checksum(), m.contentBytes());
    }
  }

  public record JobView(
      long id, String state, double progress, Long etaSeconds, long datasetId, String algorithm, Long modelId,
      String model, String error, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {
    public static JobView of(TrainingJob j, Instant now) {
      var eta = j.eta(now);
      return new JobView(
          j.id(), j.state(), j.progress(), eta == null ? null : eta.toSeconds(), j.datasetId(), j.algorithm(), j.modelId(),
          j.modelId() == null ? null : "/api/models/" + j.modelId(), j.error(), j.createdBy(), j.createdAt(), j.startedAt(), j.finishedAt());
    }
  }

  public static JsonStructure parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.read();
    }
  }
}
