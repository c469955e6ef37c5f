package com.oversight.platform;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Thrown for bad input: becomes a {@code 400 application/problem+json} response whose
 * {@code errors} list names each field (and, for files, the row and column) at fault.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldError> errors;

  public ApiProblem(HttpStatus status, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public static ApiProblem badField(String field, String problem) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, field + ": " + problem,
        List.of(new FieldError(field, problem, null, null)));
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(HttpStatus.NOT_FOUND, what + " not found", List.of());
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public ProblemDetail toProblemDetail() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
    problem.setType(URI.create("about:blank"));
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  /**
   * One problem with the input: the field (a JSON property path, a query parameter or a CSV
   * column), what is wrong, and for files the row (header = row 1) where it is.
   */
  public record FieldError(String field, String problem, Integer row, String value) {}
}
