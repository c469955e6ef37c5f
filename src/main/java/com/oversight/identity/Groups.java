package com.oversight.identity;

import java.util.List;

/** Oversight's Camunda groups (see ../shared/DOMAIN.md, "Roles"). */
public final class Groups {

  private Groups() {}

  public static final String SALES = "sales";
  public static final String COMPLIANCE = "compliance";
  public static final String GRC_COMMITTEE = "grc-committee";
  public static final String INVESTIGATORS = "investigators";
  public static final String LEGAL = "legal";
  public static final String MANAGERS = "managers";
  public static final String REVIEWERS = "reviewers";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  public static final List<String> ALL =
      List.of(SALES, COMPLIANCE, GRC_COMMITTEE, INVESTIGATORS, LEGAL, MANAGERS, REVIEWERS,
          CAMUNDA_ADMIN);

  /** Groups whose members work on tasks in Tasklist. */
  public static final List<String> TASK_WORKERS =
      List.of(SALES, COMPLIANCE, GRC_COMMITTEE, INVESTIGATORS, LEGAL, REVIEWERS);

  /** Display names shown in Camunda Admin. */
  static String displayName(String groupId) {
    return switch (groupId) {
      case SALES -> "Sales";
      case COMPLIANCE -> "Compliance (human-rights due diligence)";
      case GRC_COMMITTEE -> "Board Governance, Risk & Compliance Committee";
      case INVESTIGATORS -> "Investigators";
      case LEGAL -> "Legal";
      case MANAGERS -> "Managers (read-only oversight)";
      case REVIEWERS -> "External reviewers";
      case CAMUNDA_ADMIN -> "Administrators";
      default -> groupId;
    };
  }

  /** The group of a Spring Security authority ({@code ROLE_<groupId>}), or null. */
  public static String groupOf(String authority) {
    return authority != null && authority.startsWith("ROLE_") ? authority.substring(5) : null;
  }

  /** The Spring Security authority of a group: {@code ROLE_<groupId>}. */
  public static String authority(String groupId) {
    return "ROLE_" + groupId;
  }
}
