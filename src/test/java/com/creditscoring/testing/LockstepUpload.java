package com.creditscoring.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Uploads a large body line by line over a raw HTTP/1.1 connection while reading the answer, and
 * never sends more than {@code window} lines ahead of the answer lines received. A server that
 * reads the whole upload before answering (holding it in memory or on disk) stalls this exchange
 * and fails it; one that streams keeps going in bounded memory. (java.net.http sends the whole
 * body before it reads the answer, so it cannot make this check.)
 */
public final class LockstepUpload {

  /**
   * The answer's status, how many lines followed its header line, the most lines ever sent ahead of
   * the answer, the first three lines and the last (unterminated) text.
   */
  public record Result(int status, long linesReceived, long mostAhead, String firstLines, String rest) {}

  private LockstepUpload() {}

  public static Result exchange(String path, String contentType, String authorization, String header, LongFunction<String> line, long lines, int window, Duration stall)
      throws Exception {
    URI base = URI.create(Api.BASE);
    AtomicLong sent = new AtomicLong();
    AtomicLong received = new AtomicLong();
    AtomicLong mostAhead = new AtomicLong();
    ExecutorService sender = Executors.newSingleThreadExecutor();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) stall.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: " + authorization + "\r\nContent-Type: " + contentType
                  + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      Future<?> sending =
          sender.submit(
              () -> {
                StringBuilder chunk = new StringBuilder(header).append('\n');
                for (long i = 0; i < lines; i++) {
                  long deadline = System.nanoTime() + stall.toNanos();
                  while (sent.get() - received.get() >= window) {
                    if (System.nanoTime() > deadline) {
                      throw new AssertionError(
                          "the server answered only " + received.get() + " lines after receiving " + sent.get() + ": it does not stream");
                    }
                    Thread.sleep(2);
                  }
                  chunk.append(line.apply(i)).append('\n');
                  sent.incrementAndGet();
                  mostAhead.accumulateAndGet(sent.get() - received.get(), Math::max);
                  if (chunk.length() > 32_000 || i == lines - 1) {
                    writeChunk(out, chunk.toString().getBytes(StandardCharsets.UTF_8));
                    chunk.setLength(0);
                  }
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return null;
              });
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      String status = readLine(in);
      boolean chunked = false;
      for (String h; !(h = readLine(in)).isEmpty(); ) {
        chunked |= h.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding:") && h.toLowerCase(java.util.Locale.ROOT).contains("chunked");
      }
      InputStream body = chunked ? new ChunkedBody(in) : in;
      StringBuilder first = new StringBuilder();
      ByteArrayOutputStream last = new ByteArrayOutputStream();
      long newlines = 0;
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = body.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\r') {
            continue;
          }
          if (buffer[i] == '\n') {
            newlines++;
            // The answer's first line is its header: answer rows follow it.
            received.set(Math.max(0, newlines - 1));
            if (newlines <= 3) {
              first.append(last.toString(StandardCharsets.UTF_8)).append('\n');
            }
            last.reset();
          } else {
            last.write(buffer[i]);
          }
        }
      }
      if (!sending.isDone()) {
        sending.cancel(true);
      }
      if (sending.isDone() && !sending.isCancelled()) {
        sending.get();
      }
      return new Result(Integer.parseInt(status.split(" ")[1]), Math.max(0, newlines - 1), mostAhead.get(), first.toString(), last.toString(StandardCharsets.UTF_8));
    } finally {
      sender.shutdownNow();
      sender.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private static void writeChunk(OutputStream out, byte[] bytes) throws IOException {
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c; (c = in.read()) != -1 && c != '\n'; ) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  /** Decodes an HTTP/1.1 chunked body. */
  private static final class ChunkedBody extends InputStream {
    private final InputStream in;
    private long left;
    private boolean ended;

    ChunkedBody(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (ended) {
        return -1;
      }
      if (left == 0) {
        String size = readLine(in);
        if (size.isEmpty()) {
          size = readLine(in);
        }
        left = Long.parseLong(size.split(";")[0].trim(), 16);
        if (left == 0) {
          ended = true;
          return -1;
        }
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
