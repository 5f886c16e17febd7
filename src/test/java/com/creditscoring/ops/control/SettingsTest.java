package com.creditscoring.ops.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void flagsAcceptTheUsualSpellings() {
    assertTrue(Settings.flag("USE_JSON_LOGS", "TRUE"));
    assertTrue(Settings.flag("USE_JSON_LOGS", " yes "));
    assertFalse(Settings.flag("USE_JSON_LOGS", "0"));
    assertFalse(Settings.flag("USE_JSON_LOGS", ""));
  }

  @Test
  void aMistypedFlagStopsStartUpNamingTheSetting() {
    var error = assertThrows(InvalidSettingException.class, () -> Settings.flag("USE_JSON_LOGS", "ture"));
    assertEquals("USE_JSON_LOGS", error.setting());
  }

  @Test
  void positiveNumbersOnly() {
    assertEquals(30, Settings.positiveInt("ACCESS_TOKEN_EXPIRE_MINUTES", " 30"));
    assertThrows(InvalidSettingException.class, () -> Settings.positiveInt("ACCESS_TOKEN_EXPIRE_MINUTES", "0"));
    var error = assertThrows(InvalidSettingException.class, () -> Settings.positiveInt("REFRESH_TOKEN_EXPIRE_DAYS", "7d"));
    assertTrue(error.getMessage().startsWith("REFRESH_TOKEN_EXPIRE_DAYS: "), error.getMessage());
  }

  @Test
  void logLevelsUnderstandTheSeedsPythonNames() {
    assertEquals(Level.FINE, LogSettings.parseLevel("debug"));
    assertEquals(Level.WARNING, LogSettings.parseLevel("WARNING"));
    assertEquals(Level.SEVERE, LogSettings.parseLevel("ERROR"));
    var error = assertThrows(InvalidSettingException.class, () -> LogSettings.parseLevel("LOUD"));
    assertEquals("LOG_LEVEL", error.setting());
  }
}
