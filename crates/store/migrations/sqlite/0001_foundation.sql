-- Foundation schema (SQLite dialect). Keep in step with ../postgres/0001_foundation.sql:
-- the same tables, columns and constraints; only storage types differ (see src/lib.rs).

CREATE TABLE tenants (
    id              INTEGER PRIMARY KEY,
    slug            TEXT NOT NULL,
    name_sq         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    languages       TEXT NOT NULL DEFAULT 'sq,en',
    time_zone       TEXT NOT NULL DEFAULT 'Europe/Tirane',
    contact_email   TEXT NOT NULL,
    logo_url        TEXT,
    privacy_sq      TEXT NOT NULL DEFAULT '',
    privacy_en      TEXT NOT NULL DEFAULT '',
    is_default      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TEXT NOT NULL,
    CONSTRAINT uq_tenants__slug UNIQUE (slug)
);
CREATE TABLE tenant_hosts (
    host            TEXT PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE
);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    -- NULL once the account is deleted: the row stays so that contributions keep an author.
    email               TEXT,
    display_name        TEXT NOT NULL,
    password_hash       TEXT,
    lang                TEXT NOT NULL DEFAULT 'sq',
    email_verified_at   TEXT,
    deleted_at          TEXT,
    created_at          TEXT NOT NULL,
    CONSTRAINT uq_users__email UNIQUE (tenant_id, email)
);

CREATE TABLE role_grants (
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
    user_id     INTEGER NOT NULL REFERENCES users(id),
    role        TEXT NOT NULL,
    granted_by  INTEGER REFERENCES users(id),
    granted_at  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_id, role)
);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
    user_id     INTEGER NOT NULL REFERENCES users(id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX ix_sessions__user ON sessions (user_id);

-- One-time links sent by e-mail: address verification, password reset, change of address,
-- invitations. Only a hash of the token is stored.
CREATE TABLE email_tokens (
    token_hash  TEXT PRIMARY KEY,
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
CREATE INDEX ix_email_tokens__tenant_purpose ON email_tokens (tenant_id, purpose, created_at);

-- Fixed-window counters for throttling; shared by every instance because they live here.
CREATE TABLE rate_buckets (
    bucket_key      TEXT PRIMARY KEY,
    window_start    TEXT NOT NULL,
    hits            INTEGER NOT NULL
);

CREATE TABLE organisations (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL,
    registration_number TEXT,
    size_band           TEXT NOT NULL,
    fields              TEXT NOT NULL DEFAULT '',
    area                TEXT NOT NULL DEFAULT '',
    website             TEXT NOT NULL DEFAULT '',
    mission             TEXT NOT NULL DEFAULT '',
    created_by          INTEGER NOT NULL REFERENCES users(id),
    created_at          TEXT NOT NULL
);
CREATE INDEX ix_organisations__tenant ON organisations (tenant_id, id);

CREATE TABLE org_members (
    org_id      INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    is_owner    BOOLEAN NOT NULL DEFAULT FALSE,
    joined_at   TEXT NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE INDEX ix_org_members__user ON org_members (user_id);

-- A co-creation cycle (one action plan) and its public timeline.
CREATE TABLE cycles (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
    title_sq    TEXT NOT NULL,
    title_en    TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'planning',
    is_current  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_cycles__tenant ON cycles (tenant_id, is_current);

CREATE TABLE timeline_phases (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants(id),
    cycle_id    INTEGER NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title_sq    TEXT NOT NULL,
    title_en    TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL
);
CREATE INDEX ix_timeline_phases__cycle ON timeline_phases (cycle_id, position);

CREATE TABLE news_items (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER NOT NULL REFERENCES tenants(id),
    title_sq        TEXT NOT NULL,
    title_en        TEXT NOT NULL,
    body_sq         TEXT NOT NULL,
    body_en         TEXT NOT NULL,
    author_id       INTEGER REFERENCES users(id),
    published_at    TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX ix_news_items__tenant_published ON news_items (tenant_id, published_at DESC, id DESC);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    tenant_id       INTEGER REFERENCES tenants(id),
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    lang            TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_until    TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX ix_outbox__due ON outbox (status, next_attempt_at);
CREATE INDEX ix_outbox__tenant ON outbox (tenant_id, id);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER REFERENCES tenants(id),
    actor_id    INTEGER REFERENCES users(id),
    at          TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT,
    request_id  TEXT
);
CREATE INDEX ix_audit_log__tenant ON audit_log (tenant_id, id DESC);
