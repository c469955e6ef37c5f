package com.oversight.risk;

/**
 * The intended end use the customer declares. Declared from least to most risk: the order in
 * which the decision table is monotone.
 */
public enum EndUseCategory {
  TERRORISM, SERIOUS_CRIME, BORDER_CONTROL, NATIONAL_SECURITY, OTHER,
  /** Public order, including protest policing. */
  PUBLIC_ORDER
}
