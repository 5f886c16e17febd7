package com.creditscoring.testing;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every endpoint that needs a token, with the roles allowed to call it. A new protected endpoint
 * joins this table, and the security ITs test it for 401 and 403 with every kind of bad token.
 */
public final class ProtectedEndpoints {

  public static final Set<String> ALL_ROLES = Set.of("admin", "analyst", "user");
  public static final Set<String> ADMIN = Set.of("admin");

  /** A request to a protected endpoint; the body is made afresh for each call. */
  public record Endpoint(
      String method, Supplier<String> path, Supplier<String> allowedPath, String contentType, Supplier<String> body, Set<String> roles) {

    Endpoint(String method, String path, Supplier<String> json, Set<String> roles) {
      this(method, () -> path, () -> path, "application/json", json, roles);
    }

    Endpoint(String method, Supplier<String> path, String contentType, Supplier<String> body, Set<String> roles) {
      this(method, path, path, contentType, body, roles);
    }

    /** A call that must be refused: a cheap target is enough, authorization is checked first. */
    public Api.Reply call(String authorization) {
      return call(path.get(), authorization);
    }

    /** A call by a role that may make it, to a target where it succeeds. */
    public Api.Reply callAllowed(String authorization) {
      return call(allowedPath.get(), authorization);
    }

    private Api.Reply call(String target, String authorization) {
      String content = body == null ? null : body.get();
      String type = content == null ? null : contentType;
      return authorization == null
          ? Api.method(method, target, type, content)
          : Api.method(method, target, type, content, "Authorization", authorization);
    }

    @Override
    public String toString() {
      return method + " " + path.get();
    }
  }

  public static final Set<String> ANALYSTS = Set.of("admin", "analyst");

  /** A small valid CSV upload: 40 applicants, quick to train on. */
  public static final String TINY_CSV = Models.tinyCsv(40);

  /** Enough feedback of both outcomes for the seed's retrain rules, then the retrain path. */
  private static String retrainWithFeedback() {
    for (int i = 0; i < 6; i++) {
      Api.postJson(
          "/api/feedback",
          "{\"age\":" + (25 + i) + ",\"grade\":\"" + "ABC".charAt(i % 3) + "\",\"actual_status\":" + (i % 2) + "}",
          "Authorization",
          Accounts.bearer(Accounts.adminToken()));
    }
    return "/api/retrain";
  }

  private static String uploadPath() {
    return "/api/datasets?name=tiny&target=y";
  }

  /** A dataset made for the call that deletes it. */
  private static String freshDatasetPath() {
    Api.Reply created =
        Api.post(uploadPath(), "text/csv", TINY_CSV, "Authorization", Accounts.bearer(Accounts.adminToken()));
    return "/api/datasets/" + created.json().getJsonNumber("id");
  }

  static final String TINY_APPLICANT = "{\"age\":30,\"grade\":\"A\"}";

  /** A scoring path; scoring needs an active model, so the tiny one is made active if none is. */
  private static Supplier<String> scoring(String path) {
    return () -> {
      if (Api.postJson("/api/predict", TINY_APPLICANT, "Authorization", Accounts.bearer(Accounts.adminToken())).status() == 503) {
        Models.activate(Models.tinyModel());
      }
      return path;
    };
  }

  private ProtectedEndpoints() {}

  public static List<Endpoint> all() {
    return List.of(
        new Endpoint("GET", "/api/me", null, ALL_ROLES),
        new Endpoint("GET", "/api/ping", null, ALL_ROLES),
        new Endpoint("GET", "/api/users", null, ADMIN),
        new Endpoint("GET", "/api/users/" + Accounts.id("user"), null, ADMIN),
        new Endpoint(
            "POST",
            "/api/users",
            () ->
                "{\"username\":\"u-"
                    + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"password\":\"a-long-password\",\"role\":\"user\"}",
            ADMIN),
        new Endpoint("PATCH", "/api/users/" + Accounts.id("analyst"), () -> "{\"is_active\":true}", ADMIN),
        new Endpoint("GET", "/api/datasets", null, ANALYSTS),
        new Endpoint("GET", "/api/datasets/1", null, ANALYSTS),
        new Endpoint("POST", ProtectedEndpoints::uploadPath, "text/csv", () -> TINY_CSV, ANALYSTS),
        new Endpoint("DELETE", ProtectedEndpoints::freshDatasetPath, null, null, ADMIN),
        new Endpoint("GET", "/api/models", null, ANALYSTS),
        new Endpoint("GET", () -> "/api/models/" + Models.tinyModel(), null, null, ANALYSTS),
        new Endpoint("GET", () -> "/api/models/" + Models.tinyModel() + "/report.pdf", null, null, ANALYSTS),
        new Endpoint("POST", () -> "/api/models", "application/json", Models::trainingRequestOnAFreshDataset, ANALYSTS),
        new Endpoint("POST", () -> "/api/models/" + Models.tinyModel() + "/activate", null, null, ADMIN),
        new Endpoint(
            "PUT", () -> "/api/models/" + Models.tinyModel() + "/settings", "application/json",
            () -> "{\"base_score\":600,\"base_odds\":50,\"points_to_double_odds\":20,\"approve_below\":0.1,\"decline_from\":0.3}",
            ADMIN),
        new Endpoint("GET", () -> "/api/jobs/" + Models.tinyJob(), null, null, ANALYSTS),
        // Refused calls aim at a finished job; only the allowed ones start a job worth cancelling.
        new Endpoint("DELETE", () -> "/api/jobs/" + Models.tinyJob(), () -> "/api/jobs/" + Models.slowJob(), null, null, ANALYSTS),
        // After the activation above, the active dataset is the tiny one: feedback follows its columns.
        new Endpoint("POST", "/api/feedback", () -> "{\"age\":30,\"grade\":\"A\",\"actual_status\":0}", ALL_ROLES),
        new Endpoint("GET", "/api/feedback", null, ALL_ROLES),
        new Endpoint("POST", () -> "/api/retrain", ProtectedEndpoints::retrainWithFeedback, null, null, ANALYSTS),
        new Endpoint("GET", "/api/compare", null, ANALYSTS),
        new Endpoint("POST", () -> "/api/generate-comparison-report", null, null, ANALYSTS),
        // Scoring uses whichever model is active: the tiny one (age, grade) or its retrained successor.
        new Endpoint("POST", scoring("/api/predict"), "application/json", () -> TINY_APPLICANT, ALL_ROLES),
        new Endpoint("POST", scoring("/api/explain"), "application/json", () -> TINY_APPLICANT, ALL_ROLES),
        new Endpoint("POST", scoring("/api/predict/batch"), "application/json", () -> "[" + TINY_APPLICANT + "]", ALL_ROLES),
        new Endpoint("POST", scoring("/api/predict/csv"), "text/csv", () -> "age,grade\n30,A\n", ALL_ROLES),
        // Users may list (their own) decisions; reading one is tested in ScoringIT, as a user sees only theirs.
        new Endpoint("GET", "/api/predictions", null, ALL_ROLES),
        new Endpoint("POST", scoring("/api/batch-jobs"), "text/csv", () -> "age,grade\n30,A\n", ALL_ROLES),
        // Reading a report is owner-only for users: ReportsIT covers /api/reports/{id} and /api/download.
        new Endpoint("POST", scoring("/api/report"), "application/json", () -> TINY_APPLICANT, ALL_ROLES),
        new Endpoint("POST", () -> "/api/train-final", null, null, ADMIN));
  }
}
