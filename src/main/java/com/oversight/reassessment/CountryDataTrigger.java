package com.oversight.reassessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.identity.Groups;
import com.oversight.platform.ProcessValues;
import com.oversight.platform.work.BackgroundWork;
import com.oversight.platform.work.WorkHandler;
import com.oversight.reassessment.ReassessmentRecords.CustomerFile;
import com.oversight.referencedata.CountryDataWorsened;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When an import worsened a country's picture (referencedata.CountryDataWorsened), starts at once
 * one re-assessment of every ACTIVE customer in that country. The order to do so is stored as
 * long work ({@link BackgroundWork}, kind {@value #KIND}) inside the import's own transaction, so
 * it is never lost: it runs once the import has committed, and a node that stops half way leaves
 * it to be taken up by another. Each start has a transaction of its own (one failing start does
 * not stop the others; it is logged and the next schedule or a manual start catches up); a
 * customer with a running re-assessment gets no second one, so running the order twice is
 * harmless.
 */
@Component
public class CountryDataTrigger implements WorkHandler {

  public static final String KIND = "country-data-reassessments";
  private static final Logger LOG = LoggerFactory.getLogger(CountryDataTrigger.class);

  private final ReassessmentRecords records;
  private final ReassessmentStarter starter;
  private final ObjectMapper json;
  private final BackgroundWork work;
  private final TransactionTemplate ownTransaction;

  public CountryDataTrigger(ReassessmentRecords records, ReassessmentStarter starter,
      ObjectMapper json, BackgroundWork work, PlatformTransactionManager transactions) {
    this.records = records;
    this.starter = starter;
    this.json = json;
    this.work = work;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Stores the order to re-assess, in the import's transaction. */
  @EventListener
  public void onCountryDataWorsened(CountryDataWorsened event) throws JsonProcessingException {
    work.submit(KIND, json.writeValueAsString(event), event.importedBy());
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<String> readerGroups() {
    return List.of(Groups.COMPLIANCE, Groups.GRC_COMMITTEE);
  }

  /** Starts the re-assessments; the result lists each customer's outcome. */
  @Override
  public String run(String input, Progress progress) throws JsonProcessingException {
    CountryDataWorsened event = json.readValue(input, CountryDataWorsened.class);
    List<Started> outcomes = new ArrayList<>();
    for (CountryDataWorsened.Country country : event.countries()) {
      String detail = "Import of " + event.dataset() + " (" + event.fileName() + ", by "
          + event.importedBy() + ") worsened " + country.alpha2() + ": "
          + String.join("; ", country.changes());
      for (CustomerFile customer : records.activeIn(country.alpha2())) {
        outcomes.add(start(country.alpha2(), customer, detail));
        progress.done(outcomes.size(), "customers of " + country.alpha2());
      }
    }
    return json.writeValueAsString(outcomes);
  }

  private Started start(String country, CustomerFile customer, String detail) {
    try {
      ReassessmentStarter.Outcome outcome = ownTransaction.execute(status -> starter.start(
          customer.id(), ReassessmentTrigger.COUNTRY_DATA, detail, ProcessValues.SYSTEM));
      LOG.info("Country data of {} worsened: customer {} {}", country, customer.id(),
          outcome.started() ? "re-assessment " + outcome.reference() + " started"
              : "not re-assessed now: " + outcome.reason());
      return new Started(customer.id(), country, outcome.started(), outcome.started()
          ? outcome.reference() : outcome.reason());
    } catch (RuntimeException e) {
      LOG.warn("Country data of {} worsened, but the re-assessment of customer {} could not "
          + "start: {}", country, customer.id(), e.toString());
      return new Started(customer.id(), country, false, e.getMessage());
    }
  }

  /** What became of one customer: started (with the re-assessment's reference) or why not. */
  record Started(String customerId, String country, boolean started, String detail) {}
}
