-- Issue 6 (SQLite dialect; keep in step with ../postgres/0003_tenant_rows.sql):
-- * every tenant-owned row carries its tenant, child tables included, so that each statement
--   filters by tenant (SQLite cannot add a NOT NULL foreign key column: the four child tables
--   are rebuilt, tenant_id last as PostgreSQL's ADD COLUMN puts it);
-- * the municipality's name in the Albanian cases its texts need, its administrative units, and
--   one counter of application references for all its calls;
-- * each e-mail says what it is about, so that erasing an application erases its e-mails too.

ALTER TABLE tenants ADD COLUMN name_genitive_sq TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN name_accusative_sq TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN admin_units TEXT NOT NULL DEFAULT '';
-- Application references are numbered per municipality, not per call: two calls share a prefix.
ALTER TABLE tenants ADD COLUMN next_ref INTEGER NOT NULL DEFAULT 1;
UPDATE tenants SET next_ref = 1 + COALESCE((SELECT SUM(c.next_ref - 1) FROM calls c WHERE c.tenant_id = tenants.id), 0);
ALTER TABLE calls DROP COLUMN next_ref;

ALTER TABLE outbox ADD COLUMN about TEXT;
CREATE INDEX ix_outbox__about ON outbox (tenant_id, about);

CREATE TABLE application_works_new (
    id              INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    title           TEXT NOT NULL,
    year            INTEGER,
    role            TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL DEFAULT '',
    link            TEXT NOT NULL DEFAULT '',
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id)
);
INSERT INTO application_works_new (id, application_id, position, title, year, role, description, link, tenant_id)
    SELECT w.id, w.application_id, w.position, w.title, w.year, w.role, w.description, w.link, a.tenant_id
    FROM application_works w JOIN applications a ON a.id = w.application_id;
DROP TABLE application_works;
ALTER TABLE application_works_new RENAME TO application_works;
CREATE INDEX ix_application_works__application ON application_works (application_id, position);

CREATE TABLE application_files_new (
    application_id  INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    file_id         INTEGER NOT NULL REFERENCES files(id),
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
    PRIMARY KEY (application_id, file_id)
);
INSERT INTO application_files_new (application_id, file_id, tenant_id)
    SELECT f.application_id, f.file_id, a.tenant_id
    FROM application_files f JOIN applications a ON a.id = f.application_id;
DROP TABLE application_files;
ALTER TABLE application_files_new RENAME TO application_files;

CREATE TABLE call_documents_new (
    call_id     INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    file_id     INTEGER NOT NULL REFERENCES files(id),
    position    INTEGER NOT NULL,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
    PRIMARY KEY (call_id, file_id)
);
INSERT INTO call_documents_new (call_id, file_id, position, tenant_id)
    SELECT d.call_id, d.file_id, d.position, c.tenant_id FROM call_documents d JOIN calls c ON c.id = d.call_id;
DROP TABLE call_documents;
ALTER TABLE call_documents_new RENAME TO call_documents;

CREATE TABLE review_scores_new (
    review_id       INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    criterion_id    INTEGER NOT NULL REFERENCES call_criteria(id),
    score           INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment         TEXT NOT NULL DEFAULT '',
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
    PRIMARY KEY (review_id, criterion_id)
);
INSERT INTO review_scores_new (review_id, criterion_id, score, comment, tenant_id)
    SELECT s.review_id, s.criterion_id, s.score, s.comment, r.tenant_id
    FROM review_scores s JOIN reviews r ON r.id = s.review_id;
DROP TABLE review_scores;
ALTER TABLE review_scores_new RENAME TO review_scores;

CREATE TABLE org_members_new (
    org_id      INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    is_owner    BOOLEAN NOT NULL DEFAULT FALSE,
    joined_at   TEXT NOT NULL,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
    PRIMARY KEY (org_id, user_id)
);
INSERT INTO org_members_new (org_id, user_id, is_owner, joined_at, tenant_id)
    SELECT m.org_id, m.user_id, m.is_owner, m.joined_at, o.tenant_id
    FROM org_members m JOIN organisations o ON o.id = m.org_id;
DROP TABLE org_members;
ALTER TABLE org_members_new RENAME TO org_members;
CREATE INDEX ix_org_members__user ON org_members (user_id);

-- A TEXT PRIMARY KEY in SQLite accepts NULL unless it says NOT NULL; PostgreSQL's never does.
-- The four tables whose key is text are rebuilt with it, so both databases refuse the same rows.
CREATE TABLE tenant_hosts_new (
    host            TEXT NOT NULL PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE
);
INSERT INTO tenant_hosts_new (host, tenant_id) SELECT host, tenant_id FROM tenant_hosts WHERE host IS NOT NULL;
DROP TABLE tenant_hosts;
ALTER TABLE tenant_hosts_new RENAME TO tenant_hosts;

CREATE TABLE sessions_new (
    token_hash  TEXT NOT NULL PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
    user_id     INTEGER NOT NULL REFERENCES users(id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
INSERT INTO sessions_new (token_hash, tenant_id, user_id, created_at, expires_at)
    SELECT token_hash, tenant_id, user_id, created_at, expires_at FROM sessions WHERE token_hash IS NOT NULL;
DROP TABLE sessions;
ALTER TABLE sessions_new RENAME TO sessions;
CREATE INDEX ix_sessions__user ON sessions (user_id);

CREATE TABLE email_tokens_new (
    token_hash  TEXT NOT NULL PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
    purpose     TEXT NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    email       TEXT NOT NULL,
    role        TEXT,
    org_id      INTEGER,
    created_by  INTEGER REFERENCES users(id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);
INSERT INTO email_tokens_new (token_hash, tenant_id, purpose, user_id, email, role, org_id, created_by, created_at,
                              expires_at, used_at)
    SELECT token_hash, tenant_id, purpose, user_id, email, role, org_id, created_by, created_at, expires_at, used_at
    FROM email_tokens WHERE token_hash IS NOT NULL;
DROP TABLE email_tokens;
ALTER TABLE email_tokens_new RENAME TO email_tokens;
CREATE INDEX ix_email_tokens__tenant_purpose ON email_tokens (tenant_id, purpose, created_at);

CREATE TABLE rate_buckets_new (
    bucket_key      TEXT NOT NULL PRIMARY KEY,
    window_start    TEXT NOT NULL,
    hits            INTEGER NOT NULL
);
INSERT INTO rate_buckets_new (bucket_key, window_start, hits)
    SELECT bucket_key, window_start, hits FROM rate_buckets WHERE bucket_key IS NOT NULL;
DROP TABLE rate_buckets;
ALTER TABLE rate_buckets_new RENAME TO rate_buckets;

-- The people holding a role (the reviewers to pick from) are looked up by role.
CREATE INDEX ix_role_grants__role ON role_grants (tenant_id, role, user_id);

-- The people page lists a municipality's accounts newest first: walk them in id order instead of
-- sorting all of them (15 ms became 0.2 ms with 10,000 accounts).
CREATE INDEX ix_users__tenant_id ON users (tenant_id, id);
