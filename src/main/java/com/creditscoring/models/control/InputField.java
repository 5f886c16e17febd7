package com.creditscoring.models.control;

import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.AttributeStats;
import weka.core.Instances;

/**
 * One field a model expects in a scoring request: its type, the values it knows (nominal) or the
 * range it saw in training (numeric), and whether it may be left out.
 *
 * @param required false when the training data had this field missing, so the model has learnt
 *     what to do without it
 * @param mean the training mean of a numeric field
 * @param mostCommon the commonest value of a nominal field in training
 */
public record InputField(
    String name, String type, List<String> allowedValues, Double observedMin, Double observedMax, boolean required, Double mean, String mostCommon) {

  public boolean numeric() {
    return "numeric".equals(type);
  }

  /**
   * The value of a typical applicant: explanations measure each field against it. Models saved
   * before the typical values were recorded fall back to the middle of the range and the first
   * value.
   */
  public Object typical() {
    if (numeric()) {
      return mean != null ? mean : (observedMin + observedMax) / 2;
    }
    return mostCommon != null ? mostCommon : allowedValues.get(0);
  }

  /** The schema of every field but the target, read from the training data. */
  public static List<InputField> schemaOf(Instances data) {
    List<InputField> fields = new ArrayList<>();
    for (int a = 0; a < data.numAttributes(); a++) {
      if (a == data.classIndex()) {
        continue;
      }
      Attribute attribute = data.attribute(a);
      AttributeStats stats = data.attributeStats(a);
      boolean required = stats.missingCount == 0;
      if (attribute.isNominal()) {
        List<String> values = new ArrayList<>();
        for (int v = 0; v < attribute.numValues(); v++) {
          values.add(attribute.value(v));
        }
        int[] counts = stats.nominalCounts;
        int commonest = 0;
        for (int v = 1; v < counts.length; v++) {
          commonest = counts[v] > counts[commonest] ? v : commonest;
        }
        fields.add(new InputField(attribute.name(), "nominal", values, null, null, required, null, values.get(commonest)));
      } else {
        fields.add(
            new InputField(
                attribute.name(), "numeric", null, stats.numericStats.min, stats.numericStats.max, required, stats.numericStats.mean, null));
      }
    }
    return fields;
  }
}
