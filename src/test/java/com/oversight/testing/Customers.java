package com.oversight.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** An ACTIVE customer written straight into the tables, for tests that start after the sale. */
public final class Customers {

  private Customers() {}

  /** Stores an approved sale case and its ACTIVE customer; returns the customer's id. */
  public static String active(JdbcTemplate jdbc, String saleKey, String agency, String country) {
    String saleCaseId = UUID.randomUUID().toString();
    String customerId = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO ov_sale_case (id, business_key, submitter, customer_agency, country,"
        + " intermediaries, status, created_at, updated_at) VALUES (?, ?, 'sara', ?, ?, '[]',"
        + " 'APPROVED_ACTIVE', ?, ?)", saleCaseId, saleKey, agency, country, now, now);
    jdbc.update("INSERT INTO ov_customer (id, agency, country, customer_type, status, risk_tier,"
        + " activated_at, reassessment_due, sale_case_id) VALUES (?, ?, ?, 'INTELLIGENCE',"
        + " 'ACTIVE', 'HIGH', ?, DATE '2027-01-01', ?)", customerId, agency, country, now,
        saleCaseId);
    return customerId;
  }
}
