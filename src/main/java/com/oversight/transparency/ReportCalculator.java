package com.oversight.transparency;

import com.oversight.platform.work.WorkHandler;
import com.oversight.transparency.FigureQueries.GrievanceCounts;
import com.oversight.transparency.FigureQueries.OriginOutcome;
import com.oversight.transparency.FigureQueries.TaskDeadlines;
import com.oversight.transparency.FigureQueries.TierStatus;
import com.oversight.transparency.ReportFigures.Count;
import com.oversight.transparency.ReportFigures.CustomerActions;
import com.oversight.transparency.ReportFigures.Grievances;
import com.oversight.transparency.ReportFigures.Investigations;
import com.oversight.transparency.ReportFigures.Opportunities;
import com.oversight.transparency.ReportFigures.StageDeadlines;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Computes a report's figures for a period: the aggregates of {@link FigureQueries}, with every
 * small count suppressed ({@link Suppression}) before anything leaves this class.
 */
@Component
class ReportCalculator {

  /** The risk tiers, in the order the report lists them. */
  static final List<String> TIERS = List.of("LOW", "MEDIUM", "HIGH", "PROHIBITED");
  /** Where an opportunity stands, from its case status. */
  static final List<String> OUTCOMES = List.of("APPROVED", "REJECTED", "WITHDRAWN", "IN_PROGRESS");
  static final List<String> ORIGINS = List.of("GRIEVANCE", "COMMITTEE", "EXTERNAL_REPORT");
  static final List<String> INVESTIGATION_OUTCOMES = List.of("NO_MISUSE", "MITIGATIONS_REQUIRED",
      "SUSPENSION", "TERMINATION", "INSUFFICIENT_INFORMATION", "UNRELATED", "PENDING");
  /** The steps reported as progress of a long computation. */
  static final int STEPS = 6;

  private final FigureQueries queries;
  private final StageNames stageNames;
  private final TransparencySettings settings;
  private final Clock clock;

  ReportCalculator(FigureQueries queries, StageNames stageNames, TransparencySettings settings,
      Clock clock) {
    this.queries = queries;
    this.stageNames = stageNames;
    this.settings = settings;
    this.clock = clock;
  }

  ReportFigures compute(LocalDate from, LocalDate to, WorkHandler.Progress progress) {
    Suppression s = new Suppression(settings.suppressionThreshold());
    Instant now = clock.instant();
    progress.total(STEPS);

    progress.done(0, "Counting the opportunities assessed");
    Opportunities opportunities = opportunities(s, queries.opportunities(from, to));
    progress.done(1, "Counting the countries excluded");
    Count countries = s.count(queries.countriesExcluded(from, to));
    progress.done(2, "Counting the grievances and their deadlines");
    GrievanceCounts g = queries.grievances(from, to);
    Grievances grievances = new Grievances(s.count(g.received()),
        s.count(g.acknowledgedInTime()), s.share(g.acknowledgedInTime(), g.received()),
        s.count(g.feedbackInTime()), s.share(g.feedbackInTime(), g.received()));
    progress.done(3, "Counting the investigations");
    Investigations investigations = investigations(s, queries.investigations(from, to));
    progress.done(4, "Counting the customers suspended and terminated");
    Map<String, Long> actions = queries.customerActions(from, to);
    CustomerActions customers = new CustomerActions(
        s.count(actions.getOrDefault("CUSTOMER_SUSPENDED", 0L)),
        s.count(actions.getOrDefault("CUSTOMER_TERMINATED", 0L)));
    progress.done(5, "Counting the deadlines met per stage");
    List<StageDeadlines> deadlines = deadlines(s, queries.deadlines(from, to, now));
    progress.done(STEPS, "Figures computed");
    return new ReportFigures(from, to, s.threshold(), now, opportunities, countries, grievances,
        investigations, customers, deadlines);
  }

  private static Opportunities opportunities(Suppression s, List<TierStatus> rows) {
    Map<String, Long> byTier = zeros(TIERS);
    Map<String, Long> byOutcome = zeros(OUTCOMES);
    long assessed = 0;
    for (TierStatus row : rows) {
      assessed += row.count();
      byTier.merge(row.tier(), row.count(), Long::sum);
      byOutcome.merge(outcome(row.status()), row.count(), Long::sum);
    }
    long rejected = byOutcome.get("REJECTED");
    Map<String, Count> outcomes = s.parts(byOutcome);
    Count rejectedShown = outcomes.get("REJECTED");
    return new Opportunities(s.count(assessed), s.parts(byTier), outcomes, rejectedShown,
        rejectedShown.suppressed() ? new ReportFigures.Share(null, true, Suppression.SHARE_WITHHELD)
            : s.share(rejected, assessed));
  }

  /** APPROVED (customer active), REJECTED, WITHDRAWN, or IN_PROGRESS (any other status). */
  static String outcome(String caseStatus) {
    return switch (caseStatus) {
      case "APPROVED_ACTIVE" -> "APPROVED";
      case "REJECTED" -> "REJECTED";
      case "WITHDRAWN" -> "WITHDRAWN";
      default -> "IN_PROGRESS";
    };
  }

  private static Investigations investigations(Suppression s, List<OriginOutcome> rows) {
    Map<String, Long> byOrigin = zeros(ORIGINS);
    Map<String, Long> byOutcome = zeros(INVESTIGATION_OUTCOMES);
    long opened = 0;
    for (OriginOutcome row : rows) {
      opened += row.count();
      byOrigin.merge(row.origin(), row.count(), Long::sum);
      byOutcome.merge(row.outcome() == null ? "PENDING" : row.outcome(), row.count(), Long::sum);
    }
    return new Investigations(s.count(opened), s.parts(byOrigin), s.parts(byOutcome));
  }

  private List<StageDeadlines> deadlines(Suppression s, List<TaskDeadlines> rows) {
    StageNames.Lookup names = stageNames.lookup();
    // several task definitions may carry the same name: one row per process and stage name
    Map<List<String>, long[]> stages = new LinkedHashMap<>();
    for (TaskDeadlines row : rows) {
      if (row.met() + row.missed() == 0) {
        continue;
      }
      List<String> key = List.of(names.process(row.processKey()),
          names.stage(row.processKey(), row.taskKey()));
      long[] counts = stages.computeIfAbsent(key, k -> new long[2]);
      counts[0] += row.met();
      counts[1] += row.missed();
    }
    List<StageDeadlines> result = new ArrayList<>();
    stages.forEach((key, counts) -> result.add(new StageDeadlines(key.get(0), key.get(1),
        s.count(counts[0]), s.count(counts[1]),
        s.share(counts[0], counts[0] + counts[1], counts[1]))));
    result.sort(Comparator.comparing(StageDeadlines::process)
        .thenComparing(StageDeadlines::stage));
    return result;
  }

  private static Map<String, Long> zeros(List<String> keys) {
    Map<String, Long> map = new LinkedHashMap<>();
    keys.forEach(k -> map.put(k, 0L));
    return map;
  }

}
