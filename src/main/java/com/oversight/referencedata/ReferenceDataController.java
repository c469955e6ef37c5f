package com.oversight.referencedata;

import com.oversight.platform.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference-data API: every Oversight group may read; compliance and administrators import.
 * Imports take the CSV file as a {@code text/csv} body only (a cross-site HTML form cannot send
 * that type, which protects this stateless API against CSRF).
 */
@RestController
@RequestMapping("/api/reference")
@Tag(name = "Reference data", description = "Countries, indicators, abuse register, denied parties")
public class ReferenceDataController {

  static final int MAX_IMPORT_BYTES = 10 * 1024 * 1024;

  private final ReferenceData referenceData;
  private final JdbcReferenceData jdbcReferenceData;
  private final ReferenceDataCatalog catalog;
  private final ReferenceImportService importService;
  private final ReferenceImportWork importWork;
  private final Clock clock;

  public ReferenceDataController(JdbcReferenceData referenceData, ReferenceDataCatalog catalog,
      ReferenceImportService importService, ReferenceImportWork importWork, Clock clock) {
    this.referenceData = referenceData;
    this.jdbcReferenceData = referenceData;
    this.catalog = catalog;
    this.importService = importService;
    this.importWork = importWork;
    this.clock = clock;
  }

  @Operation(summary = "Countries, optionally those whose name contains q or whose code is q")
  @GetMapping("/countries")
  public List<ReferenceData.Country> countries(@RequestParam(required = false) String q) {
    return catalog.countries(q);
  }

  @Operation(summary = "A country by ISO 3166-1 alpha-2 or alpha-3 code")
  @GetMapping("/countries/{code}")
  public ReferenceData.Country country(@PathVariable String code) {
    return knownCountry(code);
  }

  @Operation(summary = "The latest value of every indicator of a country, with source and edition")
  @GetMapping("/countries/{code}/indicators")
  public List<ReferenceData.CountryIndicator> indicators(@PathVariable String code) {
    return referenceData.latestIndicators(knownCountry(code).alpha2());
  }

  @Operation(summary = "The register of documented abuse, optionally for one country")
  @GetMapping("/abuse-register")
  public List<ReferenceData.AbuseEntry> abuseRegister(
      @RequestParam(required = false) String country) {
    return country == null ? catalog.abuseEntries()
        : referenceData.abuseEntries(countryParameter(country));
  }

  @Operation(summary = "The denied-party list, optionally for one country")
  @GetMapping("/denied-parties")
  public List<ReferenceData.DeniedParty> deniedParties(
      @RequestParam(required = false) String country) {
    return jdbcReferenceData.deniedParties(country == null ? null : countryParameter(country));
  }

  @Operation(summary = "Screens a name against the denied-party list (names and aliases, "
      + "ignoring case, accents, punctuation and legal-form suffixes)")
  @GetMapping("/denied-parties/screening")
  public List<ReferenceData.DeniedPartyHit> screen(@RequestParam String name) {
    if (NameNormalizer.normalize(name).isEmpty()) {
      throw ApiProblem.badField("name", "must contain letters or digits");
    }
    return referenceData.screen(name);
  }

  @Operation(summary = "Tracked countries whose required indicators are missing or stale today")
  @GetMapping("/data-gaps")
  public List<ReferenceData.CountryDataGap> dataGaps() {
    return referenceData.dataGaps(LocalDate.now(clock));
  }

  @Operation(summary = "The import history, newest first")
  @GetMapping("/imports")
  public List<ImportRecord> imports() {
    return catalog.imports();
  }

  @Operation(summary = "Imports a CSV file (body, text/csv) into a dataset: countries, "
      + "country-indicators, abuse-register or denied-parties. All or nothing; dryRun=true only "
      + "checks and counts. background=true (a large file): 202 at once with the id of long "
      + "work whose progress and result GET /api/work/{id} shows.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
          content = @Content(mediaType = "text/csv")))
  @PostMapping(path = "/{dataset}/imports", consumes = "text/csv")
  public ResponseEntity<?> importCsv(@PathVariable String dataset,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(defaultValue = "upload.csv") String fileName,
      @RequestParam(defaultValue = "false") boolean background,
      HttpServletRequest request, Principal principal) throws IOException {
    Dataset target = Dataset.bySlug(dataset)
        .orElseThrow(() -> ApiProblem.notFound("dataset '" + dataset + "'"));
    if (background) {
      String id = importWork.submit(target, body(request), fileName, dryRun, principal.getName());
      return ResponseEntity.accepted().location(URI.create("/api/work/" + id))
          .body(Map.of("id", id, "progress", "/api/work/" + id));
    }
    return ResponseEntity.ok(
        importService.importCsv(target, body(request), fileName, dryRun, principal.getName()));
  }

  private static byte[] body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_IMPORT_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_IMPORT_BYTES + 1);
      if (bytes.length > MAX_IMPORT_BYTES) {
        throw tooLarge();
      }
      return bytes;
    }
  }

  private static ApiProblem tooLarge() {
    return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE,
        "the file is larger than 10 MB: split it into several imports", List.of());
  }

  private ReferenceData.Country knownCountry(String code) {
    return referenceData.findCountry(code)
        .orElseThrow(() -> ApiProblem.notFound("country '" + code + "'"));
  }

  private String countryParameter(String code) {
    return referenceData.findCountry(code).map(ReferenceData.Country::alpha2)
        .orElseThrow(() -> ApiProblem.badField("country", "is not a known country code"));
  }
}
