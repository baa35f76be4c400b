-- Commitments in OGP's template: template versions, drafts with their versions, milestones,
-- comments, statuses, links to inputs, imported OGP data and IRM assessments
-- (SQLite dialect; keep in step with ../postgres/0013_commitments.sql).

-- The municipality's commitment settings. `commitment_prefix` starts OGP's identifier
-- (`ALBSN` + a four-digit number). The plan holds between `commitments_min` and
-- `commitments_max` commitments (OGP Local's check 10, configurable). The `ogp_*` values fill
-- OGP's CSV columns on export ("Elbasan, Albania", `elbasan-albania`, ...).
ALTER TABLE tenants ADD COLUMN commitment_prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN commitments_min INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tenants ADD COLUMN commitments_max INTEGER NOT NULL DEFAULT 5;
ALTER TABLE tenants ADD COLUMN ogp_locality TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN ogp_slug TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN ogp_region TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN ogp_code TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN ogp_action_plan_id TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN ogp_national_or_local TEXT NOT NULL DEFAULT 'Local';

-- The action plan's period: every commitment and milestone date must fall inside it (check 11).
ALTER TABLE cycles ADD COLUMN plan_starts_on TEXT;
ALTER TABLE cycles ADD COLUMN plan_ends_on TEXT;

-- A version of the commitment template: the fields' keys, blocks, labels in both languages and
-- whether each is required, as JSON (`domain::commitments::template::Template`). Version 1 is
-- the platform's default, written on first use; a coordinator's edit of the labels makes the
-- next version. A commitment stays attached to the version it was written against.
CREATE TABLE commitment_templates (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    version             INTEGER NOT NULL,
    definition          TEXT NOT NULL,
    created_by          INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL,
    CONSTRAINT uq_commitment_templates__version UNIQUE (tenant_id, version)
);

-- A report of one import of OGP's commitments CSV: who, when, the file's name and the report
-- (rows imported, rows skipped and why, every label/code mismatch) as JSON.
CREATE TABLE commitment_imports (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    file_name           TEXT NOT NULL,
    rows_imported       INTEGER NOT NULL,
    rows_skipped        INTEGER NOT NULL,
    report              TEXT NOT NULL,
    imported_by         INTEGER REFERENCES users(id),
    imported_at         TEXT NOT NULL
);
CREATE INDEX ix_commitment_imports__tenant ON commitment_imports (tenant_id, imported_at);

-- A commitment: drafted here (`origin` 'drafted', in a cycle, with versions) or imported from
-- OGP's data (`origin` 'imported', no cycle, one version). The row holds the current version's
-- values that lists filter and sort on; the whole text of each version is in
-- `commitment_versions`. `current_version` is what a save must have started from (a stale
-- edit is refused); `public_version` is the newest version the public may read (NULL: none).
CREATE TABLE commitments (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    cycle_id            INTEGER REFERENCES cycles(id),
    origin              TEXT NOT NULL,
    -- OGP's identifier: `ALBSN0001` for drafted ones (prefix + `number`), as imported otherwise.
    ogp_id              TEXT NOT NULL,
    number              INTEGER,
    status              TEXT NOT NULL DEFAULT 'draft',
    template_id         INTEGER REFERENCES commitment_templates(id),
    current_version     INTEGER NOT NULL DEFAULT 0,
    public_version      INTEGER,
    title               TEXT NOT NULL,
    brief_description   TEXT NOT NULL DEFAULT '',
    lead_institution    TEXT NOT NULL DEFAULT '',
    primary_policy_area TEXT,
    -- Dates as typed or imported, the date they stand for and its precision ('day', 'month',
    -- 'quarter', 'year'); NULL where the text is no date (OGP's `NA`).
    starts_raw          TEXT NOT NULL DEFAULT '',
    starts_on           TEXT,
    starts_precision    TEXT,
    ends_raw            TEXT NOT NULL DEFAULT '',
    ends_on             TEXT,
    ends_precision      TEXT,
    -- Imported rows: where the commitment comes from ("Elbasan, Albania", "Albania").
    locality            TEXT NOT NULL DEFAULT '',
    country             TEXT NOT NULL DEFAULT '',
    import_id           INTEGER REFERENCES commitment_imports(id),
    -- OGP's cells that no other column holds, header to raw text, as JSON, so that exporting
    -- an imported row gives back OGP's values (`domain::commitments::ogp_csv`).
    ogp_extra           TEXT NOT NULL DEFAULT '{}',
    -- The library's "start from this": the commitment a draft was copied from.
    source_id           INTEGER REFERENCES commitments(id),
    -- Title and texts folded (lower case, no diacritics) for `LIKE` and ranking.
    search_text         TEXT NOT NULL DEFAULT '',
    -- The texts besides the title that search reads (brief description, full text, lead
    -- institution), as `commitments_fts` holds them as `body` (PostgreSQL indexes this column).
    search_body         TEXT NOT NULL DEFAULT '',
    created_by          INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CONSTRAINT uq_commitments__ogp_id UNIQUE (tenant_id, ogp_id)
);
CREATE INDEX ix_commitments__cycle ON commitments (tenant_id, cycle_id, status, id);
CREATE INDEX ix_commitments__origin ON commitments (tenant_id, origin, id);
CREATE INDEX ix_commitments__library ON commitments (public_version, id);

-- Accent-insensitive full text of the library: the row id is the commitment's id.
CREATE VIRTUAL TABLE commitments_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');

-- OGP values of the current version (keys of `domain::commitments::OgpValue`).
CREATE TABLE commitment_values (
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    commitment_id       INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    value_key           TEXT NOT NULL,
    PRIMARY KEY (commitment_id, value_key)
);
CREATE INDEX ix_commitment_values__key ON commitment_values (value_key, commitment_id);

-- Policy areas of the current version (keys of `domain::commitments::vocabulary`); the primary
-- one is also on the commitment.
CREATE TABLE commitment_policy_areas (
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    commitment_id       INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    area_key            TEXT NOT NULL,
    PRIMARY KEY (commitment_id, area_key)
);
CREATE INDEX ix_commitment_policy_areas__key ON commitment_policy_areas (area_key, commitment_id);

-- Every save of a commitment: its number (1, 2, ...), author, time, note and the whole
-- document as JSON (`domain::commitments::CommitmentDocument`). `is_public`: saved while the
-- commitment was public, or current when it became public.
CREATE TABLE commitment_versions (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    commitment_id       INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    number              INTEGER NOT NULL,
    template_id         INTEGER REFERENCES commitment_templates(id),
    document            TEXT NOT NULL,
    note                TEXT NOT NULL DEFAULT '',
    is_public           BOOLEAN NOT NULL DEFAULT FALSE,
    author_id           INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL,
    CONSTRAINT uq_commitment_versions__number UNIQUE (commitment_id, number)
);

-- The current version's milestones, with stable ids for monitoring (progress and evidence come
-- in the monitoring stage). `stakeholders` is JSON: [{"name": ..., "owner": "government"|"cso"}].
CREATE TABLE commitment_milestones (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    commitment_id       INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    description         TEXT NOT NULL,
    expected_output     TEXT NOT NULL DEFAULT '',
    start_date          TEXT,
    expected_completion_date TEXT,
    stakeholders        TEXT NOT NULL DEFAULT '[]',
    status              TEXT NOT NULL DEFAULT 'not_started',
    delay_reason        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_commitment_milestones__commitment ON commitment_milestones (tenant_id, commitment_id, position);

-- The forum's comments on a version's field (`field_key` a template key, 'title', 'milestones',
-- or '' for the whole commitment); one level of replies; resolved by anyone who drafts.
CREATE TABLE commitment_comments (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    commitment_id       INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    version_number      INTEGER NOT NULL,
    field_key           TEXT NOT NULL DEFAULT '',
    parent_id           INTEGER REFERENCES commitment_comments(id),
    author_id           INTEGER NOT NULL REFERENCES users(id),
    body                TEXT NOT NULL,
    resolved_at         TEXT,
    resolved_by         INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL
);
CREATE INDEX ix_commitment_comments__commitment ON commitment_comments (tenant_id, commitment_id, id);

-- Every change of status, with its reason (also in the audit log).
CREATE TABLE commitment_status_changes (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    commitment_id       INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    from_status         TEXT NOT NULL,
    to_status           TEXT NOT NULL,
    reason              TEXT NOT NULL,
    changed_by          INTEGER REFERENCES users(id),
    changed_at          TEXT NOT NULL
);
CREATE INDEX ix_commitment_status_changes__commitment ON commitment_status_changes (tenant_id, commitment_id, id);

-- Inputs adopted into a commitment (their answer says 'adopted' and links back).
CREATE TABLE commitment_inputs (
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    commitment_id       INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    input_id            INTEGER NOT NULL REFERENCES inputs(id),
    linked_by           INTEGER REFERENCES users(id),
    linked_at           TEXT NOT NULL,
    PRIMARY KEY (commitment_id, input_id)
);
CREATE INDEX ix_commitment_inputs__input ON commitment_inputs (tenant_id, input_id);

-- Ratings of a commitment (IRM's from OGP's data, later the Monitoring Body's): the indicator
-- and level keys of `domain::commitments::scales`; an absent rating keeps its reason
-- ('ND' no data, 'NR' not reviewed, 'NA' not applicable), never 0. `raw_label` and `raw_code`
-- keep OGP's cells as they were.
CREATE TABLE commitment_assessments (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    commitment_id       INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    indicator           TEXT NOT NULL,
    level_key           TEXT,
    absent_reason       TEXT,
    raw_label           TEXT NOT NULL DEFAULT '',
    raw_code            TEXT NOT NULL DEFAULT '',
    assessor            TEXT NOT NULL DEFAULT '',
    evidence            TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL
);
CREATE INDEX ix_commitment_assessments__commitment ON commitment_assessments (tenant_id, commitment_id, indicator);
