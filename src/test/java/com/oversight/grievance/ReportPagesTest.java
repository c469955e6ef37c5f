package com.oversight.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.oversight.identity.SecurityConfig;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The grievance channel's HTML pages without a browser: the public pages' headers (no cookie,
 * no caching, strict CSP), errors shown with nothing stored, the receipt and follow-up pages, and
 * who may open a case page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ReportPagesTest {

  static final Pattern RECEIPT_CODE = Pattern.compile("\\b(\\d{4} \\d{4} \\d{4} \\d{4} \\d{4})\\b");

  // built from the shared test context (not @AutoConfigureMockMvc, which would start a second
  // context whose engine takes over the name "default" from the other tests' engine)
  @Autowired WebApplicationContext context;
  MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReportingService reporting;
  @Autowired CaseworkService casework;
  @LocalServerPort int port;

  @org.junit.jupiter.api.BeforeEach
  void mockMvc() {
    mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
        .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
            .springSecurity())
        .build();
  }

  @Test
  void reportPageIsOpenToAllWithStrictHeadersAndNoCookie() throws Exception {
    MvcResult result = mvc.perform(get("/report")).andExpect(status().isOk()).andReturn();
    MockHttpServletResponse response = result.getResponse();
    assertPublicHeaders(response);
    assertThat(result.getRequest().getSession(false)).as("no HttpSession").isNull();
    String html = response.getContentAsString();
    assertThat(html).contains("<html lang=\"en\"")
        .contains("within 7 days").contains("3 months").contains("Tor Browser")
        .contains("enctype=\"multipart/form-data\"").contains("<legend>")
        .doesNotContain("<script").doesNotContain("style=").doesNotContain("http://")
        .doesNotContain("https://").doesNotContain("_csrf");
    for (GrievanceCategory category : GrievanceCategory.values()) {
      assertThat(html).contains(category.label());
    }
    assertThat(html).contains("<option value=\"MX\">Mexico</option>");
    assertEveryFieldHasALabel(html);

    MockHttpServletResponse css = mvc.perform(get("/public/oversight.css"))
        .andExpect(status().isOk()).andReturn().getResponse();
    assertThat(css.getContentType()).startsWith("text/css");
    assertThat(css.getHeader("Set-Cookie")).isNull();

    MvcResult codeForm = mvc.perform(get("/report/follow-up")).andExpect(status().isOk())
        .andReturn();
    assertPublicHeaders(codeForm.getResponse());
    assertThat(codeForm.getResponse().getContentAsString())
        .contains("method=\"post\"").contains("<label for=\"receiptCode\">");
    assertEveryFieldHasALabel(codeForm.getResponse().getContentAsString());
  }

  @Test
  void aBadReportShowsTheErrorsWithWhatWasTypedAndStoresNothing() throws Exception {
    int before = reports();
    MvcResult result = mvc.perform(multipart("/report")
            .file(new MockMultipartFile("attachments", "tool.exe", "application/x-msdownload",
                new byte[] {'M', 'Z', 1, 2}))
            .param("description", "   ")
            .param("customer", "Agency <b>X</b>")
            .param("country", "MX"))
        .andExpect(status().isBadRequest()).andReturn();
    String html = result.getResponse().getContentAsString();
    assertPublicHeaders(result.getResponse());
    assertThat(html).contains("class=\"error-summary\"").contains("There is a problem")
        .contains("href=\"#description\"").contains("Describe what happened.")
        .contains("aria-describedby=\"description-hint description-error\"")
        .contains("aria-invalid=\"true\"")
        .contains("href=\"#category-PRODUCT_MISUSE\"").contains("Choose what your report is about.")
        .contains("href=\"#attachments\"").contains("this type of file is not accepted")
        // what was typed is kept, escaped
        .contains("value=\"Agency &lt;b&gt;X&lt;/b&gt;\"").doesNotContain("<b>X</b>")
        .contains("<option value=\"MX\" selected=\"selected\">Mexico</option>");
    assertThat(html.indexOf("error-summary")).isLessThan(html.indexOf("<h1>"));
    assertThat(reports()).isEqualTo(before);
  }

  @Test
  void aFileOverTheLimitIsRefusedWith413AndNothingStored() throws Exception {
    int before = reports();
    byte[] large = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(large, (byte) 'a');
    MvcResult result = mvc.perform(multipart("/report")
            .file(new MockMultipartFile("attachments", "big.txt", "text/plain", large))
            .param("category", "OTHER").param("description", "A large file"))
        .andExpect(status().isPayloadTooLarge()).andReturn();
    assertThat(result.getResponse().getContentAsString()).contains("There is a problem")
        .contains("larger than 10 MB").contains("A large file");
    assertThat(reports()).isEqualTo(before);

    // over the servlet's limit the request is refused while it is read: still a page, not a 500
    HttpResponse<String> refused = postMultipart("/report", "big.txt",
        new byte[11 * 1024 * 1024]);
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("Your files are too large").contains("<form");
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(refused.headers().firstValue("Content-Security-Policy"))
        .hasValue(SecurityConfig.PAGE_CSP);
    assertThat(reports()).isEqualTo(before);
  }

  @Test
  void theReceiptCodeIsShownOnceAndOpensTheFollowUpPage(CapturedOutput output) throws Exception {
    int logged = output.getAll().length();
    int before = reports();
    MvcResult sent = mvc.perform(multipart("/report")
            .file(new MockMultipartFile("attachments", "notes.txt", "text/plain",
                "Dates and places".getBytes(StandardCharsets.UTF_8)))
            .param("category", "UNLAWFUL_SURVEILLANCE")
            .param("description", "Phones of two reporters were infected")
            .param("peopleAtRisk", "true"))
        .andExpect(status().isOk()).andReturn();
    assertPublicHeaders(sent.getResponse());
    assertThat(sent.getResponse().getHeader("Location")).isNull();
    assertThat(sent.getRequest().getSession(false)).isNull();
    String receipt = sent.getResponse().getContentAsString();
    Matcher code = RECEIPT_CODE.matcher(receipt);
    assertThat(code.find()).as(receipt).isTrue();
    assertThat(receipt).contains("shown only once");
    assertThat(reports()).isEqualTo(before + 1);

    // a wrong code: the code form again, 404
    MvcResult wrong = mvc.perform(post("/report/follow-up")
            .param("receiptCode", "1111 2222 3333 4444 5555"))
        .andExpect(status().isNotFound()).andReturn();
    assertThat(wrong.getResponse().getContentAsString())
        .contains("No report has this receipt code").contains("name=\"receiptCode\"");
    mvc.perform(post("/report/follow-up").param("receiptCode", "12"))
        .andExpect(status().isBadRequest());

    MvcResult followUp = mvc.perform(post("/report/follow-up")
            .param("receiptCode", code.group(1)))
        .andExpect(status().isOk()).andReturn();
    assertPublicHeaders(followUp.getResponse());
    assertThat(followUp.getResponse().getContentAsString())
        .contains(GrievanceStatus.RECEIVED.description())
        .contains("type=\"hidden\" name=\"receiptCode\" value=\"" + code.group(1) + "\"");

    MvcResult empty = mvc.perform(multipart("/report/follow-up/reply")
            .param("receiptCode", code.group(1)).param("text", ""))
        .andExpect(status().isBadRequest()).andReturn();
    assertThat(empty.getResponse().getContentAsString())
        .contains("Write your message, or attach a file.");

    MvcResult replied = mvc.perform(multipart("/report/follow-up/reply")
            .param("receiptCode", code.group(1).replace(" ", ""))
            .param("text", "One more thing: <it happened twice>"))
        .andExpect(status().isOk()).andReturn();
    assertPublicHeaders(replied.getResponse());
    assertThat(replied.getResponse().getContentAsString()).contains("Your message was sent")
        .contains("One more thing: &lt;it happened twice&gt;").contains("<strong>You</strong>");

    // nothing about the reporter or their code went to the log
    String log = output.getAll().substring(logged);
    assertThat(log).doesNotContain(code.group(1)).doesNotContain(code.group(1).replace(" ", ""))
        .doesNotContain("127.0.0.1").doesNotContain("Phones of two reporters");
  }

  @Test
  void aCasePageIsForInvestigatorsWhoAreNotExcluded() throws Exception {
    String reference = submit("<script>alert(1)</script> seen at the ministry");

    mvc.perform(get("/casework/grievances/" + reference))
        .andExpect(status().isFound()).andExpect(redirectedUrlPattern("**/login"));

    MvcResult sara = mvc.perform(get("/casework/grievances/" + reference)
            .with(user("sara").roles("sales")))
        .andExpect(status().isForbidden()).andReturn();
    assertThat(sara.getResponse().getContentAsString()).doesNotContain("ministry");

    MvcResult ivan = mvc.perform(get("/casework/grievances/" + reference)
            .with(user("ivan").roles("investigators")))
        .andExpect(status().isOk()).andReturn();
    String page = ivan.getResponse().getContentAsString();
    assertThat(page).contains(reference)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; seen at the ministry")
        .doesNotContain("<script").contains("name=\"_csrf\"");
    assertThat(ivan.getResponse().getHeader("Content-Security-Policy"))
        .isEqualTo(SecurityConfig.PAGE_CSP);
    assertThat(ivan.getResponse().getHeader("Cache-Control")).contains("no-store");
    assertThat(mvc.perform(get("/casework/grievances").with(user("ivan").roles("investigators")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
        .contains(reference);

    // a form without its CSRF token is refused
    mvc.perform(post("/casework/grievances/" + reference + "/messages")
            .with(user("ivan").roles("investigators")).param("text", "Hello"))
        .andExpect(status().isForbidden())
        .andExpect(forwardedUrl("/casework/forbidden"));
    mvc.perform(post("/casework/grievances/" + reference + "/messages")
            .with(user("ivan").roles("investigators")).with(csrf()).param("text", "Hello")
            .param("feedback", "true"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/casework/grievances/" + reference));

    // ivan records iris as named in the report: she is refused at once, and the list hides it
    mvc.perform(post("/casework/grievances/" + reference + "/named-persons")
            .with(user("ivan").roles("investigators")).with(csrf()).param("userId", "iris"))
        .andExpect(status().isFound());
    MvcResult iris = mvc.perform(get("/casework/grievances/" + reference)
            .with(user("iris").roles("investigators")))
        .andExpect(status().isForbidden()).andReturn();
    assertThat(iris.getResponse().getContentAsString()).contains("excluded")
        .doesNotContain("ministry");
    assertThat(mvc.perform(get("/casework/grievances").with(user("iris").roles("investigators")))
        .andReturn().getResponse().getContentAsString()).doesNotContain(reference);
  }

  @Test
  void investigatorsSignInWithAFormAndAToken() throws Exception {
    MvcResult login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
    assertThat(login.getResponse().getContentAsString()).contains("name=\"_csrf\"")
        .contains("<label for=\"username\">").contains("<label for=\"password\">");
    assertThat(login.getResponse().getHeader("Content-Security-Policy"))
        .isEqualTo(SecurityConfig.PAGE_CSP);
    mvc.perform(post("/login").with(csrf()).param("username", "ivan").param("password", "demo"))
        .andExpect(status().isFound()).andExpect(redirectedUrl("/casework/grievances"));
  }

  private String submit(String description) {
    Set<String> before = new HashSet<>(references());
    reporting.submit(new ReportSubmission("PRODUCT_MISUSE", description, "MX", "Ministry",
        true, null, false), List.of());
    Set<String> after = new HashSet<>(references());
    after.removeAll(before);
    assertThat(after).hasSize(1);
    return after.iterator().next();
  }

  private List<String> references() {
    return jdbc.queryForList("SELECT reference FROM ov_grievance", String.class);
  }

  private int reports() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ov_grievance", Integer.class);
  }

  private static void assertPublicHeaders(MockHttpServletResponse response) {
    assertThat(response.getHeader("Content-Security-Policy")).isEqualTo(SecurityConfig.PAGE_CSP);
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(response.getHeaders("Set-Cookie")).isEmpty();
    assertThat(response.getCookies()).isEmpty();
  }

  /** Every input, select and textarea (but hidden ones) has a label naming its id. */
  private static void assertEveryFieldHasALabel(String html) {
    Matcher field = Pattern.compile("<(input|select|textarea)\\b([^>]*)>").matcher(html);
    int fields = 0;
    while (field.find()) {
      String attributes = field.group(2);
      if (attributes.contains("type=\"hidden\"")) {
        continue;
      }
      Matcher id = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(attributes);
      assertThat(id.find()).as("field without id: " + field.group()).isTrue();
      assertThat(html).as("label for " + id.group(1))
          .contains("<label for=\"" + id.group(1) + "\"");
      fields++;
    }
    assertThat(fields).isPositive();
  }

  /** A multipart POST over HTTP, so that the servlet's upload limits apply. */
  private HttpResponse<String> postMultipart(String path, String fileName, byte[] data)
      throws Exception {
    String boundary = "----oversight" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\n"
        + "OTHER\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\""
        + "\r\n\r\nToo large\r\n--" + boundary + "\r\nContent-Disposition: form-data;"
        + " name=\"attachments\"; filename=\"" + fileName + "\"\r\nContent-Type: text/plain"
        + "\r\n\r\n";
    body.write(head.getBytes(StandardCharsets.UTF_8));
    body.write(data);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
