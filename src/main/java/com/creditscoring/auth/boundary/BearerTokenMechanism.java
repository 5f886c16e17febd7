package com.creditscoring.auth.boundary;

import com.creditscoring.auth.control.AccessTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Signs in every request that carries {@code Authorization: Bearer <access token>} as the token's
 * user with the token's roles, for {@code @RolesAllowed} and {@code SecurityContext}.
 *
 * <p>It behaves as MicroProfile JWT's mechanism did for our tokens (a request without a token
 * stays anonymous and is refused by {@code @RolesAllowed} with 401; a bad token is 401 on any
 * path), but checks each token once rather than on every request: see {@link AccessTokens}. The
 * 401 and 403 bodies are problems (ProblemErrorPage, WebApplicationExceptionMapper).
 *
 * <p>The exception are the sign-in endpoints ({@link #SIGN_IN_PATHS}): they identify the caller by
 * the password or refresh token in the body, so the Authorization header is ignored there. A
 * client that always attaches its last access token could otherwise never replace it once it has
 * expired, which is exactly when it calls refresh.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

  private static final String BEARER = "Bearer ";

  /**
   * SessionsResource's login, refresh and logout, below the context path. Compared exactly with
   * the raw request URI: {@code /api/login/x} or {@code /api/login;x} get no exception.
   */
  static final Set<String> SIGN_IN_PATHS = Set.of("/api/login", "/api/refresh", "/api/logout");

  @Inject AccessTokens tokens;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || isSignIn(request.getContextPath(), request.getRequestURI())) {
      return context.doNothing();
    }
    return tokens
        .verify(authorization.substring(BEARER.length()).trim())
        .map(bearer -> context.notifyContainerAboutLogin(bearer.name(), bearer.roles()))
        .orElseGet(context::responseUnauthorized);
  }

  /** Whether the request URI names a sign-in endpoint exactly (the context path is "" at root). */
  static boolean isSignIn(String contextPath, String requestUri) {
    return requestUri.startsWith(contextPath)
        && SIGN_IN_PATHS.contains(requestUri.substring(contextPath.length()));
  }
}
