package com.creditscoring.problems;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every JSON request body is parsed here once, strictly, before anything binds it.
 *
 * <p>The readers behind it are lenient in ways that lose a client's mistake: JSON-P and JSON-B
 * stop after the first value (so {@code {...}garbage} was accepted), and JSON-B converts what it
 * can ({@code "dataset": 1.5} trained dataset 1, {@code "is_active": "yes"} deactivated an account,
 * a number became a user name, 1e400 became infinity and then a 500). Here:
 * <ul>
 *   <li>the body must be exactly one JSON value, nested less than {@value #MAX_DEPTH} deep, without
 *       repeated member names: otherwise 400;
 *   <li>a body bound to a JSON-P type ({@code JsonValue}) is answered with the parsed value, so it is
 *       not parsed twice;
 *   <li>a body bound by JSON-B must be an object whose members have the JSON types of the fields
 *       they fill (a string for a String, true or false for a Boolean, a whole number for a Long, a
 *       finite number for a Double, an object for a Map): otherwise 422 naming every such member.
 *       What each value means (ranges, patterns) is still Bean Validation's to check.
 * </ul>
 */
@Provider
public class StrictJsonBodies implements ReaderInterceptor {

  static final int MAX_DEPTH = 32;

  private static final JsonParserFactory PARSERS =
      Json.createParserFactory(Map.of("org.eclipse.parsson.maxDepth", MAX_DEPTH, "org.eclipse.parsson.rejectDuplicateKeys", true));

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!isJson(context.getMediaType())) {
      return context.proceed();
    }
    byte[] body;
    try {
      body = context.getInputStream().readAllBytes();
    } catch (IOException e) {
      if (BodySizeLimit.wasExceeded(e)) {
        // A chunked body has no length to refuse it by up front; it is refused here, as 413 too.
        throw new ProblemException(BodySizeLimit.problem());
      }
      throw e;
    }
    if (body.length == 0) {
      // No body at all: the binding decides, as before (null, then @NotNull says so).
      context.setInputStream(new ByteArrayInputStream(body));
      return context.proceed();
    }
    JsonValue value = parse(body);
    Class<?> type = context.getType();
    if (JsonValue.class.isAssignableFrom(type)) {
      if (!type.isInstance(value)) {
        throw ProblemException.of(400, "The body must be " + JsonBodies.expected(type) + ", not " + JsonBodies.shape(value) + ".");
      }
      return value;
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    check(value, type, "", errors);
    if (!errors.isEmpty()) {
      if (errors.size() == 1 && errors.get(0).field().equals("body")) {
        throw ProblemException.of(400, "The body must be a JSON object with the fields, not " + JsonBodies.shape(value) + ".");
      }
      List<Problem.FieldError> all = withTheOtherFieldsErrors(context, (JsonObject) value, errors);
      throw ProblemException.invalid("The request has " + all.size() + " invalid field(s).", all);
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  /**
   * The members of the wrong JSON type plus whatever Bean Validation finds wrong with the others,
   * so that one 422 names every bad field, as it does when the types are right. The others are
   * bound without the wrong members and validated as the resource method would have.
   */
  private static List<Problem.FieldError> withTheOtherFieldsErrors(ReaderInterceptorContext context, JsonObject body, List<Problem.FieldError> typeErrors)
      throws IOException {
    Set<String> wrong = typeErrors.stream().map(e -> memberOf(e.field())).collect(Collectors.toSet());
    JsonObjectBuilder rest = Json.createObjectBuilder();
    body.forEach((name, member) -> {
      if (!wrong.contains(name)) {
        rest.add(name, member);
      }
    });
    context.setInputStream(new ByteArrayInputStream(rest.build().toString().getBytes(StandardCharsets.UTF_8)));
    Object others = context.proceed();
    List<Problem.FieldError> all = new ArrayList<>(typeErrors);
    if (others != null) {
      for (ConstraintViolation<Object> violation : Validators.INSTANCE.validate(others)) {
        Problem.FieldError error = new Problem.FieldError(ConstraintViolationMapper.fieldOf(violation), violation.getMessage());
        if (!wrong.contains(memberOf(error.field())) && !all.contains(error)) {
          all.add(error);
        }
      }
    }
    all.sort(Comparator.comparing(Problem.FieldError::field));
    return all;
  }

  /** The body's own member an error is about: {@code options} for {@code options.folds}. */
  private static String memberOf(String field) {
    int end = field.length();
    for (int i = 0; i < field.length(); i++) {
      if (field.charAt(i) == '.' || field.charAt(i) == '[') {
        end = i;
        break;
      }
    }
    return field.substring(0, end);
  }

  /** Built on first use: only a body with a wrong member needs it. */
  private static final class Validators {
    static final Validator INSTANCE = Validation.buildDefaultValidatorFactory().getValidator();
  }

  static boolean isJson(MediaType type) {
    return type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"));
  }

  /** The one JSON value the body holds, or a 400 saying what is wrong with it. */
  static JsonValue parse(byte[] body) {
    JsonValue value;
    boolean more;
    try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body))) {
      parser.next();
      value = parser.getValue();
      more = parser.hasNext();
    } catch (RuntimeException e) {
      // JsonException for broken JSON; the parser's guard against deep nesting throws a bare
      // RuntimeException. Either way it comes from the client's bytes alone.
      throw new ProblemException(UnreadableBodyMapper.notValidJson(UnreadableBodyMapper.readableReason(e)));
    }
    if (more) {
      throw new ProblemException(UnreadableBodyMapper.notValidJson("there is more after the JSON value; send exactly one"));
    }
    return value;
  }

  /** Adds an error for each member of {@code value} whose JSON type cannot fill its Java field. */
  static void check(JsonValue value, Type type, String path, List<Problem.FieldError> errors) {
    if (value == JsonValue.NULL || !(type instanceof Class<?> || type instanceof ParameterizedType)) {
      return;
    }
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    String field = path.isEmpty() ? "body" : path;
    if (raw == String.class || raw.isEnum()) {
      expect(value.getValueType() == JsonValue.ValueType.STRING, field, "must be a string", errors);
    } else if (raw == Boolean.class || raw == boolean.class) {
      expect(value == JsonValue.TRUE || value == JsonValue.FALSE, field, "must be true or false", errors);
    } else if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
      expect(value instanceof JsonNumber n && isWhole(n.bigDecimalValue()), field, "must be a whole number", errors);
    } else if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
      expect(value instanceof JsonNumber n && Double.isFinite(n.doubleValue()), field, "must be a number within the range of a double", errors);
    } else if (Map.class.isAssignableFrom(raw)) {
      if (expect(value instanceof JsonObject, field, "must be an object", errors) && type instanceof ParameterizedType p) {
        ((JsonObject) value).forEach((name, member) -> check(member, p.getActualTypeArguments()[1], join(path, name), errors));
      }
    } else if (List.class.isAssignableFrom(raw)) {
      if (expect(value instanceof JsonArray, field, "must be an array", errors) && type instanceof ParameterizedType p) {
        JsonArray array = (JsonArray) value;
        for (int i = 0; i < array.size(); i++) {
          check(array.get(i), p.getActualTypeArguments()[0], field + "[" + i + "]", errors);
        }
      }
    } else if (!raw.getName().startsWith("java.") && !JsonValue.class.isAssignableFrom(raw)) {
      if (expect(value instanceof JsonObject, field, "must be an object", errors)) {
        JsonObject object = (JsonObject) value;
        for (Map.Entry<String, Type> member : members(raw).entrySet()) {
          JsonValue given = object.get(member.getKey());
          if (given != null) {
            check(given, member.getValue(), join(path, member.getKey()), errors);
          }
        }
      }
    }
  }

  private static boolean expect(boolean holds, String field, String message, List<Problem.FieldError> errors) {
    if (!holds) {
      errors.add(new Problem.FieldError(field, message));
    }
    return holds;
  }

  private static boolean isWhole(BigDecimal number) {
    return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The JSON names a body class binds (its record components or public fields) and their types. */
  static Map<String, Type> members(Class<?> type) {
    Map<String, Type> members = new java.util.LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        members.put(ConstraintViolationMapper.snakeCase(component.getName()), component.getGenericType());
      }
      return members;
    }
    for (Field field : type.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        members.put(ConstraintViolationMapper.snakeCase(field.getName()), field.getGenericType());
      }
    }
    return members;
  }
}
