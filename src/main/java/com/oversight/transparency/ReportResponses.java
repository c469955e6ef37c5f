package com.oversight.transparency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The downloads of a report (PDF, JSON, CSV, charts), the same for drafts and published ones. */
@Component
class ReportResponses {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final TransparencyService service;
  private final ObjectMapper json;

  ReportResponses(TransparencyService service, ObjectMapper json) {
    this.service = service;
    this.json = json;
  }

  ResponseEntity<byte[]> pdf(byte[] pdf, String fileName) {
    return file(pdf, MediaType.APPLICATION_PDF, fileName + ".pdf", true);
  }

  ResponseEntity<byte[]> json(ReportDocument document, String fileName) {
    try {
      return file(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document),
          MediaType.APPLICATION_JSON, fileName + ".json", true);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  ResponseEntity<byte[]> csv(ReportDocument document, String fileName) {
    return file(service.csv(document).getBytes(StandardCharsets.UTF_8), CSV,
        fileName + ".csv", false);
  }

  ResponseEntity<byte[]> chart(ReportDocument document, String name) {
    Optional<byte[]> png = service.chart(document, name);
    return png.map(bytes -> file(bytes, MediaType.IMAGE_PNG, name + ".png", true))
        .orElseGet(ReportResponses::notFound);
  }

  static ResponseEntity<byte[]> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
        .body("Not found".getBytes(StandardCharsets.UTF_8));
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name,
      boolean inline) {
    ContentDisposition disposition = (inline ? ContentDisposition.inline()
        : ContentDisposition.attachment()).filename(name).build();
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(body);
  }
}
