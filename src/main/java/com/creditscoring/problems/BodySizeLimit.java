package com.creditscoring.problems;

import jakarta.servlet.Filter;
import com.creditscoring.ops.control.Settings;
import com.creditscoring.ops.control.StartupSequence;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over the limit with 413 before they are read into memory: by their
 * Content-Length when they declare one, and by counting when they are chunked. File uploads (CSV,
 * ARFF, multipart) have a separate, larger limit.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class BodySizeLimit implements Filter {

  /** JSON requests: a 10,000-application batch is about 3 MB. */
  @Inject
  @ConfigProperty(name = "http.max-body-bytes", defaultValue = "8388608")
  String maxBodySetting;

  /** Uploaded datasets and CSV batches are streamed, so they may be large. */
  @Inject
  @ConfigProperty(name = "http.max-upload-bytes", defaultValue = "209715200")
  String maxUploadSetting;

  private long maxBodyBytes;
  private long maxUploadBytes;

  @Override
  public void init(FilterConfig config) {
    try {
      maxBodyBytes = Settings.positiveLong("HTTP_MAX_BODY_BYTES", maxBodySetting);
      maxUploadBytes = Settings.positiveLong("HTTP_MAX_UPLOAD_BYTES", maxUploadSetting);
    } catch (RuntimeException e) {
      // Filters start after StartupSequence: report the same way it does.
      StartupSequence.fail(e, ConfigProvider.getConfig());
      throw e;
    }
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    long limit = isUpload(http.getContentType()) ? maxUploadBytes : maxBodyBytes;
    if (http.getContentLengthLong() > limit) {
      HttpServletResponse answer = (HttpServletResponse) response;
      Problem problem = problem(limit).at(http.getRequestURI(), RequestIds.of(http));
      answer.setStatus(413);
      answer.setContentType(Problem.MEDIA_TYPE);
      answer.setCharacterEncoding("UTF-8");
      answer.getWriter().write(problem.toJson());
      return;
    }
    chain.doFilter(new Limited(http, limit), response);
  }

  private static boolean isUpload(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("multipart/")
        || type.startsWith("text/csv")
        || type.startsWith("application/octet-stream")
        || type.contains("arff");
  }

  static Problem problem() {
    return Problem.of(413, "The request body is larger than this endpoint accepts.");
  }

  static Problem problem(long limit) {
    return Problem.of(413, "The request body is larger than the limit of " + limit + " bytes.");
  }

  static boolean wasExceeded(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return true;
      }
    }
    return false;
  }

  /** Thrown while reading a chunked body that has passed the limit. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("request body exceeds " + limit + " bytes");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream counted;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new Counting(super.getInputStream(), limit);
      }
      return counted;
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) throws TooLarge {
      read += n;
      if (read > limit) {
        throw new TooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
