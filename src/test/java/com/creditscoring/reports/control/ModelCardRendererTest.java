package com.creditscoring.reports.control;

import static com.creditscoring.testing.Pdfs.assertShows;
import static com.creditscoring.testing.Pdfs.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.creditscoring.scoring.control.Language;
import com.creditscoring.testing.Pdfs;
import com.creditscoring.testing.SampleModelReports;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ModelCardRendererTest {

  private final ModelCardRenderer renderer = new ModelCardRenderer();

  @Test
  void englishCardShowsTheModelItsDataQualityCutoffsAndFeatures() throws IOException {
    ModelCard card = SampleModelReports.logisticCard(Language.EN);
    byte[] pdf = renderer.render(card);
    String text = text(pdf);

    assertShows(
        text,
        "Model card · version 7",
        "logistic — Logistic regression · active",
        "2026-03-01 08:00 UTC",
        "ann",
        "credit-risk (upload)",
        "loan_status, default when 1",
        "22.0%",
        "9f2c9f2c",
        String.format(Locale.ROOT, "%.3f", card.metrics().auc()),
        String.format(Locale.ROOT, "%.3f", card.metrics().ks()),
        String.format(Locale.ROOT, "%.4f", card.metrics().brier()),
        "10-fold stratified cross-validation over 1,000 rows",
        "AUC per fold from 0.830 to 0.880",
        "approve below 10.0% probability of default, decline from 30.0%",
        // schema
        "Annual income",
        "person_income",
        "4 000 … 6 000 000",
        "A, B, C, D, E, F, G",
        "no (imputed)",
        // options
        "ridge",
        "1.0E-8",
        "weka.classifiers.functions.Logistic",
        // cut-off table: the safest tenth, then everyone
        "Cut-off table",
        "10.0%",
        "100.0%",
        "Calibration",
        // features
        "Top features",
        "Loan as a share of income",
        "0.812",
        "over 200 training rows sampled with a fixed seed; exact (logistic regression is additive");
    assertEquals(1, Pdfs.images(pdf));
    Pdfs.assertOnlyEmbeddedDejaVu(pdf);
  }

  @Test
  void cutoffRowsShowEachBandsRangeScoresAndRates() throws IOException {
    ModelCard card = SampleModelReports.logisticCard(Language.EN);
    CutoffTable.Row riskiest = card.cutoffs().get(card.cutoffs().size() - 1);

    String text = text(renderer.render(card));

    assertShows(
        text,
        "PD range",
        "2% – 5%",
        "40% – 100%",
        card.cutoffs().get(0).scores(),
        riskiest.scores(),
        String.format(Locale.ROOT, "%.1f%%", 100 * riskiest.badRate()),
        String.format(Locale.ROOT, "%.1f%%", 100 * riskiest.approvedBadRate()));
  }

  @Test
  void russianCardIsInCyrillic() throws IOException {
    ModelCard card = SampleModelReports.logisticCard(Language.RU);
    String text = text(renderer.render(card));

    assertShows(
        text,
        "Паспорт модели · версия 7",
        "Логистическая регрессия",
        "активна",
        "Качество по кросс-валидации",
        "Годовой доход",
        "категория",
        "нет (заполняется)",
        "Таблица порогов отсечения",
        "Калибровка",
        "Основные факторы",
        "Доля кредита в доходе",
        "100,0%",
        String.format(Locale.ROOT, "%.3f", card.metrics().auc()).replace('.', ','),
        "0,812");
    assertFalse(text.contains("Model card"), text);
  }

  @Test
  void saysHowTreeFeaturesWereEstimated() throws IOException {
    ModelCard card = SampleModelReports.logisticCard(Language.EN);
    ModelCard forest =
        new ModelCard(
            card.language(), card.madeAt(), 8, "random_forest", false, card.trainedAt(), card.trainedBy(), card.checksum(), card.dataset(),
            card.schema(), card.options(), card.wekaOptions(), card.metrics(), card.settings(), card.calibrationChart(), card.cutoffs(),
            card.topFeatures(), new ModelCard.FeatureMethod(150, false, 4));

    assertShows(
        text(renderer.render(forest)),
        "random_forest — Random forest · not active",
        "over 150 training rows sampled with a fixed seed; baseline Shapley values estimated from 4 orderings");
  }
}
