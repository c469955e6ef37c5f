package com.oversight.risk;

/** A red flag of an assessment: a code (for example OPAQUE_INTERMEDIARY) and why it was raised. */
public record RedFlag(String code, String reason) {}
