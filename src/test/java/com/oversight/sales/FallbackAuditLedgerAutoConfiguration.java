package com.oversight.sales;

import com.oversight.audit.AuditLedger;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Tests only: an in-memory {@link AuditLedger} for every Spring Boot test while the application
 * has no ledger of its own (the audit branch provides it). Registered in
 * src/test/resources/META-INF/spring/...AutoConfiguration.imports; backs off as soon as a real
 * ledger bean exists.
 */
@AutoConfiguration
public class FallbackAuditLedgerAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(AuditLedger.class)
  AuditLedger inMemoryAuditLedger() {
    return new InMemoryAuditLedger();
  }
}
