package com.oversight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.OversightApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In production ({@code prod} profile) every session cookie, Oversight's and the Camunda
 * webapps', is sent over HTTPS only and never to requests from other sites; session cookies are
 * out of reach of scripts. An application of its own (with the prod profile), whose engine has a
 * name of its own.
 */
class ProductionCookiesTest {

  private static final String SECURE = "(?i);\\s*Secure\\s*(;|$)";
  private static final String HTTP_ONLY = "(?i);\\s*HttpOnly\\s*(;|$)";
  private static final String SAME_SITE_LAX = "(?i);\\s*SameSite=Lax\\s*(;|$)";

  private static ConfigurableApplicationContext app;
  private static String base;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startInProduction() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    app = new SpringApplicationBuilder(OversightApplication.class)
        .profiles("test", "prod")
        .run("--server.port=0", "--camunda.bpm.process-engine-name=cookiecheck",
            "--oversight.identity.admin-password=a-strong-admin-pass",
            "--oversight.grievance.encryption-key=" + Base64.getEncoder().encodeToString(key));
    base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theCasePagesSessionCookieIsSecureHttpOnlyAndSameSite() throws Exception {
    String session = setCookie(get("/login"), "JSESSIONID");
    assertThat(session).containsPattern(SECURE).containsPattern(HTTP_ONLY)
        .containsPattern(SAME_SITE_LAX);
  }

  @Test
  void theWebappsCookiesAreSecureAndSameSite() throws Exception {
    HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/");
    // the XSRF token is read by Tasklist's scripts (and sent back as a header): not HttpOnly
    assertThat(setCookie(tasklist, "XSRF-TOKEN")).containsPattern(SECURE)
        .containsPattern(SAME_SITE_LAX);
    assertThat(setCookie(tasklist, "JSESSIONID")).containsPattern(SECURE)
        .containsPattern(HTTP_ONLY).containsPattern(SAME_SITE_LAX);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String setCookie(HttpResponse<String> response, String name) {
    List<String> cookies = response.headers().allValues("Set-Cookie");
    return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + cookies));
  }
}
