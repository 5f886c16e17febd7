package com.creditscoring.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures as one 422 problem that lists every bad field at once. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Problem.FieldError> errors =
        exception.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .distinct()
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return Problem.of(422, "The request has " + errors.size() + " invalid field(s).")
        .withErrors(errors)
        .at(uri.getRequestUri().getRawPath(), RequestIds.of(request))
        .toResponse();
  }

  /**
   * The field as the client wrote it: {@code login.credentials.username} becomes {@code username};
   * a query or path parameter is named as in the URL; a missing body becomes {@code body}.
   */
  static String fieldOf(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    Path.MethodNode method = null;
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD) {
        method = node.as(Path.MethodNode.class);
        continue;
      }
      if (kind == ElementKind.PARAMETER) {
        parameter = requestName(violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class));
        continue;
      }
      if (kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
          || kind == ElementKind.CROSS_PARAMETER) {
        continue;
      }
      if (kind == ElementKind.CONTAINER_ELEMENT && node.getName() != null && node.getName().startsWith("<")) {
        continue;
      }
      if (field.length() > 0) {
        field.append('.');
      }
      field.append(snakeCase(node.getName()));
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        field.append('[').append(node.getKey()).append(']');
      }
    }
    if (field.length() > 0) {
      return field.toString();
    }
    return parameter == null ? "body" : parameter;
  }

  /** The name a resource method's parameter has in the request, or "body" for the entity. */
  private static String requestName(Class<?> resource, Path.MethodNode method, Path.ParameterNode node) {
    if (resource == null || method == null) {
      return "body";
    }
    for (Method candidate : resource.getMethods()) {
      if (candidate.getName().equals(method.getName())
          && candidate.getParameterCount() == method.getParameterTypes().size()) {
        Parameter parameter = candidate.getParameters()[node.getParameterIndex()];
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        PathParam path = parameter.getAnnotation(PathParam.class);
        HeaderParam header = parameter.getAnnotation(HeaderParam.class);
        return query != null ? query.value() : path != null ? path.value() : header != null ? header.value() : "body";
      }
    }
    return "body";
  }

  /** Clients send snake_case (see SnakeCaseJson): name fields the way they wrote them. */
  static String snakeCase(String javaName) {
    return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
