package com.oversight.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a manager reads: names without a case's details, shares, countries, the settings. */
class DashboardNamesTest {

  @Test
  void activityNamesComeFromTheModelWithoutTheCaseDetailsOfTasklist() {
    assertThat(ProcessNames.readable("Review low-risk sale: ${dealTitle}", "Task_ReviewLowRisk"))
        .isEqualTo("Review low-risk sale");
    assertThat(ProcessNames.readable("Acknowledge report\n#{reference}", "Task_Acknowledge"))
        .isEqualTo("Acknowledge report");
    assertThat(ProcessNames.readable("${dealTitle}", "Task_X")).isEqualTo("Task_X");
    assertThat(ProcessNames.readable(null, "Task_X")).isEqualTo("Task_X");
    assertThat(ProcessNames.readable("Prepare\n  due-diligence   dossier", "Task_X"))
        .isEqualTo("Prepare due-diligence dossier");
    Map<String, String> names = Map.of("Task_Vote", "Vote on sale");
    assertThat(ProcessNames.activity(names, "Task_Vote#multiInstanceBody"))
        .isEqualTo("Vote on sale");
    assertThat(ProcessNames.activity(names, "Timer_Unknown")).isEqualTo("Timer_Unknown");
  }

  @Test
  void sharesHaveOneDecimalAndNoneWithoutTasks() {
    assertThat(DashboardService.percent(2, 3)).isEqualTo(66.7);
    assertThat(DashboardService.percent(3, 3)).isEqualTo(100.0);
    assertThat(DashboardService.percent(0, 0)).isNull();
  }

  @Test
  void countriesHaveTheirEnglishNames() {
    assertThat(DashboardService.countryName("MX")).isEqualTo("Mexico");
    assertThat(DashboardService.countryName("")).isEqualTo("Not recorded");
    assertThat(DashboardService.countryName("ZZ")).isEqualTo("ZZ");
  }

  @Test
  void settingsOutsideTheirRangeStopTheStart() {
    assertThat(DashboardSettings.defaults().dueSoonDays()).isEqualTo(3);
    assertThatThrownBy(() -> new DashboardSettings(0, 12, 30, 90))
        .hasMessageContaining("due-soon-days");
    assertThatThrownBy(() -> new DashboardSettings(3, 12, 90, 30))
        .hasMessageContaining("reassessment-soon-days");
  }
}
