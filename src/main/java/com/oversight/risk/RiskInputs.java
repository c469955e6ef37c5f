package com.oversight.risk;

import com.oversight.referencedata.AbuseLevel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables of the decision table {@code processes/human-rights-risk.dmn}, typed. Numbers are
 * null when the indicator is missing (a null number matches no numeric rule); {@code abuseLevel}
 * is null when the abuse register has no entry for the customer or its country.
 */
public record RiskInputs(
    boolean deniedPartyHit,
    AbuseLevel abuseLevel,
    FreedomStatus freedomStatus,
    Double freedomScore,
    Double voiceAndAccountability,
    Double ruleOfLaw,
    CivicSpace civicSpace,
    CustomerType customerType,
    CapabilityClass capabilityClass,
    EndUseCategory endUseCategory,
    boolean allIntermediariesDisclosed,
    boolean endUseStatementProvided,
    IndicatorData indicatorData) {

  public static final String DENIED_PARTY_HIT = "deniedPartyHit";
  public static final String ABUSE_LEVEL = "abuseLevel";
  public static final String FREEDOM_STATUS = "freedomStatus";
  public static final String FREEDOM_SCORE = "freedomScore";
  public static final String VOICE_AND_ACCOUNTABILITY = "voiceAndAccountability";
  public static final String RULE_OF_LAW = "ruleOfLaw";
  public static final String CIVIC_SPACE = "civicSpace";
  public static final String CUSTOMER_TYPE = "customerType";
  public static final String CAPABILITY_CLASS = "capabilityClass";
  public static final String END_USE_CATEGORY = "endUseCategory";
  public static final String ALL_INTERMEDIARIES_DISCLOSED = "allIntermediariesDisclosed";
  public static final String END_USE_STATEMENT_PROVIDED = "endUseStatementProvided";
  public static final String INDICATOR_DATA = "indicatorData";
  /** The abuse level passed to the table when the register has no entry. */
  public static final String NO_ABUSE = "NONE";

  /** The variables as the decision table reads them: enums as their names, nulls kept. */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(DENIED_PARTY_HIT, deniedPartyHit);
    variables.put(ABUSE_LEVEL, abuseLevel == null ? NO_ABUSE : abuseLevel.name());
    variables.put(FREEDOM_STATUS, freedomStatus.name());
    variables.put(FREEDOM_SCORE, freedomScore);
    variables.put(VOICE_AND_ACCOUNTABILITY, voiceAndAccountability);
    variables.put(RULE_OF_LAW, ruleOfLaw);
    variables.put(CIVIC_SPACE, civicSpace.name());
    variables.put(CUSTOMER_TYPE, customerType.name());
    variables.put(CAPABILITY_CLASS, capabilityClass.name());
    variables.put(END_USE_CATEGORY, endUseCategory.name());
    variables.put(ALL_INTERMEDIARIES_DISCLOSED, allIntermediariesDisclosed);
    variables.put(END_USE_STATEMENT_PROVIDED, endUseStatementProvided);
    variables.put(INDICATOR_DATA, indicatorData.name());
    return variables;
  }
}
