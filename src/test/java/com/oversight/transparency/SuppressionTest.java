package com.oversight.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oversight.transparency.ReportFigures.Count;
import com.oversight.transparency.ReportFigures.Share;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small counts are never shown as their number; nor is a share computed from one. */
class SuppressionTest {

  private final Suppression five = new Suppression(5);

  @Test
  void countsFromOneToFourAreFewerThanFive() {
    for (int n = 1; n <= 4; n++) {
      assertThat(five.count(n)).isEqualTo(new Count(null, true, "fewer than 5"));
    }
    assertThat(five.count(0)).isEqualTo(new Count(0, false, "0"));
    assertThat(five.count(5)).isEqualTo(new Count(5, false, "5"));
    assertThat(five.count(123_456)).isEqualTo(new Count(123_456, false, "123456"));
    assertThatThrownBy(() -> five.count(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theThresholdIsConfigurable() {
    Suppression ten = new Suppression(10);
    assertThat(ten.count(9).display()).isEqualTo("fewer than 10");
    assertThat(ten.count(10).value()).isEqualTo(10);
    assertThat(new Suppression(1).count(1).value()).isEqualTo(1);
  }

  @Test
  void aShareOfASuppressedCountIsWithheld() {
    assertThat(five.share(3, 20)).isEqualTo(new Share(null, true, "not shown (small count)"));
    assertThat(five.share(6, 4)).isEqualTo(new Share(null, true, "not shown (small count)"));
    assertThat(five.share(9, 21)).isEqualTo(new Share(42.9, false, "42.9 %"));
    assertThat(five.share(6, 8)).isEqualTo(new Share(75.0, false, "75 %"));
    assertThat(five.share(0, 8)).isEqualTo(new Share(0.0, false, "0 %"));
    assertThat(five.share(8, 8)).isEqualTo(new Share(100.0, false, "100 %"));
    assertThat(five.share(0, 0)).isEqualTo(new Share(null, false, "not applicable"));
    // 6 met and 2 missed: 75 % would tell the 2
    assertThat(five.share(6, 8, 2)).isEqualTo(new Share(null, true, "not shown (small count)"));
    assertThat(five.share(6, 12, 6)).isEqualTo(new Share(50.0, false, "50 %"));
  }

  @Test
  void noSmallPartOfATotalCanBeWorkedOutBySubtraction() {
    // 75 assessed = 45 + 22 + 5 + 3: the 3 alone would follow from the total
    Map<String, Count> outcomes = five.parts(ordered("APPROVED", 45, "REJECTED", 22,
        "IN_PROGRESS", 5, "WITHDRAWN", 3));
    assertThat(outcomes.get("WITHDRAWN").display()).isEqualTo("fewer than 5");
    assertThat(outcomes.get("IN_PROGRESS"))
        .isEqualTo(new Count(null, true, "not shown (protects a small count)"));
    assertThat(Suppression.withheld(outcomes.get("IN_PROGRESS"))).isTrue();
    assertThat(outcomes.get("APPROVED").value()).isEqualTo(45);
    assertThat(outcomes.get("REJECTED").value()).isEqualTo(22);

    // two small parts of 1 each add up to 2: one more part is withheld
    Map<String, Count> tiers = five.parts(ordered("LOW", 30, "MEDIUM", 1, "HIGH", 1,
        "PROHIBITED", 12));
    assertThat(tiers.get("PROHIBITED").display()).isEqualTo("not shown (protects a small count)");
    assertThat(tiers.get("LOW").value()).isEqualTo(30);

    // small parts that together reach the threshold need nothing more; zeros stay zeros
    Map<String, Count> origins = five.parts(ordered("GRIEVANCE", 3, "COMMITTEE", 2,
        "EXTERNAL_REPORT", 9, "OTHER", 0));
    assertThat(origins.get("EXTERNAL_REPORT").value()).isEqualTo(9);
    assertThat(origins.get("OTHER").value()).isZero();

    // nothing small, nothing withheld
    assertThat(five.parts(ordered("A", 5, "B", 0, "C", 7)).values())
        .noneMatch(Count::suppressed);
    // a total made only of small parts is small itself: nothing else to withhold
    assertThat(five.parts(ordered("A", 2, "B", 1)).values())
        .extracting(Count::display).containsOnly("fewer than 5");
  }

  private static Map<String, Long> ordered(Object... keysAndCounts) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndCounts.length; i += 2) {
      map.put((String) keysAndCounts[i], ((Integer) keysAndCounts[i + 1]).longValue());
    }
    return map;
  }

  @Test
  void stageNamesLoseTheCaseReferencesOfTaskNames() {
    assertThat(StageNames.clean("Vote on sale: ${dealTitle}")).isEqualTo("Vote on sale");
    assertThat(StageNames.clean("Acknowledge report ${caseRef}")).isEqualTo("Acknowledge report");
    assertThat(StageNames.clean("Read the reporter's message on ${caseRef}"))
        .isEqualTo("Read the reporter's message");
    assertThat(StageNames.clean("Update country data")).isEqualTo("Update country data");
    assertThat(StageNames.clean("Review ${a} and #{b}")).isEqualTo("Review and");
    assertThat(StageNames.spaced("Task_ChairDeliberation")).isEqualTo("Chair deliberation");
    assertThat(StageNames.spaced("PolicyReviewProcess")).isEqualTo("Policy review");
  }
}
