package com.oversight.referencedata;

/** Where a country indicator comes from. */
public enum IndicatorSource {
  /** Freedom House, "Freedom in the World": score 0–100, status Free / Partly Free / Not Free. */
  FREEDOM_HOUSE("Freedom House, Freedom in the World"),
  /** World Bank Worldwide Governance Indicators: six dimensions, about −2.5 … +2.5 (not clamped). */
  WORLD_BANK_WGI("World Bank, Worldwide Governance Indicators"),
  /** V-Dem (Varieties of Democracy) indices, 0–1. */
  V_DEM("V-Dem Institute"),
  /** CIVICUS Monitor rating of civic space. */
  CIVICUS("CIVICUS Monitor"),
  /** Any other source the compliance team uses. */
  OTHER("Other source");

  private final String label;

  IndicatorSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
