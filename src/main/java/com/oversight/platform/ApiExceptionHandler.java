package com.oversight.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns bad input on Oversight's own API into {@code application/problem+json} responses that
 * name the field at fault. Applies to the controllers under {@code com.oversight} only, so the
 * engine REST API keeps Camunda's own error format.
 */
@RestControllerAdvice(basePackages = "com.oversight")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> handleApiProblem(ApiProblem problem) {
    return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
  }

  /**
   * The database cannot be reached (server down, network cut, no connection within Hikari's
   * connection-timeout): 503 with Retry-After, as problem+json. The request's transaction did not
   * commit, so nothing of it was stored; the client may send it again. Any other data-access or
   * engine error keeps its usual handling (500).
   */
  @ExceptionHandler({DataAccessException.class, TransactionException.class,
      ProcessEngineException.class})
  ResponseEntity<ProblemDetail> handleDatabaseUnavailable(RuntimeException e) {
    if (!databaseUnavailable(e)) {
      throw e;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The database is unavailable; nothing was stored. Please try again in a moment.");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5").body(problem);
  }

  static boolean databaseUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLException sql && sql.getSQLState() != null
              && sql.getSQLState().startsWith("08")) {
        return true;
      }
      // the connection broke mid-request and the rollback failed too: the original tells why
      if (t instanceof TransactionSystemException rollback
          && rollback.getOriginalException() != null
          && databaseUnavailable(rollback.getOriginalException())) {
        return true;
      }
    }
    return false;
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException e) {
    List<ApiProblem.FieldError> errors = e.getConstraintViolations().stream()
        .map(v -> new ApiProblem.FieldError(lastNode(v.getPropertyPath().toString()),
            v.getMessage(), null, null))
        .toList();
    return handleApiProblem(new ApiProblem(HttpStatus.BAD_REQUEST, summary(errors), errors));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
    return handleApiProblem(ApiProblem.badField(e.getName(), "has the wrong type"));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<ApiProblem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new ApiProblem.FieldError(f.getField(), f.getDefaultMessage(), null, null))
        .toList();
    ProblemDetail body = new ApiProblem(HttpStatus.BAD_REQUEST, summary(errors), errors)
        .toProblemDetail();
    return ResponseEntity.badRequest().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ApiProblem problem;
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException unknown) {
      problem = ApiProblem.badField(path(unknown), "is not a known field");
    } else if (cause instanceof InvalidFormatException invalid) {
      String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
          ? " (allowed: " + java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
              .map(Object::toString).collect(Collectors.joining(", ")) + ")"
          : "";
      problem = ApiProblem.badField(path(invalid), "has an invalid value" + allowed);
    } else if (cause instanceof MismatchedInputException mismatched
        && !mismatched.getPath().isEmpty()) {
      problem = ApiProblem.badField(path(mismatched), "has the wrong type");
    } else {
      problem = ApiProblem.badField("body", "is not valid JSON");
    }
    return ResponseEntity.badRequest().body(problem.toProblemDetail());
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(ApiProblem.badField(e.getParameterName(), "is required").toProblemDetail());
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(ApiProblem.badField(e.getRequestPartName(), "is required").toProblemDetail());
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.lastIndexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }

  private static String summary(List<ApiProblem.FieldError> errors) {
    return errors.stream().map(f -> f.field() + ": " + f.problem())
        .collect(Collectors.joining("; "));
  }
}
