package com.oversight.referencedata;

import java.util.List;

/** Reads the rows of one dataset and upserts them by natural key. */
interface DatasetImporter<T> {

  enum Outcome { INSERTED, UPDATED, UNCHANGED }

  /** A value that must be unique within one file, named by the column that reports it. */
  record UniqueKey(String column, String description, Object value) {}

  Dataset dataset();

  /** Reads and checks one row; null if it has a problem (already reported to the reader). */
  T read(RowReader row);

  List<UniqueKey> uniqueKeys(T item);

  /** Compares the item with what is stored under its natural key; writes only if asked. */
  Outcome apply(T item, boolean write);
}
