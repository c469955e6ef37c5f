package com.oversight.referencedata;

import com.oversight.platform.ApiProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Collects the problems of one import file (the first 100 are kept) and reports them at once. */
final class ImportProblems {

  static final int MAX_LISTED = 100;

  private final List<ApiProblem.FieldError> errors = new ArrayList<>();
  private int total;

  void add(Integer row, String column, String problem, String value) {
    total++;
    if (errors.size() < MAX_LISTED) {
      errors.add(new ApiProblem.FieldError(column, problem, row, value));
    }
  }

  boolean isEmpty() {
    return total == 0;
  }

  int total() {
    return total;
  }

  /** Throws a 400 problem naming the first problem and listing all (up to 100), if any. */
  void throwIfAny() {
    if (total == 0) {
      return;
    }
    throw asProblem();
  }

  /** The problems in file order (rows with the wrong number of values are found first). */
  ApiProblem asProblem() {
    errors.sort(Comparator.comparing(ApiProblem.FieldError::row,
        Comparator.nullsFirst(Comparator.naturalOrder())));
    ApiProblem.FieldError first = errors.get(0);
    StringBuilder detail = new StringBuilder();
    if (first.row() != null) {
      detail.append("row ").append(first.row()).append(", ");
    }
    detail.append("column ").append(first.field()).append(": ").append(first.problem());
    if (total > 1) {
      detail.append(" (").append(total).append(" problems in all");
      if (total > errors.size()) {
        detail.append(", the first ").append(errors.size()).append(" listed");
      }
      detail.append("; nothing was imported)");
    } else {
      detail.append(" (nothing was imported)");
    }
    return new ApiProblem(HttpStatus.BAD_REQUEST, detail.toString(), errors);
  }
}
