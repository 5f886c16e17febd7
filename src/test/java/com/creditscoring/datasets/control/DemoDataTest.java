package com.creditscoring.datasets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.Logistic;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instances;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;

class DemoDataTest {

  @Test
  void isTheSameForEveryInstallation() {
    assertEquals(DemoData.generate(200, 7).toString(), DemoData.generate(200, 7).toString());
  }

  @Test
  void defaultsAboutOneApplicantInFive() {
    Instances data = DemoData.generate(5000, 42);
    double rate = data.attributeStats(data.classIndex()).nominalCounts[1] / (double) data.numInstances();
    assertTrue(rate > 0.15 && rate < 0.25, "default rate " + rate);
  }

  @Test
  void carriesARealRelationshipBetweenApplicantAndDefault() throws Exception {
    Instances data = DemoData.generate(3000, 42);
    FilteredClassifier model = new FilteredClassifier();
    model.setFilter(new ReplaceMissingValues());
    model.setClassifier(new Logistic());
    Evaluation evaluation = new Evaluation(data);
    evaluation.crossValidateModel(model, data, 5, new Random(1));
    double auc = evaluation.areaUnderROC(1);
    assertTrue(auc > 0.75 && auc < 0.95, "AUC " + auc);
  }
}
