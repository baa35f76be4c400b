-- Public input, submitting and finding (PostgreSQL dialect; keep in step with ../sqlite/0011_input_submit.sql).

-- The list's counts per theme and per unit are one GROUP BY each over these (index-only scans,
-- fast at a hundred thousand inputs).
CREATE INDEX ix_inputs__theme ON inputs (tenant_id, phase_id, state, theme_id);
CREATE INDEX ix_inputs__unit ON inputs (tenant_id, phase_id, state, admin_unit);

-- An input sent by somebody without an account, in a phase that allows e-mail-only
-- participation: kept here, unpublished, until its author follows the link e-mailed to the
-- address (only the hash of the link's secret is kept). Confirming publishes it as an input of
-- a password-less verified account for that address (`input_id`); an unconfirmed one expires.
CREATE TABLE input_pending (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id           BIGINT NOT NULL REFERENCES tenants(id),
    phase_id            BIGINT NOT NULL REFERENCES input_phases(id),
    kind                TEXT NOT NULL,
    title               TEXT NOT NULL,
    body                TEXT NOT NULL,
    theme_id            BIGINT REFERENCES input_themes(id),
    admin_unit          TEXT NOT NULL DEFAULT '',
    file_id             BIGINT REFERENCES files(id),
    author_name         TEXT NOT NULL,
    email               TEXT NOT NULL,
    lang                TEXT NOT NULL,
    token_hash          TEXT NOT NULL,
    expires_at          TIMESTAMPTZ NOT NULL,
    input_id            BIGINT REFERENCES inputs(id),
    created_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT uq_input_pending__token UNIQUE (token_hash)
);
CREATE INDEX ix_input_pending__tenant ON input_pending (tenant_id, created_at);
