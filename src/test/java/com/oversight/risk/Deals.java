package com.oversight.risk;

import com.oversight.referencedata.AbuseLevel;

/** Test inputs: a clean deal and a fluent way to make one factor different. */
final class Deals {

  boolean deniedPartyHit = false;
  AbuseLevel abuseLevel = null;
  FreedomStatus freedomStatus = FreedomStatus.FREE;
  Double freedomScore = 90.0;
  Double voiceAndAccountability = 1.2;
  Double ruleOfLaw = 1.3;
  CivicSpace civicSpace = CivicSpace.OPEN;
  CustomerType customerType = CustomerType.LAW_ENFORCEMENT;
  CapabilityClass capabilityClass = CapabilityClass.DEVICE_FORENSICS;
  EndUseCategory endUseCategory = EndUseCategory.SERIOUS_CRIME;
  boolean allIntermediariesDisclosed = true;
  boolean endUseStatementProvided = true;
  IndicatorData indicatorData = IndicatorData.COMPLETE;

  /** A clean deal: matches no rule of the table. */
  static Deals clean() {
    return new Deals();
  }

  static Deals of(RiskInputs in) {
    Deals d = new Deals();
    d.deniedPartyHit = in.deniedPartyHit();
    d.abuseLevel = in.abuseLevel();
    d.freedomStatus = in.freedomStatus();
    d.freedomScore = in.freedomScore();
    d.voiceAndAccountability = in.voiceAndAccountability();
    d.ruleOfLaw = in.ruleOfLaw();
    d.civicSpace = in.civicSpace();
    d.customerType = in.customerType();
    d.capabilityClass = in.capabilityClass();
    d.endUseCategory = in.endUseCategory();
    d.allIntermediariesDisclosed = in.allIntermediariesDisclosed();
    d.endUseStatementProvided = in.endUseStatementProvided();
    d.indicatorData = in.indicatorData();
    return d;
  }

  Deals denied(boolean v) { deniedPartyHit = v; return this; }
  Deals abuse(AbuseLevel v) { abuseLevel = v; return this; }
  Deals status(FreedomStatus v) { freedomStatus = v; return this; }
  Deals score(Double v) { freedomScore = v; return this; }
  Deals voice(Double v) { voiceAndAccountability = v; return this; }
  Deals law(Double v) { ruleOfLaw = v; return this; }
  Deals civic(CivicSpace v) { civicSpace = v; return this; }
  Deals customer(CustomerType v) { customerType = v; return this; }
  Deals capability(CapabilityClass v) { capabilityClass = v; return this; }
  Deals endUse(EndUseCategory v) { endUseCategory = v; return this; }
  Deals disclosed(boolean v) { allIntermediariesDisclosed = v; return this; }
  Deals statement(boolean v) { endUseStatementProvided = v; return this; }
  Deals data(IndicatorData v) { indicatorData = v; return this; }

  RiskInputs inputs() {
    return new RiskInputs(deniedPartyHit, abuseLevel, freedomStatus, freedomScore,
        voiceAndAccountability, ruleOfLaw, civicSpace, customerType, capabilityClass,
        endUseCategory, allIntermediariesDisclosed, endUseStatementProvided, indicatorData);
  }
}
