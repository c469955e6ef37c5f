package com.oversight.investigation;

/** Who started an investigation (variable investigationOrigin). */
public enum InvestigationOrigin {
  /** GrievanceProcess, through its call activity (only ids are passed). */
  GRIEVANCE,
  /** The GRC committee: a sale's vote (call activity) or directly on an ACTIVE customer. */
  COMMITTEE,
  /** Compliance, on an external report (media, NGO, forensic lab). */
  EXTERNAL_REPORT
}
