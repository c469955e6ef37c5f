package com.oversight.browser;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the browser tests: Oversight on a random port (profile "test": in-memory H2, job
 * executor off, demo users) and a fresh headless Chromium per test, opened on Tasklist. After each
 * test the page is saved to {@code target/browser-screenshots/<class>-<test>.png}, which shows
 * where a failing test stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class BrowserTestSupport {

  protected static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");

  @LocalServerPort
  private int port;

  protected TasklistBrowser tasklist;

  @BeforeEach
  void openBrowser() {
    tasklist = TasklistBrowser.open("http://localhost:" + port);
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    try {
      tasklist.screenshot(SCREENSHOTS.resolve(getClass().getSimpleName() + "-"
          + test.getTestMethod().map(m -> m.getName()).orElse("test") + ".png"));
    } finally {
      tasklist.close();
    }
  }
}
