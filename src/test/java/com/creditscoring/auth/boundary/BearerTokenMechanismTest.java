package com.creditscoring.auth.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BearerTokenMechanismTest {

  @Test
  void loginRefreshAndLogoutAreSignInPaths() {
    assertTrue(BearerTokenMechanism.isSignIn("", "/api/login"));
    assertTrue(BearerTokenMechanism.isSignIn("", "/api/refresh"));
    assertTrue(BearerTokenMechanism.isSignIn("", "/api/logout"));
  }

  @Test
  void signInPathsAreFoundBelowAnyContextPath() {
    assertTrue(BearerTokenMechanism.isSignIn("/credit-scoring", "/credit-scoring/api/refresh"));
    assertFalse(BearerTokenMechanism.isSignIn("/credit-scoring", "/api/refresh"));
  }

  @Test
  void onlyTheExactPathsAreSignInPaths() {
    for (String uri :
        new String[] {
          "/api/me", "/api/health", "/api/users", "/api/login/", "/api/login;x", "/api/login/x",
          "/api/loginx", "/x/api/login", "/API/LOGIN", "/api/log%69n", "/api/logout/../users"
        }) {
      assertFalse(BearerTokenMechanism.isSignIn("", uri), uri);
    }
  }
}
