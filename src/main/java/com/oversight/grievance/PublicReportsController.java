package com.oversight.grievance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.platform.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The anonymous reporting channel's API: no login, no cookie, nothing about the caller kept.
 * The receipt code travels only in request and response bodies, never in a URL, and responses
 * are never cached.
 */
@RestController
@RequestMapping("/api/public/reports")
@Tag(name = "Public reporting channel", description = "Anonymous reports of misuse; no login")
public class PublicReportsController {

  /** The answer to a report: the receipt code, shown once. */
  public record Receipt(String receiptCode, String message) {}

  /** A request carrying the receipt code (in the body, never in the URL). */
  public record CodeRequest(String receiptCode) {}

  /** A reporter's message. */
  public record ReplyRequest(String receiptCode, String text) {}

  private final ReportingService reporting;
  private final ObjectMapper json;

  public PublicReportsController(ReportingService reporting, ObjectMapper json) {
    this.reporting = reporting;
    this.json = json;
  }

  @Operation(summary = "Report suspected misuse (JSON)")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Receipt> report(@RequestBody ReportSubmission report) {
    return receipt(reporting.submit(report, List.of()));
  }

  @Operation(summary = "Report suspected misuse with attachments (multipart: part 'report' as"
      + " JSON, parts 'attachments' as files)")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Receipt> reportWithFiles(@RequestPart("report") String report,
      @RequestPart(name = "attachments", required = false) List<MultipartFile> attachments) {
    return receipt(reporting.submit(parse(report, ReportSubmission.class, "report"),
        uploads(attachments)));
  }

  @Operation(summary = "Read the status and the handlers' messages with the receipt code")
  @PostMapping(path = "/status", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ReportingService.ReporterView> status(@RequestBody CodeRequest request) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(reporting.view(request.receiptCode()));
  }

  @Operation(summary = "Answer or send more information with the receipt code")
  @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> reply(@RequestBody ReplyRequest request) {
    reporting.reply(request.receiptCode(), request.text(), List.of());
    return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).build();
  }

  @Operation(summary = "Answer with attachments (multipart: part 'message' as JSON"
      + " {receiptCode, text}, parts 'attachments' as files)")
  @PostMapping(path = "/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Void> replyWithFiles(@RequestPart("message") String message,
      @RequestPart(name = "attachments", required = false) List<MultipartFile> attachments) {
    ReplyRequest request = parse(message, ReplyRequest.class, "message");
    reporting.reply(request.receiptCode(), request.text(), uploads(attachments));
    return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).build();
  }

  private ResponseEntity<Receipt> receipt(String code) {
    return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
        .body(new Receipt(ReceiptCodes.formatted(code), "Keep this receipt code somewhere safe:"
            + " it is the only way to follow your report, and it cannot be shown again or"
            + " recovered."));
  }

  private <T> T parse(String text, Class<T> type, String part) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw ApiProblem.badField(part, "is not valid JSON of the expected shape");
    }
  }

  /** Multipart files as uploads (the type the browser claims is checked against the bytes). */
  static List<Upload> uploads(List<MultipartFile> files) {
    List<Upload> uploads = new ArrayList<>();
    if (files == null) {
      return uploads;
    }
    for (MultipartFile file : files) {
      if (file.isEmpty() && (file.getOriginalFilename() == null
          || file.getOriginalFilename().isBlank())) {
        continue; // an empty file input of a form
      }
      try {
        uploads.add(new Upload(file.getOriginalFilename(), file.getContentType() == null
            ? "application/octet-stream" : file.getContentType(), file.getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return uploads;
  }
}
