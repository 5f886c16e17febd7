package com.creditscoring.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRowLimitTest {

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
  private static final CSVFormat SPACES_BEFORE_QUOTES = FORMAT.builder().setIgnoreSurroundingSpaces(true).get();
  private static final int LIMIT = 10_000;

  /** Text that begins with {@code start} and goes on with {@code line} over and over, counting what it hands out. */
  private static final class EndlessText extends Reader {
    private final String start;
    private final String line;
    private final long length;
    long served;

    EndlessText(String start, String line, long length) {
      this.start = start;
      this.line = line;
      this.length = length;
    }

    @Override
    public int read(char[] buffer, int offset, int count) {
      if (served >= length) {
        return -1;
      }
      int n = (int) Math.min(count, length - served);
      for (int i = 0; i < n; i++, served++) {
        buffer[offset + i] = served < start.length() ? start.charAt((int) served) : line.charAt((int) ((served - start.length()) % line.length()));
      }
      return n;
    }

    @Override
    public void close() {}
  }

  private static long rowsOf(Reader text, CSVFormat format) throws IOException {
    try (CSVParser parser = format.parse(CsvRowLimit.of(text, format, LIMIT))) {
      long rows = 0;
      for (CSVRecord ignored : parser) {
        rows++;
      }
      return rows;
    }
  }

  @Test
  void passesAWellFormedFileThroughUnchanged() throws IOException {
    String csv = "name,note\n\"Smith, Jane\",\"said \"\"hi\"\"\nthen left\"\r\nLee,5'10\"\n";
    StringWriter copy = new StringWriter();
    CsvRowLimit.of(new StringReader(csv), FORMAT, LIMIT).transferTo(copy);
    assertEquals(csv, copy.toString());
    try (CSVParser parser = FORMAT.parse(CsvRowLimit.of(new StringReader(csv), FORMAT, LIMIT))) {
      List<CSVRecord> records = parser.getRecords();
      assertEquals("said \"hi\"\nthen left", records.get(0).get("note"));
      assertEquals("5'10\"", records.get(1).get("note"));
    }
  }

  @Test
  void stopsAtAQuoteThatIsNeverClosedHavingReadLittleMoreThanTheLimit() {
    EndlessText text = new EndlessText("a,b\n1,2\n\"3,", "4,5\n", 100L * LIMIT);
    UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> rowsOf(text, FORMAT));
    assertTrue(
        failure.getCause().getMessage().equals("a value that opens with a quote (\") runs past 10,000 characters: most likely the quote is never closed"),
        failure::toString);
    // What the parser buffers beyond the limit is its read-ahead (8 KB), not the rest of the file.
    assertTrue(text.served < LIMIT + 20_000, () -> text.served + " characters read");
  }

  @Test
  void stopsAtAnEndlessUnquotedRowWithoutBlamingAQuote() {
    UncheckedIOException failure =
        assertThrows(UncheckedIOException.class, () -> rowsOf(new EndlessText("a,b\n1,2\n3,", "x\"y", 100L * LIMIT), FORMAT));
    assertEquals("the row runs past 10,000 characters", failure.getCause().getMessage());
  }

  @Test
  void countsEachRowOnItsOwn() throws IOException {
    // 130 times the limit in all, in short rows, every other one with a quoted value holding a line break.
    String twoRows = "1,\"2\n3\"\r\n4,5\n";
    assertEquals(200_000, rowsOf(new EndlessText("a,b\n", twoRows, 4 + 100_000L * twoRows.length()), FORMAT));
  }

  @Test
  void aQuoteInsideAnUnquotedValueOpensNothing() throws IOException {
    // The parser reads 5'10" as it stands; were the quote taken to open a value, the rows after it would count as one.
    assertEquals(100L * LIMIT / 4, rowsOf(new EndlessText("a,b\nx,5'10\"\n", "1,2\n", 12 + 100L * LIMIT), FORMAT) - 1);
  }

  @Test
  void followsTheFormatOnSpacesBeforeAQuote() throws IOException {
    String start = "a,b\nx,  \"y\n";
    // Without ignored surrounding spaces the quote is a plain character of the value "  \"y" ...
    assertEquals(100L * LIMIT / 4 + 1, rowsOf(new EndlessText(start, "1,2\n", start.length() + 100L * LIMIT), FORMAT));
    // ... with them, it opens a value that is never closed.
    UncheckedIOException failure =
        assertThrows(UncheckedIOException.class, () -> rowsOf(new EndlessText(start, "1,2\n", start.length() + 100L * LIMIT), SPACES_BEFORE_QUOTES));
    assertTrue(failure.getCause().getMessage().contains("never closed"), failure::toString);
  }

  @Test
  void refusesAFormatItCannotFollow() {
    assertThrows(IllegalArgumentException.class, () -> CsvRowLimit.of(new StringReader(""), FORMAT.builder().setEscape('\\').get()));
    assertThrows(IllegalArgumentException.class, () -> CsvRowLimit.of(new StringReader(""), FORMAT.builder().setDelimiter("||").get()));
  }
}
