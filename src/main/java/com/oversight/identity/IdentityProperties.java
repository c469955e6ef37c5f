package com.oversight.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code oversight.identity.*}: the administrator account. In try-it mode its password is
 * {@code demo}; with try-it mode off ({@code prod} profile) it must be given (environment
 * variable {@code OVERSIGHT_ADMIN_PASSWORD}) and pass {@link AdminPasswordPolicy}.
 */
@ConfigurationProperties("oversight.identity")
public record IdentityProperties(String adminUser, String adminPassword) {

  public IdentityProperties {
    adminUser = adminUser == null || adminUser.isBlank() ? "admin" : adminUser;
  }
}
