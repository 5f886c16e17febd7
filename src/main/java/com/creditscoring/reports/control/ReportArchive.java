package com.creditscoring.reports.control;

import com.creditscoring.ops.control.DataFolder;
import com.creditscoring.reports.entity.Report;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.storage.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * Keeps every report made: the PDF in the reports folder under a name no other report has (the
 * seed wrote every report to the same file, so two users overwrote each other's), and a row that
 * says whose it is. Files are only ever found through their row.
 */
@ApplicationScoped
public class ReportArchive {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Database database;
  @Inject DataFolder dataFolder;
  @Inject Clock clock;

  /** REPORTS_DIR: where PDFs are kept; empty means the data folder's reports/. */
  @Inject
  @ConfigProperty(name = "reports.dir", defaultValue = " ")
  String folderSetting;

  Path folder() {
    if (folderSetting.isBlank()) {
      return dataFolder.folder("reports");
    }
    try {
      return Files.createDirectories(Path.of(folderSetting.strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the reports folder " + folderSetting, e);
    }
  }

  /** Writes the PDF under a fresh name, then records it; a failed record leaves no file behind. */
  public Report store(String owner, String kind, String subject, Language language, byte[] pdf) {
    Instant now = clock.instant();
    byte[] random = new byte[5];
    RANDOM.nextBytes(random);
    String name = kind + "-" + subject + "-" + STAMP.format(now) + "-" + HexFormat.of().formatHex(random) + ".pdf";
    Path folder = folder();
    Path file = folder.resolve(name);
    try {
      Path partial = Files.createTempFile(folder, ".writing-", ".pdf");
      Files.write(partial, pdf);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + name, e);
    }
    try {
      return database.inTransaction(
          em -> {
            Report report = new Report(owner, kind, subject, name, language.name().toLowerCase(Locale.ROOT), pdf.length, now);
            em.persist(report);
            return report;
          });
    } catch (RuntimeException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
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

  public byte[] content(Report report) {
    try {
      return Files.readAllBytes(folder().resolve(report.fileName()));
    } catch (IOException e) {
      throw new UncheckedIOException("the file of report " + report.id() + " cannot be read", e);
    }
  }
}
