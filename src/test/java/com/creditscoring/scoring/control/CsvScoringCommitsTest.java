package com.creditscoring.scoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.scoring.control.Scorer.Caller;
import com.creditscoring.scoring.entity.Prediction;
import com.creditscoring.testing.TrainedModels;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a CSV's chunks reach the audit trail: every decision once, one chunk at a time in the file's
 * order, each chunk's rows answered only after its commit, and nothing committed after a commit
 * fails. Scored by a real model; the audit trail is a recorder that can be told to fail.
 */
class CsvScoringCommitsTest {

  private static final String HEADER =
      "person_age,person_income,person_home_ownership,person_emp_length,loan_intent,loan_grade,loan_amnt,loan_int_rate,"
          + "loan_percent_income,cb_person_default_on_file,cb_person_cred_hist_length\n";

  private final RecordingLog log = new RecordingLog();
  private final CsvScoring csv = new CsvScoring();

  @BeforeEach
  void wire() {
    Scorer scorer = new Scorer();
    scorer.clock = Clock.systemUTC();
    scorer.extraFieldsSetting = "reject";
    scorer.reasonOrderingsSetting = "2";
    scorer.explainOrderingsSetting = "64";
    scorer.readSettings();
    csv.scorer = scorer;
    csv.log = log;
    csv.threads = new PlainThreads();
    csv.startAuditWriter();
  }

  @AfterEach
  void stop() {
    csv.stopAuditWriter();
  }

  @Test
  void everyDecisionIsCommittedOnceChunkByChunkInTheFilesOrderBeforeItsRowIsAnswered() throws IOException {
    int rows = 2 * CsvScoring.CHUNK + 137;
    StringWriter out = new StringWriter();

    assertEquals(rows, csv.score(upload(rows), out, caller()));

    assertEquals(List.of(CsvScoring.CHUNK, CsvScoring.CHUNK, 137), log.chunkSizes);
    assertEquals(1, log.mostAtOnce.get(), "chunks committed at the same time");
    List<CSVRecord> answered = CsvScoring.INPUT.parse(new StringReader(out.toString())).getRecords();
    assertEquals(rows, answered.size());
    for (int r = 0; r < rows; r++) {
      // The recorder numbers decisions in the order they were committed; a row answered before its
      // commit would have no number.
      assertEquals(String.valueOf(r + 1), answered.get(r).get("row"));
      assertEquals(String.valueOf(r + 1), answered.get(r).get("prediction_id"));
      assertEquals("", answered.get(r).get("error"));
    }
  }

  @Test
  void aFailedCommitEndsTheAnswerBeforeItsChunkAndNoLaterChunkIsCommitted() throws IOException {
    log.failOnCall = 2;
    StringWriter out = new StringWriter();

    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> csv.score(upload(3 * CsvScoring.CHUNK + 1), out, caller()));

    assertTrue(failure.getMessage().contains("disk full"), failure.getMessage());
    assertEquals(List.of(CsvScoring.CHUNK), log.chunkSizes, "only the first chunk is stored");
    assertEquals(2, log.calls.get(), "the chunks after the failed one are not sent to the audit trail");
    assertEquals(CsvScoring.CHUNK, CsvScoring.INPUT.parse(new StringReader(out.toString())).getRecords().size(), "only the stored chunk is answered");
  }

  private static CsvScoring.Upload upload(int rows) throws IOException {
    LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);
    StringBuilder text = new StringBuilder(HEADER);
    String[] homes = {"RENT", "OWN", "MORTGAGE"};
    String[] intents = {"DEBTCONSOLIDATION", "EDUCATION", "HOMEIMPROVEMENT", "MEDICAL", "PERSONAL", "VENTURE"};
    for (int i = 0; i < rows; i++) {
      int income = 20_000 + (i * 37) % 200_000;
      int amount = 1_000 + (i * 13) % 30_000;
      text.append(20 + i % 60).append(',').append(income).append(',').append(homes[i % 3]).append(',').append(i % 20).append(',')
          .append(intents[i % 6]).append(',').append("ABCDEFG".charAt(i % 7)).append(',').append(amount).append(',').append(6 + i % 15)
          .append(',').append(Math.min(1, Math.round(100.0 * amount / income) / 100.0)).append(',').append(i % 5 == 0 ? "Y" : "N")
          .append(',').append(2 + i % 20).append('\n');
    }
    var parser = CsvScoring.parse(new StringReader(text.toString()));
    return new CsvScoring.Upload(model, parser, parser.getHeaderNames());
  }

  private static Caller caller() {
    return new Caller("analyst", "request-1", Language.EN);
  }

  /** Stands in for the database: numbers the decisions it is given, or fails on one call. */
  private static final class RecordingLog extends DecisionLog {
    final List<Integer> chunkSizes = new ArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger atOnce = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final AtomicLong nextId = new AtomicLong(1);
    int failOnCall = -1;

    @Override
    public List<Prediction> record(List<Prediction> decisions) {
      mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
      try {
        if (calls.incrementAndGet() == failOnCall) {
          throw new IllegalStateException("the decisions could not be stored: disk full");
        }
        Thread.sleep(5); // long enough for a second chunk's commit to overlap, if it could
        decisions.forEach(d -> d.assignId(nextId.getAndIncrement()));
        synchronized (chunkSizes) {
          chunkSizes.add(decisions.size());
        }
        return decisions;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        atOnce.decrementAndGet();
      }
    }
  }

  /** The server's managed thread factory, outside the server. */
  private static final class PlainThreads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "audit-writer");
      thread.setDaemon(true);
      return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException("CsvScoring uses no fork-join pool");
    }
  }
}
