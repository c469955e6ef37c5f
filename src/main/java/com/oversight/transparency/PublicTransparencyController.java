package com.oversight.transparency;

import com.oversight.platform.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Published transparency reports as JSON, for everyone, without signing in. */
@RestController
@RequestMapping("/api/public/transparency/reports")
@Tag(name = "Transparency report (published)", description = "Published reports, open to all")
public class PublicTransparencyController {

  private final TransparencyService service;

  public PublicTransparencyController(TransparencyService service) {
    this.service = service;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Published reports, newest first, with the links to each format")
  public List<TransparencyService.PublishedSummary> published() {
    return service.published();
  }

  @GetMapping(path = "/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A published report with its figures")
  public ReportDocument report(@PathVariable String version) {
    return TransparencyPages.version(version).flatMap(service::publishedDocument)
        .orElseThrow(() -> ApiProblem.notFound("Published report " + version));
  }
}
