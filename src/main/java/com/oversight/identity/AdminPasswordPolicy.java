package com.oversight.identity;

import java.util.Optional;

/** What a production administrator password must be: given, not the user id, 12+ characters. */
public final class AdminPasswordPolicy {

  public static final int MIN_LENGTH = 12;

  private AdminPasswordPolicy() {}

  /** Why the password is refused, or empty when it is acceptable. */
  public static Optional<String> problem(String userId, String password) {
    if (password == null || password.isBlank()) {
      return Optional.of("no administrator password is set: set OVERSIGHT_ADMIN_PASSWORD");
    }
    if (password.equalsIgnoreCase(userId)) {
      return Optional.of("the administrator password must not equal the user id '" + userId + "'");
    }
    if (password.length() < MIN_LENGTH) {
      return Optional.of("the administrator password must have at least " + MIN_LENGTH
          + " characters");
    }
    return Optional.empty();
  }
}
