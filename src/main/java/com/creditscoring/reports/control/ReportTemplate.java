package com.creditscoring.reports.control;

import com.creditscoring.scoring.control.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * One of the reports/*.jrxml templates, compiled at build time, with its labels
 * (reports/NAME[_ru].properties) in every language. A compiled report is immutable and shared by
 * all threads; each call fills and exports its own copy.
 */
final class ReportTemplate {

  static final Map<Language, Locale> LOCALES = new EnumMap<>(Map.of(Language.EN, Locale.ENGLISH, Language.RU, Locale.forLanguageTag("ru")));

  private final String name;
  private final JasperReport compiled;
  private final Map<Language, ResourceBundle> labels;

  private ReportTemplate(String name, JasperReport compiled, Map<Language, ResourceBundle> labels) {
    this.name = name;
    this.compiled = compiled;
    this.labels = labels;
  }

  /** @param name the template's name without extension, e.g. decision-report */
  static ReportTemplate load(String name) {
    String resource = "reports/" + name + ".jasper";
    try (InputStream in = ReportTemplate.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath: the build compiles it from reports/");
      }
      return new ReportTemplate(name, (JasperReport) JRLoader.loadObject(in), labels("reports/" + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JRException e) {
      throw new IllegalStateException("cannot load " + resource, e);
    }
  }

  // Without fallback: on a JVM whose default locale is Russian, English would otherwise fall back to it.
  private static Map<Language, ResourceBundle> labels(String bundle) {
    var noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    Map<Language, ResourceBundle> labels = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      labels.put(language, ResourceBundle.getBundle(bundle, LOCALES.get(language), ReportTemplate.class.getClassLoader(), noFallback));
    }
    return labels;
  }

  /** The label of this key in that language, or {@code fallback} when there is none. */
  String labelOr(Language language, String key, String fallback) {
    ResourceBundle bundle = labels.get(language);
    return bundle.containsKey(key) ? bundle.getString(key) : fallback;
  }

  /**
   * Fills the template in {@code language} (its labels, number format and UTC times) and exports
   * it as PDF.
   *
   * @param rows the main data source's rows, as maps of the template's field names
   * @param subject what the report is about, for the error message
   */
  byte[] pdf(Language language, Map<String, Object> parameters, List<? extends Map<String, ?>> rows, String subject) {
    Map<String, Object> all = new HashMap<>(parameters);
    all.put(JRParameter.REPORT_LOCALE, LOCALES.get(language));
    all.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels.get(language));
    all.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("UTC"));
    try {
      var data = new JRMapCollectionDataSource(new ArrayList<Map<String, ?>>(rows));
      return JasperExportManager.exportReportToPdf(JasperFillManager.fillReport(compiled, all, data));
    } catch (JRException e) {
      throw new IllegalStateException("cannot render the " + name + " of " + subject, e);
    }
  }
}
