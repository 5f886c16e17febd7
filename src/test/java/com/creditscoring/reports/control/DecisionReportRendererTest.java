package com.creditscoring.reports.control;

import static com.creditscoring.testing.Pdfs.assertShows;
import static com.creditscoring.testing.Pdfs.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.reports.control.DecisionReport.Decision;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.scoring.control.RiskBand;
import com.creditscoring.testing.Pdfs;
import com.creditscoring.testing.SampleDecisionReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionReportRendererTest {

  private final DecisionReportRenderer renderer = new DecisionReportRenderer();

  private static DecisionReport declinedInEnglish() {
    return SampleDecisionReports.declinedInEnglish(SampleDecisionReports.twoBarPng());
  }

  private static DecisionReport approvedInRussian() {
    return SampleDecisionReports.approvedInRussian(SampleDecisionReports.twoBarPng());
  }

  @Test
  void englishReportShowsTheDecisionItsNumbersAndWhy() throws IOException {
    String text = text(renderer.render(declinedInEnglish()));

    assertShows(
        text,
        "Credit scoring report",
        "Decline",
        "37.7%", // repayment
        "62.3%", // default
        "512",
        "Loan as a share of income is higher than typical",
        "LOAN_PERCENT_INCOME_HIGH",
        "raises risk",
        "lowers risk",
        "+1.42",
        "-0.37",
        "boosted_trees v7",
        "4711",
        "2026-03-14 09:26 UTC",
        "MEDICAL");
  }

  @Test
  void russianReportIsWrittenInCyrillicWithRussianNumbers() throws IOException {
    String text = text(renderer.render(approvedInRussian()));

    // Blank Cyrillic (a font that is not embedded) would make these disappear from the text layer.
    assertShows(
        text,
        "Отчет по кредитному скорингу",
        "Одобрить",
        "Вероятность дефолта",
        "3,1%", // Russian decimal comma
        "96,9%",
        "701",
        "Процентная ставка выше обычного",
        "снижает риск",
        "Возраст заёмщика",
        "logistic v3");
    assertFalse(text.contains("Credit scoring report"), text);
  }

  @Test
  void embedsTheChartAndOnlyTheDejaVuFonts() throws IOException {
    byte[] pdf = renderer.render(approvedInRussian());
    assertEquals(1, Pdfs.images(pdf));
    Pdfs.assertOnlyEmbeddedDejaVu(pdf);
    assertEquals(1, Pdfs.pages(pdf));
  }

  @Test
  void leavesOutTheChartWhenThereIsNoneAndSaysWhenNothingRaisedTheRisk() throws IOException {
    DecisionReport report = approvedInRussian();
    DecisionReport bare =
        new DecisionReport(
            Language.EN, report.decidedAt(), report.predictionId(), report.modelVersion(), report.inputs(), Decision.REVIEW,
            0.15, 640, RiskBand.D, List.of(), report.topContributions(), null);

    byte[] pdf = renderer.render(bare);

    String text = text(pdf);
    assertTrue(text.contains("Manual review"), text);
    assertTrue(text.contains("No factor raised the risk"), text);
    assertFalse(text.contains("Contributions chart"), text);
  }

  @Test
  void twoRendersAreDistinctValidPdfs() throws IOException {
    byte[] english = renderer.render(declinedInEnglish());
    byte[] russian = renderer.render(approvedInRussian());

    for (byte[] pdf : List.of(english, russian)) {
      assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
      assertEquals(1, Pdfs.pages(pdf));
    }
    assertFalse(Arrays.equals(english, russian));
    assertFalse(text(english).equals(text(russian)));
  }
}
