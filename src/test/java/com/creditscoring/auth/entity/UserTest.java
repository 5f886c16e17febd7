package com.creditscoring.auth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

  private static User user() {
    return new User("Ann", "hash", Role.USER, NOW);
  }

  private static void fail(User user, Instant at) {
    user.recordFailedLogin(at, 5, FIFTEEN_MINUTES, FIFTEEN_MINUTES);
  }

  @Test
  void usernamesCompareWithoutCase() {
    assertEquals("ann", User.keyOf(" ANN "));
  }

  @Test
  void fiveFailuresWithinFifteenMinutesLockForFifteenMinutes() {
    User user = user();
    for (int i = 0; i < 4; i++) {
      fail(user, NOW.plusSeconds(60L * i));
    }
    assertFalse(user.isLockedAt(NOW.plusSeconds(240)));
    fail(user, NOW.plusSeconds(300));
    assertTrue(user.isLockedAt(NOW.plusSeconds(301)));
    assertTrue(user.isLockedAt(NOW.plusSeconds(300).plus(FIFTEEN_MINUTES).minusSeconds(1)));
    assertFalse(user.isLockedAt(NOW.plusSeconds(300).plus(FIFTEEN_MINUTES)));
  }

  @Test
  void failuresSpreadOverMoreThanTheWindowDoNotLock() {
    User user = user();
    for (int i = 0; i < 10; i++) {
      fail(user, NOW.plus(Duration.ofMinutes(4L * i)));
    }
    assertFalse(user.isLockedAt(NOW.plus(Duration.ofMinutes(37))));
  }

  @Test
  void aSuccessfulLoginClearsTheCount() {
    User user = user();
    for (int i = 0; i < 4; i++) {
      fail(user, NOW);
    }
    user.recordSuccessfulLogin(NOW);
    fail(user, NOW);
    assertFalse(user.isLockedAt(NOW));
    assertEquals(1, user.failedLogins());
    assertEquals(NOW, user.lastLogin());
  }

  @Test
  void aPasswordResetLiftsTheLock() {
    User user = user();
    for (int i = 0; i < 5; i++) {
      fail(user, NOW);
    }
    assertTrue(user.isLockedAt(NOW));
    user.resetPassword("new-hash");
    assertFalse(user.isLockedAt(NOW));
  }
}
