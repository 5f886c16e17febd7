package com.creditscoring.bench;

import com.creditscoring.reports.control.DecisionReport;
import com.creditscoring.reports.control.DecisionReportRenderer;
import com.creditscoring.scoring.control.ContributionChart;
import com.creditscoring.scoring.control.Contributions.Contribution;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.testing.SampleDecisionReports;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Time to render one decision report as PDF (fill + export), cold (the first report of this JVM:
 * class loading, template and fonts) and warm (median of 50), as ratios to the reports issue's goal
 * of 100 ms a report. Run by bench/reports.sh; not a test: timings are never asserted.
 */
public final class ReportBenchmark {

  static final double GOAL_MS = 100;
  static final int WARM_UP = 100;
  static final int TIMED = 50;

  private ReportBenchmark() {}

  public static void main(String[] args) {
    DecisionReportRenderer renderer = new DecisionReportRenderer();
    // The chart the scoring feature draws for all eleven fields of the seed, as the endpoint will pass it.
    DecisionReport english = SampleDecisionReports.declinedInEnglish(ContributionChart.png(seedContributions(), Language.EN));
    DecisionReport russian = SampleDecisionReports.approvedInRussian(ContributionChart.png(seedContributions(), Language.RU));

    long start = System.nanoTime();
    int bytes = renderer.render(english).length;
    double coldMs = (System.nanoTime() - start) / 1e6;

    System.out.println("report      cold ms  warm median ms  warm p90 ms  goal ms  ratio (median/goal)  PDF KB");
    System.out.printf(Locale.ROOT, "%-10s %8.0f %15s %12s %8.0f %20.2f %7.0f%n", "first", coldMs, "-", "-", GOAL_MS, coldMs / GOAL_MS, bytes / 1024.0);
    // Warm-up on both languages before timing either: the JIT would otherwise favour the second.
    for (int i = 0; i < WARM_UP; i++) {
      renderer.render(i % 2 == 0 ? english : russian);
    }
    for (DecisionReport report : List.of(english, russian)) {
      double[] ms = new double[TIMED];
      for (int i = 0; i < TIMED; i++) {
        long t = System.nanoTime();
        bytes = renderer.render(report).length;
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      double median = (ms[TIMED / 2 - 1] + ms[TIMED / 2]) / 2;
      System.out.printf(Locale.ROOT, "%-10s %8s %15.1f %12.1f %8.0f %20.2f %7.0f%n",
          report.language().name().toLowerCase(Locale.ROOT), "-", median, ms[TIMED * 9 / 10], GOAL_MS, median / GOAL_MS, bytes / 1024.0);
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
