package com.oversight.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * One committee member's vote in one round. A member who declared a conflict of interest has the
 * vote recorded but never counted.
 */
public record Vote(int round, String member, boolean conflictOfInterest, Option vote,
    String rationale, String conditions) {

  /** What a member may vote. */
  public enum Option { APPROVE, APPROVE_WITH_CONDITIONS, REJECT, REQUEST_INVESTIGATION }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The votes kept in the process variable committeeVotes (JSON text). */
  public static List<Vote> listOf(Object json) {
    if (json == null || json.toString().isBlank()) {
      return new ArrayList<>();
    }
    try {
      return new ArrayList<>(JSON.readValue(json.toString(), new TypeReference<List<Vote>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("committeeVotes is not a readable list of votes", e);
    }
  }

  public static String toJson(List<Vote> votes) {
    try {
      return JSON.writeValueAsString(votes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
