package com.creditscoring.bench;

import com.creditscoring.reports.control.ComparisonReportRenderer;
import com.creditscoring.reports.control.DecisionReport;
import com.creditscoring.reports.control.DecisionReportRenderer;
import com.creditscoring.reports.control.ModelCardRenderer;
import com.creditscoring.scoring.control.ContributionChart;
import com.creditscoring.scoring.control.Contributions.Contribution;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.testing.SampleDecisionReports;
import com.creditscoring.testing.SampleModelReports;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Time to render each report as PDF (fill + export), cold (the first decision report of this JVM:
 * class loading, template and fonts) and warm (median of 50 per report and language), as ratios to
 * the reports issue's goal of 100 ms a report. Every report is timed from its finished contents
 * (charts drawn beforehand): making a model card also loads the model and its training rows and
 * ranks the features, which this does not time. Run by bench/reports.sh; not a test: timings are
 * never asserted.
 */
public final class ReportBenchmark {

  static final double GOAL_MS = 100;
  static final int WARM_UP = 100;
  static final int TIMED = 50;

  /** A report to time: its name and how to render it once. */
  record Render(String name, Supplier<byte[]> pdf) {}

  private ReportBenchmark() {}

  public static void main(String[] args) {
    DecisionReportRenderer decisions = new DecisionReportRenderer();
    ComparisonReportRenderer comparisons = new ComparisonReportRenderer();
    ModelCardRenderer cards = new ModelCardRenderer();
    // The chart the scoring feature draws for all eleven fields of the seed, as the endpoint will pass it.
    DecisionReport english = SampleDecisionReports.declinedInEnglish(ContributionChart.png(seedContributions(), Language.EN));
    DecisionReport russian = SampleDecisionReports.approvedInRussian(ContributionChart.png(seedContributions(), Language.RU));
    var comparisonEn = SampleModelReports.comparison(Language.EN);
    var comparisonRu = SampleModelReports.comparison(Language.RU);
    var cardEn = SampleModelReports.logisticCard(Language.EN);
    var cardRu = SampleModelReports.logisticCard(Language.RU);
    List<Render> renders =
        List.of(
            new Render("decision en", () -> decisions.render(english)),
            new Render("decision ru", () -> decisions.render(russian)),
            new Render("compare en", () -> comparisons.render(comparisonEn)),
            new Render("compare ru", () -> comparisons.render(comparisonRu)),
            new Render("card en", () -> cards.render(cardEn)),
            new Render("card ru", () -> cards.render(cardRu)));

    long start = System.nanoTime();
    int bytes = renders.get(0).pdf().get().length;
    double coldMs = (System.nanoTime() - start) / 1e6;

    System.out.println("report        cold ms  warm median ms  warm p90 ms  goal ms  ratio (median/goal)  PDF KB");
    System.out.printf(Locale.ROOT, "%-12s %8.0f %15s %12s %8.0f %20.2f %7.0f%n", "first", coldMs, "-", "-", GOAL_MS, coldMs / GOAL_MS, bytes / 1024.0);
    // Warm-up on every report before timing any: the JIT would otherwise favour the later ones.
    for (int i = 0; i < WARM_UP; i++) {
      renders.get(i % renders.size()).pdf().get();
    }
    for (Render render : renders) {
      double[] ms = new double[TIMED];
      for (int i = 0; i < TIMED; i++) {
        long t = System.nanoTime();
        bytes = render.pdf().get().length;
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      double median = (ms[TIMED / 2 - 1] + ms[TIMED / 2]) / 2;
      System.out.printf(Locale.ROOT, "%-12s %8s %15.1f %12.1f %8.0f %20.2f %7.0f%n",
          render.name(), "-", median, ms[TIMED * 9 / 10], GOAL_MS, median / GOAL_MS, bytes / 1024.0);
    }
  }

  private static List<Contribution> seedContributions() {
    String[] fields = {
      "loan_percent_income", "loan_grade", "person_income", "loan_int_rate", "person_home_ownership", "cb_person_default_on_file",
      "loan_intent", "person_emp_length", "loan_amnt", "person_age", "cb_person_cred_hist_length"
    };
    double[] logOdds = {1.42, 0.88, -0.61, 0.45, 0.31, 0.22, -0.18, -0.12, 0.09, -0.05, 0.02};
    Contribution[] contributions = new Contribution[fields.length];
    for (int i = 0; i < fields.length; i++) {
      contributions[i] = new Contribution(fields[i], 1.0, 1.0, logOdds[i]);
    }
    return List.of(contributions);
  }
}
