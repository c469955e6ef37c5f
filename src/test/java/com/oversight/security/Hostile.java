package com.oversight.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile input from a seeded random generator: strings an attacker or a careless client sends
 * (script and template injection, SQL, path traversal, Unicode edge cases), wrong JSON types,
 * and broken JSON. JSON is written here, not by Jackson, so that lone surrogates and control
 * characters reach the server exactly as generated (as {@code \\uXXXX} escapes).
 */
final class Hostile {

  /** Strings every fuzzed text field meets, besides random ones. */
  static final List<String> STRINGS = List.of(
      "<script>window.__xss=1</script>",
      "<img src=x onerror=\"window.__xss=1\">",
      "javascript:window.__xss=1",
      "{{constructor.constructor('window.__xss=1')()}}",
      "${7*7} #{7*7} <%= 7*7 %>",
      "' OR '1'='1",
      "'; DROP TABLE ov_grievance; --",
      "\" OR 1=1 --",
      "1; SELECT * FROM ACT_ID_USER",
      "../../../../etc/passwd",
      "%00%2e%2e%2f",
      "a\u0000b",
      "\u0000",
      "\u202Eevil.exe\u202C txt",
      "\u200F\u200E\u061C right-to-left",
      "\uD83D\uDE00 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
      "e\u0301\u0302\u0303\u0304 Z\u0337\u0322\u034E\u0344a\u0338l\u0335g\u0334o",
      "\uFEFFbom",
      "\uD800",
      "lone \uDC00 low",
      "\uFFFF\uFFFE",
      "\r\n\t",
      "   ",
      "",
      "\uD835\uDD18\uD835\uDD2B\uD835\uDD26",
      "null",
      "\u2028\u2029",
      "\u0663\u0661",
      "\u0130stanbul \u01C5",
      "x".repeat(301));

  private final Random random;

  Hostile(Random random) {
    this.random = random;
  }

  Random random() {
    return random;
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A hostile string: from the list, random, or a mix. */
  String string() {
    return switch (random.nextInt(9)) {
      case 0, 1, 2, 3 -> pick(STRINGS);
      case 4, 5 -> randomString(random.nextInt(40));
      case 6 -> lengthen(pick(STRINGS) + "x", 290 + random.nextInt(30));
      case 7 -> lengthen(pick(STRINGS) + "x", 490 + random.nextInt(30_000));
      default -> pick(STRINGS) + randomString(random.nextInt(8)) + pick(STRINGS);
    };
  }

  /** {@code unit} repeated to about {@code length} characters (around column limits). */
  static String lengthen(String unit, int length) {
    return unit.repeat(length / unit.length() + 1).substring(0, length);
  }

  /** Random characters from pools that break naive code. */
  String randomString(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(9)) {
        case 0 -> text.append((char) random.nextInt(32)); // control characters, NUL
        case 1 -> text.append((char) (0x0300 + random.nextInt(0x70))); // combining marks
        case 2 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300)); // emoji
        case 3 -> text.append((char) (0xD800 + random.nextInt(0x800))); // lone surrogate
        case 4 -> text.append(pick(List.of('\u202E', '\u200F', '\u200E', '\u2066', '\uFEFF')));
        case 5 -> text.append((char) (0x0590 + random.nextInt(0x200))); // Hebrew, Arabic
        case 6 -> text.append((char) random.nextInt(0x10000)); // anything in the BMP
        default -> text.append((char) (32 + random.nextInt(95))); // printable ASCII
      }
    }
    return text.toString();
  }

  /** A JSON value of a wrong type for a field that wants a string, enum, boolean or number. */
  Object wrongType() {
    return pick(List.of(Raw.of("42"), Raw.of("-0.0"), Raw.of("true"), Raw.of("[]"),
        Raw.of("{}"), Raw.of("[\"a\", 1]"), Raw.of("{\"$gt\": \"\"}"), Raw.of("1e309"),
        Raw.of("\"\""), Raw.of("99999999999999999999999999999999")));
  }

  /** Broken JSON: truncated, garbage, deep, invalid UTF-8, or not JSON at all. */
  byte[] malformed(String validJson) {
    return switch (random.nextInt(7)) {
      case 0 -> validJson.substring(0, random.nextInt(Math.max(1, validJson.length() - 1)))
          .getBytes(StandardCharsets.UTF_8);
      case 1 -> {
        byte[] garbage = new byte[1 + random.nextInt(200)];
        random.nextBytes(garbage);
        yield garbage;
      }
      case 2 -> "[".repeat(5_000 + random.nextInt(5_000)).getBytes(StandardCharsets.UTF_8);
      case 3 -> concat("{\"description\": \"".getBytes(StandardCharsets.UTF_8),
          new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, "\"}".getBytes(
              StandardCharsets.UTF_8));
      case 4 -> pick(List.of("", "null", "[]", "\"text\"", "42", "{\"a\":1,}", "{'a': 1}",
          "<xml/>", "{\"description\": \"x\" \"category\": \"OTHER\"}", "{\"a\":NaN}"))
          .getBytes(StandardCharsets.UTF_8);
      case 5 -> ("{\"description\": \"" + "\\u0000".repeat(10) + "\", \"description\": 1}")
          .getBytes(StandardCharsets.UTF_8);
      default -> (validJson + "}").getBytes(StandardCharsets.UTF_8);
    };
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  /** A JSON fragment written as is. */
  record Raw(String json) {
    static Raw of(String json) {
      return new Raw(json);
    }
  }

  /** An ordered JSON object (a deep copy of {@code base}). */
  static Map<String, Object> object(Map<String, Object> base) {
    Map<String, Object> copy = new LinkedHashMap<>();
    base.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? object(cast(m)) : v));
    return copy;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /** JSON text; every character outside printable ASCII as a {@code \\uXXXX} escape. */
  static String json(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Raw raw) {
      out.append(raw.json());
    } else if (value instanceof String s) {
      out.append('"');
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 32 || c > 126) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      List<String> parts = new ArrayList<>();
      map.forEach((k, v) -> {
        StringBuilder part = new StringBuilder();
        write(part, k);
        part.append(": ");
        write(part, v);
        parts.add(part.toString());
      });
      out.append(String.join(", ", parts)).append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      List<String> parts = new ArrayList<>();
      list.forEach(v -> parts.add(json(v)));
      out.append(String.join(", ", parts)).append(']');
    } else {
      out.append(value); // numbers, booleans
    }
  }
}
