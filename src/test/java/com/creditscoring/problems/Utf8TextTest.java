package com.creditscoring.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Test
  void dropsTheByteOrderMarkExcelWritesBeforeTheText() throws IOException {
    assertEquals("возраст,доход\n30,50000\n", readAll(concat(BYTE_ORDER_MARK, utf8("возраст,доход\n30,50000\n"))));
  }

  @Test
  void keepsTextWithoutAByteOrderMarkAsItIs() throws IOException {
    assertEquals("person_age\n30\n", readAll(utf8("person_age\n30\n")));
    assertEquals("", readAll(new byte[0]));
  }

  @Test
  void keepsAByteOrderMarkThatIsNotAtTheStart() throws IOException {
    assertEquals("a\n\uFEFFb\n", readAll(concat(utf8("a\n"), BYTE_ORDER_MARK, utf8("b\n"))));
  }

  @Test
  void refusesTextInAnotherEncodingInsteadOfReplacingItsLetters() {
    byte[] windows1251 = "возраст,доход\n30,50000\n".getBytes(Charset.forName("windows-1251"));
    assertThrows(CharacterCodingException.class, () -> readAll(windows1251));
  }

  @Test
  void refusesAFirstByteThatIsNotUtf8OnTheFirstReadNotWhenOpened() throws IOException {
    try (Reader reader = Utf8Text.reader(new ByteArrayInputStream(new byte[] {(byte) 0xFF, 'a'}))) {
      assertThrows(CharacterCodingException.class, reader::read);
    }
  }

  private static String readAll(byte[] bytes) throws IOException {
    try (Reader reader = Utf8Text.reader(new ByteArrayInputStream(bytes))) {
      StringWriter text = new StringWriter();
      reader.transferTo(text);
      return text.toString();
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.write(part);
    }
    return all.toByteArray();
  }
}
