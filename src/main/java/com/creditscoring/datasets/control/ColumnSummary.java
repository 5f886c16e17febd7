package com.creditscoring.datasets.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.core.Attribute;
import weka.core.AttributeStats;
import weka.core.Instances;

/**
 * What an analyst needs to know about one column before training on it: its type, its values or
 * range, how often it is missing.
 */
public record ColumnSummary(
    String name,
    String type,
    boolean target,
    int missing,
    List<String> values,
    Map<String, Integer> counts,
    Double min,
    Double max,
    Double mean,
    Double stdDev) {

  public static List<ColumnSummary> of(Instances data) {
    List<ColumnSummary> columns = new ArrayList<>();
    for (int a = 0; a < data.numAttributes(); a++) {
      Attribute attribute = data.attribute(a);
      AttributeStats stats = data.attributeStats(a);
      boolean target = a == data.classIndex();
      if (attribute.isNominal()) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        for (int v = 0; v < attribute.numValues(); v++) {
          values.add(attribute.value(v));
          counts.put(attribute.value(v), stats.nominalCounts[v]);
        }
        columns.add(new ColumnSummary(attribute.name(), "nominal", target, stats.missingCount, values, counts, null, null, null, null));
      } else {
        var numeric = stats.numericStats;
        columns.add(
            new ColumnSummary(
                attribute.name(), "numeric", target, stats.missingCount, null, null,
                finite(numeric.min), finite(numeric.max), finite(numeric.mean), finite(numeric.stdDev)));
      }
    }
    return columns;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
