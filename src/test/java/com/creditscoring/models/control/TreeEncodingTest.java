package com.creditscoring.models.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;

class TreeEncodingTest {

  /** grade (A, B, C) with default rates 50 %, 0 %, 100 %; income numeric; class last. */
  private static Instances training() {
    ArrayList<Attribute> attributes = new ArrayList<>();
    attributes.add(new Attribute("grade", List.of("A", "B", "C")));
    attributes.add(new Attribute("income"));
    attributes.add(new Attribute("status", List.of("0", "1")));
    Instances data = new Instances("loans", attributes, 0);
    data.setClassIndex(2);
    double[][] rows = {{0, 10, 1}, {0, 20, 0}, {1, 30, 0}, {1, 40, 0}, {2, 50, 1}, {2, 60, 1}};
    for (double[] row : rows) {
      data.add(new DenseInstance(1, row));
    }
    return data;
  }

  private static Instances encode(TreeEncoding encoding, Instances data) throws Exception {
    encoding.setInputFormat(data);
    return Filter.useFilter(data, encoding);
  }

  @Test
  void categoriesAreRankedByTheirTrainingDefaultRateAndOneHotEncoded() throws Exception {
    TreeEncoding encoding = new TreeEncoding();
    Instances encoded = encode(encoding, training());
    List<String> names = new ArrayList<>();
    encoded.enumerateAttributes().asIterator().forEachRemaining(a -> names.add(a.name()));
    assertEquals(List.of("grade#rank", "grade=A", "grade=B", "grade=C", "income"), names);
    assertEquals("status", encoded.classAttribute().name());
    // B (0 %) ranks 0, A (50 %) 1, C (100 %) 2.
    assertArrayEquals(new double[] {1, 1, 0, 0, 10, 1}, encoded.instance(0).toDoubleArray());
    assertArrayEquals(new double[] {0, 0, 1, 0, 30, 0}, encoded.instance(2).toDoubleArray());
    assertArrayEquals(new double[] {2, 0, 0, 1, 60, 1}, encoded.instance(5).toDoubleArray());
    for (int c = 0; c < 4; c++) {
      assertEquals(0, encoding.sourceOf(c), "column " + c + " comes from grade");
    }
    assertEquals(1, encoding.sourceOf(4));
    assertEquals(2, encoding.sourceOf(5));
  }

  @Test
  void ranksAreLearntFromTheFirstBatchOnly() throws Exception {
    TreeEncoding encoding = new TreeEncoding();
    Instances data = training();
    encode(encoding, data);
    // A later batch where B always defaults must not reorder the categories.
    double[] laterB = {1, 35, 1};
    assertArrayEquals(new double[] {0, 0, 1, 0, 35, 1}, encoding.encode(laterB));
  }

  @Test
  void aMissingCategoryStaysMissingInEveryColumnOfItsField() throws Exception {
    TreeEncoding encoding = new TreeEncoding();
    encode(encoding, training());
    double[] encoded = encoding.encode(new double[] {Utils.missingValue(), 25, 0});
    for (int c = 0; c < 4; c++) {
      assertTrue(Utils.isMissingValue(encoded[c]), "column " + c);
    }
    assertEquals(25, encoded[4]);
  }
}
