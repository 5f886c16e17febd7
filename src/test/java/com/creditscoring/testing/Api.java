package com.creditscoring.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Black-box access to the Payara Micro an IT deployed: always 127.0.0.1 on the fixed IT port
 * (Arquillian's own URL may name the machine's public address).
 */
public final class Api {

  public static final String BASE =
      "http://127.0.0.1:" + System.getProperty("it.http.port", "18080");
  public static final String ADMIN_PASSWORD =
      System.getProperty("it.admin.password", "it-admin-password-1");

  /** Rows of the synthetic demo dataset in IT deployments. */
  public static final int DEMO_ROWS = 2000;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  private Api() {}

  /**
   * The WAR Maven built, as it ships, pointed at an empty database of this test class's own (an H2
   * folder, or a PostgreSQL schema) so that classes never see each other's data.
   */
  public static WebArchive builtWar(Class<?> testClass) {
    EmptyDatabase.prepare(databaseUrl(testClass), dataFolder(testClass), System.getProperty("it.postgres.admin.url", "none"));
    // Accounts and models made for the previous class lived in its database.
    Accounts.forget();
    Models.forget();
    return configuredWar(testClass);
  }

  /** The database URL of this test class (an H2 file, or a PostgreSQL schema of its own). */
  public static String databaseUrl(Class<?> testClass) {
    return System.getProperty("it.database.url").replace("{name}", name(testClass));
  }

  public static boolean onPostgres() {
    return System.getProperty("it.database.url", "").startsWith("postgresql:");
  }

  /** DATA_DIR of the test class's server. */
  public static java.nio.file.Path dataFolder(Class<?> testClass) {
    return java.nio.file.Path.of(System.getProperty("it.data.dir"), name(testClass));
  }

  private static String name(Class<?> testClass) {
    return testClass.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /** The built WAR pointed at this test class's database as it is, without emptying it. */
  static WebArchive configuredWar(Class<?> testClass) {
    File file = new File(System.getProperty("it.war", "target/credit-scoring.war"));
    WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, file);
    String url = databaseUrl(testClass);
    java.nio.file.Path dataFolder = dataFolder(testClass);
    String config = "/WEB-INF/classes/META-INF/microprofile-config.properties";
    String shipped;
    try (var in = war.get(config).getAsset().openStream()) {
      shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    war.delete(config);
    war.add(
        new org.jboss.shrinkwrap.api.asset.StringAsset(
            shipped + "\n# Added for " + testClass.getSimpleName() + "\ndatabase.url=" + url + "\ndata.dir=" + dataFolder
                + "\n# A smaller demo set keeps comparisons and trainings in the ITs short.\ndemo.rows=" + DEMO_ROWS
                + "\n# A killed instance's batch jobs are taken over sooner than the default 30 s.\nbatch-jobs.takeover-seconds=5"
                + "\n# ... and its training jobs failed sooner than the default 30 s.\ntraining-jobs.abandoned-seconds=10\n"),
        config);
    return war;
  }

  public static Reply get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  /** A binary answer (a PDF): its status, content type and bytes. */
  public static HttpResponse<byte[]> getBytes(String path, String... headers) {
    try {
      return CLIENT.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static Reply delete(String path, String... headers) {
    return send(request(path, headers).DELETE());
  }

  public static Reply post(String path, String contentType, String body, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A POST whose length is not said up front: the body goes out chunked. */
  public static Reply postChunked(String path, String contentType, byte[] body, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
  }

  public static Reply postJson(String path, String json, String... headers) {
    return post(path, "application/json", json, headers);
  }

  public static Reply method(String method, String path, String contentType, String body, String... headers) {
    var builder = request(path, headers);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(
        builder.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpRequest.Builder request(String path, String... headers) {
    return request(URI.create(BASE + path), headers);
  }

  /** A request to any server, another instance's too. */
  static HttpRequest.Builder request(URI uri, String... headers) {
    // Generous: training and comparison answer synchronously, and CI machines are shared.
    var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(240));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  public static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response);
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An answer, with helpers for the JSON most answers carry. */
  public record Reply(HttpResponse<String> response) {

    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body()))) {
        return reader.readObject();
      }
    }

    public JsonArray jsonArray() {
      try (var reader = Json.createReader(new StringReader(body()))) {
        return reader.readArray();
      }
    }

    @Override
    public String toString() {
      return status() + " " + contentType() + " " + body();
    }
  }
}
