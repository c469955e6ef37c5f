package com.oversight.grievance;

import com.oversight.grievance.CaseworkService.CaseFile;
import com.oversight.grievance.GrievanceMessage.AttachmentInfo;
import com.oversight.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The investigators' case pages: the reports they may open ({@code /casework/grievances}) and a
 * report's case page ({@code /casework/grievances/{reference}}), where they read the report,
 * write to the reporter, record the persons the report names and set a legal hold. Sign-in,
 * session and CSRF tokens: identity.SecurityConfig; who may see which case:
 * {@link CaseworkService}, which refuses excluded users whatever asks.
 */
@Controller
@RequestMapping("/casework")
public class CaseworkPagesController {

  /** A user who may be recorded as named in a report. */
  public record UserChoice(String id, String label) {}

  /** An attachment as the case page lists it. */
  public record FileView(String id, String name, String contentType, String size) {}

  /** A message as the case page shows it. */
  public record MessageView(String from, String kind, String sentAt, String text,
      List<FileView> attachments, boolean fromReporter) {}

  /** A row of the list of reports. */
  public record StageView(String reference, String status, String received,
      String acknowledgmentDue, String acknowledged, boolean acknowledgmentBreached,
      String feedbackDue, String feedbackGiven, boolean feedbackBreached, boolean legalHold) {}

  static final String LIST = "casework/list";
  static final String CASE = "casework/case";
  static final String REFUSED = "casework/refused";
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final CaseworkService casework;
  private final IdentityService identity;

  public CaseworkPagesController(CaseworkService casework, IdentityService identity) {
    this.casework = casework;
    this.identity = identity;
  }

  @GetMapping({"", "/"})
  public String home() {
    return "redirect:/casework/grievances";
  }

  @GetMapping("/grievances")
  public ModelAndView list(Principal user) {
    ModelAndView page = new ModelAndView(LIST);
    page.addObject("stages", casework.stagesFor(user.getName()).stream()
        .map(s -> new StageView(s.reference(), s.status().name(), format(s.receivedAt()),
            format(s.acknowledgmentDue()), format(s.acknowledgedAt()),
            s.acknowledgmentBreached(), format(s.feedbackDue()), format(s.feedbackGivenAt()),
            s.feedbackBreached(), s.legalHold()))
        .toList());
    page.addObject("user", user.getName());
    return page;
  }

  @GetMapping("/grievances/{reference}")
  public ModelAndView casePage(@PathVariable String reference, Principal user) {
    return casePage(reference, user.getName(), HttpStatus.OK, null, null, null);
  }

  @GetMapping("/grievances/{reference}/attachments/{attachmentId}")
  public ResponseEntity<byte[]> attachment(@PathVariable String reference,
      @PathVariable String attachmentId, Principal user) {
    CaseworkService.AttachmentFile file =
        casework.attachment(reference, attachmentId, user.getName());
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.name(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.parseMediaType(file.contentType()))
        .body(file.data());
  }

  @PostMapping("/grievances/{reference}/messages")
  public ModelAndView message(@PathVariable String reference,
      @RequestParam(name = "text", required = false) String text,
      @RequestParam(name = "feedback", defaultValue = "false") boolean feedback, Principal user,
      RedirectAttributes redirect) {
    try {
      casework.sendMessage(reference, user.getName(), text, feedback);
    } catch (ApiProblem problem) {
      return refusedOr(problem, () -> casePage(reference, user.getName(), problem.status(),
          problem, text, null));
    }
    redirect.addFlashAttribute("notice", feedback
        ? "Your message was sent to the reporter and counts as feedback."
        : "Your message was sent to the reporter.");
    return backTo(reference);
  }

  @PostMapping("/grievances/{reference}/named-persons")
  public ModelAndView namedPerson(@PathVariable String reference,
      @RequestParam(name = "userId", required = false) String userId, Principal user,
      RedirectAttributes redirect) {
    try {
      casework.recordNamedPerson(reference, userId, user.getName());
    } catch (ApiProblem problem) {
      return refusedOr(problem, () -> casePage(reference, user.getName(), problem.status(),
          problem, null, null));
    }
    if (user.getName().equals(userId == null ? null : userId.trim())) {
      redirect.addFlashAttribute("notice", "You recorded yourself as named in " + reference
          + ": you no longer have access to it. Another investigator will handle it.");
      return new ModelAndView("redirect:/casework/grievances");
    }
    redirect.addFlashAttribute("notice", userId.trim() + " is recorded as named in the report"
        + " and has lost access to it.");
    return backTo(reference);
  }

  @PostMapping("/grievances/{reference}/legal-hold")
  public ModelAndView legalHold(@PathVariable String reference,
      @RequestParam(name = "hold", defaultValue = "false") boolean hold,
      @RequestParam(name = "reason", required = false) String reason, Principal user,
      RedirectAttributes redirect) {
    try {
      casework.legalHold(reference, hold, reason, user.getName());
    } catch (ApiProblem problem) {
      return refusedOr(problem, () -> casePage(reference, user.getName(), problem.status(),
          problem, null, reason));
    }
    redirect.addFlashAttribute("notice", hold ? "The report is under legal hold: it will not be"
        + " deleted at the end of its retention period." : "The legal hold is lifted.");
    return backTo(reference);
  }

  /** A refusal from the service outside the forms (a download, say) as a page, not JSON. */
  @ExceptionHandler(ApiProblem.class)
  public ModelAndView refusal(ApiProblem problem) {
    return refused(problem.status(), problem.getMessage());
  }

  /** Where Spring Security forwards users whose groups do not allow the case pages. */
  @RequestMapping("/forbidden")
  public ModelAndView forbidden(HttpServletRequest request) {
    if (request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException) {
      ModelAndView page = refused(HttpStatus.FORBIDDEN, "The form could not be accepted: your"
          + " session has expired or the page was out of date. Open the case page again and"
          + " repeat what you did.");
      page.addObject("explainAccess", false);
      return page;
    }
    return refused(HttpStatus.FORBIDDEN, "Only investigators may open grievance case pages.");
  }

  private ModelAndView casePage(String reference, String userId, HttpStatus status,
      ApiProblem problem, String messageText, String holdReason) {
    CaseFile file;
    try {
      file = casework.open(reference, userId);
    } catch (ApiProblem refused) {
      return refused(refused.status(), refused.getMessage());
    }
    Grievance g = file.grievance();
    ModelAndView page = new ModelAndView(CASE, status);
    page.addObject("g", g);
    page.addObject("content", file.content());
    page.addObject("received", format(g.receivedAt()));
    page.addObject("acknowledgmentDue", format(g.acknowledgmentDue()));
    page.addObject("acknowledged", format(g.acknowledgedAt()));
    page.addObject("feedbackDue", format(g.feedbackDue()));
    page.addObject("feedbackGiven", format(g.feedbackGivenAt()));
    page.addObject("closed", format(g.closedAt()));
    page.addObject("categoryLabel", g.category().label());
    page.addObject("countryName", file.content() == null || file.content().country() == null
        ? null : new Locale("", file.content().country()).getDisplayCountry(Locale.ENGLISH)
            + " (" + file.content().country() + ")");
    page.addObject("reportFiles", file.reportAttachments().stream()
        .map(CaseworkPagesController::fileView).toList());
    page.addObject("messages", file.messages().stream()
        .map(m -> new MessageView(GrievanceMessage.REPORTER.equals(m.authorRole()) ? "Reporter"
            : m.author() == null ? "Oversight (automatic)" : m.author(), m.kind(),
            format(m.sentAt()), m.text(), m.attachments().stream()
                .map(CaseworkPagesController::fileView).toList(),
            GrievanceMessage.REPORTER.equals(m.authorRole())))
        .toList());
    page.addObject("excludedUsers", file.excludedUsers());
    page.addObject("users", identity.createUserQuery().orderByUserId().asc().list().stream()
        .filter(u -> !file.excludedUsers().contains(u.getId()))
        .map(CaseworkPagesController::userChoice).toList());
    page.addObject("me", userId);
    page.addObject("error", problem == null ? null : problemText(problem));
    page.addObject("messageText", messageText);
    page.addObject("holdReason", holdReason);
    return page;
  }

  private static String problemText(ApiProblem problem) {
    if (problem.errors().isEmpty()) {
      return problem.getMessage();
    }
    return switch (problem.errors().get(0).field()) {
      case "text" -> "Write a message before sending it ("
          + problem.errors().get(0).problem() + ").";
      case "userId" -> "Choose the person the report names from the list.";
      case "reason" -> "Give the reason for the legal hold.";
      default -> problem.getMessage();
    };
  }

  private ModelAndView refusedOr(ApiProblem problem,
      java.util.function.Supplier<ModelAndView> otherwise) {
    if (problem.status() == HttpStatus.FORBIDDEN || problem.status() == HttpStatus.NOT_FOUND) {
      return refused(problem.status(), problem.getMessage());
    }
    return otherwise.get();
  }

  private static ModelAndView refused(HttpStatus status, String message) {
    ModelAndView page = new ModelAndView(REFUSED, status);
    page.addObject("title", status == HttpStatus.NOT_FOUND ? "Report not found"
        : "You cannot open this page");
    page.addObject("message", message);
    page.addObject("explainAccess", status == HttpStatus.FORBIDDEN);
    return page;
  }

  private static ModelAndView backTo(String reference) {
    return new ModelAndView("redirect:/casework/grievances/"
        + UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8));
  }

  private static FileView fileView(AttachmentInfo a) {
    return new FileView(a.id(), a.name(), a.contentType(), a.sizeBytes() < 1024
        ? a.sizeBytes() + " bytes" : a.sizeBytes() < 1024 * 1024
            ? (a.sizeBytes() / 1024) + " KB"
            : String.format(Locale.ENGLISH, "%.1f MB", a.sizeBytes() / (1024.0 * 1024)));
  }

  private static UserChoice userChoice(User u) {
    String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
        + (u.getLastName() == null ? "" : u.getLastName())).trim();
    return new UserChoice(u.getId(), name.isEmpty() ? u.getId() : name + " (" + u.getId() + ")");
  }

  private static String format(Instant instant) {
    return instant == null ? null : DAY_AND_TIME.format(instant);
  }
}
