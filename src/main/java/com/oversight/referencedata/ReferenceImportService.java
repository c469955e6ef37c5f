package com.oversight.referencedata;

import com.oversight.platform.ApiProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a reference-data CSV file, all or nothing: every row is checked first and any problem
 * rejects the whole file (400, naming row and column); then every row is upserted by its natural
 * key in one transaction. Rows missing from the file are kept. A real (not dry) import is
 * recorded in the import history; when it worsened a country's picture (see
 * {@link CountryPictures}), a {@link CountryDataWorsened} event is published in its transaction.
 */
@Service
public class ReferenceImportService {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<Dataset, DatasetImporter<?>> importers = new EnumMap<>(Dataset.class);
  private final ApplicationEventPublisher events;

  public ReferenceImportService(JdbcClient jdbc, Clock clock, List<DatasetImporter<?>> importers,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
    importers.forEach(i -> this.importers.put(i.dataset(), i));
  }

  @Transactional
  public ImportResult importCsv(Dataset dataset, byte[] bytes, String fileName, boolean dryRun,
      String user) {
    if (fileName == null || fileName.isBlank() || fileName.length() > 300) {
      throw ApiProblem.badField("fileName", "must be 1 to 300 characters");
    }
    Map<String, List<String>> worsened = new TreeMap<>();
    ImportResult result = run(importers.get(dataset), bytes, dryRun, worsened);
    if (!dryRun) {
      jdbc.sql("INSERT INTO ov_reference_import (dataset, file_name, sha256, row_count, inserted, "
              + "updated, unchanged, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(dataset.slug(), fileName, sha256(bytes), result.rows(), result.inserted(),
              result.updated(), result.unchanged(), user,
              LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
          .update();
      List<CountryDataWorsened.Country> countries = CountryPictures.countries(worsened);
      if (!countries.isEmpty()) {
        events.publishEvent(new CountryDataWorsened(dataset.slug(), fileName, user, countries));
      }
    }
    return result;
  }

  private <T> ImportResult run(DatasetImporter<T> importer, byte[] bytes, boolean dryRun,
      Map<String, List<String>> worsened) {
    ImportProblems problems = new ImportProblems();
    CsvFile file = CsvFile.parse(bytes, importer.dataset().columns(), problems);
    ImportContext context = ImportContext.load(jdbc, LocalDate.now(clock));
    Map<DatasetImporter.UniqueKey, Integer> firstLineOfKey = new HashMap<>();
    List<T> items = new ArrayList<>();
    for (CsvFile.Row row : file.rows()) {
      RowReader reader = new RowReader(row, problems, context);
      T item = importer.read(reader);
      if (item == null) {
        continue;
      }
      for (DatasetImporter.UniqueKey key : importer.uniqueKeys(item)) {
        Integer first = firstLineOfKey.putIfAbsent(key, row.line());
        if (first != null) {
          reader.problem(key.column(), "same " + key.description() + " as row " + first);
        }
      }
      items.add(item);
    }
    problems.throwIfAny();
    boolean indicators = importer.dataset() == Dataset.COUNTRY_INDICATORS && !dryRun;
    Map<String, Map<Indicators.Key, ReferenceData.CountryIndicator>> before = indicators
        ? CountryPictures.latest(jdbc, CountryPictures.countriesOf(items))
        : Map.of();
    int[] counts = new int[DatasetImporter.Outcome.values().length];
    for (T item : items) {
      DatasetImporter.Outcome outcome = importer.apply(item, !dryRun);
      counts[outcome.ordinal()]++;
      if (!dryRun && outcome == DatasetImporter.Outcome.INSERTED
          && item instanceof AbuseEntryImporter.Entry entry) {
        worsened.computeIfAbsent(entry.country(), c -> new ArrayList<>())
            .add(CountryPictures.abuseEntry(entry));
      }
    }
    if (indicators) {
      CountryPictures.latest(jdbc, before.keySet()).forEach((country, after) ->
          worsened.computeIfAbsent(country, c -> new ArrayList<>())
              .addAll(CountryPictures.worsenings(before.get(country), after)));
    }
    return new ImportResult(importer.dataset().slug(), dryRun, items.size(),
        counts[DatasetImporter.Outcome.INSERTED.ordinal()],
        counts[DatasetImporter.Outcome.UPDATED.ordinal()],
        counts[DatasetImporter.Outcome.UNCHANGED.ordinal()]);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
