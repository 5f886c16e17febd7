package com.creditscoring.ops.control;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One JSON object per line: timestamp, level, logger, message and, when present, the error. */
public class JsonLogFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    JsonObjectBuilder line =
        Json.createObjectBuilder()
            .add("timestamp", Instant.ofEpochMilli(record.getMillis()).toString())
            .add("level", record.getLevel().getName())
            .add("logger", record.getLoggerName() == null ? "" : record.getLoggerName())
            .add("message", formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.add("error", trace.toString());
    }
    return line.build().toString() + System.lineSeparator();
  }
}
