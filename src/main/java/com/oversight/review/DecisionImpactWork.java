package com.oversight.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.identity.Groups;
import com.oversight.platform.work.WorkHandler;
import com.oversight.review.DecisionImpactResult.NotReplayable;
import com.oversight.review.CandidateDecisions.Candidate;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The decision-impact replay as long work ({@code platform.work.BackgroundWork}): reads the cases
 * assessed in the period, replays them through the candidate and stores the result. Safe to run
 * again from the start (it only reads). Compliance and the committee may read every run (the
 * committee reads the run compliance refer to in their amendments).
 */
@Component
public class DecisionImpactWork implements WorkHandler {

  public static final String KIND = "decision-impact";

  /** The stored input of a run. */
  public record Input(String dmnXml, LocalDate from, LocalDate to) {}

  private final CandidateDecisions candidates;
  private final AssessedCases assessedCases;
  private final ObjectMapper objectMapper;

  public DecisionImpactWork(CandidateDecisions candidates, AssessedCases assessedCases,
      ObjectMapper objectMapper) {
    this.candidates = candidates;
    this.assessedCases = assessedCases;
    this.objectMapper = objectMapper;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<String> readerGroups() {
    return List.of(Groups.COMPLIANCE, Groups.GRC_COMMITTEE);
  }

  @Override
  public String run(String input, Progress progress) throws Exception {
    Input request = objectMapper.readValue(input, Input.class);
    Candidate candidate = candidates.parse(request.dmnXml());
    progress.done(0, "Reading the cases assessed from " + request.from() + " to "
        + request.to());
    AssessedCases.Found found = assessedCases.assessedIn(request.from(), request.to());
    List<NotReplayable> unreadable = found.unreadable().stream().map(u -> new NotReplayable(
        u.caseId(), u.reference(), u.country(), u.problem())).toList();
    DecisionImpactResult result = DecisionReplay.replay(candidates.engine(),
        candidate.decision(), candidate.name(), request.from(), request.to(), found.cases(),
        unreadable, progress);
    return objectMapper.writeValueAsString(result);
  }
}
