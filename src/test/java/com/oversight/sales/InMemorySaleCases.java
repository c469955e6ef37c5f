package com.oversight.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link SaleCases} in memory, for process tests. */
class InMemorySaleCases implements SaleCases {

  final Map<String, SaleCase> cases = new LinkedHashMap<>();
  final Map<String, List<Object>> customers = new LinkedHashMap<>();

  private int lastNumber;

  @Override
  public synchronized String nextBusinessKey() {
    return String.format("SALE-2026-%04d", ++lastNumber);
  }

  @Override
  public synchronized SaleCase create(String businessKey, String submitter,
      Opportunity opportunity, CaseStatus status) {
    String id = UUID.randomUUID().toString();
    SaleCase c = new SaleCase(id, businessKey, submitter,
        opportunity, status, null, null, null, null, Instant.now(), Instant.now());
    cases.put(id, c);
    return c;
  }

  @Override
  public synchronized Optional<SaleCase> find(String id) {
    return Optional.ofNullable(cases.get(id));
  }

  @Override
  public synchronized List<SaleCase> list(String submitter) {
    return cases.values().stream().filter(c -> submitter == null
        || c.submitter().equals(submitter)).sorted(Comparator.comparing(SaleCase::businessKey)
        .reversed()).toList();
  }

  @Override
  public synchronized void updateOpportunity(String id, Opportunity o) {
    SaleCase c = cases.get(id);
    cases.put(id, new SaleCase(id, c.businessKey(), c.submitter(), o, c.status(), c.riskTier(),
        c.redFlags(), c.riskSnapshot(), c.processInstanceId(), c.createdAt(), Instant.now()));
  }

  @Override
  public synchronized void updateStatus(String id, CaseStatus status) {
    SaleCase c = cases.get(id);
    cases.put(id, new SaleCase(id, c.businessKey(), c.submitter(), c.opportunity(), status,
        c.riskTier(), c.redFlags(), c.riskSnapshot(), c.processInstanceId(), c.createdAt(),
        Instant.now()));
  }

  @Override
  public synchronized void recordAssessment(String id, String tier, String flags, String snap) {
    SaleCase c = cases.get(id);
    cases.put(id, new SaleCase(id, c.businessKey(), c.submitter(), c.opportunity(), c.status(),
        tier, flags, snap, c.processInstanceId(), c.createdAt(), Instant.now()));
  }

  @Override
  public synchronized void linkProcessInstance(String id, String pid) {
    SaleCase c = cases.get(id);
    cases.put(id, new SaleCase(id, c.businessKey(), c.submitter(), c.opportunity(), c.status(),
        c.riskTier(), c.redFlags(), c.riskSnapshot(), pid, c.createdAt(), Instant.now()));
  }

  @Override
  public synchronized String activateCustomer(SaleCase c, String tier, LocalDate due) {
    String id = UUID.randomUUID().toString();
    customers.put(id, new ArrayList<>(List.of(c.id(), tier, due)));
    updateStatus(c.id(), CaseStatus.APPROVED_ACTIVE);
    return id;
  }
}
