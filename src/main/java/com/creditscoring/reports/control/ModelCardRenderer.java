package com.creditscoring.reports.control;

import com.creditscoring.models.control.ModelMetrics;
import com.creditscoring.models.control.ModelSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Renders a {@link ModelCard} as PDF with reports/model-card.jrxml. */
@ApplicationScoped
public class ModelCardRenderer {

  public byte[] render(ModelCard card) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("madeAt", Date.from(card.madeAt()));
    parameters.put("version", card.version());
    parameters.put("algorithm", card.algorithm());
    parameters.put("learner", Compiled.TEMPLATE.labelOr(card.language(), "learner." + card.algorithm(), card.algorithm()));
    parameters.put("active", card.active());
    parameters.put("trainedAt", Date.from(card.trainedAt()));
    parameters.put("trainedBy", card.trainedBy());
    parameters.put("checksum", card.checksum());
    ModelCard.TrainingData dataset = card.dataset();
    parameters.put("datasetName", dataset.name());
    parameters.put("datasetSource", dataset.source());
    parameters.put("datasetRows", dataset.rows());
    parameters.put("target", dataset.target());
    parameters.put("positiveClass", dataset.positiveClass());
    parameters.put("defaultRate", dataset.defaultRate());
    metrics(parameters, card.metrics());
    settings(parameters, card.settings());
    parameters.put("options", card.options().stream().map(o -> Map.of("name", o.name(), "value", o.value())).toList());
    parameters.put("wekaOptions", card.wekaOptions());
    parameters.put("calibrationChart", card.calibrationChart());
    parameters.put("cutoffs", card.cutoffs().stream().map(ModelCardRenderer::row).toList());
    List<ModelCard.Feature> features = card.topFeatures();
    parameters.put(
        "features",
        IntStream.range(0, features.size())
            .mapToObj(i -> Map.of("rank", i + 1, "label", features.get(i).label(), "value", features.get(i).meanAbsoluteContribution()))
            .toList());
    parameters.put("featureRows", card.featureMethod().rows());
    parameters.put("featureExact", card.featureMethod().exact());
    parameters.put("featureOrderings", card.featureMethod().orderings());
    return Compiled.TEMPLATE.pdf(card.language(), parameters, card.schema().stream().map(ModelCardRenderer::row).toList(), "model " + card.version());
  }

  private static void metrics(Map<String, Object> parameters, ModelMetrics metrics) {
    parameters.put("folds", metrics.folds());
    parameters.put("cvRows", metrics.rows());
    parameters.put("auc", metrics.auc());
    parameters.put("gini", metrics.gini());
    parameters.put("ks", metrics.ks());
    parameters.put("accuracy", metrics.accuracy());
    parameters.put("brier", metrics.brier());
    parameters.put("cutoff", metrics.cutoff());
    parameters.put("precision", metrics.precision());
    parameters.put("recall", metrics.recall());
    parameters.put("f1", metrics.f1());
    parameters.put("foldAucMin", metrics.foldAucs().stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(metrics.auc()));
    parameters.put("foldAucMax", metrics.foldAucs().stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(metrics.auc()));
  }

  private static void settings(Map<String, Object> parameters, ModelSettings settings) {
    parameters.put("baseScore", settings.baseScore());
    parameters.put("baseOdds", settings.baseOdds());
    parameters.put("pointsToDoubleOdds", settings.pointsToDoubleOdds());
    parameters.put("approveBelow", settings.approveBelow());
    parameters.put("declineFrom", settings.declineFrom());
  }

  // The template's field names.
  private static Map<String, ?> row(ModelCard.Field field) {
    return Map.of("name", field.name(), "label", field.label(), "type", field.type(), "allowed", field.allowed(), "required", field.required());
  }

  private static Map<String, ?> row(CutoffTable.Row row) {
    // HashMap: a band nobody fell in has no bad rate, and Map.of refuses nulls.
    Map<String, Object> fields = new HashMap<>();
    fields.put("band", row.band().name());
    fields.put("fromProbability", row.fromProbability());
    fields.put("belowProbability", row.belowProbability());
    fields.put("scores", row.scores());
    fields.put("count", row.count());
    fields.put("badRate", row.badRate());
    fields.put("approvalRate", row.approvalRate());
    fields.put("approvedBadRate", row.approvedBadRate());
    return fields;
  }

  /** Loaded on first use rather than with the bean, so that CDI proxies do not load it too. */
  private static final class Compiled {
    static final ReportTemplate TEMPLATE = ReportTemplate.load("model-card");
  }
}
