package com.oversight.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a notification template {@code classpath:notifications/<name>.txt}: the first line is
 * {@code Subject: ...}, the rest is the plain-text body (one blank line after the subject is
 * dropped). Every {@code ${name}} placeholder is replaced by {@code String.valueOf} of the value
 * of that name (dates as {@code yyyy-MM-dd HH:mm UTC}); a name with no value (absent or null) renders as {@value #UNKNOWN} and is logged,
 * so a typo in a template shows in the email instead of vanishing silently. Nothing else is
 * interpreted: no expressions, no method calls.
 */
@Component
public class TemplateRenderer {

  /** What a placeholder without a value renders as. */
  public static final String UNKNOWN = "[unknown]";
  static final String FOLDER = "notifications/";
  private static final String SUBJECT_PREFIX = "Subject:";
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
  private static final Logger LOG = LoggerFactory.getLogger(TemplateRenderer.class);

  /**
   * @throws NotificationException if the name is not a template name (lower-case words joined by
   *     hyphens), the template does not exist or has no subject line
   */
  public RenderedMessage render(String templateName, Map<String, ?> values) {
    return render(templateName, (Function<String, Object>) values::get);
  }

  /**
   * As {@link #render(String, Map)}, reading only the values the template names.
   *
   * @param values the value of a placeholder name, or null if it has none
   */
  public RenderedMessage render(String templateName, Function<String, Object> values) {
    String template = load(templateName);
    int endOfFirstLine = template.indexOf('\n');
    String firstLine = endOfFirstLine < 0 ? template : template.substring(0, endOfFirstLine);
    if (!firstLine.startsWith(SUBJECT_PREFIX)) {
      throw new NotificationException("Notification template '" + templateName
          + "' must start with a line 'Subject: ...' (" + location(templateName) + ")");
    }
    String body = endOfFirstLine < 0 ? "" : template.substring(endOfFirstLine + 1);
    if (body.startsWith("\n")) {
      body = body.substring(1);
    }
    String subject = fill(templateName, firstLine.substring(SUBJECT_PREFIX.length()).trim(), values);
    // a value with a line break must not break out of the Subject header
    return new RenderedMessage(subject.replaceAll("[\\r\\n]+", " "), fill(templateName, body, values));
  }

  private String load(String templateName) {
    if (templateName == null || !NAME.matcher(templateName).matches()) {
      throw new NotificationException("'" + templateName + "' is not a notification template name: "
          + "use lower-case words joined by hyphens, e.g. case-update for "
          + location("case-update"));
    }
    ClassPathResource resource = new ClassPathResource(location(templateName));
    if (!resource.exists()) {
      throw new NotificationException("Notification template '" + templateName
          + "' not found: expected " + location(templateName) + " on the class path "
          + "(src/main/resources/" + FOLDER + templateName + ".txt)");
    }
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + location(templateName), e);
    }
  }

  private static String fill(String templateName, String text, Function<String, Object> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      Object value = values.apply(name);
      if (value == null) {
        LOG.warn("Notification template '{}': placeholder {} has no value, rendered as {}",
            templateName, "${" + name + "}", UNKNOWN);
      }
      matcher.appendReplacement(out,
          Matcher.quoteReplacement(value == null ? UNKNOWN : text(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String location(String templateName) {
    return FOLDER + templateName + ".txt";
  }

  /** Dates (deadlines) as "2026-12-07 08:00 UTC"; everything else as {@code String.valueOf}. */
  private static String text(Object value) {
    if (value instanceof java.util.Date date) {
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
          .withZone(java.time.ZoneOffset.UTC).format(date.toInstant());
    }
    return String.valueOf(value);
  }
}
