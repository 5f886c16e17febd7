package com.creditscoring.problems;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Uploaded text (CSV files) read the one way every upload is read: as UTF-8, strictly, and without
 * the byte order mark that Excel's "CSV UTF-8" puts before the header.
 *
 * <p>Strictly, because a file saved in another encoding (Windows-1251 from a Russian Excel, say)
 * would otherwise be read with U+FFFD in place of its letters: its rows would then be refused for
 * values nobody wrote, instead of the file for its encoding. A byte that is not UTF-8 makes a read
 * throw a {@link java.nio.charset.CharacterCodingException}, which callers answer as "the file is
 * not UTF-8 text". Without dropping the mark, the first column's name would start with an
 * invisible U+FEFF and match no field.
 */
public final class Utf8Text {

  /** What a 422 says of a file that is not UTF-8, wherever it was uploaded. */
  public static final String NOT_UTF8 = "the file is not UTF-8 text; save it as UTF-8 and send it again";

  private Utf8Text() {}

  /**
   * A buffered, strict UTF-8 reader of the text that drops a leading byte order mark. Nothing is
   * read until the caller reads, so a first byte that is not UTF-8 fails the caller's first read,
   * where the caller handles a file that cannot be read.
   */
  public static Reader reader(InputStream text) throws IOException {
    InputStream withoutMark = BOMInputStream.builder().setInputStream(text).get(); // a UTF-8 mark, left out
    return new BufferedReader(
        new InputStreamReader(
            withoutMark,
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
        1 << 16);
  }

  /** See {@link #reader(InputStream)}. */
  public static Reader reader(Path file) throws IOException {
    return reader(Files.newInputStream(file));
  }
}
