package com.oversight.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The machine's Chromium (Debian's {@code chromium} package), driven by Playwright for Java.
 * Playwright never downloads a browser here: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} is set by
 * Maven (surefire) and again for the Playwright driver it starts. Another Chromium can be chosen
 * with the system property or environment variable {@code OVERSIGHT_CHROMIUM}.
 */
public final class Chromium {

  public static final String EXECUTABLE_SETTING = "OVERSIGHT_CHROMIUM";
  static final String DEFAULT_EXECUTABLE = "/usr/bin/chromium";

  /** Flags that work headless, as root, in containers and without network access. */
  static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run");

  private Chromium() {}

  /** The Chromium to launch; fails with a clear message when it is not installed. */
  public static Path executable() {
    String configured = System.getProperty(EXECUTABLE_SETTING, System.getenv(EXECUTABLE_SETTING));
    Path path = Paths.get(configured == null || configured.isBlank()
        ? DEFAULT_EXECUTABLE : configured);
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException("The browser tests need Chromium at " + path
          + ": install Debian's chromium (apt-get install chromium) or set "
          + EXECUTABLE_SETTING + " to a Chromium executable");
    }
    return path;
  }

  /** Starts Playwright without any browser download. */
  public static Playwright playwright() {
    return Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  /** Launches the machine's Chromium, headless. */
  public static Browser launch(Playwright playwright) {
    return playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(executable())
        .setHeadless(true)
        .setArgs(ARGS));
  }
}
