package com.oversight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The browser protections of Oversight's API and Swagger UI, and the Camunda webapps' CSRF
 * protection: a state-changing webapp request without the XSRF token is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersTest {

  @Autowired TestRestTemplate rest;

  @Test
  void apiAnswersCarryStrictSecurityHeaders() {
    ResponseEntity<String> countries = rest.withBasicAuth("carl", "demo")
        .getForEntity("/api/reference/countries", String.class);
    assertThat(countries.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertStrictHeaders(countries.getHeaders(), SecurityConfig.API_CSP);
    // refusals too
    ResponseEntity<String> anonymous = rest.getForEntity("/api/reference/countries",
        String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertStrictHeaders(anonymous.getHeaders(), SecurityConfig.API_CSP);
    assertStrictHeaders(rest.getForEntity("/actuator/health", String.class).getHeaders(),
        SecurityConfig.API_CSP);
  }

  @Test
  void swaggerUiLoadsOnlyItsOwnScriptsAndCannotBeFramed() {
    ResponseEntity<String> page = rest.withBasicAuth("mona", "demo")
        .getForEntity("/swagger-ui/index.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertStrictHeaders(page.getHeaders(), SecurityConfig.SWAGGER_UI_CSP);
    // its CSP allows no inline script: the page has none, every script comes from Oversight
    assertThat(page.getBody()).contains("<script src=\"./swagger-ui-bundle.js\"")
        .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
    ResponseEntity<String> initializer = rest.withBasicAuth("mona", "demo")
        .getForEntity("/swagger-ui/swagger-initializer.js", String.class);
    assertThat(initializer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(initializer.getBody()).contains("/v3/api-docs");
  }

  private static void assertStrictHeaders(HttpHeaders headers, String csp) {
    assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(csp);
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  void theWebappsRefuseAStateChangingRequestWithoutTheirCsrfToken() {
    // a browser that opened Tasklist has the session and the XSRF-TOKEN cookie
    List<String> jar = new ArrayList<>();
    keep(jar, rest.getForEntity("/camunda/app/tasklist/default/", String.class));

    // another site's page can make the browser send the cookies, but not the header
    ResponseEntity<String> forged = keep(jar, login(jar, null));
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> wrongToken = keep(jar, login(jar, "0123456789ABCDEF0123456789ABCDEF"));
    assertThat(wrongToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // a wrong token also ends the session: the browser opens Tasklist again, with a new token
    assertThat(post("/camunda/api/admin/auth/user/default/login/tasklist", jar,
        cookie(jar, "XSRF-TOKEN")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    keep(jar, rest.getForEntity("/camunda/app/tasklist/default/", String.class));

    ResponseEntity<String> signedIn = keep(jar, login(jar, cookie(jar, "XSRF-TOKEN")));
    assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.OK);

    // signed in (a new session), Tasklist reads who is signed in and gets the session's token
    keep(jar, rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(headers(jar, null)), String.class));
    // its API calls need the token too
    String query = "/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15";
    assertThat(keep(jar, post(query, jar, cookie(jar, "XSRF-TOKEN"))).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(keep(jar, post(query, jar, null)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** Like a browser: the cookies a response sets replace those of the same name. */
  private static ResponseEntity<String> keep(List<String> jar, ResponseEntity<String> response) {
    List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (set != null) {
      jar.addAll(0, set);
    }
    return response;
  }

  private ResponseEntity<String> login(List<String> cookies, String token) {
    HttpHeaders headers = headers(cookies, token);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "ivan");
    form.add("password", "demo");
    return rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
  }

  private ResponseEntity<String> post(String path, List<String> cookies, String token) {
    HttpHeaders headers = headers(cookies, token);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
  }

  /** The first (newest) value of each cookie, and the token header if there is one. */
  private static HttpHeaders headers(List<String> cookies, String token) {
    HttpHeaders headers = new HttpHeaders();
    List<String> seen = new ArrayList<>();
    for (String c : cookies) {
      String pair = c.contains(";") ? c.substring(0, c.indexOf(';')) : c;
      String name = pair.substring(0, pair.indexOf('='));
      if (!seen.contains(name)) {
        seen.add(name);
        headers.add(HttpHeaders.COOKIE, pair);
      }
    }
    if (token != null) {
      headers.set("X-XSRF-TOKEN", token);
    }
    return headers;
  }

  private static String cookie(List<String> cookies, String name) {
    return cookies.stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
  }
}
