package com.oversight.referencedata;

import java.time.Instant;

/** One entry of the import history (dry runs are not recorded). */
public record ImportRecord(long id, String dataset, String fileName, String sha256, int rows,
    int inserted, int updated, int unchanged, String importedBy, Instant importedAt) {}
