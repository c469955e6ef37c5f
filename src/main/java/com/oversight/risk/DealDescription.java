package com.oversight.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A deal as sales describes it: the input of a risk assessment. Every field is required; an
 * unanswered yes/no question is an error, never a "no".
 */
@Schema(description = "A deal to assess", example = """
    {"customerAgency": "National Police Cyber Unit", "customerType": "LAW_ENFORCEMENT",
     "country": "DE", "capabilityClass": "DEVICE_FORENSICS", "endUseCategory": "SERIOUS_CRIME",
     "intermediaries": [{"name": "Example Distribution GmbH", "disclosed": true}],
     "endUseStatementProvided": true}""")
public record DealDescription(
    @Schema(example = "National Police Cyber Unit") @NotBlank String customerAgency,
    @NotNull CustomerType customerType,
    @Schema(description = "ISO 3166-1 alpha-2 or alpha-3 code", example = "DE")
    @NotBlank String country,
    @NotNull CapabilityClass capabilityClass,
    @NotNull EndUseCategory endUseCategory,
    @Schema(description = "Resellers, integrators and other parties between us and the customer;"
        + " empty when the sale is direct")
    @NotNull List<@NotNull @Valid Intermediary> intermediaries,
    @NotNull Boolean endUseStatementProvided) {

  /** A party between the company and the customer, and whether its identity is disclosed. */
  public record Intermediary(@NotBlank String name, @NotNull Boolean disclosed) {}
}
