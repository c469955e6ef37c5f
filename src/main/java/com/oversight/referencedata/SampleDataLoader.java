package com.oversight.referencedata;

import com.oversight.identity.TryItProperties;
import com.oversight.platform.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Try-it mode: loads the labelled sample reference data (src/main/resources/reference-data/sample/)
 * into every dataset whose table is still empty, through the normal import service.
 */
@Component
public class SampleDataLoader {

  public static final String USER = "try-it-sample";
  static final String LOCATION = "reference-data/sample/";
  private static final Logger LOG = LoggerFactory.getLogger(SampleDataLoader.class);

  private final TryItProperties tryIt;
  private final ReferenceImportService importService;
  private final JdbcClient jdbc;

  public SampleDataLoader(TryItProperties tryIt, ReferenceImportService importService,
      JdbcClient jdbc) {
    this.tryIt = tryIt;
    this.importService = importService;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void load() {
    if (!tryIt.enabled()) {
      return;
    }
    for (Dataset dataset : Dataset.values()) {
      if (isEmpty(dataset)) {
        String file = dataset.slug() + ".csv";
        try {
          ImportResult result = importService.importCsv(dataset, read(file), "sample/" + file,
              false, USER);
          LOG.info("Try-it mode: loaded SAMPLE reference data {} ({} rows)", file, result.rows());
        } catch (ApiProblem problem) {
          // e.g. sample indicators for countries a user's own countries file does not have
          LOG.warn("Try-it mode: SAMPLE reference data {} not loaded: {}", file,
              problem.getMessage());
        }
      }
    }
  }

  private boolean isEmpty(Dataset dataset) {
    // the table name comes from the enum, never from input
    return jdbc.sql("SELECT COUNT(*) FROM " + dataset.table()).query(Long.class).single() == 0;
  }

  private static byte[] read(String file) {
    try (InputStream in = new ClassPathResource(LOCATION + file).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Sample reference data " + file + " is missing", e);
    }
  }
}
