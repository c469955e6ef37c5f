package com.oversight.risk;

/**
 * The kind of agency buying. Declared from least to most risk: the order in which the decision
 * table is monotone (a later value matches every rule an earlier one matches).
 */
public enum CustomerType {
  OTHER, LAW_ENFORCEMENT, MILITARY, INTELLIGENCE
}
