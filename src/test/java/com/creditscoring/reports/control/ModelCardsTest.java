package com.creditscoring.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.datasets.control.DemoData;
import com.creditscoring.models.control.InputField;
import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.testing.TrainedModels;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

class ModelCardsTest {

  /** The rows the in-process model was trained on (TrainedModels uses the same size and seed). */
  private static Instances trainingRows() {
    return DemoData.generate(3000, 11);
  }

  @Test
  void topFeaturesAreTheFieldsWithTheLargestMeanAbsoluteContributionLargestFirst() {
    LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);

    List<ModelCard.Feature> features = ModelCards.topFeatures(model, trainingRows(), Language.RU);

    assertEquals(Math.min(ModelCards.TOP_FEATURES, model.schema().size()), features.size());
    for (int i = 1; i < features.size(); i++) {
      assertTrue(features.get(i - 1).meanAbsoluteContribution() >= features.get(i).meanAbsoluteContribution(), features::toString);
    }
    assertTrue(features.get(0).meanAbsoluteContribution() > 0.1, features::toString);
    // On the demo data default follows the loan's share of income and its grade; labels are Russian.
    List<String> topThree = features.stream().limit(3).map(ModelCard.Feature::label).toList();
    assertTrue(topThree.contains("Доля кредита в доходе") || topThree.contains("Класс кредита"), topThree::toString);
  }

  @Test
  void topFeaturesAreTheSameEachTime() {
    LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);
    assertEquals(ModelCards.topFeatures(model, trainingRows(), Language.EN), ModelCards.topFeatures(model, trainingRows(), Language.EN));
  }

  @Test
  void refusesRowsThatDoNotMatchTheModelsHeader() {
    LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);
    Instances other = trainingRows();
    other.deleteAttributeAt(0);
    assertThrows(IllegalStateException.class, () -> ModelCards.topFeatures(model, other, Language.EN));
  }

  @Test
  void describesNumericRangesInTheReadersLanguageAndListsCategories() {
    InputField income = new InputField("person_income", "numeric", null, 4000.0, 6000000.5, true, 66000.0, null);
    InputField grade = new InputField("loan_grade", "nominal", List.of("A", "B", "C"), null, null, false, null, "A");

    ModelCard.Field english = ModelCards.field(income, Language.EN);
    assertEquals("Annual income", english.label());
    assertEquals("4,000 … 6,000,000.5", english.allowed());
    ModelCard.Field russian = ModelCards.field(grade, Language.RU);
    assertEquals("Класс кредита", russian.label());
    assertEquals("A, B, C", russian.allowed());
    assertEquals(false, russian.required());
  }

  @Test
  void optionsAreListedAsTrainedWholeNumbersWithoutAFraction() {
    assertEquals(
        List.of(new ModelCard.Option("folds", "10"), new ModelCard.Option("trees", "150"), new ModelCard.Option("ridge", "1.0E-8")),
        ModelCards.options("{\"folds\":10.0,\"trees\":150,\"ridge\":1.0E-8}"));
  }
}
