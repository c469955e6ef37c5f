package com.oversight.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.risk.RiskTier;
import com.oversight.sales.CommitteeTally.Outcome;
import com.oversight.sales.Vote.Option;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitteeTallyTest {

  static final List<String> MEMBERS = List.of("gina", "greg", "grace");

  @Test
  void aMajorityApproves() {
    var result = tally(RiskTier.MEDIUM, vote("gina", Option.APPROVE), vote("greg", Option.APPROVE),
        vote("grace", Option.REJECT));
    assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(result.reason()).contains("approve 2, reject 1");
  }

  @Test
  void conditionsOfConditionalApprovalsAreCollected() {
    var result = tally(RiskTier.MEDIUM,
        new Vote(1, "gina", false, Option.APPROVE_WITH_CONDITIONS, "r", "Audit\nTraining"),
        new Vote(1, "greg", false, Option.APPROVE_WITH_CONDITIONS, "Audit", null),
        vote("grace", Option.APPROVE));
    assertThat(result.outcome()).isEqualTo(Outcome.APPROVED_WITH_CONDITIONS);
    assertThat(result.conditions()).isEqualTo("Audit\nTraining");
  }

  @Test
  void conflictedVotesAreExcludedAndShrinkTheQuorumBase() {
    var result = tally(RiskTier.MEDIUM, new Vote(1, "gina", true, Option.REJECT, "x", null),
        vote("greg", Option.APPROVE), vote("grace", Option.APPROVE));
    assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(result.counted()).isEqualTo(2);
    assertThat(result.eligibleNonConflicted()).isEqualTo(2);
    assertThat(result.excluded()).containsExactly("gina (conflict of interest)");
  }

  @Test
  void votesOfNonMembersAreIgnored() {
    var result = tally(RiskTier.LOW, vote("sara", Option.APPROVE), vote("gina", Option.REJECT),
        vote("greg", Option.REJECT));
    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.excluded()).containsExactly("sara (not eligible)");
  }

  @Test
  void withoutAMajorityOfEligibleMembersThereIsNoQuorum() {
    var result = tally(RiskTier.MEDIUM, vote("gina", Option.APPROVE));
    assertThat(result.outcome()).isEqualTo(Outcome.DELIBERATION);
    assertThat(result.reason()).startsWith("No quorum");
  }

  @Test
  void atLeastTheMinimumNumberOfVotesIsNeeded() {
    var result = CommitteeTally.tally(List.of(vote("gina", Option.APPROVE)), List.of("gina"),
        RiskTier.LOW, 2);
    assertThat(result.outcome()).isEqualTo(Outcome.DELIBERATION);
  }

  @Test
  void aTieGoesToTheChair() {
    var result = tally(RiskTier.MEDIUM, vote("gina", Option.APPROVE), vote("greg", Option.REJECT),
        new Vote(1, "grace", true, null, null, null));
    assertThat(result.outcome()).isEqualTo(Outcome.DELIBERATION);
    assertThat(result.reason()).startsWith("Tie");
  }

  @Test
  void highRiskWithAnyRejectGoesToTheChair() {
    var result = tally(RiskTier.HIGH, vote("gina", Option.APPROVE), vote("greg", Option.APPROVE),
        vote("grace", Option.REJECT));
    assertThat(result.outcome()).isEqualTo(Outcome.DELIBERATION);
    assertThat(result.reason()).startsWith("HIGH risk with a reject vote");
  }

  @Test
  void aMajorityForAnInvestigationOpensAnInquiry() {
    var result = tally(RiskTier.HIGH, vote("gina", Option.REQUEST_INVESTIGATION),
        vote("greg", Option.REQUEST_INVESTIGATION), vote("grace", Option.APPROVE));
    assertThat(result.outcome()).isEqualTo(Outcome.INVESTIGATION);
  }

  @Test
  void aMemberCountsOnceARound() {
    var result = tally(RiskTier.LOW, vote("gina", Option.APPROVE), vote("gina", Option.APPROVE));
    assertThat(result.counted()).isEqualTo(1);
    assertThat(result.outcome()).isEqualTo(Outcome.DELIBERATION);
  }

  private static CommitteeTally.Result tally(RiskTier tier, Vote... votes) {
    return CommitteeTally.tally(List.of(votes), MEMBERS, tier, 2);
  }

  private static Vote vote(String member, Option option) {
    return new Vote(1, member, false, option, option == Option.APPROVE ? null : "because", null);
  }
}
