package com.oversight.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oversight.OversightApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class AdminPasswordPolicyTest {

  @Test
  void refusesMissingShortOrUserIdPasswords() {
    assertThat(AdminPasswordPolicy.problem("admin", null)).hasValueSatisfying(
        p -> assertThat(p).contains("OVERSIGHT_ADMIN_PASSWORD"));
    assertThat(AdminPasswordPolicy.problem("admin", "  ")).isPresent();
    assertThat(AdminPasswordPolicy.problem("administrator", "Administrator")).isPresent();
    assertThat(AdminPasswordPolicy.problem("admin", "short-pass1")).hasValueSatisfying(
        p -> assertThat(p).contains("12"));
    assertThat(AdminPasswordPolicy.problem("admin", "a-long-enough-pass")).isEmpty();
  }

  @Test
  void prodProfileRefusesToStartWithAWeakAdminPassword() {
    assertThatThrownBy(() -> start("admin", "admin").close())
        .hasStackTraceContaining("Oversight refuses to start")
        .hasStackTraceContaining("must not equal the user id");
    assertThatThrownBy(() -> start("admin", "").close())
        .hasStackTraceContaining("no administrator password is set");
    assertThatThrownBy(() -> start("admin", "eleven-char").close())
        .hasStackTraceContaining("at least 12 characters");
  }

  @Test
  void prodProfileSeedsTheAdministratorButNoDemoUser() {
    try (ConfigurableApplicationContext context = start("root", "a-strong-admin-pass")) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.checkPassword("root", "a-strong-admin-pass")).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
          .extracting("id").containsExactly("root");
      assertThat(identity.createUserQuery().count()).isEqualTo(1);
      assertThat(identity.createGroupQuery().count()).isEqualTo(Groups.ALL.size());
    }
  }

  @Test
  void prodProfileRefusesToStartWithoutTheGrievanceEncryptionKey() {
    assertThatThrownBy(() -> start("root", "a-strong-admin-pass", "").close())
        .hasStackTraceContaining("oversight.grievance.encryption-key is not set");
  }

  private static ConfigurableApplicationContext start(String user, String password) {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return start(user, password, java.util.Base64.getEncoder().encodeToString(key));
  }

  private static ConfigurableApplicationContext start(String user, String password,
      String grievanceKey) {
    return new SpringApplicationBuilder(OversightApplication.class)
        .profiles("test", "prod")
        // an engine name of its own: closing this app must not unregister the shared tests engine
        .run("--server.port=0", "--camunda.bpm.process-engine-name=prodcheck",
            "--oversight.identity.admin-user=" + user,
            "--oversight.identity.admin-password=" + password,
            "--oversight.grievance.encryption-key=" + grievanceKey);
  }
}
