package com.creditscoring.scoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.creditscoring.problems.ProblemException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguageTest {

  private static final List<Locale> PREFERS_RUSSIAN = List.of(Locale.forLanguageTag("de"), Locale.forLanguageTag("ru-RU"), Locale.ENGLISH);

  @Test
  void theLangParameterWinsOverTheAcceptLanguageHeader() {
    assertEquals(Language.EN, Language.of("en", PREFERS_RUSSIAN));
    assertEquals(Language.RU, Language.of("RU", List.of(Locale.ENGLISH)));
  }

  @Test
  void theLangParameterMayCarryARegion() {
    assertEquals(Language.RU, Language.of("ru-RU", List.of()));
    assertEquals(Language.EN, Language.of(" en_GB ", List.of()));
  }

  @Test
  void anUnsupportedLangIsA422NamingTheParameter() {
    for (String lang : List.of("de", "russian", "e")) {
      ProblemException problem = assertThrows(ProblemException.class, () -> Language.of(lang, List.of()));
      assertEquals(422, problem.problem().status());
      assertEquals("lang", problem.problem().errors().get(0).field());
    }
  }

  @Test
  void withoutLangTheFirstAcceptedLanguageWeHaveIsTaken() {
    assertEquals(Language.RU, Language.of(null, PREFERS_RUSSIAN));
    assertEquals(Language.EN, Language.of(" ", List.of(Locale.GERMAN, Locale.US, Locale.forLanguageTag("ru"))));
    assertEquals(Language.EN, Language.of(null, List.of(Locale.GERMAN)));
  }
}
