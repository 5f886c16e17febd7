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
 */
public record InputField(String name, String type, List<String> allowedValues, Double observedMin, Double observedMax, boolean required) {

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
        fields.add(new InputField(attribute.name(), "nominal", values, null, null, required));
      } else {
        fields.add(new InputField(attribute.name(), "numeric", null, stats.numericStats.min, stats.numericStats.max, required));
      }
    }
    return fields;
  }
}
