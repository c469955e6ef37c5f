package com.oversight.transparency;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public transparency pages, without signing in, cookies or scripts (identity.SecurityConfig):
 * the published reports ({@code /transparency}) and each version with its downloads
 * ({@code /transparency/{version}}, {@code .../report.pdf|json|csv}, its charts). Drafts are
 * never reachable here.
 */
@Controller
@RequestMapping("/transparency")
public class TransparencyPages {

  private final TransparencyService service;
  private final ReportResponses responses;

  public TransparencyPages(TransparencyService service, ReportResponses responses) {
    this.service = service;
    this.responses = responses;
  }

  @GetMapping({"", "/"})
  public ModelAndView list() {
    ModelAndView page = new ModelAndView("transparency/list");
    page.addObject("reports", service.published());
    return page;
  }

  @GetMapping("/{version}")
  public ModelAndView report(@PathVariable String version) {
    return version(version).flatMap(service::publishedDocument)
        .map(document -> {
          ModelAndView page = new ModelAndView("transparency/report");
          page.addObject("view", ReportView.of(document));
          page.addObject("base", TransparencyService.PUBLIC_PATH + document.version());
          page.addObject("staff", false);
          return page;
        })
        .orElseGet(TransparencyPages::notFound);
  }

  @GetMapping("/{version}/report.pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable String version) {
    return version(version).flatMap(v -> service.publishedPdf(v)
            .map(pdf -> responses.pdf(pdf, fileName(v))))
        .orElseGet(ReportResponses::notFound);
  }

  @GetMapping("/{version}/report.json")
  public ResponseEntity<byte[]> json(@PathVariable String version) {
    return version(version).flatMap(service::publishedDocument)
        .map(d -> responses.json(d, fileName(d.version())))
        .orElseGet(ReportResponses::notFound);
  }

  @GetMapping("/{version}/report.csv")
  public ResponseEntity<byte[]> csv(@PathVariable String version) {
    return version(version).flatMap(service::publishedDocument)
        .map(d -> responses.csv(d, fileName(d.version())))
        .orElseGet(ReportResponses::notFound);
  }

  @GetMapping("/{version}/charts/{name}.png")
  public ResponseEntity<byte[]> chart(@PathVariable String version, @PathVariable String name) {
    return version(version).flatMap(service::publishedDocument)
        .map(d -> responses.chart(d, name))
        .orElseGet(ReportResponses::notFound);
  }

  /** A version number from the path: digits only, else none. */
  static Optional<Integer> version(String text) {
    if (text == null || !text.matches("[1-9][0-9]{0,8}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.valueOf(text));
  }

  static String fileName(int version) {
    return "transparency-report-v" + version;
  }

  static ModelAndView notFound() {
    ModelAndView page = new ModelAndView("transparency/not-found");
    page.setStatus(HttpStatus.NOT_FOUND);
    return page;
  }
}
