package com.oversight.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.identity.Groups;
import com.oversight.platform.ApiProblem;
import com.oversight.platform.work.BackgroundWork;
import com.oversight.platform.work.WorkStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Draft transparency reports for the committee, reviewers and managers (signed in, session,
 * CSRF: identity.SecurityConfig): the list ({@code /reports}), a draft with its downloads, all
 * marked DRAFT ({@code /reports/drafts/{id}}), and, for the committee and managers, a form that
 * computes a draft as long work whose progress page ({@code /reports/work/{id}}) can be left
 * and come back to.
 */
@Controller
@RequestMapping("/reports")
public class DraftReportPages {

  /** A problem with a form field, shown next to it and in the summary. */
  public record FieldProblem(String field, String message) {}

  private final TransparencyService service;
  private final TransparencyReportWork reportWork;
  private final BackgroundWork work;
  private final ReportResponses responses;
  private final ObjectMapper json;

  public DraftReportPages(TransparencyService service, TransparencyReportWork reportWork,
      BackgroundWork work, ReportResponses responses, ObjectMapper json) {
    this.service = service;
    this.reportWork = reportWork;
    this.work = work;
    this.responses = responses;
    this.json = json;
  }

  @GetMapping({"", "/"})
  public ModelAndView list(Authentication caller) {
    return listPage(caller, "", "", List.of(), HttpStatus.OK);
  }

  @PostMapping("/drafts")
  public ModelAndView request(@RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to, Authentication caller) throws Exception {
    if (!mayDraft(caller)) {
      throw new AccessDeniedException("Only the committee and managers draft a report");
    }
    List<FieldProblem> errors = new ArrayList<>();
    LocalDate start = date("from", from, errors);
    LocalDate end = date("to", to, errors);
    if (errors.isEmpty()) {
      try {
        TransparencyReportWork.Accepted accepted =
            reportWork.submit(work, start, end, caller.getName());
        return new ModelAndView("redirect:/reports/work/" + accepted.workId());
      } catch (ApiProblem problem) {
        problem.errors().forEach(e -> errors.add(new FieldProblem(e.field(),
            e.field() + ": " + e.problem())));
      }
    }
    return listPage(caller, from, to, errors, HttpStatus.BAD_REQUEST);
  }

  @GetMapping("/work/{id}")
  public ModelAndView progress(@PathVariable String id, Authentication caller) {
    WorkStatus status;
    try {
      status = work.status(id, caller.getName(), groups(caller));
    } catch (ApiProblem notFound) {
      return TransparencyPages.notFound();
    }
    if (!TransparencyReportWork.KIND.equals(status.kind())) {
      return TransparencyPages.notFound();
    }
    ModelAndView page = new ModelAndView("transparency/work");
    page.addObject("work", status);
    page.addObject("draftPath", WorkStatus.DONE.equals(status.status())
        ? TransparencyService.DRAFTS_PATH + draftId(status.result()) : null);
    return page;
  }

  @GetMapping("/drafts/{id}")
  public ModelAndView draft(@PathVariable String id) {
    return service.draftDocument(id).map(document -> {
      ModelAndView page = new ModelAndView("transparency/report");
      page.addObject("view", ReportView.of(document));
      page.addObject("base", TransparencyService.DRAFTS_PATH + id);
      page.addObject("staff", true);
      return page;
    }).orElseGet(TransparencyPages::notFound);
  }

  @GetMapping("/drafts/{id}/report.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String id) {
    return service.draftDocument(id).map(d -> responses.pdf(service.pdf(d), fileName(id)))
        .orElseGet(ReportResponses::notFound);
  }

  @GetMapping("/drafts/{id}/report.json")
  public ResponseEntity<byte[]> json(@PathVariable String id) {
    return service.draftDocument(id).map(d -> responses.json(d, fileName(id)))
        .orElseGet(ReportResponses::notFound);
  }

  @GetMapping("/drafts/{id}/report.csv")
  public ResponseEntity<byte[]> csv(@PathVariable String id) {
    return service.draftDocument(id).map(d -> responses.csv(d, fileName(id)))
        .orElseGet(ReportResponses::notFound);
  }

  @GetMapping("/drafts/{id}/charts/{name}.png")
  public ResponseEntity<byte[]> chart(@PathVariable String id, @PathVariable String name) {
    return service.draftDocument(id).map(d -> responses.chart(d, name))
        .orElseGet(ReportResponses::notFound);
  }

  private ModelAndView listPage(Authentication caller, String from, String to,
      List<FieldProblem> errors, HttpStatus status) {
    ModelAndView page = new ModelAndView("transparency/drafts");
    page.addObject("drafts", service.drafts());
    page.addObject("published", service.published());
    page.addObject("mayDraft", mayDraft(caller));
    page.addObject("from", from);
    page.addObject("to", to);
    page.addObject("errors", errors);
    page.addObject("errorFields", errors.stream().map(FieldProblem::field).toList());
    page.addObject("user", caller.getName());
    page.setStatus(status);
    return page;
  }

  private static LocalDate date(String field, String text, List<FieldProblem> errors) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldProblem(field, field + ": enter a date, for example 2026-01-01"));
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldProblem(field, field + ": enter the date as YYYY-MM-DD, for example"
          + " 2026-01-01"));
      return null;
    }
  }

  private String draftId(String result) {
    try {
      return json.readValue(result, TransparencyReportWork.Result.class).draftId();
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable result of transparency-report work", e);
    }
  }

  static boolean mayDraft(Authentication caller) {
    Collection<String> groups = groups(caller);
    return groups.contains(Groups.GRC_COMMITTEE) || groups.contains(Groups.MANAGERS);
  }

  private static List<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList();
  }

  static String fileName(String draftId) {
    return "transparency-report-DRAFT-" + draftId;
  }
}
