-- Published inputs per phase, theme and administrative unit, kept in step by the store in the
-- transaction that publishes, moves or withdraws an input (BENCHMARKS.md, issue 9: counting
-- them with two GROUP BYs over 100,000 inputs on every list request cost 15 ms). The list's
-- counts per theme and per unit are sums over this small table. `theme_key` is the theme's id,
-- or 0 for an input without a theme (a key column cannot be NULL).
-- (SQLite dialect; keep in step with ../postgres/0017_input_tallies.sql.)
CREATE TABLE input_tallies (
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    phase_id            INTEGER NOT NULL REFERENCES input_phases(id),
    theme_key           INTEGER NOT NULL,
    admin_unit          TEXT NOT NULL,
    n                   INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, phase_id, theme_key, admin_unit)
);
INSERT INTO input_tallies (tenant_id, phase_id, theme_key, admin_unit, n)
SELECT tenant_id, phase_id, COALESCE(theme_id, 0), admin_unit, COUNT(*)
FROM inputs WHERE state = 'published'
GROUP BY tenant_id, phase_id, COALESCE(theme_id, 0), admin_unit;
