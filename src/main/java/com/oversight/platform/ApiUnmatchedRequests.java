package com.oversight.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A request under {@code /api} that no endpoint takes (unknown URL, wrong method, wrong content
 * type, a multipart body that cannot be read or is over the upload limits) never reaches
 * Oversight's controllers, so {@link ApiExceptionHandler} does not see it: answered here as
 * {@code application/problem+json} too. Elsewhere (pages, webapps) the exception goes on to
 * Spring's usual error handling.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiUnmatchedRequests {

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
      HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
      MultipartException.class})
  ResponseEntity<ProblemDetail> unmatched(Exception e, HttpServletRequest request)
      throws Exception {
    if (!request.getRequestURI().startsWith("/api/")) {
      throw e;
    }
    if (e instanceof ErrorResponse error) { // also uploads over the limits: 413
      return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
          .body(error.getBody());
    }
    // a multipart body that cannot be parsed (no boundary, truncated ...)
    return ResponseEntity.badRequest().body(ApiProblem.badField("body",
        "is not a readable multipart/form-data body").toProblemDetail());
  }
}
