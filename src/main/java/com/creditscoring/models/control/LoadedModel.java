package com.creditscoring.models.control;

import com.creditscoring.models.entity.ScoringModel;
import java.util.List;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;

/**
 * A registered model in memory, ready to score from many threads at once. Weka classifiers are
 * not thread-safe (Logistic's internal filters hold state: shared, it silently gives wrong
 * scores), so each thread scores with its own copy of the trained classifier.
 */
public final class LoadedModel {

  private final ScoringModel model;
  private final Instances header;
  private final int positiveIndex;
  private final List<InputField> schema;
  private final ThreadLocal<Classifier> perThread;

  LoadedModel(ScoringModel model, Classifier trained, Instances header, String positiveClass, List<InputField> schema) {
    this.model = model;
    this.header = header;
    this.schema = List.copyOf(schema);
    this.positiveIndex = header.classAttribute().indexOfValue(positiveClass);
    this.perThread =
        ThreadLocal.withInitial(
            () -> {
              try {
                return AbstractClassifier.makeCopy(trained);
              } catch (Exception e) {
                throw new IllegalStateException("cannot copy model " + model.id(), e);
              }
            });
  }

  public long id() {
    return model.id();
  }

  public ScoringModel model() {
    return model;
  }

  /** The training header: every scoring request is checked against it. */
  public Instances header() {
    return header;
  }

  public List<InputField> schema() {
    return schema;
  }

  public double probabilityOfDefault(Instance applicant) {
    try {
      return perThread.get().distributionForInstance(applicant)[positiveIndex];
    } catch (Exception e) {
      throw new IllegalStateException("model " + model.id() + " cannot score: " + e.getMessage(), e);
    }
  }
}
