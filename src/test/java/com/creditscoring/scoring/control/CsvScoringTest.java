package com.creditscoring.scoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.models.control.InputField;
import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.problems.CsvRowLimit;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.problems.Utf8Text;
import com.creditscoring.testing.TrainedModels;

import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.scoring.control.ReasonCodes.Reason;
import com.creditscoring.scoring.control.Scorer.Decision;
import com.creditscoring.scoring.control.Scorer.Outcome;
import com.creditscoring.scoring.entity.Prediction;
import com.creditscoring.scoring.entity.Prediction.Channel;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  @Test
  void refusesAHeaderThatNamesAColumnTwice() {
    List<String> columns = new ArrayList<>(inputs());
    columns.add(columns.get(0));
    List<FieldError> errors = refused(String.join(",", columns) + "\n");
    assertTrue(names(errors, columns.get(0), "twice"), errors::toString);
  }

  @Test
  void refusesTheUnnamedColumnATrailingCommaInTheHeaderMakes() {
    List<FieldError> errors = refused(String.join(",", inputs()) + ",\n");
    assertTrue(names(errors, "header", "column " + (inputs().size() + 1) + " has no name"), errors::toString);
    assertTrue(errors.stream().noneMatch(e -> e.field().isBlank()), errors::toString);
  }

  @Test
  void quotesAHugeRepeatedColumnNameByItsFirstHundredCharacters() {
    String huge = "x".repeat(1_000_000);
    List<FieldError> errors = refused(String.join(",", inputs()) + "," + huge + "," + huge + "\n");
    assertTrue(names(errors, "x".repeat(100) + "\u2026", "twice"), errors::toString);
    assertTrue(errors.stream().allMatch(e -> e.field().length() <= 101 && e.message().length() < 2_000), errors::toString);
  }

  @Test
  void refusesABodyOfOnlyWhitespace() {
    List<FieldError> errors = refused("   \n");
    assertTrue(names(errors, "header", "column 1 has no name"), errors::toString);
  }

  @Test
  void refusesAHeaderThatCannotBeParsed() {
    List<FieldError> errors = refused("\"" + String.join(",", inputs()) + "\n30,50000\n");
    assertTrue(names(errors, "file", "the header row cannot be read as CSV"), errors::toString);
  }

  @Test
  void refusesBinaryData() throws IOException {
    CsvScoring csv = withModel();
    for (int seed = 0; seed < 50; seed++) {
      byte[] binary = new byte[1280];
      new Random(seed).nextBytes(binary);
      Reader body = Utf8Text.reader(new ByteArrayInputStream(binary)); // as the endpoint reads it
      ProblemException problem = assertThrows(ProblemException.class, () -> csv.open(body), "seed " + seed);
      assertEquals(422, problem.problem().status());
    }
  }

  @Test
  void readsTheHeaderAfterTheByteOrderMarkExcelWrites() throws IOException {
    byte[] header = (String.join(",", inputs()) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] withMark = new byte[header.length + 3];
    withMark[0] = (byte) 0xEF;
    withMark[1] = (byte) 0xBB;
    withMark[2] = (byte) 0xBF;
    System.arraycopy(header, 0, withMark, 3, header.length);

    assertEquals(inputs(), withModel().open(Utf8Text.reader(new ByteArrayInputStream(withMark))).columns());
  }

  @Test
  void refusesAFileThatIsNotUtf8BeforeAnswering() {
    // A small file is decoded at the first read, so a bad byte anywhere in it refuses the whole
    // file with a 422, as a batch job's upload is refused.
    String text = String.join(",", inputs()) + "\n30,50000,ВЛАДЕЛЕЦ\n";
    CsvScoring csv = withModel();
    ProblemException problem =
        assertThrows(ProblemException.class, () -> csv.open(Utf8Text.reader(new ByteArrayInputStream(text.getBytes(Charset.forName("windows-1251"))))));
    assertEquals(422, problem.problem().status());
    assertTrue(names(problem.problem().errors(), "file", "the file is not UTF-8 text"), problem.problem().errors()::toString);
  }

  @Test
  void stopsReadingALargeFileWhereItStopsBeingUtf8AndSaysWhy() throws IOException {
    // Far enough into the file that the header and the first rows are read before the bad byte.
    String rows = "a,b\n" + "1,2\n".repeat(50_000);
    byte[] good = rows.getBytes(StandardCharsets.UTF_8);
    byte[] bad = "3,\u0411\n4,5\n".getBytes(Charset.forName("windows-1251"));
    byte[] file = java.util.Arrays.copyOf(good, good.length + bad.length);
    System.arraycopy(bad, 0, file, good.length, bad.length);
    CsvScoring.Rows reading = new CsvScoring.Rows(INPUT.parse(Utf8Text.reader(new ByteArrayInputStream(file))).iterator());

    long read = 0;
    for (List<CSVRecord> chunk = reading.next(CsvScoring.CHUNK); !chunk.isEmpty(); chunk = reading.next(CsvScoring.CHUNK)) {
      chunk.forEach(r -> assertEquals(List.of("1", "2"), r.toList()));
      read += chunk.size();
    }
    assertTrue(read > 0 && read <= 50_000, "rows read: " + read);
    assertEquals("file", reading.unreadable().field());
    assertTrue(reading.unreadable().message().contains("the file is not UTF-8 text"), reading.unreadable()::toString);
  }

  @Test
  void stopsReadingAtARowThatCannotBeParsedAndNamesIt() throws IOException {
    CsvScoring.Rows rows = new CsvScoring.Rows(INPUT.parse(new StringReader("a,b\n1,2\n3,4\n\"5,6\n7,8\n")).iterator());

    assertEquals(2, rows.next(CsvScoring.CHUNK).size());
    assertTrue(rows.next(CsvScoring.CHUNK).isEmpty());
    assertEquals("file", rows.unreadable().field());
    assertTrue(rows.unreadable().message().startsWith("row 3 cannot be read as CSV"), rows.unreadable()::toString);
  }

  @Test
  void stopsAtAQuoteLeftOpenWithoutReadingTheRestOfTheFileIntoOneValue() throws IOException {
    String file = "a,b\n1,2\n\"3," + "4,5\n".repeat(CsvRowLimit.MAX_ROW_CHARACTERS / 4 + 100_000);
    CsvScoring.Rows rows = new CsvScoring.Rows(CsvScoring.parseInput(new StringReader(file)).iterator());

    assertEquals(1, rows.next(CsvScoring.CHUNK).size());
    assertTrue(rows.next(CsvScoring.CHUNK).isEmpty());
    assertTrue(
        rows.unreadable().message().startsWith("row 2 cannot be read as CSV: a value that opens with a quote (\") runs past 10,000,000 characters"),
        rows.unreadable()::toString);
  }

  @Test
  void readsEveryRowOfAWellFormedFile() throws IOException {
    CsvScoring.Rows rows = new CsvScoring.Rows(INPUT.parse(new StringReader("a,b\n1,2\n3,4\n5,6\n")).iterator());

    assertEquals(2, rows.next(2).size());
    assertEquals(1, rows.next(2).size());
    assertTrue(rows.next(2).isEmpty());
    assertNull(rows.unreadable());
  }

  @Test
  void anUnreadableRowHasBlankValuesItsNumberAndTheError() throws IOException {
    StringBuilder text = new StringBuilder();
    CsvScoring.printUnreadableRow(text, 2, 3, "row 3 cannot be read as CSV: EOF reached");

    List<CSVRecord> lines = CSVFormat.DEFAULT.parse(new StringReader(text.toString())).getRecords();
    List<String> values = new ArrayList<>();
    lines.get(0).forEach(values::add);
    assertEquals(List.of("", "", "3", "", "", "", "", "", "", "row 3 cannot be read as CSV: EOF reached"), values);
  }

  private static List<String> inputs() {
    return TrainedModels.onDemoData(Learner.LOGISTIC).schema().stream().map(InputField::name).toList();
  }

  /** Scoring as the endpoint opens it, with the demo data's model active. */
  private static CsvScoring withModel() {
    LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);
    CsvScoring csv = new CsvScoring();
    csv.scorer =
        new Scorer() {
          @Override
          public LoadedModel activeModel() {
            return model;
          }
        };
    return csv;
  }

  private static List<FieldError> refused(String body) {
    CsvScoring csv = withModel();
    ProblemException problem = assertThrows(ProblemException.class, () -> csv.open(new StringReader(body)));
    assertEquals(422, problem.problem().status());
    return problem.problem().errors();
  }

  private static boolean names(List<FieldError> errors, String field, String words) {
    return errors.stream().anyMatch(e -> e.field().equals(field) && e.message().contains(words));
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
