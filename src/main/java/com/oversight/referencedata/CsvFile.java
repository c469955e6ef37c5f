package com.oversight.referencedata;

import com.oversight.platform.ApiProblem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A parsed reference-data CSV file: UTF-8 (optional BOM), a required header row (names
 * case-insensitive, any order), lines starting with {@code #} are comments. Every row knows its
 * line number in the file, so that problems can be found in an editor.
 */
final class CsvFile {

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setCommentMarker('#')
      .setIgnoreEmptyLines(true)
      .setIgnoreSurroundingSpaces(true)
      .get();

  /** One data row: its line in the file and its values by (lower-case) column name. */
  record Row(int line, Map<String, String> values) {
    String get(String column) {
      String value = values.get(column);
      return value == null ? "" : value.trim();
    }
  }

  private final List<Row> rows;

  private CsvFile(List<Row> rows) {
    this.rows = rows;
  }

  List<Row> rows() {
    return rows;
  }

  /**
   * Parses the file. Problems with the header throw at once; rows whose number of values does
   * not match the header are reported to {@code problems} and left out.
   */
  static CsvFile parse(byte[] bytes, List<String> columns, ImportProblems problems) {
    String text = decode(bytes);
    LineIndex lines = new LineIndex(text);
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
        .setFormat(FORMAT).get()) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        throw problem(null, "header", "the file has no header row (expected: "
            + String.join(", ", columns) + ")", null);
      }
      CSVRecord headerRecord = records.next();
      int headerLine = lines.lineOf(headerRecord.getCharacterPosition());
      List<String> header = readHeader(headerRecord, headerLine, columns);
      List<Row> rows = new ArrayList<>();
      while (records.hasNext()) {
        CSVRecord record = records.next();
        int line = lines.lineOf(record.getCharacterPosition());
        if (record.size() != header.size()) {
          reportSizeMismatch(record, line, header, problems);
          continue;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), record.get(i));
        }
        rows.add(new Row(line, values));
      }
      return new CsvFile(rows);
    } catch (IOException | UncheckedIOException e) {
      throw problem(null, "file", "is not a readable CSV file: " + rootMessage(e), null);
    }
  }

  private static List<String> readHeader(CSVRecord record, int line, List<String> columns) {
    ImportProblems headerProblems = new ImportProblems();
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<String> header = new ArrayList<>();
    for (String raw : record) {
      String name = raw.trim().toLowerCase(Locale.ROOT);
      if (!columns.contains(name)) {
        headerProblems.add(line, raw, "unknown column (expected: " + String.join(", ", columns)
            + ")", raw);
      } else if (seen.containsKey(name)) {
        headerProblems.add(line, raw, "duplicate column", raw);
      }
      seen.putIfAbsent(name, header.size());
      header.add(name);
    }
    for (String column : columns) {
      if (!seen.containsKey(column)) {
        headerProblems.add(line, column, "missing column", null);
      }
    }
    headerProblems.throwIfAny();
    return header;
  }

  private static void reportSizeMismatch(CSVRecord record, int line, List<String> header,
      ImportProblems problems) {
    if (record.size() < header.size()) {
      problems.add(line, header.get(record.size()), "no value: the row has " + record.size()
          + " values, the header " + header.size() + " columns", null);
    } else {
      problems.add(line, "row", "the row has " + record.size() + " values, the header only "
          + header.size() + " columns", record.get(header.size()));
    }
  }

  private static String decode(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw problem(null, "file", "is not UTF-8 text", null);
    }
  }

  private static ApiProblem problem(Integer row, String column, String text, String value) {
    ImportProblems problems = new ImportProblems();
    problems.add(row, column, text, value);
    return problems.asProblem();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  /**
   * Line numbers (1-based) of character positions. A record's position is where the parser
   * started reading it, which may be a comment or empty line before it: those are skipped.
   */
  private static final class LineIndex {
    private final List<Integer> starts = new ArrayList<>();
    private final String text;

    LineIndex(String text) {
      this.text = text;
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts.add(i + 1);
        }
      }
    }

    int lineOf(long position) {
      int index = Collections.binarySearch(starts, (int) position);
      if (index < 0) {
        index = -index - 2;
      }
      while (index + 1 < starts.size() && skippable(index)) {
        index++;
      }
      return index + 1;
    }

    private boolean skippable(int index) {
      int start = starts.get(index);
      int end = index + 1 < starts.size() ? starts.get(index + 1) - 1 : text.length();
      String line = text.substring(start, end).replace("\r", "");
      return line.isEmpty() || line.startsWith("#");
    }
  }
}
