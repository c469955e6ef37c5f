package com.oversight.grievance;

import com.oversight.platform.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public reporting pages: report misuse ({@code /report}), then follow the report with the
 * receipt code ({@code /report/follow-up}). Server-rendered HTML that works without JavaScript,
 * cookies or a login. The receipt code travels only in POST bodies and in pages that are never
 * cached; nothing about the visitor (address, browser) is read, logged or stored here.
 */
@Controller
@RequestMapping("/report")
public class ReportPagesController {

  /** A choice of a radio group or select. */
  public record Choice(String value, String label) {}

  /** A problem with what the reporter sent; {@code field}: the id of the input at fault. */
  public record PageError(String field, String message) {}

  /** A message as the follow-up page shows it. */
  public record MessageView(String from, String kind, String sentAt, String text,
      List<String> attachments, boolean fromReporter) {}

  /** The follow-up page's view of a report. */
  public record StatusView(String statusText, String received, String acknowledged,
      String feedbackDue, String outcome, boolean closed, List<MessageView> messages) {}

  /** What the reporter typed: bound from the form, shown again after an error. */
  public static class ReportForm {
    private String category;
    private String description;
    private String country;
    private String customer;
    private boolean peopleAtRisk;
    private String contact;
    private boolean disclosureConsent;

    public String getCategory() {
      return category;
    }

    public void setCategory(String category) {
      this.category = category;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public String getCountry() {
      return country;
    }

    public void setCountry(String country) {
      this.country = country;
    }

    public String getCustomer() {
      return customer;
    }

    public void setCustomer(String customer) {
      this.customer = customer;
    }

    public boolean isPeopleAtRisk() {
      return peopleAtRisk;
    }

    public void setPeopleAtRisk(boolean peopleAtRisk) {
      this.peopleAtRisk = peopleAtRisk;
    }

    public String getContact() {
      return contact;
    }

    public void setContact(String contact) {
      this.contact = contact;
    }

    public boolean isDisclosureConsent() {
      return disclosureConsent;
    }

    public void setDisclosureConsent(boolean disclosureConsent) {
      this.disclosureConsent = disclosureConsent;
    }

    ReportSubmission toSubmission() {
      return new ReportSubmission(category, description, country, customer, peopleAtRisk,
          contact, disclosureConsent);
    }
  }

  static final String FORM = "report/form";
  static final String RECEIPT = "report/receipt";
  static final String CODE_FORM = "report/follow-up-code";
  static final String FOLLOW_UP = "report/follow-up";

  static final List<Choice> CATEGORIES = Arrays.stream(GrievanceCategory.values())
      .map(c -> new Choice(c.name(), c.label())).toList();
  static final List<Choice> COUNTRIES = Arrays.stream(Locale.getISOCountries())
      .map(code -> new Choice(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
      .sorted(Comparator.comparing(Choice::label))
      .toList();
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final ReportingService reporting;
  private final GrievanceSettings settings;

  public ReportPagesController(ReportingService reporting, GrievanceSettings settings) {
    this.reporting = reporting;
    this.settings = settings;
  }

  /** Every page here (and every error page) is never stored by a browser or a proxy. */
  @ModelAttribute
  void neverCached(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @GetMapping
  public ModelAndView reportForm() {
    return form(new ReportForm(), List.of(), HttpStatus.OK, settings);
  }

  @PostMapping
  public ModelAndView report(@ModelAttribute("report") ReportForm report, BindingResult binding,
      @RequestParam(name = "attachments", required = false) List<MultipartFile> attachments) {
    try {
      String code = reporting.submit(report.toSubmission(),
          PublicReportsController.uploads(attachments));
      ModelAndView receipt = new ModelAndView(RECEIPT, HttpStatus.OK);
      receipt.addObject("receiptCode", ReceiptCodes.formatted(code));
      return receipt;
    } catch (ApiProblem problem) {
      return form(report, errors(problem), problem.status(), settings);
    }
  }

  @GetMapping("/follow-up")
  public ModelAndView codeForm() {
    return codeForm(List.of(), HttpStatus.OK);
  }

  @PostMapping("/follow-up")
  public ModelAndView followUp(@RequestParam(name = "receiptCode", required = false)
      String receiptCode) {
    return followUp(receiptCode, null, List.of(), null);
  }

  @PostMapping("/follow-up/reply")
  public ModelAndView reply(@RequestParam(name = "receiptCode", required = false)
      String receiptCode, @RequestParam(name = "text", required = false) String text,
      @RequestParam(name = "attachments", required = false) List<MultipartFile> attachments) {
    try {
      reporting.reply(receiptCode, text, PublicReportsController.uploads(attachments));
    } catch (ApiProblem problem) {
      if (problem.status() == HttpStatus.NOT_FOUND
          || problem.status() == HttpStatus.TOO_MANY_REQUESTS
          || problem.errors().stream().anyMatch(e -> "receiptCode".equals(e.field()))) {
        return codeForm(errors(problem), problem.status());
      }
      ModelAndView again = followUp(receiptCode, null, errors(problem), text);
      if (again.getStatus() == null || again.getStatus().is2xxSuccessful()) {
        again.setStatus(problem.status());
      }
      return again;
    }
    return followUp(receiptCode, "Your message was sent. An investigator will read it.",
        List.of(), null);
  }

  /** The follow-up page for a code, or the code form again with what went wrong. */
  private ModelAndView followUp(String receiptCode, String confirmation, List<PageError> errors,
      String replyText) {
    ReportingService.ReporterView view;
    try {
      view = reporting.view(receiptCode);
    } catch (ApiProblem problem) {
      return codeForm(errors(problem), problem.status());
    }
    ModelAndView page = new ModelAndView(FOLLOW_UP, HttpStatus.OK);
    page.addObject("report", statusView(view));
    page.addObject("receiptCode", ReceiptCodes.formatted(ReceiptCodes.normalized(receiptCode)));
    page.addObject("confirmation", confirmation);
    withErrors(page, errors);
    page.addObject("replyText", replyText);
    limits(page, settings);
    return page;
  }

  private static ModelAndView codeForm(List<PageError> errors, HttpStatus status) {
    ModelAndView page = new ModelAndView(CODE_FORM, status);
    withErrors(page, errors);
    return page;
  }

  /** The report form with what was typed and what went wrong. */
  static ModelAndView form(ReportForm report, List<PageError> errors, HttpStatus status,
      GrievanceSettings settings) {
    ModelAndView page = new ModelAndView(FORM, status);
    page.addObject("report", report);
    withErrors(page, errors);
    page.addObject("categories", CATEGORIES);
    page.addObject("countries", COUNTRIES);
    limits(page, settings);
    return page;
  }

  /** The errors for the summary at the top, and each field's own message next to it. */
  static void withErrors(ModelAndView page, List<PageError> errors) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (PageError error : errors) {
      if (error.field() != null) {
        byField.merge(error.field(), error.message(), (a, b) -> a + " " + b);
      }
    }
    page.addObject("errors", errors);
    page.addObject("fieldErrors", byField);
  }

  private static void limits(ModelAndView page, GrievanceSettings settings) {
    page.addObject("maxAttachments", settings.maxAttachments());
    page.addObject("maxAttachmentMegabytes", settings.maxAttachmentSize().toMegabytes());
  }

  static StatusView statusView(ReportingService.ReporterView view) {
    List<MessageView> messages = view.messages().stream()
        .map(m -> new MessageView(m.from(), kindLabel(m.kind()), format(DAY_AND_TIME,
            m.sentAt()), m.text(), m.attachments(), "You".equals(m.from())))
        .toList();
    return new StatusView(view.statusText(), format(DAY, view.receivedAt()),
        format(DAY, view.acknowledgedAt()), format(DAY, view.feedbackDue()), view.outcome(),
        view.status() == GrievanceStatus.CLOSED || view.status() == GrievanceStatus.PURGED,
        messages);
  }

  private static String kindLabel(String kind) {
    return switch (kind) {
      case GrievanceMessage.ACKNOWLEDGMENT -> "Acknowledgment";
      case GrievanceMessage.FEEDBACK -> "Feedback";
      case GrievanceMessage.OUTCOME -> "Outcome";
      default -> "Message";
    };
  }

  private static String format(DateTimeFormatter format, Instant instant) {
    return instant == null ? null : format.format(instant);
  }

  /** The service's problems in plain language, each linked to its field where there is one. */
  static List<PageError> errors(ApiProblem problem) {
    List<PageError> errors = new ArrayList<>();
    for (ApiProblem.FieldError error : problem.errors()) {
      errors.add(plain(error.field(), error.problem()));
    }
    if (errors.isEmpty()) {
      errors.add(new PageError(null, problem.getMessage()));
    }
    return errors;
  }

  private static PageError plain(String field, String problem) {
    String text = problem == null ? "" : problem;
    if (field == null) {
      return new PageError(null, text);
    }
    if (field.startsWith("attachments[")) {
      int index = Integer.parseInt(field.replaceAll("\\D", "")) + 1;
      String what;
      if (text.startsWith("type ")) {
        what = "this type of file is not accepted. Send PDF, PNG, JPEG or plain-text files.";
      } else if (text.startsWith("its content is not")) {
        what = "its content does not match its type. Send PDF, PNG, JPEG or plain-text files.";
      } else {
        what = text + ".";
      }
      return new PageError("attachments", "File " + index + ": " + what);
    }
    return switch (field) {
      case "category" -> new PageError("category-" + CATEGORIES.get(0).value(),
          "Choose what your report is about.");
      case "description" -> new PageError("description", text.startsWith("must not be empty")
          ? "Describe what happened." : "Description: " + text + ".");
      case "country" -> new PageError("country", "Choose a country from the list.");
      case "customer" -> new PageError("customer", "Customer: " + text + ".");
      case "contact" -> new PageError("contact", "Contact: " + text + ".");
      case "attachments" -> new PageError("attachments", "Attachments: " + text + ".");
      case "text" -> new PageError("text", text.startsWith("must not be empty")
          ? "Write your message, or attach a file." : "Message: " + text + ".");
      case "receiptCode" -> new PageError("receiptCode", "Enter the " + ReceiptCodes.DIGITS
          + "-digit receipt code you were given. Spaces between the digits are fine.");
      default -> new PageError(null, field + ": " + text);
    };
  }
}
