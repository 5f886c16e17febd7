package com.creditscoring.ops.control;

/**
 * A setting that is missing or cannot be used. Start-up stops on it with one line naming the
 * setting by its environment variable, so an operator knows exactly what to fix.
 */
public class InvalidSettingException extends RuntimeException {

  private final String setting;

  public InvalidSettingException(String setting, String reason) {
    super(setting + ": " + reason);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }
}
