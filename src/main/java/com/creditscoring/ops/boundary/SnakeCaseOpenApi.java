package com.creditscoring.ops.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The wire format is snake_case ({@link SnakeCaseJson}), but the OpenAPI scanner names schema
 * properties after the Java ones ({@code accessToken}). This filter renames them as JSON-B does,
 * so generated clients match what the API really sends. Registered as {@code mp.openapi.filter}.
 */
public class SnakeCaseOpenApi implements OASFilter {

  @Override
  public Schema filterSchema(Schema schema) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties != null && !properties.isEmpty()) {
      Map<String, Schema> renamed = new LinkedHashMap<>();
      properties.forEach((name, property) -> renamed.put(snakeCase(name), property));
      schema.setProperties(renamed);
    }
    List<String> required = schema.getRequired();
    if (required != null && !required.isEmpty()) {
      schema.setRequired(required.stream().map(SnakeCaseOpenApi::snakeCase).toList());
    }
    return schema;
  }

  /** As JSON-B's LOWER_CASE_WITH_UNDERSCORES: an underscore before each capital, then lower case. */
  static String snakeCase(String name) {
    StringBuilder snake = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          snake.append('_');
        }
        snake.append(Character.toLowerCase(c));
      } else {
        snake.append(c);
      }
    }
    return snake.toString();
  }
}
