package com.oversight.risk;

/**
 * What the product can do. Declared from least to most intrusive: the order in which the
 * decision table is monotone.
 */
public enum CapabilityClass {
  /** Protects the customer's own networks and systems. */
  CYBER_DEFENCE,
  /** Extracts data from devices in the customer's physical possession. */
  DEVICE_FORENSICS,
  /** Lawful interception of communications on networks. */
  NETWORK_INTERCEPTION,
  /** Monitoring of populations: bulk data, social media, cameras, location. */
  MASS_MONITORING,
  /** Covert remote access to personal devices (spyware). */
  REMOTE_DEVICE_INTRUSION
}
