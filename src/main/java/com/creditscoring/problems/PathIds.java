package com.creditscoring.problems;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Numeric ids in paths are written one way only: ASCII digits, at most 18, without a leading zero
 * ({@code 0} itself is allowed). Anything else is 404 problem+json, before the resource runs.
 *
 * <p>Why: JAX-RS converts a {@code long} path parameter with {@code Long.valueOf}, which also
 * takes {@code +1}, {@code 01}, {@code -1} and non-ASCII digits such as Arabic-Indic {@code ١};
 * and it strips matrix parameters, so {@code /api/datasets/1;drop} names dataset 1 too. A fuzzer
 * deleted dataset 1 with {@code DELETE /api/datasets/+1}. Leading zeros are refused rather than
 * read as the same id, so each id has exactly one path. Paths with a ';' (matrix parameters; this
 * API has none) are refused on every endpoint for the same reason.
 *
 * <p>This replaces regex templates such as {@code {id: [0-9]{1,18}}}, which OpenAPI shows as
 * invalid paths. The numeric parameters of each resource method are found once, at deployment;
 * per request the check is a few character comparisons. It runs after authentication and role
 * checks, so a caller without a token still gets 401 first.
 */
@Provider
public class PathIds implements DynamicFeature {

  /** The path parameter types that JAX-RS would convert with {@code valueOf}. */
  private static final Set<Class<?>> NUMERIC =
      Set.of(long.class, Long.class, int.class, Integer.class, short.class, Short.class);

  private static final int MAX_DIGITS = 18;

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    context.register(new Check(numericPathParameters(resource.getResourceMethod())), Priorities.USER);
  }

  /** The names of the method's path parameters that are numbers. */
  static List<String> numericPathParameters(Method method) {
    if (method == null) {
      return List.of();
    }
    return Arrays.stream(method.getParameters())
        .filter(parameter -> parameter.isAnnotationPresent(PathParam.class) && NUMERIC.contains(parameter.getType()))
        .map(PathIds::nameOf)
        .distinct()
        .toList();
  }

  private static String nameOf(Parameter parameter) {
    return parameter.getAnnotation(PathParam.class).value();
  }

  /** Whether the (decoded) path segment is an id in its one accepted spelling. */
  static boolean isPlainId(String value) {
    int length = value.length();
    if (length == 0 || length > MAX_DIGITS || (length > 1 && value.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The check for one resource method, knowing its numeric path parameters. */
  static final class Check implements ContainerRequestFilter {

    private final List<String> ids;

    Check(List<String> ids) {
      this.ids = ids;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getUriInfo().getRequestUri().getRawPath().indexOf(';') >= 0) {
        throw new NotFoundException("matrix parameters are not part of this API");
      }
      if (ids.isEmpty()) {
        return;
      }
      MultivaluedMap<String, String> values = request.getUriInfo().getPathParameters(true);
      for (String id : ids) {
        for (String value : values.getOrDefault(id, List.of())) {
          if (!isPlainId(value)) {
            throw new NotFoundException("not an id: " + id);
          }
        }
      }
    }
  }
}
