package com.oversight.sales;

import com.oversight.risk.CapabilityClass;
import com.oversight.risk.CustomerType;
import com.oversight.risk.DealDescription.Intermediary;
import com.oversight.risk.EndUseCategory;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A sale opportunity submitted by sales (POST /api/sales/opportunities). */
@Schema(description = "A sale opportunity", example = """
    {"customerAgency": "National Police Cyber Unit", "customerType": "LAW_ENFORCEMENT",
     "country": "DE", "product": "Forensics Suite 5", "capabilityClass": "DEVICE_FORENSICS",
     "intendedEndUse": {"category": "SERIOUS_CRIME",
                        "description": "Extraction of seized phones in organised-crime cases"},
     "intermediaries": [{"name": "Example Distribution GmbH", "disclosed": true}],
     "endUseStatementAttached": true, "contractValue": 250000.00, "currency": "EUR",
     "expectedSigningDate": "2026-12-31"}""")
public record OpportunityRequest(
    @NotBlank @Size(max = 300) String customerAgency,
    @NotNull CustomerType customerType,
    @Schema(description = "ISO 3166-1 alpha-2 or alpha-3 code") @NotBlank String country,
    @NotBlank @Size(max = 300) String product,
    @NotNull CapabilityClass capabilityClass,
    @NotNull @Valid IntendedEndUse intendedEndUse,
    @Schema(description = "Parties between us and the customer; empty for a direct sale")
    @NotNull @Size(max = 10, message = "at most 10 intermediaries")
    List<@NotNull @Valid IntermediaryRequest> intermediaries,
    @NotNull Boolean endUseStatementAttached,
    @Schema(description = "Rounded to cents; at least 0.01, below 10^17 (the stored precision)")
    @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01")
    @DecimalMax(value = "99999999999999999", message = "must not exceed 99999999999999999")
    BigDecimal contractValue,
    @Schema(description = "ISO 4217 code, default EUR") @Pattern(regexp = "[A-Z]{3}",
        message = "must be an ISO 4217 code such as EUR") String currency,
    @NotNull @Future LocalDate expectedSigningDate) {

  /** The declared end use: a category and the customer's own description. */
  public record IntendedEndUse(@NotNull EndUseCategory category,
      @NotBlank @Size(max = 4000) String description) {}

  /** An intermediary and whether its identity is disclosed. */
  public record IntermediaryRequest(@NotBlank @Size(max = 300) String name,
      @NotNull Boolean disclosed) {}

  Opportunity toOpportunity() {
    return new Opportunity(customerAgency.trim(), customerType, country.trim().toUpperCase(),
        product.trim(), capabilityClass, intendedEndUse.category(),
        intendedEndUse.description().trim(),
        intermediaries.stream().map(i -> new Intermediary(i.name().trim(), i.disclosed()))
            .toList(),
        endUseStatementAttached, contractValue.setScale(2, java.math.RoundingMode.HALF_UP),
        currency == null ? "EUR" : currency, expectedSigningDate);
  }
}
