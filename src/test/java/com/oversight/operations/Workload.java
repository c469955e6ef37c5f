package com.oversight.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The requests the operations tests send: deals, public reports, task completions. */
final class Workload {

  /** A HIGH-risk deal (Mexico, documented abuse): two jobs, then the compliance dossier. */
  static final String HIGH_RISK_DEAL = deal("");
  /** A deal through a denied party: jobs only, then a rejection email to sara. */
  static final String DENIED_PARTY_DEAL =
      deal("{\"name\": \"Q Cyber Technologies\", \"disclosed\": true}");

  static final String REPORT = """
      {"category": "PRODUCT_MISUSE",
       "description": "The police of Freeland used the phone extraction tool on a journalist.",
       "country": "MX", "customer": "Federal Police", "peopleAtRisk": false,
       "disclosureConsent": false}""";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Workload() {}

  static String deal(String intermediaries) {
    return """
        {"customerAgency": "Fiscalia General", "customerType": "LAW_ENFORCEMENT",
         "country": "MX", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
         "intendedEndUse": {"category": "SERIOUS_CRIME", "description": "Cartel investigations"},
         "intermediaries": [%s], "endUseStatementAttached": true, "contractValue": 900000,
         "currency": "USD", "expectedSigningDate": "%s"}"""
        .formatted(intermediaries, LocalDate.now().plusMonths(2));
  }

  /** Submits a deal as sara on the node at {@code port}: the case id (201 expected). */
  static String submitDeal(OversightNodes.Api api, int port, String deal) throws Exception {
    HttpResponse<String> response = api.post(port, "/api/sales/opportunities", deal, "sara");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return field(response.body(), "caseId");
  }

  /** Submits a public report on the node at {@code port}: the receipt code (201 expected). */
  static String submitReport(OversightNodes.Api api, int port) throws Exception {
    HttpResponse<String> response = api.post(port, "/api/public/reports", REPORT, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return field(response.body(), "receiptCode");
  }

  static String field(String json, String name) {
    try {
      return JSON.readTree(json).path(name).asText();
    } catch (Exception e) {
      throw new IllegalStateException(json, e);
    }
  }

  static String instanceOf(JdbcTemplate jdbc, String caseId) {
    return jdbc.queryForObject("SELECT process_instance_id FROM ov_sale_case WHERE id = ?",
        String.class, caseId);
  }

  static long ledgerCount(JdbcTemplate jdbc, String caseId, String action) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM ov_ledger_entry WHERE case_id = ? "
        + "AND action = ?", Long.class, caseId, action);
  }
}
