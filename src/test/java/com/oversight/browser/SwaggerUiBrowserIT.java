package com.oversight.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI still works under its Content Security Policy (SecurityConfig.SWAGGER_UI_CSP): a
 * signed-in user sees the documented API, and the browser reports no blocked script, style or
 * request.
 */
class SwaggerUiBrowserIT extends BrowserTestSupport {

  @LocalServerPort int port;

  @Test
  void swaggerUiShowsTheApiUnderItsContentSecurityPolicy() {
    List<String> console = new ArrayList<>();
    try (Playwright playwright = Chromium.playwright();
        Browser browser = Chromium.launch(playwright);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
            .setHttpCredentials("mona", "demo"))) {
      Page page = context.newPage();
      page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
      page.navigate("http://localhost:" + port + "/swagger-ui.html");
      page.waitForSelector(".opblock");
      assertThat(page.locator(".info .title").innerText()).contains("Oversight API");
      assertThat(page.locator(".opblock-tag").count()).isPositive();
      page.locator(".opblock").first().click();
      page.waitForSelector(".opblock-body");
      page.screenshot(new Page.ScreenshotOptions()
          .setPath(SCREENSHOTS.resolve("SwaggerUiBrowserIT-open-operation.png")));
    }
    assertThat(console).noneMatch(line -> line.contains("Content Security Policy")
        || line.contains("Refused to"));
  }
}
