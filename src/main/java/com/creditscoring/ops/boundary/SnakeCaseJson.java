package com.creditscoring.ops.boundary;

import com.creditscoring.ops.control.SnakeCase;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The seed's clients speak snake_case ({@code access_token}, {@code person_age}): every JSON body
 * in and out uses it, while Java keeps its own names.
 */
@Provider
public class SnakeCaseJson implements ContextResolver<Jsonb> {

  @Override
  public Jsonb getContext(Class<?> type) {
    return SnakeCase.JSON;
  }
}
