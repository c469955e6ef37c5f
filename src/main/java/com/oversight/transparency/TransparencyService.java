package com.oversight.transparency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.audit.AuditLedger;
import com.oversight.platform.ApiProblem;
import com.oversight.platform.ProcessValues;
import com.oversight.platform.work.WorkHandler;
import com.oversight.transparency.TransparencyStore.StoredDraft;
import com.oversight.transparency.TransparencyStore.StoredReport;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transparency report (docs/transparency.md): drafts computed from the process data for a
 * period, and their publication as immutable, numbered versions. Implements the contract the
 * policy review uses ({@link TransparencyReports}); the API, the pages and the long-work handler
 * use the rest.
 */
@Service
public class TransparencyService implements TransparencyReports {

  /** A draft in a list: no figures. */
  public record DraftSummary(String id, LocalDate from, LocalDate to, String period,
      Instant createdAt, String reviewRef, Integer publishedVersion, String path) {}

  /** A published report in a list, with its formats. */
  public record PublishedSummary(int version, LocalDate from, LocalDate to, String period,
      Instant publishedAt, String html, String pdf, String json, String csv) {}

  static final String DRAFTS_PATH = "/reports/drafts/";
  static final String PUBLIC_PATH = "/transparency/";
  private static final int MAX_DRAFTS_LISTED = 200;
  private static final WorkHandler.Progress NO_PROGRESS = new WorkHandler.Progress() {
    @Override
    public void total(int total) {}

    @Override
    public void done(int done, String message) {}
  };

  private final ReportCalculator calculator;
  private final TransparencyStore store;
  private final ReportPdf pdf;
  private final AuditLedger ledger;
  private final ObjectMapper json;
  private final TransparencySettings settings;
  private final Clock clock;

  public TransparencyService(ReportCalculator calculator, TransparencyStore store, ReportPdf pdf,
      AuditLedger ledger, ObjectMapper json, TransparencySettings settings, Clock clock) {
    this.calculator = calculator;
    this.store = store;
    this.pdf = pdf;
    this.ledger = ledger;
    this.json = json;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Draft draft(LocalDate from, LocalDate to, String requestedBy, String reviewRef) {
    return draft(UUID.randomUUID().toString(), from, to, requestedBy, reviewRef, NO_PROGRESS);
  }

  /**
   * Computes and stores the draft {@code id}; if it exists already (work run again after a
   * restart), returns it as it is.
   */
  @Transactional
  public Draft draft(String id, LocalDate from, LocalDate to, String requestedBy,
      String reviewRef, WorkHandler.Progress progress) {
    checkPeriod(from, to);
    Optional<StoredDraft> existing = store.draft(id);
    if (existing.isPresent()) {
      return draftOf(existing.get());
    }
    ReportFigures figures = calculator.compute(from, to, progress);
    String actor = actor(requestedBy);
    store.insertDraft(id, from, to, write(figures), actor, blankToNull(reviewRef),
        clock.instant().truncatedTo(ChronoUnit.MILLIS));
    ledger.append(id, "TRANSPARENCY_REPORT_DRAFTED", actor, ProcessValues.details(
        "from", from.toString(), "to", to.toString(), "reviewRef", blankToNull(reviewRef)));
    return new Draft(id, from, to, DRAFTS_PATH + id);
  }

  /**
   * Publishes the draft as the next version: its figures as drafted, and its PDF, stored for
   * good. Publishing the same draft again returns the version it already has.
   */
  @Override
  @Transactional
  public Published publish(String draftId, String approvedBy) {
    StoredDraft draft = store.draftForUpdate(draftId == null ? "" : draftId)
        .orElseThrow(() -> ApiProblem.notFound("Draft " + draftId));
    Optional<StoredReport> already = store.reportOfDraft(draft.id());
    if (already.isPresent()) {
      return publishedOf(already.get());
    }
    store.lockVersions();
    int version = store.nextVersion();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    ReportFigures figures = read(draft.figures());
    ReportDocument document = document(ReportDocument.PUBLISHED, version, null, draft.from(),
        draft.to(), now, figures);
    byte[] file = pdf.render(ReportView.of(document), figures);
    String id = UUID.randomUUID().toString();
    String actor = actor(approvedBy);
    store.insertReport(id, version, draft, file, actor, now);
    ledger.append(draft.id(), "TRANSPARENCY_REPORT_PUBLISHED", actor, ProcessValues.details(
        "version", version, "from", draft.from().toString(), "to", draft.to().toString(),
        "pdfSha256", sha256(file)));
    return new Published(id, version, draft.from(), draft.to(), PUBLIC_PATH + version);
  }

  /** A bad period is a 400 naming the field. */
  public void checkPeriod(LocalDate from, LocalDate to) {
    if (from == null) {
      throw ApiProblem.badField("from", "is required (a date such as 2026-01-01)");
    }
    if (to == null) {
      throw ApiProblem.badField("to", "is required (a date such as 2027-01-01, not included)");
    }
    if (!to.isAfter(from)) {
      throw ApiProblem.badField("to", "must be after from (the period is from, inclusive, to"
          + " to, exclusive)");
    }
    if (to.isAfter(from.plus(settings.maxPeriod()))) {
      throw ApiProblem.badField("to", "the period can be at most " + settings.maxPeriod()
          .toString().substring(1).toLowerCase(java.util.Locale.ROOT) + " long");
    }
  }

  // ---- reading -----------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public List<DraftSummary> drafts() {
    return store.drafts(MAX_DRAFTS_LISTED).stream().map(d -> new DraftSummary(d.id(), d.from(),
        d.to(), ReportView.period(d.from(), d.to()), d.createdAt(), d.reviewRef(),
        d.publishedVersion(), DRAFTS_PATH + d.id())).toList();
  }

  @Transactional(readOnly = true)
  public Optional<ReportDocument> draftDocument(String id) {
    return store.draft(id).map(d -> document(ReportDocument.DRAFT, null, d.id(), d.from(),
        d.to(), null, read(d.figures())));
  }

  @Transactional(readOnly = true)
  public List<PublishedSummary> published() {
    return store.reports().stream().map(r -> {
      String base = PUBLIC_PATH + r.version();
      return new PublishedSummary(r.version(), r.from(), r.to(),
          ReportView.period(r.from(), r.to()), r.publishedAt(), base, base + "/report.pdf",
          base + "/report.json", base + "/report.csv");
    }).toList();
  }

  @Transactional(readOnly = true)
  public Optional<ReportDocument> publishedDocument(int version) {
    return store.report(version).map(r -> document(ReportDocument.PUBLISHED, r.version(), null,
        r.from(), r.to(), r.publishedAt(), read(r.figures())));
  }

  /** The PDF stored at publication. */
  @Transactional(readOnly = true)
  public Optional<byte[]> publishedPdf(int version) {
    return store.pdf(version);
  }

  /** A draft's PDF, drawn now (marked DRAFT). */
  public byte[] pdf(ReportDocument document) {
    return pdf.render(ReportView.of(document), document.figures());
  }

  public String csv(ReportDocument document) {
    return ReportCsv.write(ReportView.of(document), document.figures().threshold());
  }

  public Optional<byte[]> chart(ReportDocument document, String name) {
    return ReportCharts.png(document.figures(), name);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private Draft draftOf(StoredDraft d) {
    return new Draft(d.id(), d.from(), d.to(), DRAFTS_PATH + d.id());
  }

  private static Published publishedOf(StoredReport r) {
    return new Published(r.id(), r.version(), r.from(), r.to(), PUBLIC_PATH + r.version());
  }

  private static ReportDocument document(String status, Integer version, String draftId,
      LocalDate from, LocalDate to, Instant publishedAt, ReportFigures figures) {
    return new ReportDocument(status, version, draftId, from, to, publishedAt,
        ReportDocument.suppressionNote(figures.threshold()), figures);
  }

  private String write(ReportFigures figures) {
    try {
      return json.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Figures not writable as JSON", e);
    }
  }

  private ReportFigures read(String figures) {
    try {
      return json.readValue(figures, ReportFigures.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored figures not readable", e);
    }
  }

  private static String actor(String user) {
    return user == null || user.isBlank() ? ProcessValues.SYSTEM : user.strip();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
