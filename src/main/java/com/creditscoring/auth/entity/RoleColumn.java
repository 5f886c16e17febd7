package com.creditscoring.auth.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps the role column in the same lower-case words as the API and the tokens. */
@Converter(autoApply = true)
public class RoleColumn implements AttributeConverter<Role, String> {

  @Override
  public String convertToDatabaseColumn(Role role) {
    return role == null ? null : role.value();
  }

  @Override
  public Role convertToEntityAttribute(String column) {
    return column == null
        ? null
        : Role.of(column)
            .orElseThrow(() -> new IllegalStateException("unknown role in database: " + column));
  }
}
