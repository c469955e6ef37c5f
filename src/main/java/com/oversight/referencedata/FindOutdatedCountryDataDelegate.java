package com.oversight.referencedata;

import com.oversight.platform.ProcessVariables;
import com.oversight.referencedata.ReferenceData.CountryDataGap;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_FindOutdatedCountryData of ReferenceDataReviewProcess: writes how many tracked countries
 * have missing or stale indicators ({@link ProcessVariables#OUTDATED_COUNTRY_COUNT}) and a
 * readable list of them ({@link ProcessVariables#OUTDATED_COUNTRIES}).
 */
@Component("findOutdatedCountryDataDelegate")
public class FindOutdatedCountryDataDelegate implements JavaDelegate {

  /** Kept well below the 4,000 characters of a string variable. */
  static final int MAX_SUMMARY_LENGTH = 3_500;

  private final ReferenceData referenceData;
  private final Clock clock;

  public FindOutdatedCountryDataDelegate(ReferenceData referenceData, Clock clock) {
    this.referenceData = referenceData;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<CountryDataGap> gaps = referenceData.dataGaps(LocalDate.now(clock));
    execution.setVariable(ProcessVariables.OUTDATED_COUNTRY_COUNT, gaps.size());
    execution.setVariable(ProcessVariables.OUTDATED_COUNTRIES, summary(gaps));
  }

  /** One line per country, "DE Germany: problem; problem", ending "… and N more" when too long. */
  static String summary(List<CountryDataGap> gaps) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < gaps.size(); i++) {
      String line = line(gaps.get(i));
      int remaining = gaps.size() - i;
      String more = "… and " + (remaining - 1) + " more";
      boolean last = remaining == 1;
      int needed = text.length() + line.length() + (last ? 0 : 1 + more.length());
      if (needed > MAX_SUMMARY_LENGTH) {
        text.append("… and ").append(remaining).append(" more");
        return text.toString();
      }
      text.append(line).append(last ? "" : "\n");
    }
    return text.toString();
  }

  private static String line(CountryDataGap gap) {
    return gap.country().alpha2() + " " + gap.country().name() + ": "
        + String.join("; ", gap.problems());
  }
}
