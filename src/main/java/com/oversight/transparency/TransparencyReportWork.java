package com.oversight.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.identity.Groups;
import com.oversight.platform.work.BackgroundWork;
import com.oversight.platform.work.WorkHandler;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A draft transparency report computed as long work ({@link BackgroundWork}): whoever asked
 * for it can leave and come back to {@code GET /api/work/{id}} (or the page
 * {@code /reports/work/{id}}); the committee, reviewers and managers may follow it too. The
 * draft's id is chosen when the work is accepted, so work run again after a restart finds the
 * draft it already stored instead of computing a second one.
 */
@Component
public class TransparencyReportWork implements WorkHandler {

  public static final String KIND = "transparency-report";

  /** What the work is given. */
  record Input(String draftId, LocalDate from, LocalDate to, String requestedBy,
      String reviewRef) {}

  /** What it gives back once done. */
  public record Result(String draftId, LocalDate from, LocalDate to, String page,
      String api) {}

  /** A draft accepted as long work: its work id and its draft id. */
  public record Accepted(String workId, String draftId) {}

  private final TransparencyService service;
  private final ObjectMapper json;

  public TransparencyReportWork(TransparencyService service, ObjectMapper json) {
    this.service = service;
    this.json = json;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<String> readerGroups() {
    return List.of(Groups.GRC_COMMITTEE, Groups.REVIEWERS, Groups.MANAGERS);
  }

  /** Checks the period (400 naming the field) and queues the work. */
  public Accepted submit(BackgroundWork work, LocalDate from, LocalDate to, String requestedBy)
      throws Exception {
    service.checkPeriod(from, to);
    String draftId = UUID.randomUUID().toString();
    String workId = work.submit(KIND, json.writeValueAsString(
        new Input(draftId, from, to, requestedBy, null)), requestedBy);
    return new Accepted(workId, draftId);
  }

  @Override
  public String run(String input, Progress progress) throws Exception {
    Input in = json.readValue(input, Input.class);
    TransparencyReports.Draft draft = service.draft(in.draftId(), in.from(), in.to(),
        in.requestedBy(), in.reviewRef(), progress);
    return json.writeValueAsString(new Result(draft.id(), draft.from(), draft.to(),
        draft.path(), "/api/transparency/reports/" + draft.id()));
  }
}
