package com.oversight.grievance;

/**
 * What the reporter wrote, stored only encrypted: the description, the country and the customer
 * if known, and a way to contact them if they chose to give one.
 */
public record ReportContent(String description, String country, String customer,
    String contact) {}
