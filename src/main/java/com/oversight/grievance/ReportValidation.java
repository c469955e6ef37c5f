package com.oversight.grievance;

import com.oversight.platform.ApiProblem;
import com.oversight.platform.ApiProblem.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Checks what a reporter sends before anything is stored: every problem is named by its field in
 * one 400 (or 413 for files over the limit). Attachments are checked by their content, not only by
 * the type the browser claims.
 */
final class ReportValidation {

  static final int MAX_DESCRIPTION = 20_000;
  static final int MAX_MESSAGE = 20_000;
  static final int MAX_SHORT = 300;
  static final int MAX_NAME = 200;
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final GrievanceSettings settings;

  ReportValidation(GrievanceSettings settings) {
    this.settings = settings;
  }

  GrievanceCategory check(ReportSubmission report, List<Upload> uploads) {
    List<FieldError> errors = new ArrayList<>();
    GrievanceCategory category = null;
    if (report == null) {
      throw ApiProblem.badField("report", "is missing");
    }
    if (blank(report.category())) {
      errors.add(error("category", "choose what happened", null));
    } else {
      try {
        category = GrievanceCategory.valueOf(report.category().trim());
      } catch (IllegalArgumentException e) {
        errors.add(error("category", "must be one of " + List.of(GrievanceCategory.values()),
            report.category()));
      }
    }
    text(errors, "description", report.description(), MAX_DESCRIPTION, true);
    text(errors, "customer", report.customer(), MAX_SHORT, false);
    text(errors, "contact", report.contact(), MAX_SHORT, false);
    if (!blank(report.country())
        && !COUNTRIES.contains(report.country().trim().toUpperCase(Locale.ROOT))) {
      errors.add(error("country", "must be an ISO 3166-1 alpha-2 code such as MX", null));
    }
    files(errors, uploads);
    if (!errors.isEmpty()) {
      throw problem(errors);
    }
    return category;
  }

  void checkMessage(String text, List<Upload> uploads) {
    List<FieldError> errors = new ArrayList<>();
    text(errors, "text", text, MAX_MESSAGE, uploads == null || uploads.isEmpty());
    files(errors, uploads);
    if (!errors.isEmpty()) {
      throw problem(errors);
    }
  }

  private void files(List<FieldError> errors, List<Upload> uploads) {
    if (uploads == null) {
      return;
    }
    if (uploads.size() > settings.maxAttachments()) {
      errors.add(error("attachments", "at most " + settings.maxAttachments() + " files", null));
      return;
    }
    for (int i = 0; i < uploads.size(); i++) {
      Upload upload = uploads.get(i);
      String field = "attachments[" + i + "]";
      if (upload.data().length == 0) {
        errors.add(error(field, "is empty", null));
      } else if (upload.data().length > settings.maxAttachmentSize().toBytes()) {
        throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, field + ": larger than "
            + settings.maxAttachmentSize().toMegabytes() + " MB",
            List.of(error(field, "larger than " + settings.maxAttachmentSize().toMegabytes()
                + " MB", null)));
      } else if (!settings.attachmentTypes().contains(upload.contentType())) {
        errors.add(error(field, "type " + upload.contentType() + " not accepted; accepted: "
            + settings.attachmentTypes(), null));
      } else if (!contentMatches(upload)) {
        errors.add(error(field, "its content is not " + upload.contentType(), null));
      } else if (upload.name() != null && upload.name().length() > MAX_NAME) {
        errors.add(error(field, "file name longer than " + MAX_NAME + " characters", null));
      }
    }
  }

  static boolean contentMatches(Upload upload) {
    byte[] d = upload.data();
    return switch (upload.contentType()) {
      case "application/pdf" -> startsWith(d, new byte[] {'%', 'P', 'D', 'F', '-'});
      case "image/png" -> startsWith(d, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
      case "image/jpeg" -> startsWith(d, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
      case "text/plain" -> isUtf8Text(d);
      default -> false;
    };
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUtf8Text(byte[] data) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data)).toString();
      return text.indexOf('\0') < 0;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static void text(List<FieldError> errors, String field, String value, int max,
      boolean required) {
    if (blank(value)) {
      if (required) {
        errors.add(error(field, "must not be empty", null));
      }
    } else if (value.length() > max) {
      errors.add(error(field, "longer than " + max + " characters", null));
    } else if (value.indexOf('\0') >= 0) {
      errors.add(error(field, "contains a NUL character", null));
    } else if (unpairedSurrogate(value)) {
      errors.add(error(field, UNPAIRED_SURROGATE, null));
    }
  }

  static final String UNPAIRED_SURROGATE = "contains an invalid character (an unpaired UTF-16"
      + " surrogate, which cannot be stored)";

  /** Half of a UTF-16 surrogate pair alone: no character, and UTF-8 cannot store it. */
  static boolean unpairedSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static FieldError error(String field, String problem, String value) {
    return new FieldError(field, problem, null, value == null || value.length() > 60
        ? null : value);
  }

  private static ApiProblem problem(List<FieldError> errors) {
    String summary = errors.stream().map(e -> e.field() + ": " + e.problem())
        .reduce((a, b) -> a + "; " + b).orElse("invalid report");
    return new ApiProblem(HttpStatus.BAD_REQUEST, summary, errors);
  }
}
