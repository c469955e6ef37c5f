package com.oversight.review;

import com.oversight.identity.Groups;
import com.oversight.platform.ApiProblem;
import com.oversight.platform.work.WorkStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.oversight.risk.RiskTier;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The decision-impact page ({@code /review/decision-impact}, compliance and the committee; the
 * staff chain of identity.SecurityConfig gives sign-in, session and CSRF): upload a candidate
 * {@code human-rights-risk.dmn}, choose the period, follow the replay's progress (the page
 * reloads itself with {@code <meta http-equiv="refresh">}, no script), read the result, and come
 * back to earlier runs.
 */
@Controller
@RequestMapping("/review/decision-impact")
public class DecisionImpactPages {

  /** A problem shown at the top of the form, linked to its field. */
  public record FieldMessage(String field, String message) {}

  /** A run in the list of the user's runs. */
  public record RunView(String id, String status, String started, String period,
      Integer percent, String message) {}

  /** A row of a transition table: the current value and the count per candidate value. */
  public record TransitionRow(String current, List<Cell> cells) {}

  /** A cell of a transition table; {@code changed} when the candidate differs and count > 0. */
  public record Cell(int count, boolean changed) {}

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
      Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final DecisionImpacts impacts;

  public DecisionImpactPages(DecisionImpacts impacts) {
    this.impacts = impacts;
  }

  @GetMapping
  public String form(Model model, Authentication caller) {
    requireReplayer(caller);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return formPage(model, caller, today.minusYears(1).withDayOfYear(1).toString(),
        today.withDayOfYear(1).toString(), List.of());
  }

  @PostMapping
  public ModelAndView start(@RequestParam(name = "dmnFile", required = false) MultipartFile file,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to, Model model,
      Authentication caller) throws IOException {
    requireReplayer(caller);
    String xml = file == null || file.isEmpty() ? null
        : new String(file.getBytes(), StandardCharsets.UTF_8);
    try {
      String id = impacts.start(xml, from, to, caller.getName());
      return new ModelAndView("redirect:/review/decision-impact/" + id);
    } catch (ApiProblem problem) {
      List<FieldMessage> errors = problem.errors().stream().map(e -> new FieldMessage(
          CandidateDecisions.FIELD.equals(e.field()) ? "dmnFile" : e.field(),
          (CandidateDecisions.FIELD.equals(e.field()) ? "Candidate DMN file" : e.field())
              + ": " + e.problem())).toList();
      ModelAndView page = new ModelAndView(formPage(model, caller, from, to, errors),
          model.asMap());
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    }
  }

  @GetMapping("/{id}")
  public ModelAndView run(@PathVariable String id, Authentication caller) {
    requireReplayer(caller);
    WorkStatus status;
    try {
      status = impacts.status(id, caller.getName(), groups(caller));
    } catch (ApiProblem notFound) {
      ModelAndView page = new ModelAndView("review/not-found");
      page.addObject("message", "There is no decision-impact run " + id + " that you may see.");
      page.setStatus(HttpStatus.NOT_FOUND);
      return page;
    }
    ModelAndView page = new ModelAndView("review/decision-impact-run");
    page.addObject("run", view(status));
    page.addObject("finished", status.finished());
    page.addObject("failed", WorkStatus.FAILED.equals(status.status()));
    DecisionImpactResult result = impacts.result(status).orElse(null);
    page.addObject("result", result);
    page.addObject("tiers", RiskTier.values());
    page.addObject("routes", Route.values());
    if (result != null) {
      page.addObject("tierRows", rows(RiskTier.values(), result.tierTransitions()));
      page.addObject("routeRows", rows(Route.values(), result.routeTransitions()));
    }
    return page;
  }

  private String formPage(Model model, Authentication caller, String from, String to,
      List<FieldMessage> errors) {
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("errors", errors);
    model.addAttribute("runs", impacts.startedBy(caller.getName()).stream().map(this::view)
        .toList());
    model.addAttribute("user", caller.getName());
    return "review/decision-impact";
  }

  private RunView view(WorkStatus w) {
    DecisionImpactWork.Input input = impacts.input(w.id()).orElse(null);
    return new RunView(w.id(), w.status(), WHEN.format(w.createdAt()),
        input == null ? "" : input.from() + " to " + input.to(), w.percent(), w.message());
  }

  private static <E extends Enum<E>> List<TransitionRow> rows(E[] values,
      Map<E, Map<E, Integer>> transitions) {
    return Arrays.stream(values).map(current -> new TransitionRow(current.name(),
        Arrays.stream(values).map(next -> {
          int count = transitions.getOrDefault(current, Map.of()).getOrDefault(next, 0);
          return new Cell(count, current != next && count > 0);
        }).toList())).toList();
  }

  /**
   * The decision impact is for compliance and the committee (as its API): the other groups of
   * the review's pages (reviewers) get the 403 page.
   */
  static void requireReplayer(Authentication caller) {
    List<String> groups = groups(caller);
    if (!groups.contains(Groups.COMPLIANCE) && !groups.contains(Groups.GRC_COMMITTEE)) {
      throw new AccessDeniedException("The decision impact is for compliance and the committee");
    }
  }

  /** The caller's groups, from their {@code ROLE_<group>} authorities. */
  static List<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
  }
}
