package com.creditscoring.ops.control;

import java.util.Locale;

/** Reads on/off settings strictly: a typo such as "ture" stops start-up instead of meaning off. */
public final class Flags {

  private Flags() {}

  public static boolean parse(String setting, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off", "" -> false;
      default -> throw new InvalidSettingException(
          setting, "'" + value + "' is not true or false");
    };
  }
}
