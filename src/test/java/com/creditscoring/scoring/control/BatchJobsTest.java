package com.creditscoring.scoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.problems.Utf8Text;
import com.creditscoring.scoring.entity.BatchJob;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an upload's check finds before a batch job is registered, whom a job scores for, and which
 * temporary uploads are cleaned up.
 */
class BatchJobsTest {

  @TempDir Path folder;

  @Test
  void countsTheRowsAfterTheHeader() throws IOException {
    assertEquals(2, BatchJobs.countRows(CsvScoring.INPUT.parse(new StringReader("a,b\n1,2\n3,4\n"))));
  }

  @Test
  void refusesAFileWithARowThatCannotBeParsedNamingTheRow() throws IOException {
    FieldError error = refused(new StringReader("a,b\n1,2\n\"3,4\n5,6\n"));
    assertEquals("file", error.field());
    assertEquals(true, error.message().startsWith("row 2 cannot be read as CSV"), error::toString);
  }

  @Test
  void refusesAFileThatIsNotUtf8() throws IOException {
    Path file = folder.resolve("latin1.csv");
    Files.write(file, "person_age,person_home_ownership\n30,RENT\n31,R\u00e9NT\n".getBytes(StandardCharsets.ISO_8859_1));
    // Read as the upload is read: strict UTF-8.
    try (Reader reader = Utf8Text.reader(file)) {
      FieldError error = refused(reader);
      assertEquals("file", error.field());
      assertEquals(true, error.message().contains("not UTF-8"), error::toString);
    }
  }

  @Test
  void refusesAFileOfOnlyAHeader() throws IOException {
    FieldError error = refused(new StringReader("a,b\n"));
    assertEquals("file", error.field());
    assertEquals(true, error.message().contains("no data rows"), error::toString);
  }

  @Test
  void deletesOnlyTemporaryUploadsLeftLongerThanASubmitTakes() throws IOException {
    Instant now = Instant.parse("2026-12-03T12:00:00Z");
    Path left = Files.createTempFile(folder, "upload-", ".csv.gz");
    Path inFlight = Files.createTempFile(folder, "upload-", ".csv.gz");
    Path legacy = Files.createTempFile(folder, "upload-", ".csv"); // a job's upload from before the database kept them
    Path unrelated = Files.createFile(folder.resolve("notes.csv.gz"));
    Instant dayAndMinuteAgo = now.minus(BatchJobs.TEMPORARY_UPLOAD_LIFETIME).minusSeconds(60);
    for (Path old : new Path[] {left, legacy, unrelated}) {
      Files.setLastModifiedTime(old, FileTime.from(dayAndMinuteAgo));
    }
    Files.setLastModifiedTime(inFlight, FileTime.from(now.minusSeconds(60)));

    assertEquals(1, BatchJobs.deleteLeftUploads(folder, now.minus(BatchJobs.TEMPORARY_UPLOAD_LIFETIME)));

    assertFalse(Files.exists(left));
    assertTrue(Files.exists(inFlight) && Files.exists(legacy) && Files.exists(unrelated));
  }

  @Test
  void aJobScoresInTheLanguageItWasSubmittedInWhoeverRunsIt() {
    // The job as the batch runtime or a resuming instance reads it back: only its columns.
    for (Language language : Language.values()) {
      BatchJob job = new BatchJob("ann", "request-1", 7, BatchJobs.languageColumn(language), 10, Instant.EPOCH);
      assertEquals(language, BatchJobs.caller(job).language());
    }
  }

  @Test
  void keepsTheLanguageInTheLowerCaseCodesTheApiUses() {
    assertEquals("en", BatchJobs.languageColumn(Language.EN));
    assertEquals("ru", BatchJobs.languageColumn(Language.RU));
  }

  private static FieldError refused(Reader csv) throws IOException {
    ProblemException problem = assertThrows(ProblemException.class, () -> BatchJobs.countRows(CsvScoring.parse(csv)));
    assertEquals(422, problem.problem().status());
    assertEquals(1, problem.problem().errors().size());
    return problem.problem().errors().get(0);
  }
}
