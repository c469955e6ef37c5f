package com.oversight.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.oversight.referencedata.ReferenceData;
import com.oversight.risk.DealDescription.Intermediary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** Reading the opportunity from form variables, and the completeness check. */
class OpportunityVariablesTest {

  @Test
  void aCompleteFormReadsWithoutProblems() {
    Map<String, Object> deal = SaleApprovalProcessTest.deal();
    deal.put("intermediaries", "Reseller Ltd | disclosed\n\nHidden Broker | undisclosed");
    OpportunityVariables.Read read = OpportunityVariables.read(scope(deal));

    assertThat(read.problems()).isEmpty();
    Opportunity o = read.opportunity();
    assertThat(o.intermediaries()).containsExactly(new Intermediary("Reseller Ltd", true),
        new Intermediary("Hidden Broker", false));
    assertThat(o.contractValue()).isEqualByComparingTo(new BigDecimal("250000.00"));
    assertThat(o.expectedSigningDate()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(InformationCheck.problems(o, freeland(), LocalDate.of(2026, 3, 2))).isEmpty();
    assertThat(OpportunityVariables.read(scope(OpportunityVariables.of(o))).opportunity())
        .isEqualTo(o);
  }

  @Test
  void whatCannotBeReadOrIsInconsistentIsListed() {
    Map<String, Object> deal = new HashMap<>(SaleApprovalProcessTest.deal());
    deal.put("customerType", "POLICE");
    deal.put("intermediaries", "Broker");
    deal.put("contractValue", "lots");
    deal.put("currency", "XYZ");
    deal.put("expectedSigningDate", "2026-01-01");
    deal.remove("endUseStatementAttached");
    OpportunityVariables.Read read = OpportunityVariables.read(scope(deal));
    List<String> problems = new java.util.ArrayList<>(read.problems());
    problems.addAll(InformationCheck.problems(read.opportunity(), freeland(),
        LocalDate.of(2026, 3, 2)));

    assertThat(problems).containsExactly(
        "customerType: \"POLICE\" is not one of [OTHER, LAW_ENFORCEMENT, MILITARY, INTELLIGENCE]",
        "intermediaries: line 1 must end with \"| disclosed\" or \"| undisclosed\"",
        "contractValue: \"lots\" is not a number",
        "customerType: is required",
        "endUseStatementAttached: is required",
        "contractValue: is required",
        "currency: \"XYZ\" is not an ISO 4217 currency code",
        "expectedSigningDate: must be in the future");
  }

  private static ReferenceData freeland() {
    ReferenceData referenceData = mock(ReferenceData.class);
    when(referenceData.findCountry(anyString())).thenReturn(Optional.empty());
    when(referenceData.findCountry("FL"))
        .thenReturn(Optional.of(new ReferenceData.Country("FL", "FLD", "Freeland")));
    return referenceData;
  }

  private static VariableScope scope(Map<String, Object> variables) {
    VariableMap map = Variables.fromMap(variables);
    VariableScope scope = mock(VariableScope.class);
    Mockito.lenient().when(scope.getVariable(anyString()))
        .thenAnswer(call -> map.get(call.getArgument(0, String.class)));
    return scope;
  }
}
