/**
 * The governance dashboard: read-only figures for managers and the GRC committee (open cases by
 * process and stage, tasks overdue or near their deadline by group, SLA compliance per month,
 * re-assessments due, cases by country), as the page {@code /dashboard} with charts and tables
 * and as {@code GET /api/dashboard}. Computed when asked from Camunda's query APIs and aggregate
 * counts of Oversight's tables; never a grievance's content, a reporter's data or an agency's
 * name. Depends on the platform and the operations figures only.
 */
package com.oversight.dashboard;
