package com.creditscoring.testing;

import java.time.Duration;

/** The pause between two looks while a test waits for a server to get somewhere. */
public final class Polling {

  private Polling() {}

  /** Sleeps; an interrupted test fails rather than carrying on early. */
  public static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
