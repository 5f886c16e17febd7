package com.creditscoring.auth.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets browser front ends on the origins named in {@code CORS_ORIGINS} call the API with
 * credentials. None by default, and never {@code *}: a wildcard with credentials would let any site
 * act as the signed-in analyst. Other origins get no CORS headers, so the browser refuses them.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class CorsPolicy implements Filter {

  static final String ALLOWED_METHODS = "GET, POST, PATCH, DELETE";
  static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Accept-Language, X-Request-Id";

  /** Comma-separated origins such as https://scoring.bank.example. */
  @Inject
  @ConfigProperty(name = "cors.origins")
  Optional<String> origins;

  private Set<String> allowed;

  @Override
  public void init(jakarta.servlet.FilterConfig config) {
    allowed =
        origins.map(o -> Arrays.stream(o.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equals("*"))
                .map(s -> s.replaceAll("/+$", ""))
                .collect(Collectors.toUnmodifiableSet()))
            .orElse(Set.of());
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse answer = (HttpServletResponse) response;
    String origin = http.getHeader("Origin");
    if (origin != null) {
      answer.addHeader("Vary", "Origin");
    }
    if (origin == null || !allowed.contains(origin)) {
      chain.doFilter(request, response);
      return;
    }
    answer.setHeader("Access-Control-Allow-Origin", origin);
    answer.setHeader("Access-Control-Allow-Credentials", "true");
    answer.setHeader("Access-Control-Expose-Headers", "Location, Retry-After, X-Request-Id, Content-Disposition");
    boolean preflight =
        "OPTIONS".equals(http.getMethod()) && http.getHeader("Access-Control-Request-Method") != null;
    if (preflight) {
      answer.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      answer.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      answer.setHeader("Access-Control-Max-Age", "600");
      answer.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    chain.doFilter(request, response);
  }
}
