package com.creditscoring.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's own error pages (web.xml {@code error-page}) as problems: the 401 and 403 of the
 * bearer token mechanism, 404 outside the API, and anything that failed before JAX-RS saw it. Without
 * this Payara answers them with HTML.
 */
@WebServlet(name = "problem-error-page", urlPatterns = "/error-page")
public class ProblemErrorPage extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ProblemErrorPage.class.getName());
  static final String SIGN_IN_FIRST =
      "Sign in first: send a valid, unexpired access token as 'Authorization: Bearer <token>'.";
  static final String ROLE_NOT_ALLOWED = "Your role does not allow this request.";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    String requestId = RequestIds.of(request);
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);

    Problem problem;
    if (failure != null && BodySizeLimit.wasExceeded(failure)) {
      problem = BodySizeLimit.problem();
    } else if (failure != null || status >= 500) {
      if (failure != null) {
        LOG.log(Level.SEVERE, failure, () -> "Request " + requestId + " to " + path + " failed");
      }
      problem = status == 503 ? Problem.of(503, "The service is not available right now.")
          : UnexpectedErrorMapper.unexpected();
    } else {
      problem = Problem.of(status, detailOf(status));
    }
    if (problem.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(problem.at(path, requestId).toJson());
  }

  private static String detailOf(int status) {
    return switch (status) {
      case 401 -> SIGN_IN_FIRST;
      case 403 -> ROLE_NOT_ALLOWED;
      case 404 -> "No resource at this path.";
      case 405 -> "This method is not allowed here.";
      default -> Problem.titleOf(status);
    };
  }
}
