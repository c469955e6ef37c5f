package com.oversight.sales;

import com.oversight.referencedata.ReferenceData;
import com.oversight.risk.DealDescription.Intermediary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Decides whether an opportunity is complete and consistent enough to be screened: every field
 * answered, a known country, named intermediaries, a positive value, an ISO 4217 currency, a
 * signing date in the future. Used for Tasklist starts and after the submitter completes the
 * information; the API refuses the same problems with a 400 before anything starts.
 */
public final class InformationCheck {

  private InformationCheck() {}

  public static List<String> problems(Opportunity o, ReferenceData referenceData,
      LocalDate today) {
    List<String> problems = new ArrayList<>();
    required(problems, o.customerAgency(), "customerAgency");
    required(problems, o.customerType(), "customerType");
    if (o.country() == null) {
      problems.add("country: is required");
    } else if (referenceData.findCountry(o.country()).isEmpty()) {
      problems.add("country: \"" + o.country() + "\" is not a known ISO 3166-1 country code");
    }
    required(problems, o.product(), "product");
    required(problems, o.capabilityClass(), "capabilityClass");
    required(problems, o.endUseCategory(), "endUseCategory");
    required(problems, o.intendedEndUse(), "intendedEndUse");
    for (int i = 0; i < o.intermediaries().size(); i++) {
      Intermediary intermediary = o.intermediaries().get(i);
      if (intermediary.name() == null || intermediary.name().isBlank()) {
        problems.add("intermediaries[" + i + "]: the intermediary has no name");
      }
    }
    required(problems, o.endUseStatementAttached(), "endUseStatementAttached");
    if (o.contractValue() == null) {
      problems.add("contractValue: is required");
    } else if (o.contractValue().compareTo(BigDecimal.ZERO) <= 0) {
      problems.add("contractValue: must be positive");
    }
    if (o.currency() == null || !isCurrency(o.currency())) {
      problems.add("currency: \"" + o.currency() + "\" is not an ISO 4217 currency code");
    }
    if (o.expectedSigningDate() == null) {
      problems.add("expectedSigningDate: is required");
    } else if (!o.expectedSigningDate().isAfter(today)) {
      problems.add("expectedSigningDate: must be in the future");
    }
    return problems;
  }

  static boolean isCurrency(String code) {
    try {
      return code.length() == 3 && Currency.getInstance(code) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void required(List<String> problems, Object value, String field) {
    if (value == null || value.toString().isBlank()) {
      problems.add(field + ": is required");
    }
  }
}
