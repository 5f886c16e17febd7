package com.creditscoring.scoring.control;

import com.creditscoring.problems.ProblemException;
import java.util.List;
import java.util.Locale;

/** The languages texts for applicants and officers come in; English unless Russian is preferred. */
public enum Language {
  EN,
  RU;

  /**
   * @param explicit a {@code lang} parameter, which wins when given: {@code en} or {@code ru}, with
   *     or without a region ({@code ru-RU})
   * @param accepted the request's languages in order of preference; ones we do not have are passed
   *     over, as content negotiation does
   * @throws ProblemException 422 naming {@code lang} when it asks for a language we do not have: a
   *     report in the wrong language is worse than no report
   */
  public static Language of(String explicit, List<Locale> accepted) {
    if (explicit != null && !explicit.isBlank()) {
      String primary = explicit.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
      return switch (primary) {
        case "en" -> EN;
        case "ru" -> RU;
        default -> throw ProblemException.invalidField("lang", "must be en or ru, not '" + explicit + "'");
      };
    }
    for (Locale locale : accepted) {
      if (locale.getLanguage().equals("ru")) {
        return RU;
      }
      if (locale.getLanguage().equals("en")) {
        return EN;
      }
    }
    return EN;
  }

  public String pick(String english, String russian) {
    return this == RU ? russian : english;
  }
}
