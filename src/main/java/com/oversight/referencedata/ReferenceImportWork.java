package com.oversight.referencedata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.identity.Groups;
import com.oversight.platform.ApiProblem;
import com.oversight.platform.work.BackgroundWork;
import com.oversight.platform.work.WorkHandler;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A large reference-data import as long work ({@code POST /api/reference/{dataset}/imports?
 * background=true}): the same all-or-nothing import, with its progress (rows checked, rows
 * imported) at {@code GET /api/work/{id}}. The result is the import's counts, or, when the file
 * has problems, each problem with its row and column (nothing is imported then).
 */
@Component
public class ReferenceImportWork implements WorkHandler {

  public static final String KIND = "reference-import";

  private final ReferenceImportService importService;
  private final BackgroundWork work;
  private final ObjectMapper json;

  public ReferenceImportWork(ReferenceImportService importService, BackgroundWork work,
      ObjectMapper json) {
    this.importService = importService;
    this.work = work;
    this.json = json;
  }

  /** What the work is given: the file and how to import it. */
  record Order(String dataset, String fileName, boolean dryRun, String user, String csvBase64) {}

  /** Stores the file with the order and returns the work's id. */
  public String submit(Dataset dataset, byte[] bytes, String fileName, boolean dryRun,
      String user) throws JsonProcessingException {
    if (fileName == null || fileName.isBlank() || fileName.length() > 300) {
      throw ApiProblem.badField("fileName", "must be 1 to 300 characters");
    }
    return work.submit(KIND, json.writeValueAsString(new Order(dataset.slug(), fileName, dryRun,
        user, Base64.getEncoder().encodeToString(bytes))), user);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<String> readerGroups() {
    return List.of(Groups.COMPLIANCE, Groups.CAMUNDA_ADMIN);
  }

  @Override
  public String run(String input, Progress progress) throws JsonProcessingException {
    Order order = json.readValue(input, Order.class);
    Dataset dataset = Dataset.bySlug(order.dataset()).orElseThrow();
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      result.put("imported", !order.dryRun());
      result.put("result", importService.importCsv(dataset,
          Base64.getDecoder().decode(order.csvBase64()), order.fileName(), order.dryRun(),
          order.user(), progress));
    } catch (ApiProblem problem) {
      result.put("imported", false);
      result.put("detail", problem.getMessage());
      result.put("errors", problem.errors());
    }
    return json.writeValueAsString(result);
  }
}
