package com.creditscoring.scoring.control;

import java.util.List;
import java.util.Locale;

/** The languages texts for applicants and officers come in; English unless Russian is preferred. */
public enum Language {
  EN,
  RU;

  /**
   * @param explicit a {@code lang} parameter, which wins when given
   * @param accepted the request's languages in order of preference
   */
  public static Language of(String explicit, List<Locale> accepted) {
    if (explicit != null && !explicit.isBlank()) {
      return explicit.toLowerCase(Locale.ROOT).startsWith("ru") ? RU : EN;
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
