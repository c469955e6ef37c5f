package com.oversight.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the browser tests: Oversight on a random port (profile "test": in-memory H2, job
 * executor off, demo users); one headless Chromium per test class, and a fresh browser session
 * (no one signed in) per test in {@link #tasklist}. After each test the page is saved to
 * {@code target/browser-screenshots/<class>-<test>.png}, which shows where a failing test
 * stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = BrowserTestSupport.OWN_CONTEXT)
@ActiveProfiles("test")
public abstract class BrowserTestSupport {

  /**
   * The browser tests get a Spring context of their own, started when they start. Camunda's
   * webapps keep static (JVM-wide) state: after a test that starts and closes an application of
   * its own (AdminPasswordPolicyTest), the Tasklist of an older cached context answers 500 (seen
   * here; re-registering its engine in ProcessEngines did not help). A context shared with earlier
   * tests would make the browser tests depend on the order of the test classes.
   */
  static final String OWN_CONTEXT = "oversight.test.context=browser";

  protected static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");

  @LocalServerPort
  private int port;

  private static Playwright playwright;
  private static Browser browser;

  protected TasklistBrowser tasklist;

  @BeforeAll
  static void launchBrowser() {
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  static void closeBrowser() {
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void openSession() {
    tasklist = TasklistBrowser.open(browser, "http://localhost:" + port);
  }

  @AfterEach
  void closeSession(TestInfo test) {
    try {
      tasklist.screenshot(SCREENSHOTS.resolve(getClass().getSimpleName() + "-"
          + test.getTestMethod().map(m -> m.getName()).orElse("test") + ".png"));
    } finally {
      tasklist.close();
    }
  }
}
