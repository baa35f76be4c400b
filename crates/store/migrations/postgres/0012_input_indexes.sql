-- Found by the benchmark at 100,000 inputs (BENCHMARKS.md, issue 9); the same in both dialects.
-- The Atom feed of new inputs reads the tenant's newest inputs across phases: without this
-- index it sorted every input of the tenant (150 ms).
CREATE INDEX ix_inputs__created ON inputs (tenant_id, created_at, id);
-- The coverage indicator (check 8): the counts, overall and by theme, walk this index alone and
-- in theme order (they read the whole table, 150 ms, before); the oldest unanswered input is a
-- seek in the second.
CREATE INDEX ix_inputs__coverage ON inputs (tenant_id, state, theme_id, answered_at, hidden_at, created_at);
CREATE INDEX ix_inputs__unanswered ON inputs (tenant_id, state, answered_at, created_at, id);
