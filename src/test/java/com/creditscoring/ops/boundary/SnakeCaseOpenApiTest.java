package com.creditscoring.ops.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnakeCaseOpenApiTest {

  @Test
  void propertyNamesAreRenamedAsJsonBWritesThem() {
    assertEquals("access_token", SnakeCaseOpenApi.snakeCase("accessToken"));
    assertEquals("probability_default", SnakeCaseOpenApi.snakeCase("probabilityDefault"));
    assertEquals("score", SnakeCaseOpenApi.snakeCase("score"));
    assertEquals("chart_png", SnakeCaseOpenApi.snakeCase("chartPng"));
  }
}
