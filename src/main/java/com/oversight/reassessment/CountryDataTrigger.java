package com.oversight.reassessment;

import com.oversight.platform.ProcessValues;
import com.oversight.reassessment.ReassessmentRecords.CustomerFile;
import com.oversight.referencedata.CountryDataWorsened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When an import worsened a country's picture (referencedata.CountryDataWorsened, after the
 * import committed), starts at once one re-assessment of every ACTIVE customer in that country,
 * each in a transaction of its own (one failing start does not stop the others; it is logged and
 * the next schedule or a manual start catches up). A customer with a running re-assessment gets
 * no second one.
 */
@Component
public class CountryDataTrigger {

  private static final Logger LOG = LoggerFactory.getLogger(CountryDataTrigger.class);

  private final ReassessmentRecords records;
  private final ReassessmentStarter starter;
  private final TransactionTemplate ownTransaction;

  public CountryDataTrigger(ReassessmentRecords records, ReassessmentStarter starter,
      PlatformTransactionManager transactions) {
    this.records = records;
    this.starter = starter;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Starts the re-assessments (each outcome is logged). */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void onCountryDataWorsened(CountryDataWorsened event) {
    for (CountryDataWorsened.Country country : event.countries()) {
      String detail = "Import of " + event.dataset() + " (" + event.fileName() + ", by "
          + event.importedBy() + ") worsened " + country.alpha2() + ": "
          + String.join("; ", country.changes());
      for (CustomerFile customer : records.activeIn(country.alpha2())) {
        try {
          ReassessmentStarter.Outcome outcome = ownTransaction.execute(status -> starter.start(
              customer.id(), ReassessmentTrigger.COUNTRY_DATA, detail, ProcessValues.SYSTEM));
          LOG.info("Country data of {} worsened: customer {} {}", country.alpha2(),
              customer.id(), outcome.started() ? "re-assessment " + outcome.reference()
                  + " started" : "not re-assessed now: " + outcome.reason());
        } catch (RuntimeException e) {
          LOG.warn("Country data of {} worsened, but the re-assessment of customer {} could "
              + "not start: {}", country.alpha2(), customer.id(), e.toString());
        }
      }
    }
  }
}
