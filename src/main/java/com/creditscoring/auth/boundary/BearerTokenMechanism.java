package com.creditscoring.auth.boundary;

import com.creditscoring.auth.control.AccessTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs in every request that carries {@code Authorization: Bearer <access token>} as the token's
 * user with the token's roles, for {@code @RolesAllowed} and {@code SecurityContext}.
 *
 * <p>It behaves as MicroProfile JWT's mechanism did for our tokens (a request without a token
 * stays anonymous and is refused by {@code @RolesAllowed} with 401; a bad token is 401 on any
 * path), but checks each token once rather than on every request: see {@link AccessTokens}. The
 * 401 and 403 bodies are problems (ProblemErrorPage, WebApplicationExceptionMapper).
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

  private static final String BEARER = "Bearer ";

  @Inject AccessTokens tokens;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return context.doNothing();
    }
    return tokens
        .verify(authorization.substring(BEARER.length()).trim())
        .map(bearer -> context.notifyContainerAboutLogin(bearer.name(), bearer.roles()))
        .orElseGet(context::responseUnauthorized);
  }
}
