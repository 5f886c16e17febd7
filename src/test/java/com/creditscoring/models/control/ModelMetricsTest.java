package com.creditscoring.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.ops.control.SnakeCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelMetricsTest {

  private static ModelMetrics withFoldAucs(List<Double> foldAucs) {
    var predictions = new ModelMetrics.Predictions(new double[] {0.2, 0.7, 0.4, 0.9}, new boolean[] {false, true, false, true});
    return ModelMetrics.of(predictions, 0.5, foldAucs.size(), foldAucs, 0.1);
  }

  @Test
  void aucOfOneOutcomeAloneIsUndefined() {
    assertTrue(Double.isNaN(ModelMetrics.auc(new double[] {0.3, 0.6}, new boolean[] {true, true})));
  }

  @Test
  void keepsAnUndefinedFoldAucAsNull() {
    ModelMetrics metrics = withFoldAucs(List.of(Double.NaN, 0.75));
    assertNull(metrics.foldAucs().get(0));
    assertEquals(0.75, metrics.foldAucs().get(1));
  }

  @Test
  void metricsWithAnUndefinedFoldAucSerializeAndReadBack() {
    String json = SnakeCase.JSON.toJson(withFoldAucs(List.of(Double.NaN, 0.75)));
    assertTrue(json.contains("\"fold_aucs\":[null,0.75]"), json);
    ModelMetrics read = SnakeCase.JSON.fromJson(json, ModelMetrics.class);
    assertNull(read.foldAucs().get(0));
    assertEquals(1.0, read.auc());
  }
}
