package com.oversight.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/**
 * The canonical JSON of an entry's details: object keys sorted at every level (map keys and bean
 * or record properties), no whitespace, dates as ISO-8601 strings. Its own mapper, so the
 * application's Jackson settings can never change what is stored.
 */
final class CanonicalJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private CanonicalJson() {}

  static String of(Map<String, ?> details) {
    try {
      return MAPPER.writeValueAsString(details == null ? Map.of() : details);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("details cannot be written as JSON: " + e.getMessage(),
          e);
    }
  }
}
