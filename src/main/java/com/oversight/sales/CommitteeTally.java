package com.oversight.sales;

import com.oversight.risk.RiskTier;
import com.oversight.sales.Vote.Option;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts one round of committee votes.
 * <ul>
 *   <li>Votes of members who declared a conflict of interest are excluded, and so are votes of
 *       anyone who is not an eligible member.</li>
 *   <li>Quorum: the counted votes are a majority of the eligible, non-conflicted members and at
 *       least {@code minimumVotes}. Without quorum: DELIBERATION (the chair decides).</li>
 *   <li>HIGH risk with any counted reject vote: DELIBERATION.</li>
 *   <li>Otherwise the side with the most votes wins: approval (APPROVE and
 *       APPROVE_WITH_CONDITIONS together), REJECT, or REQUEST_INVESTIGATION. A tie between the
 *       leading sides: DELIBERATION. An approval carries the conditions of every
 *       APPROVE_WITH_CONDITIONS vote (then APPROVED_WITH_CONDITIONS).</li>
 * </ul>
 */
public final class CommitteeTally {

  private CommitteeTally() {}

  /** The outcome of a round. */
  public enum Outcome { APPROVED, APPROVED_WITH_CONDITIONS, REJECTED, INVESTIGATION, DELIBERATION }

  /** The result: outcome, a readable reason, the conditions (one a line), excluded members. */
  public record Result(Outcome outcome, String reason, String conditions, List<String> excluded,
      int counted, int eligibleNonConflicted) {}

  public static Result tally(List<Vote> roundVotes, List<String> eligibleMembers, RiskTier tier,
      int minimumVotes) {
    List<String> excluded = new ArrayList<>();
    Set<String> conflicted = new LinkedHashSet<>();
    List<Vote> counted = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Vote vote : roundVotes) {
      if (vote.conflictOfInterest()) {
        conflicted.add(vote.member());
        excluded.add(vote.member() + " (conflict of interest)");
      } else if (!eligibleMembers.contains(vote.member())) {
        excluded.add(vote.member() + " (not eligible)");
      } else if (vote.vote() != null && seen.add(vote.member())) {
        counted.add(vote);
      }
    }
    int eligible = (int) eligibleMembers.stream().filter(m -> !conflicted.contains(m)).count();
    int n = counted.size();
    Map<String, Integer> sides = new TreeMap<>();
    sides.put("approve", (int) counted.stream().filter(v -> v.vote() == Option.APPROVE
        || v.vote() == Option.APPROVE_WITH_CONDITIONS).count());
    sides.put("reject", (int) counted.stream().filter(v -> v.vote() == Option.REJECT).count());
    sides.put("investigation",
        (int) counted.stream().filter(v -> v.vote() == Option.REQUEST_INVESTIGATION).count());
    String counts = "approve " + sides.get("approve") + ", reject " + sides.get("reject")
        + ", investigation " + sides.get("investigation") + " of " + eligible
        + " eligible non-conflicted member(s)"
        + (excluded.isEmpty() ? "" : "; excluded: " + String.join(", ", excluded));

    if (n * 2 <= eligible || n < minimumVotes) {
      return new Result(Outcome.DELIBERATION, "No quorum (needs a majority of " + eligible
          + " and at least " + minimumVotes + " votes): " + counts, "", excluded, n, eligible);
    }
    if (tier == RiskTier.HIGH && sides.get("reject") > 0) {
      return new Result(Outcome.DELIBERATION, "HIGH risk with a reject vote: " + counts, "",
          excluded, n, eligible);
    }
    int max = sides.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<String> leaders = sides.entrySet().stream().filter(e -> e.getValue() == max)
        .map(Map.Entry::getKey).toList();
    if (leaders.size() > 1) {
      return new Result(Outcome.DELIBERATION, "Tie (" + String.join(" / ", leaders) + "): "
          + counts, "", excluded, n, eligible);
    }
    return switch (leaders.get(0)) {
      case "reject" -> new Result(Outcome.REJECTED, "Rejected: " + counts, "", excluded, n,
          eligible);
      case "investigation" -> new Result(Outcome.INVESTIGATION,
          "Pre-sale inquiry requested: " + counts, "", excluded, n, eligible);
      default -> {
        List<String> conditions = counted.stream()
            .filter(v -> v.vote() == Option.APPROVE_WITH_CONDITIONS)
            .flatMap(v -> SaleLists.linesOf(v.conditions() == null || v.conditions().isBlank()
                ? v.rationale() : v.conditions()).stream())
            .distinct().toList();
        yield conditions.isEmpty()
            ? new Result(Outcome.APPROVED, "Approved: " + counts, "", excluded, n, eligible)
            : new Result(Outcome.APPROVED_WITH_CONDITIONS, "Approved with conditions: " + counts,
                String.join("\n", conditions), excluded, n, eligible);
      }
    };
  }
}
