package com.creditscoring.scoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.scoring.control.ReasonCodes.Reason;
import com.creditscoring.scoring.control.Scorer.Decision;
import com.creditscoring.scoring.control.Scorer.Outcome;
import com.creditscoring.scoring.entity.Prediction;
import com.creditscoring.scoring.entity.Prediction.Channel;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvScoringTest {

  private static final CSVFormat INPUT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  @Test
  void aDecidedRowKeepsItsValuesAndAddsTheDecisionColumns() throws IOException {
    CSVRecord record = onlyRecord("name,city\n\"Smith, Jane\",\"The \"\"Old\"\" Town\"\n");
    Prediction audit = new Prediction(Instant.EPOCH, "user", "request", Channel.CSV, 7, "{}", 0.125, 612.4, "review", "D", "[]");
    audit.assignId(4711);
    List<Reason> reasons =
        List.of(new Reason("LOAN_GRADE", "loan_grade", "E", 0.9, "grade"), new Reason("PERSON_INCOME_LOW", "person_income", 18000.0, 0.4, "income"));
    Decision decision = new Decision(null, JsonValue.EMPTY_JSON_OBJECT, 0.125, 612.4, "review", RiskBand.D, null, reasons, audit);

    assertEquals(
        List.of("Smith, Jane", "The \"Old\" Town", "3", "4711", "0.125", "612", "review", "D", "LOAN_GRADE;PERSON_INCOME_LOW", ""),
        readBack(record, new Outcome(3, decision, List.of())));
  }

  @Test
  void aBatchJobsStoredDecisionPrintsAsTheAnswerPrintedIt() throws IOException {
    CSVRecord record = onlyRecord("name\nSmith\n");
    Prediction audit = new Prediction(Instant.EPOCH, "user", "request", Channel.JOB, 7, "{}", 0.5, 480.6, "decline", "F", "[]");
    audit.assignId(12);
    Decision decision = new Decision(null, JsonValue.EMPTY_JSON_OBJECT, 0.5, 480.6, "decline", RiskBand.F, null, List.of(), audit);
    StringBuilder answered = new StringBuilder();
    CsvScoring.printRow(answered, record, new Outcome(1, decision, List.of()));
    StringBuilder stored = new StringBuilder();
    CsvScoring.printRow(stored, record, 1, audit, "", "");

    assertEquals(answered.toString(), stored.toString());
    assertEquals("Smith,1,12,0.5,481,decline,F,,\r\n", stored.toString());
  }

  @Test
  void aRejectedRowHasBlankDecisionColumnsAndEveryErrorInOneQuotedCell() throws IOException {
    CSVRecord record = onlyRecord("grade,rate\nZ,\n");
    List<FieldError> errors = List.of(new FieldError("grade", "must be one of [A, B, C]"), new FieldError("rate", "is \"required\""));

    assertEquals(
        List.of("Z", "", "9", "", "", "", "", "", "", "grade: must be one of [A, B, C]; rate: is \"required\""),
        readBack(record, new Outcome(9, null, errors)));
  }

  private static CSVRecord onlyRecord(String csv) throws IOException {
    return INPUT.parse(new StringReader(csv)).getRecords().get(0);
  }

  /** The row as printed, parsed again as any CSV reader would. */
  private static List<String> readBack(CSVRecord record, Outcome outcome) throws IOException {
    StringBuilder text = new StringBuilder();
    CsvScoring.printRow(text, record, outcome);
    List<CSVRecord> lines = CSVFormat.DEFAULT.parse(new StringReader(text.toString())).getRecords();
    assertEquals(1, lines.size(), text::toString);
    List<String> values = new ArrayList<>();
    lines.get(0).forEach(values::add);
    assertEquals(record.size() + CsvScoring.OUTPUT_COLUMNS.size(), values.size(), text::toString);
    return values;
  }
}
