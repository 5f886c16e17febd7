package com.creditscoring.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.ProcessingException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AcceptLanguageTest {

  @Test
  void passesTheParsedPreferencesOnInOrder() {
    List<Locale> parsed = List.of(Locale.forLanguageTag("ru-RU"), Locale.ENGLISH);
    assertEquals(parsed, AcceptLanguage.preferences(() -> parsed));
  }

  @Test
  void aHeaderThatCannotBeParsedIsA400NamingItNotTheBody() {
    ProblemException refused =
        assertThrows(
            ProblemException.class,
            () -> AcceptLanguage.preferences(() -> {
              throw new ProcessingException("Unable to parse \"Accept-Language\" header value: \"ru;q=abc\"",
                  new java.text.ParseException("Error parsing Quality value", 4));
            }));
    assertEquals(400, refused.problem().status());
    assertEquals("Accept-Language", refused.problem().errors().get(0).field());
    assertEquals("Error parsing Quality value", refused.problem().errors().get(0).message());
  }
}
