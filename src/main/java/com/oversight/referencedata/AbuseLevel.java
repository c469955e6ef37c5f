package com.oversight.referencedata;

/** Levels of the register of documented abuse, from least to most severe (compare by ordinal). */
public enum AbuseLevel {
  /** Credible reports that an agency of the country operates such tools; no abuse documented. */
  SUSPECTED_OPERATOR,
  /** Documented unlawful or abusive use of surveillance tools. */
  DOCUMENTED_ABUSE,
  /** Documented targeting of at-risk groups: journalists, human-rights defenders, opposition, minorities. */
  AT_RISK_GROUP_TARGETING
}
