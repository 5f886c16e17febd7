package com.creditscoring.datasets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.problems.CsvRowLimit;
import com.creditscoring.problems.Problem;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;

class TableReaderTest {

  @TempDir Path folder;

  private Path csv(String text) throws IOException {
    return Files.writeString(folder.resolve("t.csv"), text);
  }

  private List<Problem.FieldError> defects(Path file, String target) {
    ProblemException problem =
        assertThrows(ProblemException.class, () -> TableReader.readCsv(file, target, TableReader.Limits.DEFAULT));
    assertEquals(422, problem.problem().status());
    return problem.problem().errors();
  }

  private static boolean names(List<Problem.FieldError> errors, String field, String words) {
    return errors.stream().anyMatch(e -> e.field().equals(field) && e.message().contains(words));
  }

  @Test
  void readsTheRealCreditRiskFileWithItsMissingValues() {
    Instances data = TableReader.readCsv(SharedData.creditRisk(), "loan_status", TableReader.Limits.DEFAULT);
    assertEquals(27_693, data.numInstances());
    assertEquals(12, data.numAttributes());
    assertEquals("loan_status", data.classAttribute().name());
    assertTrue(data.attribute("person_income").isNumeric());
    assertTrue(data.attribute("loan_grade").isNominal());
    assertTrue(data.attributeStats(data.attribute("loan_int_rate").index()).missingCount > 2000);
  }

  @Test
  void namesAMissingTargetAndTheColumnsThereAre() throws IOException {
    var errors = defects(csv("a,b\n1,2\n"), "loan_status");
    assertTrue(names(errors, "target", "no column named 'loan_status'"), errors::toString);
  }

  @Test
  void refusesATargetWithMoreThanTwoValues() throws IOException {
    var errors = defects(csv("x,y\n1,0\n2,1\n3,2\n"), "y");
    assertTrue(names(errors, "y", "exactly two values"), errors::toString);
  }

  @Test
  void namesEachRaggedRow() throws IOException {
    var errors = defects(csv("x,y\n1,0\n2\n3,1,9\n4,1\n"), "y");
    assertTrue(names(errors, "file", "row 2: 1 values"), errors::toString);
    assertTrue(names(errors, "file", "row 3: 3 values"), errors::toString);
  }

  @Test
  void refusesAnEmptyFile() throws IOException {
    assertTrue(names(defects(csv(""), "y"), "file", "no data rows"));
    assertTrue(names(defects(csv("x,y\n"), "y"), "file", "no data rows"));
  }

  @Test
  void refusesAColumnWithTooManyCategories() throws IOException {
    StringBuilder text = new StringBuilder("id,y\n");
    for (int i = 0; i < 150; i++) {
      text.append("customer-").append(i).append(',').append(i % 2).append('\n');
    }
    assertTrue(names(defects(csv(text.toString()), "y"), "id", "more than 100 categories"));
  }

  @Test
  void namesTheColumnWhoseHeaderNameIsEmpty() throws IOException {
    var errors = defects(csv("age,,default\n1,2,0\n2,3,1\n"), "default");
    assertTrue(names(errors, "file", "column 2 has no name"), errors::toString);
  }

  @Test
  void namesTheUnnamedColumnATrailingCommaInTheHeaderMakes() throws IOException {
    var errors = defects(csv("age,default,\n1,0,\n2,1,\n"), "default");
    assertTrue(names(errors, "file", "column 3 has no name"), errors::toString);
    assertTrue(errors.stream().noneMatch(e -> e.field().isBlank()), errors::toString);
  }

  @Test
  void refusesAFileOfOnlyWhitespace() throws IOException {
    var errors = defects(csv("   \n"), "default");
    assertTrue(names(errors, "file", "column 1 has no name"), errors::toString);
    assertTrue(names(errors, "file", "no data rows"), errors::toString);
  }

  @Test
  void namesAColumnTheHeaderNamesTwice() throws IOException {
    var errors = defects(csv("age,age,default\n1,2,0\n2,3,1\n"), "default");
    assertTrue(names(errors, "age", "twice"), errors::toString);
  }

  @Test
  void refusesAQuoteLeftOpenOnceTheRowRunsPastTheLimit() throws IOException {
    Path file = csv("age,y\n1,0\n\"2,1\n" + "3,0\n".repeat(CsvRowLimit.MAX_ROW_CHARACTERS / 4 + 100_000));
    assertTrue(names(defects(file, "y"), "file", "opens with a quote (\") runs past 10,000,000 characters: most likely the quote is never closed"));
  }

  @Test
  void refusesTextThatIsNotUtf8() throws IOException {
    Path file = folder.resolve("latin1.csv");
    Files.write(file, "name,y\nM\u00fcller,1\nSch\u00e4fer,0\n".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(names(defects(file, "y"), "file", "not UTF-8"));
  }

  @Test
  void readsMissingCellsAsMissingAndTypesColumns() throws IOException {
    Instances data =
        TableReader.readCsv(csv("\uFEFFage,city,y\n30,Riga,0\n,NA,1\n41.5,Oslo,1\n"), "y", TableReader.Limits.DEFAULT);
    assertEquals(3, data.numInstances());
    assertTrue(data.attribute("age").isNumeric());
    assertTrue(data.instance(1).isMissing(0));
    assertTrue(data.instance(1).isMissing(1));
    assertEquals(List.of("0", "1"), List.of(data.classAttribute().value(0), data.classAttribute().value(1)));
  }

  @Test
  void readsArffAndChecksItsTarget() throws IOException {
    Path arff = Files.writeString(folder.resolve("t.arff"),
        "@relation t\n@attribute a numeric\n@attribute c {good,bad}\n@data\n1,good\n2,bad\n");
    Instances data = TableReader.readArff(arff, "c", TableReader.Limits.DEFAULT);
    assertEquals("c", data.classAttribute().name());
    ProblemException wrong =
        assertThrows(ProblemException.class, () -> TableReader.readArff(arff, "nope", TableReader.Limits.DEFAULT));
    assertTrue(names(wrong.problem().errors(), "target", "no attribute named 'nope'"));
  }

  @Test
  void readsArffThatStartsWithAByteOrderMark() throws IOException {
    Path arff = Files.writeString(folder.resolve("t.arff"),
        "\uFEFF@relation t\n@attribute a numeric\n@attribute c {good,bad}\n@data\n1,good\n2,bad\n");
    Instances data = TableReader.readArff(arff, "c", TableReader.Limits.DEFAULT);
    assertEquals("t", data.relationName());
    assertEquals(2, data.numInstances());
  }

  @Test
  void refusesACategoryLongerThanTheLimitNamingItsRowAndColumn() throws IOException {
    StringBuilder text = new StringBuilder("age,income,grade,default\n20,1000," + "x".repeat(50_000) + ",1\n");
    for (int i = 0; i < 30; i++) {
      text.append(20 + i).append(",1000,").append("ABC".charAt(i % 3)).append(',').append(i % 2).append('\n');
    }
    var errors = defects(csv(text.toString()), "default");
    assertTrue(names(errors, "grade", "row 1, column 3: the value is 50000 characters long, more than the limit of 128"), errors::toString);
    assertTrue(errors.stream().allMatch(e -> e.message().length() < 300), errors::toString);
  }

  @Test
  void acceptsACategoryOfExactlyTheLimit() throws IOException {
    String longest = "y".repeat(TableReader.MAX_VALUE_LENGTH);
    Instances data = TableReader.readCsv(csv("grade,default\n" + longest + ",0\nA,1\n"), "default", TableReader.Limits.DEFAULT);
    assertTrue(data.attribute("grade").indexOfValue(longest) >= 0);
  }

  @Test
  void refusesAHeaderNameLongerThanTheLimitQuotingOnlyItsStart() throws IOException {
    String name = "n".repeat(10_000);
    var errors = defects(csv("age," + name + ",default\n1,2,0\n2,3,1\n"), "default");
    assertTrue(names(errors, "file", "column 2 of the header row: the name is 10000 characters long"), errors::toString);
    assertTrue(errors.stream().allMatch(e -> e.field().length() <= 101 && e.message().length() < 500), errors::toString);
  }

  @Test
  void refusesANulInACellNamingItsRowAndColumn() throws IOException {
    var errors = defects(csv("age,grade,default\n30,A,0\n31,A\u0000,1\n32,B,0\n"), "default");
    assertTrue(names(errors, "grade", "row 2, column 2: the value has a control character U+0000 at position 2"), errors::toString);
  }

  @Test
  void refusesATabInsideACellButTrimsSurroundingWhitespace() throws IOException {
    var errors = defects(csv("age,grade,default\n30,\"A\tB\",0\n31,B,1\n"), "default");
    assertTrue(names(errors, "grade", "row 1, column 2: the value has a control character U+0009"), errors::toString);
    Instances data = TableReader.readCsv(csv("age,grade,default\n30, A ,0\n31,B,1\n"), "default", TableReader.Limits.DEFAULT);
    assertEquals("A", data.attribute("grade").value(0));
  }

  @Test
  void refusesAControlCharacterInAHeaderName() throws IOException {
    var errors = defects(csv("age,gra\u0000de,default\n30,A,0\n31,B,1\n"), "default");
    assertTrue(names(errors, "file", "column 2 of the header row: the name 'gra\u0000de' has a control character U+0000 at position 4"), errors::toString);
  }

  @Test
  void quotesARepeatedLongColumnNameByItsStartOnly() throws IOException {
    String name = "n".repeat(120);
    var errors = defects(csv(name + "," + name + ",default\n1,2,0\n2,3,1\n"), "default");
    assertTrue(names(errors, "n".repeat(100) + "\u2026", "twice"), errors::toString);
  }

  @Test
  void refusesAControlCharacterInAnArffCategory() throws IOException {
    Path arff = Files.writeString(folder.resolve("t.arff"),
        "@relation t\n@attribute g {A,'A\u0001'}\n@attribute c {good,bad}\n@data\nA,good\n'A\u0001',bad\n");
    ProblemException problem =
        assertThrows(ProblemException.class, () -> TableReader.readArff(arff, "c", TableReader.Limits.DEFAULT));
    assertEquals(422, problem.problem().status());
    var errors = problem.problem().errors();
    assertTrue(names(errors, "g", "declared value 2: the value has a control character U+0001"), errors::toString);
  }

  @Test
  void refusesAnArffAttributeNameLongerThanTheLimit() throws IOException {
    Path arff = Files.writeString(folder.resolve("t.arff"),
        "@relation t\n@attribute " + "a".repeat(200) + " numeric\n@attribute c {good,bad}\n@data\n1,good\n2,bad\n");
    ProblemException problem =
        assertThrows(ProblemException.class, () -> TableReader.readArff(arff, "c", TableReader.Limits.DEFAULT));
    assertTrue(names(problem.problem().errors(), "file", "attribute 1: the name is 200 characters long"), problem.problem().errors()::toString);
  }
}
