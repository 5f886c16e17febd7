package com.creditscoring.ops.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies the seed's {@code LOG_LEVEL} and {@code USE_JSON_LOGS} to this application's loggers
 * (package {@code com.creditscoring}); the server's own logging is left as Payara configures it.
 */
@ApplicationScoped
public class LogSettings {

  static final String APPLICATION_LOGGER = "com.creditscoring";

  /** The seed used Python's level names; java.util.logging's are accepted too. */
  private static final Map<String, Level> LEVELS =
      Map.ofEntries(
          Map.entry("DEBUG", Level.FINE),
          Map.entry("FINE", Level.FINE),
          Map.entry("FINER", Level.FINER),
          Map.entry("FINEST", Level.FINEST),
          Map.entry("INFO", Level.INFO),
          Map.entry("WARN", Level.WARNING),
          Map.entry("WARNING", Level.WARNING),
          Map.entry("ERROR", Level.SEVERE),
          Map.entry("CRITICAL", Level.SEVERE),
          Map.entry("SEVERE", Level.SEVERE));

  @Inject
  @ConfigProperty(name = "log.level", defaultValue = "INFO")
  String level;

  /** JSON lines for log shippers (ELK, Splunk) instead of Payara's text format. */
  @Inject
  @ConfigProperty(name = "use.json.logs", defaultValue = "false")
  String json;

  // Held strongly: java.util.logging keeps loggers only weakly, and would forget the settings.
  private final Logger applicationLogger = Logger.getLogger(APPLICATION_LOGGER);

  public void apply() {
    Level parsed = parseLevel(level);
    boolean useJson = Settings.flag("USE_JSON_LOGS", json);
    applicationLogger.setLevel(parsed);
    if (useJson) {
      Handler handler = new ConsoleHandler();
      handler.setLevel(parsed);
      handler.setFormatter(new JsonLogFormatter());
      applicationLogger.addHandler(handler);
      applicationLogger.setUseParentHandlers(false);
    }
  }

  static Level parseLevel(String value) {
    Level parsed = LEVELS.get(value.strip().toUpperCase(Locale.ROOT));
    if (parsed == null) {
      throw new InvalidSettingException(
          "LOG_LEVEL", "unknown level '" + value + "'; use DEBUG, INFO, WARNING or ERROR");
    }
    return parsed;
  }
}
