-- Open calls, applications and their review (SQLite dialect). Keep in step with
-- ../postgres/0002_calls.sql.

CREATE TABLE calls (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    cycle_id            INTEGER REFERENCES cycles(id),
    title_sq            TEXT NOT NULL,
    title_en            TEXT NOT NULL DEFAULT '',
    summary_sq          TEXT NOT NULL DEFAULT '',
    summary_en          TEXT NOT NULL DEFAULT '',
    body_sq             TEXT NOT NULL DEFAULT '',
    body_en             TEXT NOT NULL DEFAULT '',
    eligibility_sq      TEXT NOT NULL DEFAULT '',
    eligibility_en      TEXT NOT NULL DEFAULT '',
    requirements_sq     TEXT NOT NULL DEFAULT '',
    requirements_en     TEXT NOT NULL DEFAULT '',
    allow_cso           BOOLEAN NOT NULL DEFAULT TRUE,
    allow_informal      BOOLEAN NOT NULL DEFAULT TRUE,
    allow_citizen       BOOLEAN NOT NULL DEFAULT TRUE,
    places              INTEGER,
    opens_at            TEXT NOT NULL,
    closes_at           TEXT NOT NULL,
    contact_email       TEXT NOT NULL,
    -- draft: only staff see it; published: public from opens_at (before that: upcoming).
    status              TEXT NOT NULL DEFAULT 'draft',
    published_at        TEXT,
    outcome_published_at TEXT,
    ref_prefix          TEXT NOT NULL,
    next_ref            INTEGER NOT NULL DEFAULT 1,
    created_by          INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX ix_calls__tenant ON calls (tenant_id, status, closes_at);

CREATE TABLE call_criteria (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
    call_id         INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    name_sq         TEXT NOT NULL,
    name_en         TEXT NOT NULL DEFAULT '',
    description_sq  TEXT NOT NULL DEFAULT '',
    description_en  TEXT NOT NULL DEFAULT '',
    weight          INTEGER NOT NULL
);
CREATE INDEX ix_call_criteria__call ON call_criteria (call_id, position);

-- Files are kept in the database: instances stay stateless, a file is stored atomically with
-- the application it belongs to, and a database backup holds everything.
CREATE TABLE files (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
    filename        TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size_bytes      INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    content         BLOB NOT NULL,
    uploaded_by     INTEGER REFERENCES users(id),
    created_at      TEXT NOT NULL
);

CREATE TABLE call_documents (
    call_id     INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    file_id     INTEGER NOT NULL REFERENCES files(id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (call_id, file_id)
);

CREATE TABLE applications (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    call_id             INTEGER NOT NULL REFERENCES calls(id),
    applicant_id        INTEGER NOT NULL REFERENCES users(id),
    applicant_type      TEXT NOT NULL,
    org_id              INTEGER REFERENCES organisations(id),
    -- One application per organisation per call, and one per citizen: the key is the
    -- organisation, or the person when applying as themselves.
    applicant_key       TEXT NOT NULL,
    reference           TEXT,
    status              TEXT NOT NULL DEFAULT 'draft',
    description         TEXT NOT NULL DEFAULT '',
    statement           TEXT NOT NULL DEFAULT '',
    fields              TEXT NOT NULL DEFAULT '',
    areas               TEXT NOT NULL DEFAULT '',
    contact_name        TEXT NOT NULL DEFAULT '',
    contact_phone       TEXT NOT NULL DEFAULT '',
    size_band           TEXT NOT NULL DEFAULT '',
    consent_privacy     BOOLEAN NOT NULL DEFAULT FALSE,
    consent_listing     BOOLEAN NOT NULL DEFAULT FALSE,
    lang                TEXT NOT NULL DEFAULT 'sq',
    submitted_at        TEXT,
    withdrawn_at        TEXT,
    decision_reason     TEXT,
    decided_by          INTEGER REFERENCES users(id),
    decided_at          TEXT,
    erased_at           TEXT,
    -- Review figures, kept up to date by every assignment, conflict and submitted review, so
    -- that the ranked table of 10,000 applications is an index scan, not an aggregation.
    review_mean         REAL,
    review_spread       REAL,
    reviews_done        INTEGER NOT NULL DEFAULT 0,
    reviews_assigned    INTEGER NOT NULL DEFAULT 0,
    review_conflicts    INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CONSTRAINT uq_applications__applicant_key UNIQUE (call_id, applicant_key),
    CONSTRAINT uq_applications__reference UNIQUE (tenant_id, reference)
);
CREATE INDEX ix_applications__call_status ON applications (call_id, status, id);
CREATE INDEX ix_applications__applicant ON applications (applicant_id);
CREATE INDEX ix_applications__rank ON applications (call_id, review_mean DESC, id);

CREATE TABLE application_works (
    id              INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    title           TEXT NOT NULL,
    year            INTEGER,
    role            TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL DEFAULT '',
    link            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_application_works__application ON application_works (application_id, position);

CREATE TABLE application_files (
    application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    file_id         INTEGER NOT NULL REFERENCES files(id),
    PRIMARY KEY (application_id, file_id)
);

CREATE TABLE review_assignments (
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
    application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    reviewer_id     INTEGER NOT NULL REFERENCES users(id),
    assigned_by     INTEGER REFERENCES users(id),
    assigned_at     TEXT NOT NULL,
    PRIMARY KEY (application_id, reviewer_id)
);
CREATE INDEX ix_review_assignments__reviewer ON review_assignments (reviewer_id, application_id);

CREATE TABLE reviews (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
    application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    reviewer_id     INTEGER NOT NULL REFERENCES users(id),
    conflict        BOOLEAN NOT NULL DEFAULT FALSE,
    conflict_note   TEXT NOT NULL DEFAULT '',
    -- The reviewer's weighted average over the criteria, kept at submission so that ranking
    -- 10,000 applications reads one number per review.
    weighted_avg    REAL,
    submitted_at    TEXT,
    updated_at      TEXT NOT NULL,
    CONSTRAINT uq_reviews__reviewer UNIQUE (application_id, reviewer_id)
);

CREATE TABLE review_scores (
    review_id       INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    criterion_id    INTEGER NOT NULL REFERENCES call_criteria(id),
    score           INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (review_id, criterion_id)
);

-- Selected applicants handed over to the forum (working group) of the cycle.
CREATE TABLE forum_candidates (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
    cycle_id        INTEGER REFERENCES cycles(id),
    application_id  INTEGER NOT NULL REFERENCES applications(id),
    user_id         INTEGER NOT NULL REFERENCES users(id),
    org_id          INTEGER REFERENCES organisations(id),
    created_at      TEXT NOT NULL,
    CONSTRAINT uq_forum_candidates__application UNIQUE (application_id)
);

ALTER TABLE tenants ADD COLUMN ref_prefix TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 365;
