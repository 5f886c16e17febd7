package com.creditscoring.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real credit-risk file beside the project (../shared/data), never committed into it. */
public final class SharedData {

  private SharedData() {}

  public static Path creditRisk() {
    Path file = Path.of(System.getProperty("shared.data", "../shared/data")).resolve("credit_risk_dataset.csv");
    if (!Files.isReadable(file)) {
      throw new IllegalStateException(
          file.toAbsolutePath() + " is missing: tests train on the real credit-risk data in ../shared/data");
    }
    return file;
  }
}
