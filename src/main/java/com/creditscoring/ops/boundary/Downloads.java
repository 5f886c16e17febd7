package com.creditscoring.ops.boundary;

import java.util.regex.Pattern;

/**
 * The Content-Disposition of a file the service hands out: saved under its name ({@link
 * #attachment}) or shown in the browser ({@link #inline}, for PDFs). The names are the service's
 * own (report and job file names), so they need no encoding; one that would need it is a bug.
 */
public final class Downloads {

  public static final String HEADER = "Content-Disposition";

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private Downloads() {}

  public static String attachment(String fileName) {
    return "attachment; filename=\"" + plain(fileName) + "\"";
  }

  public static String inline(String fileName) {
    return "inline; filename=\"" + plain(fileName) + "\"";
  }

  private static String plain(String fileName) {
    if (!PLAIN_NAME.matcher(fileName).matches()) {
      throw new IllegalArgumentException("a download's name must be plain ASCII without quotes or slashes: " + fileName);
    }
    return fileName;
  }
}
