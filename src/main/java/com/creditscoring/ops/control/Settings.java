package com.creditscoring.ops.control;

import java.util.Locale;

/**
 * Reads setting values strictly, so that a typo ("ture", "3O") stops start-up with a line naming
 * the setting instead of silently meaning something else. Settings are named by their environment
 * variable, which is what an operator sets.
 */
public final class Settings {

  private Settings() {}

  public static boolean flag(String setting, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off", "" -> false;
      default -> throw new InvalidSettingException(setting, "'" + value + "' is not true or false");
    };
  }

  public static int positiveInt(String setting, String value) {
    long parsed = positiveLong(setting, value);
    if (parsed > Integer.MAX_VALUE) {
      throw new InvalidSettingException(setting, "'" + value + "' is too large");
    }
    return (int) parsed;
  }

  public static long positiveLong(String setting, String value) {
    try {
      long parsed = Long.parseLong(value.strip());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the setting's name
    }
    throw new InvalidSettingException(setting, "'" + value + "' is not a whole number above 0");
  }

  /** One of an enum's constants, named in any case: {@code reject} for {@code REJECT}. */
  public static <E extends Enum<E>> E choice(String setting, String value, Class<E> choices) {
    for (E choice : choices.getEnumConstants()) {
      if (choice.name().equalsIgnoreCase(value.strip())) {
        return choice;
      }
    }
    throw new InvalidSettingException(
        setting, "'" + value + "' is not one of " + java.util.Arrays.stream(choices.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
  }
}
