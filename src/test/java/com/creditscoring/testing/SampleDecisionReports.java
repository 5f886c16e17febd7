package com.creditscoring.testing;

import com.creditscoring.reports.control.DecisionReport;
import com.creditscoring.reports.control.DecisionReport.Contribution;
import com.creditscoring.reports.control.DecisionReport.Decision;
import com.creditscoring.reports.control.DecisionReport.Input;
import com.creditscoring.reports.control.DecisionReport.Reason;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.scoring.control.RiskBand;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;

/** Decision reports of the seed's two typical applicants, worded as the scoring feature words them. */
public final class SampleDecisionReports {

  private SampleDecisionReports() {}

  /** The risky applicant of {@link Applicants}, declined, in English. */
  public static DecisionReport declinedInEnglish(byte[] chart) {
    return new DecisionReport(
        Language.EN,
        Instant.parse("2026-03-14T09:26:53Z"),
        "4711",
        "boosted_trees v7",
        List.of(
            new Input("Applicant's age", "23"),
            new Input("Annual income", "18000"),
            new Input("Home ownership", "RENT"),
            new Input("Loan purpose", "MEDICAL"),
            new Input("Loan grade", "E"),
            new Input("Loan amount", "9000")),
        Decision.DECLINE,
        0.6234,
        512,
        RiskBand.F,
        List.of(
            new Reason("LOAN_PERCENT_INCOME_HIGH", "Loan as a share of income is higher than typical: 0.5 (typical 0.15)"),
            new Reason("CB_PERSON_DEFAULT_ON_FILE", "Earlier default on file: Y (most common: N)")),
        List.of(new Contribution("Loan as a share of income", 1.42), new Contribution("Annual income", -0.37)),
        chart);
  }

  /** The safe applicant of {@link Applicants}, approved, in Russian. */
  public static DecisionReport approvedInRussian(byte[] chart) {
    return new DecisionReport(
        Language.RU,
        Instant.parse("2026-03-15T12:00:00Z"),
        "4712",
        "logistic v3",
        List.of(
            new Input("Возраст заёмщика", "41"),
            new Input("Годовой доход", "96000"),
            new Input("Владение жильём", "MORTGAGE"),
            new Input("Цель кредита", "EDUCATION"),
            new Input("Класс кредита", "A"),
            new Input("Сумма кредита", "5000")),
        Decision.APPROVE,
        0.0312,
        701,
        RiskBand.B,
        List.of(new Reason("LOAN_INT_RATE_HIGH", "Процентная ставка выше обычного: 14.2 (обычно 11)")),
        List.of(new Contribution("Годовой доход", -0.91), new Contribution("Процентная ставка", 0.12)),
        chart);
  }

  /** A small two-bar PNG standing in for the contributions chart. */
  public static byte[] twoBarPng() {
    BufferedImage image = new BufferedImage(360, 120, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 360, 120);
    g.setColor(new Color(0xC0392B));
    g.fillRect(180, 20, 150, 30);
    g.setColor(new Color(0x27AE60));
    g.fillRect(90, 70, 90, 30);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }
}
