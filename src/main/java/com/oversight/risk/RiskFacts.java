package com.oversight.risk;

import com.oversight.referencedata.ReferenceData.Country;
import java.util.List;

/** What an assessment is based on: the table's inputs and the provenance of each of them. */
public record RiskFacts(DealDescription deal, Country country, RiskInputs inputs,
    List<RiskFactor> provenance) {}
