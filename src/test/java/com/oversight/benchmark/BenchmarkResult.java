package com.oversight.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One figure of the benchmark suite, in the format every {@code *Benchmark} writes to
 * {@code target/benchmarks/<id>.json}: {@code {"id", "figure", "measured", "reference",
 * "target", "met", "notes"}}. {@code reference} is the reference measured in the same run, or
 * "—" when the figure has none; {@code met} is null (JSON {@code null}) for a figure without a
 * target, which is only recorded.
 */
public record BenchmarkResult(String id, String figure, String measured, String reference,
    String target, Boolean met, String notes) {

  /** Where the JSON files go (relative to the project, where Maven runs). */
  public static final Path DIRECTORY = Path.of("target", "benchmarks");
  public static final String NO_REFERENCE = "—";

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes {@code target/benchmarks/<id>.json} and prints the figure. */
  public Path write() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("figure", figure);
    json.put("measured", measured);
    json.put("reference", reference == null ? NO_REFERENCE : reference);
    json.put("target", target);
    json.put("met", met);
    json.put("notes", notes);
    try {
      Files.createDirectories(DIRECTORY);
      Path file = DIRECTORY.resolve(id + ".json");
      JSON.writeValue(file.toFile(), json);
      System.out.println("[benchmark] " + id + ": " + measured + " (reference " + json.get("reference")
          + ", target " + target + ") " + (met == null ? "RECORDED" : met ? "MET" : "MISSED"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one JSON file written by any benchmark (also the other engineers'). */
  public static BenchmarkResult read(Path file) {
    try {
      var node = JSON.readTree(file.toFile());
      return new BenchmarkResult(node.path("id").asText(), node.path("figure").asText(),
          node.path("measured").asText(), node.path("reference").asText(NO_REFERENCE),
          node.path("target").asText(),
          node.path("met").isBoolean() ? Boolean.valueOf(node.path("met").asBoolean()) : null,
          node.path("notes").asText(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the suite runs with small sizes (-Dbench.quick=true), for development. */
  public static boolean quick() {
    return Boolean.getBoolean("bench.quick");
  }
}
