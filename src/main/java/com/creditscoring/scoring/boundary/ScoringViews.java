package com.creditscoring.scoring.boundary;

import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.scoring.control.Contributions;
import com.creditscoring.scoring.control.Contributions.Contribution;
import com.creditscoring.scoring.control.Contributions.Explanation;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.scoring.control.ReasonCodes;
import com.creditscoring.scoring.control.ReasonCodes.Reason;
import com.creditscoring.scoring.control.Scorer.Decision;
import com.creditscoring.scoring.control.Scorer.Outcome;
import com.creditscoring.scoring.entity.Prediction;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the scoring endpoints answer, in the seed's field names plus ours. */
public final class ScoringViews {

  /** Contributions named in /explain: the largest, by size. */
  static final int TOP_CONTRIBUTIONS = 5;

  private ScoringViews() {}

  /**
   * The seed's fields ({@code prediction, status, decision, probability_repaid,
   * probability_default}) and ours.
   *
   * @param prediction 1 when the model expects a default at its decline cut-off
   * @param status approved, review or declined
   * @param score scorecard points, higher is safer
   */
  public record PredictionView(
      int prediction, String status, String decision, double probabilityRepaid, double probabilityDefault, long score,
      String riskBand, List<Reason> reasons, long modelVersion, long predictionId) {

    static PredictionView of(Decision d) {
      return new PredictionView(
          d.prediction(), ScoringViews.status(d.decision()), d.decision(), 1 - d.probabilityOfDefault(), d.probabilityOfDefault(),
          Math.round(d.score()), d.band().name(), d.reasons(), d.model().id(), d.audit().id());
    }
  }

  /** A field's contribution; {@code direction} is raises_risk or lowers_risk. */
  public record ContributionView(String feature, String label, Object value, Object typical, double contribution, String direction) {
    static ContributionView of(Contribution c, Language language) {
      return new ContributionView(
          c.field(), ReasonCodes.label(c.field(), language), c.value(), c.typical(), c.contribution(),
          c.contribution() > 0 ? "raises_risk" : c.contribution() < 0 ? "lowers_risk" : "none");
    }
  }

  /**
   * @param baseLogit the typical applicant's log-odds of default
   * @param logit this applicant's: {@code base_logit} plus the sum of all contributions
   * @param chartPng the contributions as a bar chart, base64 PNG
   */
  public record ExplanationView(
      int prediction, String status, String decision, double probabilityRepaid, double probabilityDefault, long score,
      String riskBand, List<Reason> reasons, long modelVersion, long predictionId, String method, double baseLogit, double logit,
      List<ContributionView> contributions, List<ContributionView> top, String summary, String chartPng) {

    static ExplanationView of(Decision d, Language language, String chartPng) {
      PredictionView p = PredictionView.of(d);
      List<ContributionView> all = largestFirst(d.explanation()).stream().map(c -> ContributionView.of(c, language)).toList();
      return new ExplanationView(
          p.prediction(), p.status(), p.decision(), p.probabilityRepaid(), p.probabilityDefault(), p.score(), p.riskBand(),
          p.reasons(), p.modelVersion(), p.predictionId(), d.explanation().method(), d.explanation().baseLogit(),
          d.explanation().logit(), all, all.subList(0, Math.min(TOP_CONTRIBUTIONS, all.size())), ScoringViews.summary(d, language), chartPng);
    }
  }

  /** One batch record: its decision, or its errors. */
  public record BatchRecordView(int index, PredictionView result, List<FieldError> errors) {
    static BatchRecordView of(Outcome o) {
      return new BatchRecordView(o.index(), o.decision() == null ? null : PredictionView.of(o.decision()), o.errors().isEmpty() ? null : o.errors());
    }
  }

  public record BatchView(int scored, int rejected, List<BatchRecordView> results) {}

  /** An audit row as stored. */
  public record PredictionRecordView(
      long id, Instant createdAt, String createdBy, String requestId, String channel, long modelVersion, JsonStructure input,
      double probabilityDefault, long score, String decision, String riskBand, JsonStructure reasons) {

    static PredictionRecordView of(Prediction p) {
      return new PredictionRecordView(
          p.id(), p.createdAt(), p.createdBy(), p.requestId(), p.channel(), p.modelId(), parse(p.inputJson()),
          p.probabilityOfDefault(), Math.round(p.score()), p.decision(), p.riskBand(), parse(p.reasonsJson()));
    }
  }

  public record PredictionPage(List<PredictionRecordView> items, int page, int size, long total) {}

  static List<Contribution> largestFirst(Explanation explanation) {
    return Contributions.largestFirst(explanation.contributions());
  }

  static String status(String decision) {
    return switch (decision) {
      case "approve" -> "approved";
      case "decline" -> "declined";
      default -> "review";
    };
  }

  /** The seed's one-line summary, in the caller's language. */
  static String summary(Decision d, Language language) {
    List<Contribution> ranked = largestFirst(d.explanation());
    String raising = names(ranked.stream().filter(c -> c.contribution() > 0).limit(3).toList(), language);
    String lowering = names(ranked.stream().filter(c -> c.contribution() < 0).limit(3).toList(), language);
    String decision =
        switch (d.decision()) {
          case "approve" -> language.pick("approve", "одобрить");
          case "decline" -> language.pick("decline", "отказать");
          default -> language.pick("manual review", "ручная проверка");
        };
    String head =
        String.format(
            Locale.ROOT, language.pick("Probability of default %.1f %%, score %d, decision: %s.", "Вероятность дефолта %.1f %%, балл %d, решение: %s."),
            100 * d.probabilityOfDefault(), Math.round(d.score()), decision);
    StringBuilder summary = new StringBuilder(head);
    if (!raising.isEmpty()) {
      summary.append(language.pick(" Raising the risk: ", " Повышают риск: ")).append(raising).append('.');
    }
    if (!lowering.isEmpty()) {
      summary.append(language.pick(" Lowering the risk: ", " Снижают риск: ")).append(lowering).append('.');
    }
    return summary.toString();
  }

  private static String names(List<Contribution> contributions, Language language) {
    return contributions.stream().map(c -> ReasonCodes.label(c.field(), language).toLowerCase(Locale.ROOT) + " (" + ReasonCodes.show(c.value()) + ")").collect(Collectors.joining(", "));
  }

  static JsonStructure parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.read();
    }
  }
}
