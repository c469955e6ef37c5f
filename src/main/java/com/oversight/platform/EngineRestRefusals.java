package com.oversight.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets the engine REST API (/engine-rest) answer a {@link TaskRefusal} thrown by a task listener
 * with 403 or 400 and its message, in Camunda's error format ({@code type}, {@code message}),
 * where Camunda would wrap it into a 500. Every other error keeps Camunda's own answer.
 */
@Component
public class EngineRestRefusals implements ResourceConfigCustomizer {

  @Override
  public void customize(ResourceConfig config) {
    config.register(RestExceptionRefusals.class);
    config.register(EngineExceptionRefusals.class);
  }

  /** The refusal in an exception's causes, if any. */
  static Optional<Response> refusal(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof TaskRefusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "TaskRefusal");
        body.put("message", refusal.getMessage());
        return Optional.of(Response.status(refusal.isForbidden() ? 403 : 400)
            .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
      }
    }
    return Optional.empty();
  }

  /** Engine REST resources wrap engine exceptions into RestExceptions (500). */
  @Priority(1)
  public static class RestExceptionRefusals implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return refusal(exception).orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** Engine exceptions that reach the REST layer unwrapped. */
  @Priority(1)
  public static class EngineExceptionRefusals implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return refusal(exception).orElseGet(() -> camunda.toResponse(exception));
    }
  }
}
