package com.oversight.sales;

import org.springframework.stereotype.Component;

/**
 * Values of a sale case for the model's expressions, read from the case (ov_sale_case) rather
 * than kept as process variables: {@code ${saleCaseValues.agency(caseId)}}.
 */
@Component("saleCaseValues")
public class SaleCaseValues {

  private final SaleCases saleCases;

  public SaleCaseValues(SaleCases saleCases) {
    this.saleCases = saleCases;
  }

  /** The customer agency of the case's opportunity. */
  public String agency(String caseId) {
    return opportunity(caseId).customerAgency();
  }

  /** The country (ISO 3166-1 code) of the case's opportunity. */
  public String country(String caseId) {
    return opportunity(caseId).country();
  }

  private Opportunity opportunity(String caseId) {
    return saleCases.find(caseId).orElseThrow(
        () -> new IllegalStateException("No sale case " + caseId)).opportunity();
  }
}
