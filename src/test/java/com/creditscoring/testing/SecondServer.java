package com.creditscoring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Another Payara Micro process on the same WAR and database as an IT class's Arquillian
 * deployment: a second instance of a cluster, or a server to kill mid-work. It runs on {@code
 * it.second.http.port} (default: the IT port + 1) with a data folder of its own, as a replica has;
 * its console goes to {@code target/second-server/}. PostgreSQL only: two processes cannot open one
 * embedded H2 file.
 *
 * <p>Also kills the Arquillian server itself ({@link #killDeployedServer}) for the crash tests.
 */
public final class SecondServer implements AutoCloseable {

  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

  private final Process process;
  private final String base;
  private final Path console;
  private final Path dataFolder;

  private SecondServer(Process process, String base, Path console, Path dataFolder) {
    this.process = process;
    this.base = base;
    this.console = console;
    this.dataFolder = dataFolder;
  }

  /**
   * Starts a server on the database of this test class (which its Arquillian deployment has already
   * created) and waits until the application answers; a server started again for the same class
   * reuses the data folder, as a restarted replica keeps its volume.
   */
  public static SecondServer start(Class<?> testClass) {
    if (!Api.onPostgres()) {
      throw new IllegalStateException("a second server needs a database two processes can share: run with -Ppostgres");
    }
    int port = Integer.getInteger("it.second.http.port", Integer.parseInt(Api.BASE.substring(Api.BASE.lastIndexOf(':') + 1)) + 1);
    Path folder = Path.of(System.getProperty("it.data.dir")).resolveSibling("second-server");
    Path dataFolder = Path.of(Api.dataFolder(testClass) + "-second");
    Path war = folder.resolve(testClass.getSimpleName() + ".war");
    Path console = folder.resolve(testClass.getSimpleName() + "-" + port + ".log");
    try {
      Files.createDirectories(folder);
      Api.configuredWar(testClass).as(ZipExporter.class).exportTo(war.toFile(), true);
      Process process =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                      "-Dadmin.password=" + Api.ADMIN_PASSWORD,
                      "-Ddata.dir=" + dataFolder,
                      "-jar", System.getProperty("it.payara.jar"),
                      "--deploy", war.toString(),
                      "--port", Integer.toString(port),
                      "--nohazelcast", "--disablephonehome"))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
              .start();
      SecondServer server = new SecondServer(process, "http://127.0.0.1:" + port, console, dataFolder);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the application's own health answer: Payara answers before the WAR is deployed. */
  private void awaitReady() {
    Instant until = Instant.now().plus(STARTUP_LIMIT);
    String last = "nothing";
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the second server ended during start-up (exit " + process.exitValue() + "); see " + console);
      }
      try {
        Api.Reply health = get("/api/health");
        if (health.status() == 200) {
          return;
        }
        last = health.toString();
      } catch (IllegalStateException notListeningYet) {
        // Connection refused until Payara opens its port: kept for the message below.
        last = notListeningYet.getMessage();
      }
      if (Instant.now().isAfter(until)) {
        close();
        throw new IllegalStateException("the second server did not answer within " + STARTUP_LIMIT + " (last: " + last + "); see " + console);
      }
      Polling.pause(Duration.ofMillis(500));
    }
  }

  public String base() {
    return base;
  }

  /** DATA_DIR of this server: its backup copies of models are in models/. */
  public Path dataFolder() {
    return dataFolder;
  }

  public Api.Reply get(String path, String... headers) {
    return Api.send(Api.request(URI.create(base + path), headers).GET());
  }

  public Api.Reply postJson(String path, String json, String... headers) {
    return Api.send(
        Api.request(URI.create(base + path), headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** SIGKILL: no shutdown hook, no graceful stop, as when a machine or a container dies. */
  public void kill() {
    sigkill(process.toHandle());
  }

  /** Stops the server (SIGTERM, then SIGKILL if it does not end in time). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        sigkill(process.toHandle());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sigkill(process.toHandle());
    }
  }

  /** The last lines of the server's console, for failure messages. */
  public String consoleTail() {
    try {
      List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + console + ": " + e + ")";
    }
  }

  /** SIGKILL to the Payara Micro process Arquillian started for the ITs (the one on it.http.port). */
  public static void killDeployedServer() {
    String port = Api.BASE.substring(Api.BASE.lastIndexOf(':') + 1);
    ProcessHandle server =
        ProcessHandle.allProcesses()
            .filter(p -> p.pid() != ProcessHandle.current().pid())
            .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro") && c.contains(port)).orElse(false))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Payara Micro process on port " + port));
    sigkill(server);
  }

  private static void sigkill(ProcessHandle process) {
    process.destroyForcibly();
    try {
      process.onExit().get(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for process " + process.pid() + " to end", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("process " + process.pid() + " did not end after SIGKILL", e);
    }
  }
}
