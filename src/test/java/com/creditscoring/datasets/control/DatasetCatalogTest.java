package com.creditscoring.datasets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.problems.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.Instances;

/** What the catalog refuses before it stores a dataset. */
class DatasetCatalogTest {

  @Test
  void refusesAColumnSummaryLongerThanTheColumnThatKeepsItAsA422() {
    // 200 columns of 100 categories at the longest allowed: every name and value within the limits,
    // but together more than the summary column holds.
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int a = 0; a < 200; a++) {
      List<String> values = new ArrayList<>();
      for (int v = 0; v < 100; v++) {
        String prefix = a + "-" + v + "-";
        values.add(prefix + "v".repeat(TableReader.MAX_VALUE_LENGTH - prefix.length()));
      }
      attributes.add(new Attribute("column" + a, values));
    }
    attributes.add(new Attribute("default", List.of("0", "1")));
    Instances data = new Instances("wide", attributes, 0);
    data.setClassIndex(data.numAttributes() - 1);

    ProblemException problem = assertThrows(ProblemException.class, () -> new DatasetCatalog().summaryJson(data));
    assertEquals(422, problem.problem().status());
    assertEquals("file", problem.problem().errors().get(0).field());
    assertTrue(problem.problem().errors().get(0).message().contains("remove columns or categories"), problem.problem().errors()::toString);
  }

  @Test
  void keepsTheSummaryOfAnOrdinaryTable() {
    Instances data = DemoData.generate(50, 1L);
    assertTrue(new DatasetCatalog().summaryJson(data).startsWith("["));
  }
}
