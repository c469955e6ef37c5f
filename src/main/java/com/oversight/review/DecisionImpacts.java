package com.oversight.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.platform.ApiProblem;
import com.oversight.platform.work.BackgroundWork;
import com.oversight.platform.work.WorkStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Decision impact of a candidate risk decision: checks the request (the candidate at once, so a
 * bad one is a 400 and nothing is stored), starts the replay as long work, and gives back its
 * progress and result to those who may read it (whoever started it, compliance, the committee).
 */
@Service
public class DecisionImpacts {

  /** The longest period replayed at once. */
  static final Period MAX_PERIOD = Period.ofYears(10);

  private final CandidateDecisions candidates;
  private final BackgroundWork work;
  private final ObjectMapper objectMapper;
  private final Clock clock;

  public DecisionImpacts(CandidateDecisions candidates, BackgroundWork work,
      ObjectMapper objectMapper, Clock clock) {
    this.candidates = candidates;
    this.work = work;
    this.objectMapper = objectMapper;
    this.clock = clock;
  }

  /** Checks the request and queues the replay; returns the work's id. */
  public String start(String dmnXml, String from, String to, String user) {
    candidates.parse(dmnXml);
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (!start.isBefore(end)) {
      throw ApiProblem.badField("to", "must be after from (" + start + ")");
    }
    if (start.plus(MAX_PERIOD).isBefore(end)) {
      throw ApiProblem.badField("to", "the period may be at most " + MAX_PERIOD.getYears()
          + " years long");
    }
    if (end.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusYears(1))) {
      throw ApiProblem.badField("to", "is more than a year in the future");
    }
    try {
      return work.submit(DecisionImpactWork.KIND, objectMapper.writeValueAsString(
          new DecisionImpactWork.Input(dmnXml, start, end)), user);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A run the caller may read (else 404): its status, and its result once done. */
  public WorkStatus status(String id, String user, Collection<String> groups) {
    WorkStatus status = work.status(id, user, groups);
    if (!DecisionImpactWork.KIND.equals(status.kind())) {
      throw ApiProblem.notFound("Decision impact " + id);
    }
    return status;
  }

  /** The result of a finished run. */
  public Optional<DecisionImpactResult> result(WorkStatus status) {
    if (!WorkStatus.DONE.equals(status.status()) || status.result() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(objectMapper.readValue(status.result(), DecisionImpactResult.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable result of decision impact " + status.id(), e);
    }
  }

  /** The period a run was started for, from its stored input. */
  public Optional<DecisionImpactWork.Input> input(String id) {
    return work.input(id).map(text -> {
      try {
        return objectMapper.readValue(text, DecisionImpactWork.Input.class);
      } catch (JsonProcessingException e) {
        return null;
      }
    });
  }

  /** The caller's own runs, newest first. */
  public List<WorkStatus> startedBy(String user) {
    return work.startedBy(user).stream()
        .filter(w -> DecisionImpactWork.KIND.equals(w.kind())).toList();
  }

  /** Whether a finished run with this id exists (amendments may refer to it). */
  public boolean isFinishedRun(String id) {
    return id != null && work.find(id).filter(w -> DecisionImpactWork.KIND.equals(w.kind())
        && WorkStatus.DONE.equals(w.status())).isPresent();
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiProblem.badField(field, "a date (yyyy-MM-dd) is required");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiProblem.badField(field, "not a date (yyyy-MM-dd): " + value);
    }
  }
}
