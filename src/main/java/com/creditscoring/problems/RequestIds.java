package com.creditscoring.problems;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, echoed in the {@code X-Request-Id} header, in the log and in every
 * problem, so a client's complaint can be matched to the log line. A caller's own id (from a proxy
 * or gateway) is kept when it is a sane token.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIds implements Filter {

  public static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = RequestIds.class.getName();
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String offered = ((HttpServletRequest) request).getHeader(HEADER);
    String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, id);
    ((HttpServletResponse) response).setHeader(HEADER, id);
    chain.doFilter(request, response);
  }

  /**
   * This request's id, read through JAX-RS: on a servlet container, a request's properties are the
   * servlet request's attributes, so this is the id the filter set.
   */
  public static String of(ContainerRequestContext request) {
    Object id = request.getProperty(ATTRIBUTE);
    if (id == null) {
      id = UUID.randomUUID().toString();
      request.setProperty(ATTRIBUTE, id);
    }
    return id.toString();
  }

  /** This request's id; requests that bypassed the filter get a fresh one. */
  public static String of(HttpServletRequest request) {
    Object id = request == null ? null : request.getAttribute(ATTRIBUTE);
    if (id == null) {
      id = UUID.randomUUID().toString();
      if (request != null) {
        request.setAttribute(ATTRIBUTE, id);
      }
    }
    return id.toString();
  }
}
