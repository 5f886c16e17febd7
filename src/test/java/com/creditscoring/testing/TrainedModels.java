package com.creditscoring.testing;

import com.creditscoring.datasets.control.DemoData;
import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.models.control.ModelTrainer;
import java.util.EnumMap;
import java.util.Map;

/** Real Weka models trained in-process on the synthetic demo data (seed schema), once per learner. */
public final class TrainedModels {

  private static final Map<Learner, LoadedModel> TRAINED = new EnumMap<>(Learner.class);

  private TrainedModels() {}

  public static synchronized LoadedModel onDemoData(Learner learner) {
    return TRAINED.computeIfAbsent(
        learner,
        l -> {
          Map<String, Number> quick = l == Learner.LOGISTIC ? Map.of("folds", 2) : Map.of("folds", 2, "iterations", 50, "trees", 50);
          Map<String, Number> options = new java.util.HashMap<>();
          quick.forEach((k, v) -> {
            if (k.equals("folds") || l.options(Map.of()).containsKey(k)) {
              options.put(k, v);
            }
          });
          var trained = ModelTrainer.train(DemoData.generate(3000, 11), DemoData.DEFAULT, l, l.options(options), ModelTrainer.Progress.NONE);
          return LoadedModel.unregistered(trained, DemoData.DEFAULT, ModelSettings.DEFAULT);
        });
  }
}
