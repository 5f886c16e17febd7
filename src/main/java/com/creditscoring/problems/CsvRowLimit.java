package com.creditscoring.problems;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/**
 * An uploaded CSV's text that fails to read once one row runs longer than {@link #MAX_ROW_CHARACTERS}.
 *
 * <p>A quote that opens a value and is never closed makes the rest of the file that one value:
 * Commons CSV appends to it, with no limit, up to the end of the file, and only then says that the
 * quote was not closed. A 200 MB upload with a stray quote on its second row so needed 400 MB of
 * heap for one string before its error, more than a server run with {@code -Xmx768m} has. This
 * reader follows the format's quoting as the parser does and throws once a row passes the limit,
 * when the parser holds about that much of the value; the parser hands the error on as it does
 * any text it cannot read, so the caller names the row.
 *
 * <p>A row of the widest schema is a few hundred characters. The limit is far above any real row,
 * and above the multi-megabyte names and values that uploads are refused for with their own
 * message; at most it costs about 40 MB of heap for the value being read.
 */
public final class CsvRowLimit extends FilterReader {

  public static final int MAX_ROW_CHARACTERS = 10_000_000;

  /** Where the reader is within a row, as the parser's lexer sees it. */
  private enum Position {
    VALUE_START,
    UNQUOTED_VALUE,
    QUOTED_VALUE,
    /** Just after a quote inside a quoted value: the value's end, or the first of two quotes. */
    QUOTE_IN_QUOTED_VALUE
  }

  private final char quote;
  private final char delimiter;
  private final boolean spacesBeforeQuote;
  private final int limit;
  private Position position = Position.VALUE_START;
  private long rowLength;

  private CsvRowLimit(Reader text, CSVFormat format, int limit) {
    super(text);
    if (format.getEscapeCharacter() != null || format.getQuoteCharacter() == null || format.getDelimiterString().length() != 1) {
      throw new IllegalArgumentException("only formats with quotes, no escape character and a one-character delimiter are followed: " + format);
    }
    this.quote = format.getQuoteCharacter();
    this.delimiter = format.getDelimiterString().charAt(0);
    this.spacesBeforeQuote = format.getIgnoreSurroundingSpaces();
    this.limit = limit;
  }

  /** The text, to be parsed with {@code format}, failing at a row longer than {@link #MAX_ROW_CHARACTERS}. */
  public static Reader of(Reader text, CSVFormat format) {
    return new CsvRowLimit(text, format, MAX_ROW_CHARACTERS);
  }

  /** The same with another limit, for tests. */
  static Reader of(Reader text, CSVFormat format, int limit) {
    return new CsvRowLimit(text, format, limit);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      follow((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, length);
    for (int i = offset; i < offset + read; i++) {
      follow(buffer[i]);
    }
    return read;
  }

  /** Skips by reading, so that the skipped text is followed too. */
  @Override
  public long skip(long n) throws IOException {
    char[] skipped = new char[(int) Math.min(n, 8192)];
    long left = n;
    for (int read; left > 0 && (read = read(skipped, 0, (int) Math.min(left, skipped.length))) > 0; ) {
      left -= read;
    }
    return n - left;
  }

  @Override
  public boolean markSupported() {
    return false; // a reset would replay text already followed
  }

  @Override
  public void mark(int readAheadLimit) throws IOException {
    throw new IOException("mark() is not supported");
  }

  @Override
  public void reset() throws IOException {
    throw new IOException("reset() is not supported");
  }

  private void follow(char c) throws IOException {
    boolean lineBreak = c == '\n' || c == '\r';
    switch (position) {
      case VALUE_START -> {
        if (c == quote) {
          position = Position.QUOTED_VALUE;
        } else if (lineBreak) {
          rowLength = -1;
        } else if (c != delimiter && !(spacesBeforeQuote && Character.isWhitespace(c))) {
          position = Position.UNQUOTED_VALUE; // a quote further on in it is a plain character
        }
      }
      case UNQUOTED_VALUE -> endOfValue(c, lineBreak);
      case QUOTED_VALUE -> {
        if (c == quote) {
          position = Position.QUOTE_IN_QUOTED_VALUE;
        }
      }
      case QUOTE_IN_QUOTED_VALUE -> {
        if (c == quote) {
          position = Position.QUOTED_VALUE; // two quotes: one quote in the value
        } else {
          position = Position.UNQUOTED_VALUE; // the value has ended: only a delimiter or line break may follow
          endOfValue(c, lineBreak);
        }
      }
    }
    if (++rowLength > limit) {
      String past = "runs past " + String.format(Locale.ROOT, "%,d", limit) + " characters";
      throw new IOException(
          position == Position.QUOTED_VALUE
              ? "a value that opens with a quote (" + quote + ") " + past + ": most likely the quote is never closed"
              : "the row " + past);
    }
  }

  private void endOfValue(char c, boolean lineBreak) {
    if (c == delimiter) {
      position = Position.VALUE_START;
    } else if (lineBreak) {
      position = Position.VALUE_START;
      rowLength = -1; // the line break is counted to no row
    }
  }
}
