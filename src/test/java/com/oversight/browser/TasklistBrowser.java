package com.oversight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Camunda Tasklist in a headless Chromium, as a user works in it: sign in, pick a filter, start a
 * process, open a task, claim it, fill its Camunda Form, complete it. Every step waits for what
 * it needs (Playwright's auto-waiting locators and web-first assertions); nothing sleeps.
 *
 * <pre>{@code
 * try (Playwright playwright = Chromium.playwright();
 *     TasklistBrowser tasklist = TasklistBrowser.open(Chromium.launch(playwright), baseUrl)) {
 *   tasklist.login("carl", "demo");
 *   tasklist.openFilter("Due diligence").openTask("Update country data").claim();
 *   tasklist.fillField("What did you update?", "...").complete();
 * }
 * }</pre>
 */
public final class TasklistBrowser implements AutoCloseable {

  /** Long enough for a cold Tasklist on a busy CI machine, short enough to fail fast. */
  static final double TIMEOUT_MS = 30_000;

  private final BrowserContext context;
  private final Page page;
  private final String baseUrl;

  private TasklistBrowser(Browser browser, String baseUrl) {
    PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    this.baseUrl = baseUrl;
    this.context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(1280, 800).setLocale("en-US"));
    context.setDefaultTimeout(TIMEOUT_MS);
    this.page = context.newPage();
  }

  /**
   * A fresh session (own cookies, no one signed in) in {@code browser} on the Oversight instance
   * at {@code baseUrl}. Closing it closes the session, not the browser.
   */
  public static TasklistBrowser open(Browser browser, String baseUrl) {
    return new TasklistBrowser(browser, baseUrl);
  }

  /** The Playwright page, for checks this helper does not offer. */
  public Page page() {
    return page;
  }

  /** Opens Tasklist's login page. */
  public TasklistBrowser openLogin() {
    page.navigate(baseUrl + "/camunda/app/tasklist/default/");
    assertThat(page.locator("input[placeholder=\"Username\"]")).isVisible();
    // the login form is re-rendered while Tasklist boots: let it settle before typing
    page.waitForLoadState(LoadState.NETWORKIDLE);
    return this;
  }

  /** Signs in and waits for Tasklist's filter list. */
  public TasklistBrowser login(String user, String password) {
    openLogin();
    Locator userField = page.locator("input[placeholder=\"Username\"]");
    Locator passwordField = page.locator("input[type=\"password\"]");
    // on a busy machine a keystroke can land in the wrong field: type until both hold their value
    for (int attempt = 0; attempt < 3; attempt++) {
      userField.fill(user);
      passwordField.fill(password);
      if (user.equals(userField.inputValue()) && password.equals(passwordField.inputValue())) {
        break;
      }
    }
    assertThat(userField).hasValue(user);
    assertThat(passwordField).hasValue(password);
    page.locator("button[type=\"submit\"]").click();
    assertThat(filters()).not().hasCount(0);
    return this;
  }

  /** The saved filters listed on the left, in Tasklist's order. */
  public Locator filters() {
    return page.locator(".task-filter");
  }

  /** Selects the saved filter with this name and waits for its task list. */
  public TasklistBrowser openFilter(String name) {
    Locator filter = filters().filter(new Locator.FilterOptions().setHasText(name)).first();
    filter.locator("h4.name a").click();
    assertThat(filter).hasClass(Pattern.compile("\\bactive\\b"));
    return this;
  }

  /** Reloads the page (for example after the engine created tasks in the background). */
  public TasklistBrowser reload() {
    page.reload();
    assertThat(filters()).not().hasCount(0);
    return this;
  }

  /** Starts a process from "Start process" with Tasklist's generic start form. */
  public TasklistBrowser startProcess(String processName) {
    page.getByText("Start process", new Page.GetByTextOptions().setExact(true)).first().click();
    Locator dialog = page.locator(".modal-dialog");
    dialog.getByText(processName, new Locator.GetByTextOptions().setExact(true)).click();
    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start")).click();
    assertThat(page.locator(".modal-dialog")).hasCount(0);
    return this;
  }

  /** The tasks listed for the selected filter. */
  public Locator tasks() {
    return page.locator(".tasks-list > li.task");
  }

  /** Opens the first listed task with this name and waits for its form. */
  public TasklistBrowser openTask(String taskName) {
    tasks().filter(new Locator.FilterOptions().setHasText(taskName)).first()
        .locator("h4.task a").click();
    assertThat(page.locator(".task-details")).containsText(taskName);
    assertThat(form()).isVisible();
    return this;
  }

  /** The opened task's Camunda Form (form-js). */
  public Locator form() {
    return page.locator(".fjs-container");
  }

  /** The form field with this label (or the start of it). */
  public Locator field(String label) {
    return form().getByLabel(label);
  }

  /** Claims the opened task: Tasklist's forms are editable only by the assignee. */
  public TasklistBrowser claim() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim")).click();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")))
        .isEnabled();
    return this;
  }

  /** Types into the form field with this label. */
  public TasklistBrowser fillField(String label, String value) {
    field(label).fill(value);
    return this;
  }

  /** Completes the opened task and waits until Tasklist has closed it. */
  public TasklistBrowser complete() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
    assertThat(form()).hasCount(0);
    return this;
  }

  /**
   * A pattern that finds {@code text} literally: Playwright evaluates patterns as JavaScript
   * regular expressions, which know no {@code \Q...\E} quoting.
   */
  public static Pattern literally(String text) {
    return Pattern.compile(text.replaceAll("[\\\\^$.|?*+()\\[\\]{}/]", "\\\\$0"));
  }

  /** Saves a screenshot of the whole page. */
  public TasklistBrowser screenshot(Path file) {
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return this;
  }

  @Override
  public void close() {
    context.close();
  }
}
