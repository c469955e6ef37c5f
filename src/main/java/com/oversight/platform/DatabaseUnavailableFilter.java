package com.oversight.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database outage seen before any controller: signing in needs the database too (Camunda's
 * users), and a failure there escapes Spring Security as a 500. Outside the security filters,
 * this answers such a request with the same 503 problem as {@link ApiExceptionHandler}; any
 * other exception passes unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
      + "\"status\":503,\"detail\":\"The database is unavailable; nothing was stored. Please try "
      + "again in a moment.\"}";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException | IOException e) {
      if (response.isCommitted() || !ApiExceptionHandler.databaseUnavailable(e)) {
        throw e;
      }
      response.reset();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader(HttpHeaders.RETRY_AFTER, "5");
      response.setContentType("application/problem+json");
      response.getOutputStream().write(PROBLEM.getBytes(StandardCharsets.UTF_8));
    }
  }
}
