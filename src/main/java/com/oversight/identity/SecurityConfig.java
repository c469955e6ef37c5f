package com.oversight.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who gets in where.
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against Camunda's users; {@link #apiAccess} says which groups
 *       reach which endpoint, before any input is read (so a caller of the wrong group gets 403,
 *       not a validation error); an endpoint missing from it is closed to everyone;
 *       {@code /api/public/**} (the anonymous reporting channel) is open. Stateless, so no
 *       session cookie and no CSRF token: state-changing endpoints accept only JSON or CSV
 *       bodies, which a cross-site form cannot send.</li>
 *   <li>{@code /engine-rest/**}: Camunda's own HTTP Basic filter; the engine then applies the
 *       authorizations of {@link AccessPolicy} to the caller.</li>
 *   <li>The webapps ({@code /camunda/**}) keep Camunda's own login, session and CSRF protection.</li>
 *   <li>OpenAPI documentation: any signed-in user. {@code /api/**} and Swagger UI carry a
 *       Content Security Policy ({@link #API_CSP}, {@link #SWAGGER_UI_CSP}), no referrer, no
 *       framing, no sniffing.</li>
 *   <li>Actuator ({@link #actuatorSecurity}): {@code /actuator/health} open (details only for
 *       managers and administrators), {@code /actuator/prometheus} for managers and
 *       administrators, the rest closed.</li>
 *   <li>The public reporting pages ({@code /report/**}, assets under {@code /public/**}): open
 *       to everyone, with no session, no cookie and no CSRF token (nothing that could tie two
 *       visits together), and not even an anonymous authentication holding the caller's address;
 *       strict security headers ({@link #PAGE_CSP}).</li>
 *   <li>Oversight's own signed-in pages ({@link #staffPageAccess}): the investigators' case
 *       pages ({@code /casework/**}), the governance dashboard ({@code /dashboard}), draft
 *       transparency reports ({@code /reports/**}) and the policy review's pages
 *       ({@code /review/**}): form login at {@code /login} against Camunda's users, a session
 *       with CSRF tokens in every form; exclusions are checked by the grievance service.</li>
 *   <li>The published transparency reports ({@code /transparency/**}): public, like the
 *       reporting pages.</li>
 * </ul>
 */
@Configuration
public class SecurityConfig {

  public static final String REALM = "Oversight";

  /** Content Security Policy of Oversight's own HTML pages: no inline script or style. */
  public static final String PAGE_CSP = "default-src 'self'; form-action 'self';"
      + " frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  /**
   * The anonymous reporting pages: open to all, stateless, no cookie of any kind. CSRF tokens
   * would need a session (a cookie that links a reporter's visits), and a forged report or
   * message gains an attacker nothing the open form does not already give.
   */
  @Bean
  SecurityFilterChain publicPagesSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/report", "/report/**", "/public/**", "/transparency",
            "/transparency/**")
        .authorizeHttpRequests(pages -> pages.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .securityContext(context -> context.requireExplicitSave(true))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> anonymous.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .headers(SecurityConfig::pageHeaders);
    return http.build();
  }

  /**
   * Oversight's own signed-in pages: form login with Camunda's users, session and CSRF tokens;
   * {@link #staffPageAccess} says which groups reach which page (others see a 403 page).
   */
  @Bean
  SecurityFilterChain staffPagesSecurity(HttpSecurity http, CamundaAuthenticationProvider provider)
      throws Exception {
    // back to the page asked for after signing in, without Spring's "?continue" marker
    HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    requestCache.setMatchingRequestParameterName(null);
    http.securityMatcher("/casework", "/casework/**", "/dashboard", "/dashboard/**",
            "/reports", "/reports/**", "/review", "/review/**", "/login", "/logout")
        .authenticationManager(new ProviderManager(provider))
        .authorizeHttpRequests(SecurityConfig::staffPageAccess)
        .formLogin(form -> form
            .loginPage("/login")
            .successHandler(landingPage(requestCache))
            .permitAll())
        .logout(logout -> logout
            .logoutUrl("/logout")
            .logoutSuccessUrl("/login?logout"))
        .requestCache(cache -> cache.requestCache(requestCache))
        .exceptionHandling(ex -> ex.accessDeniedPage("/casework/forbidden"))
        .httpBasic(basic -> basic.disable())
        .csrf(Customizer.withDefaults())
        .headers(SecurityConfig::pageHeaders);
    return http.build();
  }

  /** Which groups reach which of Oversight's own (signed-in) pages: the one table to review. */
  static void staffPageAccess(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry pages) {
    pages
        // the 403 page is reached by a forward from the refusal itself
        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
        .requestMatchers("/login").permitAll()
        // grievance case files: investigators only
        .requestMatchers("/casework", "/casework/**").hasRole(Groups.INVESTIGATORS)
        // governance dashboard: read-only oversight, never grievance content
        .requestMatchers("/dashboard", "/dashboard/**")
            .hasAnyRole(Groups.MANAGERS, Groups.GRC_COMMITTEE, Groups.CAMUNDA_ADMIN)
        // draft transparency reports: the committee, reviewers and managers only
        .requestMatchers("/reports", "/reports/**")
            .hasAnyRole(Groups.GRC_COMMITTEE, Groups.REVIEWERS, Groups.MANAGERS)
        // policy review pages (decision impact of a candidate risk decision)
        .requestMatchers("/review", "/review/**")
            .hasAnyRole(Groups.COMPLIANCE, Groups.GRC_COMMITTEE, Groups.REVIEWERS)
        .anyRequest().authenticated();
  }

  /**
   * After signing in: back to the page asked for, else each group's own page (investigators
   * their case list, managers and the committee the dashboard).
   */
  private static AuthenticationSuccessHandler landingPage(HttpSessionRequestCache requestCache) {
    SavedRequestAwareAuthenticationSuccessHandler handler =
        new SavedRequestAwareAuthenticationSuccessHandler() {
          @Override
          protected String determineTargetUrl(HttpServletRequest request,
              HttpServletResponse response, Authentication authentication) {
            List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
            if (roles.contains(Groups.authority(Groups.INVESTIGATORS))) {
              return "/casework/grievances";
            }
            if (roles.contains(Groups.authority(Groups.MANAGERS))
                || roles.contains(Groups.authority(Groups.GRC_COMMITTEE))
                || roles.contains(Groups.authority(Groups.CAMUNDA_ADMIN))) {
              return "/dashboard";
            }
            if (roles.contains(Groups.authority(Groups.REVIEWERS))) {
              return "/reports";
            }
            if (roles.contains(Groups.authority(Groups.COMPLIANCE))) {
              return "/review/decision-impact";
            }
            return "/transparency";
          }
        };
    handler.setRequestCache(requestCache);
    return handler;
  }

  /** CSP, no referrer, no framing, no sniffing, no caching (Spring's defaults plus ours). */
  static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
        .frameOptions(frame -> frame.deny())
        .contentTypeOptions(Customizer.withDefaults())
        .cacheControl(Customizer.withDefaults());
  }

  /** Content Security Policy of Oversight's API answers (JSON, CSV: nothing to run or frame). */
  public static final String API_CSP = "default-src 'none'; frame-ancestors 'none';"
      + " base-uri 'none'; form-action 'none'";

  /** Swagger UI: its scripts and styles from Oversight itself (it sets inline styles). */
  public static final String SWAGGER_UI_CSP = "default-src 'self'; img-src 'self' data:;"
      + " style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none';"
      + " object-src 'none'; form-action 'self'";

  /** API and Swagger UI: their CSP, no referrer, no framing, no sniffing, no caching. */
  static void apiHeaders(HeadersConfigurer<HttpSecurity> headers) {
    RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
    headers
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
            new StaticHeadersWriter("Content-Security-Policy", SWAGGER_UI_CSP)))
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
            new NegatedRequestMatcher(swaggerUi),
            new StaticHeadersWriter("Content-Security-Policy", API_CSP)))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
        .frameOptions(frame -> frame.deny())
        .contentTypeOptions(Customizer.withDefaults())
        .cacheControl(Customizer.withDefaults());
  }

  /**
   * Spring Boot Actuator: the bare health check stays open to everyone (load balancers,
   * container health checks) and shows its details (database, process engine, job executor) only
   * to managers and administrators ({@code management.endpoint.health.roles}); the Prometheus
   * metrics (process figures, no content) are for managers and administrators; anything else
   * is closed. HTTP Basic, no session; errors as problem+json.
   */
  @Bean
  SecurityFilterChain actuatorSecurity(HttpSecurity http, CamundaAuthenticationProvider provider,
      ObjectMapper objectMapper) throws Exception {
    http.securityMatcher("/actuator", "/actuator/**")
        .authenticationManager(new ProviderManager(provider))
        .authorizeHttpRequests(actuator -> actuator
            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                .permitAll()
            .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                .hasAnyRole(Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
            .anyRequest().denyAll());
    return statelessBasic(http, objectMapper);
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, CamundaAuthenticationProvider provider,
      ObjectMapper objectMapper) throws Exception {
    AuthenticationManager manager = new ProviderManager(provider);
    http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
        .authenticationManager(manager)
        .authorizeHttpRequests(SecurityConfig::apiAccess);
    return statelessBasic(http, objectMapper);
  }

  /**
   * The machine-facing chains (API, actuator): HTTP Basic against Camunda's users, no session,
   * no CSRF token (no cookie to forge with), 401/403 as problem+json, strict headers.
   */
  private static SecurityFilterChain statelessBasic(HttpSecurity http, ObjectMapper objectMapper)
      throws Exception {
    http        .httpBasic(basic -> basic
            .realmName(REALM)
            .authenticationEntryPoint((request, response, e) -> {
              response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
              writeProblem(response, objectMapper, HttpStatus.UNAUTHORIZED,
                  "Sign in with your Oversight user id and password (HTTP Basic).");
            }))
        .exceptionHandling(ex -> ex
            .accessDeniedHandler((request, response, e) -> writeProblem(response, objectMapper,
                HttpStatus.FORBIDDEN, "Your groups do not allow this.")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .headers(SecurityConfig::apiHeaders);
    return http.build();
  }

  /** Which groups reach which endpoint of Oversight's API: the one table to review. */
  static void apiAccess(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
    String[] everyGroup = Groups.ALL.toArray(String[]::new);
    api
        .requestMatchers("/api/public/**").permitAll()
        // reference data: every group reads; compliance and administrators import
        .requestMatchers(HttpMethod.GET, "/api/reference/**").hasAnyRole(everyGroup)
        .requestMatchers(HttpMethod.POST, "/api/reference/*/imports")
            .hasAnyRole(Groups.COMPLIANCE, Groups.CAMUNDA_ADMIN)
        // what-if risk assessments
        .requestMatchers(HttpMethod.POST, "/api/risk/assessments")
            .hasAnyRole(Groups.COMPLIANCE, Groups.GRC_COMMITTEE)
        // decision record (audit ledger): managers and administrators verify the chain; the
        // committee and compliance also read a case's entries
        .requestMatchers(HttpMethod.GET, "/api/audit/verify")
            .hasAnyRole(Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
        .requestMatchers(HttpMethod.GET, "/api/audit/entries")
            .hasAnyRole(Groups.MANAGERS, Groups.CAMUNDA_ADMIN, Groups.GRC_COMMITTEE,
                Groups.COMPLIANCE)
        // sale opportunities: sales submit; sales (own cases only), reviewers and managers read
        .requestMatchers(HttpMethod.POST, "/api/sales/opportunities").hasRole(Groups.SALES)
        .requestMatchers(HttpMethod.GET, "/api/sales/opportunities",
            "/api/sales/opportunities/*")
            .hasAnyRole(Groups.SALES, Groups.COMPLIANCE, Groups.GRC_COMMITTEE, Groups.LEGAL,
                Groups.MANAGERS, Groups.CAMUNDA_ADMIN)
        // grievances: stages and deadlines for managers and the committee (no content); case
        // files and messages for investigators (CaseworkService refuses excluded ones); legal
        // holds for investigators and legal
        .requestMatchers(HttpMethod.GET, "/api/grievances/stages", "/api/grievances/summary")
            .hasAnyRole(Groups.INVESTIGATORS, Groups.MANAGERS, Groups.GRC_COMMITTEE,
                Groups.CAMUNDA_ADMIN)
        .requestMatchers(HttpMethod.PUT, "/api/grievances/*/legal-hold")
            .hasAnyRole(Groups.INVESTIGATORS, Groups.LEGAL)
        .requestMatchers(HttpMethod.GET, "/api/grievances/*", "/api/grievances/*/attachments/*")
            .hasRole(Groups.INVESTIGATORS)
        .requestMatchers(HttpMethod.POST, "/api/grievances/*/messages",
            "/api/grievances/*/named-persons")
            .hasRole(Groups.INVESTIGATORS)
        // long work (replays, large reports): its own page of progress; BackgroundWork shows
        // each piece only to the person who started it or the groups its kind names
        .requestMatchers(HttpMethod.GET, "/api/work", "/api/work/*").hasAnyRole(everyGroup)
        // customer re-assessments: compliance starts one by hand; compliance, the committee,
        // managers and administrators see what is due and running
        .requestMatchers(HttpMethod.GET, "/api/reassessments", "/api/reassessments/**")
            .hasAnyRole(Groups.COMPLIANCE, Groups.GRC_COMMITTEE, Groups.MANAGERS,
                Groups.CAMUNDA_ADMIN)
        .requestMatchers(HttpMethod.POST, "/api/reassessments")
            .hasRole(Groups.COMPLIANCE)
        // decision impact of a candidate risk decision: compliance and the committee
        .requestMatchers("/api/review/decision-impact", "/api/review/decision-impact/**")
            .hasAnyRole(Groups.COMPLIANCE, Groups.GRC_COMMITTEE)
        // policy reviews (figures, stakeholder dialogue, amendments): the review's participants
        .requestMatchers(HttpMethod.GET, "/api/review/policy-reviews",
            "/api/review/policy-reviews/**")
            .hasAnyRole(Groups.COMPLIANCE, Groups.GRC_COMMITTEE, Groups.REVIEWERS,
                Groups.MANAGERS)
        // draft transparency reports: the committee, reviewers and managers only (published
        // ones are public under /api/public/transparency); the committee and managers draft one
        .requestMatchers(HttpMethod.GET, "/api/transparency/reports",
            "/api/transparency/reports/**")
            .hasAnyRole(Groups.GRC_COMMITTEE, Groups.REVIEWERS, Groups.MANAGERS)
        .requestMatchers(HttpMethod.POST, "/api/transparency/reports")
            .hasAnyRole(Groups.GRC_COMMITTEE, Groups.MANAGERS)
        // governance dashboard figures: read-only, no grievance content
        .requestMatchers(HttpMethod.GET, "/api/dashboard", "/api/dashboard/**")
            .hasAnyRole(Groups.MANAGERS, Groups.GRC_COMMITTEE, Groups.CAMUNDA_ADMIN)
        // anything else under /api has no rule yet: closed
        .requestMatchers("/api/**").denyAll()
        // API documentation
        .anyRequest().authenticated();
  }

  /** Camunda's HTTP Basic authentication for the engine REST API. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("oversight-engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /**
   * A URL Spring Security's firewall refuses (an encoded percent sign or control character...):
   * on the API a 400 problem like every other bad input, elsewhere the plain 400 as before.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
    RequestRejectedHandler plain = new HttpStatusRequestRejectedHandler();
    return (request, response, e) -> {
      if (request.getRequestURI().startsWith("/api/")) {
        writeProblem(response, objectMapper, HttpStatus.BAD_REQUEST,
            "The URL contains characters that are not allowed.");
      } else {
        plain.handle(request, response, e);
      }
    };
  }

  static void writeProblem(HttpServletResponse response, ObjectMapper objectMapper,
      HttpStatus status, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status,
        detail));
  }
}
