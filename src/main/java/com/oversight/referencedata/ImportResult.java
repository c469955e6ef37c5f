package com.oversight.referencedata;

/** What an import did (or, for a dry run, would do). */
public record ImportResult(String dataset, boolean dryRun, int rows, int inserted, int updated,
    int unchanged) {}
