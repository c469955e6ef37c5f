package com.oversight.sales;

import com.oversight.risk.CapabilityClass;
import com.oversight.risk.CustomerType;
import com.oversight.risk.DealDescription;
import com.oversight.risk.DealDescription.Intermediary;
import com.oversight.risk.EndUseCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A sale opportunity as sales describe it. Fields may be missing when the case was started from
 * Tasklist's start form: {@link InformationCheck} lists what is missing or inconsistent.
 */
public record Opportunity(
    String customerAgency,
    CustomerType customerType,
    String country,
    String product,
    CapabilityClass capabilityClass,
    EndUseCategory endUseCategory,
    String intendedEndUse,
    List<Intermediary> intermediaries,
    Boolean endUseStatementAttached,
    BigDecimal contractValue,
    String currency,
    LocalDate expectedSigningDate) {

  public Opportunity {
    intermediaries = intermediaries == null ? List.of() : List.copyOf(intermediaries);
  }

  /** The input of the risk assessment. */
  public DealDescription toDeal() {
    return new DealDescription(customerAgency, customerType, country, capabilityClass,
        endUseCategory, intermediaries, endUseStatementAttached);
  }
}
