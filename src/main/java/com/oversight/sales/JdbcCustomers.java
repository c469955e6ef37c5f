package com.oversight.sales;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link Customers} on ov_customer (Flyway V3, reason columns V6). */
@Repository
public class JdbcCustomers implements Customers {

  private static final String COLUMNS =
      "id, agency, country, status, risk_tier, sale_case_id, status_reason";
  private static final Set<String> STATUSES = Set.of("ACTIVE", "SUSPENDED", "TERMINATED");

  private final JdbcTemplate jdbc;

  public JdbcCustomers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Customer> find(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM ov_customer WHERE id = ?", this::map,
        id.trim()).stream().findFirst();
  }

  @Override
  public Optional<Customer> findByAgency(String agency, String country) {
    if (agency == null || agency.isBlank() || country == null || country.isBlank()) {
      return Optional.empty();
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM ov_customer WHERE LOWER(agency) = ? "
            + "AND UPPER(country) = ? ORDER BY activated_at DESC", this::map,
        agency.trim().toLowerCase(Locale.ROOT), country.trim().toUpperCase(Locale.ROOT))
        .stream().findFirst();
  }

  @Override
  public void changeStatus(String id, String status, String reason, String caseRef, Instant at) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("Unknown customer status " + status);
    }
    int updated = jdbc.update("UPDATE ov_customer SET status = ?, status_reason = ?, "
        + "status_changed_at = ?, status_investigation_ref = ? WHERE id = ?", status, reason,
        Timestamp.from(at), caseRef, id);
    if (updated != 1) {
      throw new IllegalStateException("No customer " + id);
    }
  }

  @Override
  public void recordReassessment(String id, String riskTier, LocalDate nextDue) {
    int updated = jdbc.update("UPDATE ov_customer SET risk_tier = ?, reassessment_due = ? "
        + "WHERE id = ?", riskTier, Date.valueOf(nextDue), id);
    if (updated != 1) {
      throw new IllegalStateException("No customer " + id);
    }
  }

  private Customer map(ResultSet rs, int row) throws SQLException {
    return new Customer(rs.getString("id"), rs.getString("agency"), rs.getString("country"),
        rs.getString("status"), rs.getString("risk_tier"), rs.getString("sale_case_id"),
        rs.getString("status_reason"));
  }
}
