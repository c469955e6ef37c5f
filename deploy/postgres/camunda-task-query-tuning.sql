-- Oversight: tuning of Camunda's task query on PostgreSQL 14 or later (docs/PERFORMANCE.md,
-- "Committee task list"). Camunda's own tables (ACT_*) are Camunda's schema: Oversight's Flyway
-- migrations never touch them, so operators apply this once, by hand, after the first start
-- (which creates the schema), and again after a Camunda upgrade that recreates these tables:
--
--   psql "$OVERSIGHT_DB_URL_FOR_PSQL" -f deploy/postgres/camunda-task-query-tuning.sql
--
-- Every statement runs on its own (no transaction: CREATE INDEX CONCURRENTLY does not lock the
-- table against writes); running it twice changes nothing. To undo: DROP INDEX
-- ov_act_idx_task_due_date; DROP STATISTICS ov_act_auth_perms.

-- 1. Tasklist sorts by due date and shows the first 50: with this index PostgreSQL walks the
--    open tasks in due-date order and stops after the first 50 the user may see, instead of
--    reading, de-duplicating and sorting every matching task.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ov_act_idx_task_due_date ON act_ru_task (due_date_);

-- 2. The authorization check filters ACT_RU_AUTHORIZATION by permission bits (PERMS_ & 2: READ,
--    PERMS_ & 64: READ_TASK). Without statistics on these expressions PostgreSQL guesses that
--    almost no row matches, joins every task with every authorization of the user and the
--    user's groups (one per task), and the query grows with tasks x authorizations (7 s at 5,000
--    open tasks). With them it looks up each task's authorizations by the resource-id index.
CREATE STATISTICS IF NOT EXISTS ov_act_auth_perms ON (perms_ & 2), (perms_ & 64)
  FROM act_ru_authorization;

ANALYZE act_ru_authorization;
ANALYZE act_ru_task;
