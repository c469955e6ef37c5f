/**
 * Operations: what an operator watches. Health indicators of the process engine and the job
 * executor (in {@code /actuator/health}) and the process figures in {@code /actuator/prometheus}
 * (open cases by process and activity, overdue tasks by group, incidents by process), computed
 * from Camunda's public query APIs, never from any case's content. Depends on the platform only.
 */
package com.oversight.operations;
