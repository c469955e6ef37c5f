package com.oversight.referencedata;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Normalises party names for denied-party screening: lower case, accents stripped, punctuation
 * turned into spaces, spaces collapsed, and legal-form suffixes removed from the END of the name
 * only (so "Co" or "AG" inside a name is kept, and a name is never reduced to nothing).
 */
public final class NameNormalizer {

  /** Legal-form suffixes, as token sequences after normalisation ("S.A." becomes "s a"). */
  private static final List<List<String>> SUFFIXES = List.of(
      "ltd", "limited", "inc", "incorporated", "llc", "l l c", "sa", "s a", "ag", "a g", "ad", "a d", "gmbh",
      "plc", "pte", "pty", "co", "corp", "corporation", "holding", "holdings", "zrt", "kft",
      "bv", "b v", "nv", "n v", "srl", "s r l", "spa", "s p a", "sarl", "sas", "s a s", "oy",
      "llp", "lp", "jsc", "ojsc", "pjsc", "ooo", "company")
      .stream().map(s -> List.of(s.split(" "))).toList();

  private NameNormalizer() {}

  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    String text = Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ")
        .trim();
    if (text.isEmpty()) {
      return "";
    }
    List<String> tokens = new ArrayList<>(Arrays.asList(text.split(" ")));
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (List<String> suffix : SUFFIXES) {
        if (tokens.size() > suffix.size() && endsWith(tokens, suffix)) {
          tokens.subList(tokens.size() - suffix.size(), tokens.size()).clear();
          stripped = true;
          break;
        }
      }
    }
    return String.join(" ", tokens);
  }

  private static boolean endsWith(List<String> tokens, List<String> suffix) {
    return tokens.subList(tokens.size() - suffix.size(), tokens.size()).equals(suffix);
  }
}
