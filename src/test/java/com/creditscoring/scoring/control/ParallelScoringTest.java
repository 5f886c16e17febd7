package com.creditscoring.scoring.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.creditscoring.datasets.control.DemoData;
import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LoadedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import weka.core.Instances;

/**
 * Weka's Logistic gives silently wrong scores when one instance is shared by threads (its filters
 * hold state). A loaded model must score in parallel exactly as it scores one by one.
 */
class ParallelScoringTest {

  @ParameterizedTest
  @EnumSource(Learner.class)
  void parallelScoresEqualSequentialOnes(Learner learner) throws Exception {
    LoadedModel model = trainedOnDemoData(learner);
    Instances applicants = DemoData.generate(2_000, 99);
    double[] sequential = new double[applicants.numInstances()];
    for (int i = 0; i < sequential.length; i++) {
      sequential[i] = model.probabilityOfDefault(applicants.instance(i));
    }
    double[] parallel = new double[sequential.length];
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        // Every thread scores every row, in its own order, and checks it against the sequential score.
        work.add(
            threads.submit(
                () -> {
                  for (int k = 0; k < sequential.length; k++) {
                    int i = (k * 7 + offset * 131) % sequential.length;
                    double p = model.probabilityOfDefault(applicants.instance(i));
                    assertEquals(sequential[i], p, 0.0, "row " + i);
                    if (offset == 0) {
                      parallel[i] = p;
                    }
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertArrayEquals(sequential, parallel, 0.0);
  }

  private static LoadedModel trainedOnDemoData(Learner learner) {
    return com.creditscoring.testing.TrainedModels.onDemoData(learner);
  }
}
