package com.creditscoring.reports.control;

import com.creditscoring.reports.control.DecisionReport.Contribution;
import com.creditscoring.reports.control.DecisionReport.Input;
import com.creditscoring.reports.control.DecisionReport.Reason;
import com.creditscoring.scoring.control.Language;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * Renders a {@link DecisionReport} as a one-page PDF with reports/decision-report.jrxml. The
 * template is compiled at build time and loaded once; a compiled report is immutable and shared by
 * all threads, each call fills and exports its own copy.
 */
@ApplicationScoped
public class DecisionReportRenderer {

  static final String TEMPLATE = "reports/decision-report.jasper";
  static final String LABEL_BUNDLE = "reports/decision-report";

  public byte[] render(DecisionReport report) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put(JRParameter.REPORT_LOCALE, Compiled.LOCALES.get(report.language()));
    parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, Compiled.LABELS.get(report.language()));
    parameters.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
    parameters.put("decidedAt", Date.from(report.decidedAt()));
    parameters.put("predictionId", report.predictionId());
    parameters.put("modelVersion", report.modelVersion());
    parameters.put("decision", report.decision().name());
    parameters.put("probabilityOfRepayment", report.probabilityOfRepayment());
    parameters.put("probabilityOfDefault", report.probabilityOfDefault());
    parameters.put("score", report.score());
    parameters.put("riskBand", report.riskBand().name());
    parameters.put("reasons", report.reasons().stream().map(DecisionReportRenderer::row).toList());
    parameters.put("contributions", report.topContributions().stream().map(DecisionReportRenderer::row).toList());
    parameters.put("chart", report.contributionsChart());
    List<Map<String, ?>> inputs = report.inputs().stream().map(DecisionReportRenderer::row).toList();
    try {
      JasperPrint print = JasperFillManager.fillReport(Compiled.DECISION_REPORT, parameters, new JRMapCollectionDataSource(inputs));
      return JasperExportManager.exportReportToPdf(print);
    } catch (JRException e) {
      throw new IllegalStateException("cannot render the decision report of prediction " + report.predictionId(), e);
    }
  }

  // The templates' field names.
  private static Map<String, ?> row(Input input) {
    return Map.of("label", input.label(), "value", input.value());
  }

  private static Map<String, ?> row(Reason reason) {
    return Map.of("code", reason.code(), "text", reason.text());
  }

  private static Map<String, ?> row(Contribution contribution) {
    return Map.of("label", contribution.label(), "raisesRisk", contribution.raisesRisk(), "value", contribution.logOdds());
  }

  /** Loaded on first use rather than with the bean, so that CDI proxies do not load them too. */
  private static final class Compiled {
    static final JasperReport DECISION_REPORT = load(TEMPLATE);
    static final Map<Language, Locale> LOCALES = new EnumMap<>(Map.of(Language.EN, Locale.ENGLISH, Language.RU, Locale.forLanguageTag("ru")));
    static final Map<Language, ResourceBundle> LABELS = labels();

    private static JasperReport load(String resource) {
      try (InputStream in = DecisionReportRenderer.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(resource + " is not on the classpath: the build compiles it from reports/");
        }
        return (JasperReport) JRLoader.loadObject(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (JRException e) {
        throw new IllegalStateException("cannot load " + resource, e);
      }
    }

    // Without fallback: on a JVM whose default locale is Russian, English would otherwise fall back to it.
    private static Map<Language, ResourceBundle> labels() {
      var noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
      Map<Language, ResourceBundle> labels = new EnumMap<>(Language.class);
      for (Language language : Language.values()) {
        labels.put(language, ResourceBundle.getBundle(LABEL_BUNDLE, LOCALES.get(language), DecisionReportRenderer.class.getClassLoader(), noFallback));
      }
      return labels;
    }
  }
}
