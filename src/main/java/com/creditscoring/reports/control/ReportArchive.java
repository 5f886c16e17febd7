package com.creditscoring.reports.control;

import com.creditscoring.ops.control.DataFolder;
import com.creditscoring.reports.entity.Report;
import com.creditscoring.reports.entity.ReportContent;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.storage.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps every report made: its PDF and a row that says whose it is, under a name no other report
 * has (the seed wrote every report to the same file, so two users overwrote each other's). Both are
 * in the database, so that any instance serves any report and a database backup holds them all.
 */
@ApplicationScoped
public class ReportArchive {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Database database;
  @Inject DataFolder dataFolder;
  @Inject Clock clock;

  /**
   * REPORTS_DIR: where reports made before their PDFs were kept in the database lie; empty means the
   * data folder's reports/.
   */
  @Inject
  @ConfigProperty(name = "reports.dir", defaultValue = " ")
  String folderSetting;

  Path legacyFolder() {
    return folderSetting.isBlank() ? dataFolder.root().resolve("reports") : Path.of(folderSetting.strip());
  }

  /** Stores the PDF under a fresh name, with its row, in one transaction. */
  public Report store(String owner, String kind, String subject, Language language, byte[] pdf) {
    Instant now = clock.instant();
    byte[] random = new byte[5];
    RANDOM.nextBytes(random);
    String name = kind + "-" + subject + "-" + STAMP.format(now) + "-" + HexFormat.of().formatHex(random) + ".pdf";
    return database.inTransaction(
        em -> {
          Report report = new Report(owner, kind, subject, name, language.name().toLowerCase(Locale.ROOT), pdf.length, now);
          em.persist(report);
          em.flush(); // the report's row first: its content refers to it
          em.persist(new ReportContent(report.id(), pdf));
          return report;
        });
  }

  public Report find(long id) {
    Report report = database.inTransaction(em -> em.find(Report.class, id));
    if (report == null) {
      throw new NotFoundException("no report " + id);
    }
    return report;
  }

  /** The report of that exact file name; any other name (a path, "..", a typo) names nothing. */
  public Optional<Report> named(String fileName) {
    return database.inTransaction(
        em -> em.createNamedQuery(Report.BY_FILE_NAME, Report.class).setParameter("name", fileName).getResultList().stream().findFirst());
  }

  /** The PDF: from the database, or, for a report made before PDFs were kept there, from REPORTS_DIR. */
  public byte[] content(Report report) {
    ReportContent stored = database.inTransaction(em -> em.find(ReportContent.class, report.id()));
    if (stored != null) {
      return stored.content();
    }
    try {
      return Files.readAllBytes(legacyFolder().resolve(report.fileName()));
    } catch (IOException e) {
      throw new UncheckedIOException("the file of report " + report.id() + " cannot be read", e);
    }
  }
}
