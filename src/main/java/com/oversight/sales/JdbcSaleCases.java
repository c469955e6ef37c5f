package com.oversight.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.risk.CapabilityClass;
import com.oversight.risk.CustomerType;
import com.oversight.risk.DealDescription.Intermediary;
import com.oversight.risk.EndUseCategory;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/** {@link SaleCases} on Oversight's database (Flyway V3). */
@Repository
public class JdbcSaleCases implements SaleCases {

  private static final String COLUMNS = "id, business_key, submitter, customer_agency, "
      + "customer_type, country, product, capability_class, end_use_category, intended_end_use, "
      + "intermediaries, end_use_statement, contract_value, currency, expected_signing, status, "
      + "risk_tier, red_flags, risk_snapshot, process_instance_id, created_at, updated_at";

  private final JdbcTemplate jdbc;
  private final ObjectMapper objectMapper;
  private final Clock clock;
  private final SaleNumbers numbers;

  @Autowired
  public JdbcSaleCases(JdbcTemplate jdbc, ObjectMapper objectMapper, Clock clock,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
    this.clock = clock;
    this.numbers = new SaleNumbers(jdbc, clock, transactions);
  }

  /** Outside Spring (process tests): numbers in transactions on the template's data source. */
  public JdbcSaleCases(JdbcTemplate jdbc, ObjectMapper objectMapper, Clock clock) {
    this(jdbc, objectMapper, clock, new DataSourceTransactionManager(jdbc.getDataSource()));
  }

  @Override
  public String nextBusinessKey() {
    return numbers.next();
  }

  @Override
  public void checkStorable(Opportunity opportunity) {
    intermediariesJson(opportunity);
  }

  @Override
  public SaleCase create(String businessKey, String submitter, Opportunity o, CaseStatus status) {
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    String intermediaries = intermediariesJson(o);
    for (int attempt = 0; ; attempt++) {
      Object[] values = {id, businessKey, submitter, o.customerAgency(), name(o.customerType()),
          o.country(), o.product(), name(o.capabilityClass()), name(o.endUseCategory()),
          o.intendedEndUse(), intermediaries, o.endUseStatementAttached(),
          o.contractValue(), o.currency(), date(o.expectedSigningDate()), status.name(),
          Timestamp.from(now), Timestamp.from(now)};
      try {
        insert(values);
        return find(id).orElseThrow();
      } catch (DuplicateKeyException e) {
        // the key is used already (a case stored without the counter, e.g. by an older node):
        // take the next one
        if (attempt >= 9) {
          throw e;
        }
        businessKey = numbers.next();
      }
    }
  }

  /**
   * Inserts a case under a savepoint when in a transaction: on PostgreSQL a failed statement
   * aborts the whole transaction, so a duplicate business key must be rolled back to the
   * savepoint to try the next one.
   */
  private void insert(Object[] values) {
    String sql = "INSERT INTO ov_sale_case (" + COLUMNS + ") VALUES "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?)";
    jdbc.execute((ConnectionCallback<Void>) connection -> {
      Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
      try {
        jdbc.update(sql, values);
      } catch (DuplicateKeyException e) {
        if (savepoint != null) {
          connection.rollback(savepoint);
        }
        throw e;
      }
      if (savepoint != null) {
        connection.releaseSavepoint(savepoint);
      }
      return null;
    });
  }

  @Override
  public Optional<SaleCase> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM ov_sale_case WHERE id = ?", this::map, id)
        .stream().findFirst();
  }

  @Override
  public List<SaleCase> list(String submitterOrNull) {
    if (submitterOrNull == null) {
      return jdbc.query("SELECT " + COLUMNS + " FROM ov_sale_case ORDER BY business_key DESC",
          this::map);
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM ov_sale_case WHERE submitter = ? "
        + "ORDER BY business_key DESC", this::map, submitterOrNull);
  }

  @Override
  public void updateOpportunity(String id, Opportunity o) {
    jdbc.update("UPDATE ov_sale_case SET customer_agency = ?, customer_type = ?, country = ?, "
            + "product = ?, capability_class = ?, end_use_category = ?, intended_end_use = ?, "
            + "intermediaries = ?, end_use_statement = ?, contract_value = ?, currency = ?, "
            + "expected_signing = ?, updated_at = ? WHERE id = ?",
        o.customerAgency(), name(o.customerType()), o.country(), o.product(),
        name(o.capabilityClass()), name(o.endUseCategory()), o.intendedEndUse(),
        intermediariesJson(o), o.endUseStatementAttached(), o.contractValue(), o.currency(),
        date(o.expectedSigningDate()), Timestamp.from(clock.instant()), id);
  }

  @Override
  public void updateStatus(String id, CaseStatus status) {
    jdbc.update("UPDATE ov_sale_case SET status = ?, updated_at = ? WHERE id = ?", status.name(),
        Timestamp.from(clock.instant()), id);
  }

  @Override
  public void recordAssessment(String id, String riskTier, String redFlags, String snapshot) {
    jdbc.update("UPDATE ov_sale_case SET risk_tier = ?, red_flags = ?, risk_snapshot = ?, "
        + "updated_at = ? WHERE id = ?", riskTier, redFlags, snapshot,
        Timestamp.from(clock.instant()), id);
  }

  @Override
  public void linkProcessInstance(String id, String processInstanceId) {
    jdbc.update("UPDATE ov_sale_case SET process_instance_id = ?, updated_at = ? WHERE id = ?",
        processInstanceId, Timestamp.from(clock.instant()), id);
  }

  @Override
  public String activateCustomer(SaleCase c, String riskTier, LocalDate reassessmentDue) {
    String id = UUID.randomUUID().toString();
    Opportunity o = c.opportunity();
    jdbc.update("INSERT INTO ov_customer (id, agency, country, customer_type, status, risk_tier, "
            + "activated_at, reassessment_due, sale_case_id) VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)",
        id, o.customerAgency(), o.country(), name(o.customerType()), riskTier,
        Timestamp.from(clock.instant()), Date.valueOf(reassessmentDue), c.id());
    updateStatus(c.id(), CaseStatus.APPROVED_ACTIVE);
    return id;
  }

  private SaleCase map(ResultSet rs, int row) throws SQLException {
    Opportunity o = new Opportunity(rs.getString("customer_agency"),
        value(CustomerType.class, rs.getString("customer_type")), rs.getString("country"),
        rs.getString("product"), value(CapabilityClass.class, rs.getString("capability_class")),
        value(EndUseCategory.class, rs.getString("end_use_category")),
        rs.getString("intended_end_use"), intermediaries(rs.getString("intermediaries")),
        (Boolean) rs.getObject("end_use_statement"), rs.getBigDecimal("contract_value"),
        rs.getString("currency"),
        rs.getDate("expected_signing") == null ? null
            : rs.getDate("expected_signing").toLocalDate());
    return new SaleCase(rs.getString("id"), rs.getString("business_key"),
        rs.getString("submitter"), o, CaseStatus.valueOf(rs.getString("status")),
        rs.getString("risk_tier"), rs.getString("red_flags"), rs.getString("risk_snapshot"),
        rs.getString("process_instance_id"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }

  private List<Intermediary> intermediaries(String json) {
    try {
      return objectMapper.readValue(json, new TypeReference<List<Intermediary>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable intermediaries in ov_sale_case", e);
    }
  }

  /** The column's length (ov_sale_case.intermediaries). */
  static final int MAX_INTERMEDIARIES_JSON = 8000;

  /** The intermediaries as stored; a 400 when they do not fit the column, before any write. */
  private String intermediariesJson(Opportunity o) {
    String json = json(o.intermediaries());
    if (json.length() > MAX_INTERMEDIARIES_JSON) {
      throw com.oversight.platform.ApiProblem.badField("intermediaries", "too many or too long"
          + " altogether: at most " + MAX_INTERMEDIARIES_JSON + " characters can be stored");
    }
    return json;
  }

  private String json(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private static <E extends Enum<E>> E value(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
