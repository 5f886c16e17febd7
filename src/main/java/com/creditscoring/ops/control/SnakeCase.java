package com.creditscoring.ops.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * One JSON binding for everything the service writes, on the wire and in the database: the seed's
 * clients speak snake_case ({@code access_token}, {@code person_age}), and stored JSON (metrics,
 * schemas, reasons) reads the same as the API that serves it. Jsonb instances are thread-safe and
 * costly to build, so there is one.
 */
public final class SnakeCase {

  public static final Jsonb JSON =
      JsonbBuilder.create(new JsonbConfig().withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

  private SnakeCase() {}
}
