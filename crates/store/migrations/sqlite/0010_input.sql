-- Public input: phases, problems and ideas, their discussion, moderation, clusters and answers
-- (SQLite dialect; keep in step with ../postgres/0010_input.sql).

-- The municipality's input settings. People without an account may take part with a verified
-- e-mail address only where the municipality allows it (off by default); supporting one's own
-- input likewise. Writes (inputs, comments, reports) per person per hour against floods. The
-- similarity threshold of proposed groups, in percent of cosine similarity.
ALTER TABLE tenants ADD COLUMN input_email_only BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE tenants ADD COLUMN input_self_support BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE tenants ADD COLUMN input_writes_per_hour INTEGER NOT NULL DEFAULT 30;
ALTER TABLE tenants ADD COLUMN input_similarity_percent INTEGER NOT NULL DEFAULT 45;

-- How a person wants e-mails about inputs they follow: 'immediate' or 'daily' (a digest).
ALTER TABLE users ADD COLUMN notify_mode TEXT NOT NULL DEFAULT 'immediate';

-- An input phase of a cycle: themes, questions to the public, when it opens and closes, the
-- administrative units concerned (one per line; empty means all). A phase is a draft until the
-- coordinator announces it; the time of the announcement is kept (OGP Local's check 5).
CREATE TABLE input_phases (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    cycle_id            INTEGER NOT NULL REFERENCES cycles(id),
    title_sq            TEXT NOT NULL,
    title_en            TEXT NOT NULL DEFAULT '',
    questions_sq        TEXT NOT NULL DEFAULT '',
    questions_en        TEXT NOT NULL DEFAULT '',
    opens_at            TEXT NOT NULL,
    closes_at           TEXT NOT NULL,
    units               TEXT NOT NULL DEFAULT '',
    -- This phase lets people without an account take part with a verified e-mail address (only
    -- where the tenant's `input_email_only` allows it).
    email_only          BOOLEAN NOT NULL DEFAULT FALSE,
    announced_at        TEXT,
    -- The phase as shown on the cycle's public timeline, created when it is announced.
    timeline_phase_id   INTEGER REFERENCES timeline_phases(id) ON DELETE SET NULL,
    created_by          INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX ix_input_phases__tenant ON input_phases (tenant_id, cycle_id, opens_at);

CREATE TABLE input_themes (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    phase_id            INTEGER NOT NULL REFERENCES input_phases(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    title_sq            TEXT NOT NULL,
    title_en            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_input_themes__phase ON input_themes (tenant_id, phase_id, position);

CREATE TABLE input_clusters (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    phase_id            INTEGER NOT NULL REFERENCES input_phases(id),
    title_sq            TEXT NOT NULL,
    title_en            TEXT NOT NULL DEFAULT '',
    created_by          INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX ix_input_clusters__phase ON input_clusters (tenant_id, phase_id, id);

-- A problem or an idea. Counters (supports, comments) and the answer's status and time are kept
-- on the row so that every order of the list is an index scan (keyset pagination); they change
-- in the same transaction as what they count.
CREATE TABLE inputs (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    phase_id            INTEGER NOT NULL REFERENCES input_phases(id),
    kind                TEXT NOT NULL,
    title               TEXT NOT NULL,
    -- Markdown as typed; rendered and sanitised on output.
    body                TEXT NOT NULL,
    theme_id            INTEGER REFERENCES input_themes(id),
    admin_unit          TEXT NOT NULL DEFAULT '',
    file_id             INTEGER REFERENCES files(id),
    author_id           INTEGER NOT NULL REFERENCES users(id),
    -- The organisation on whose behalf the author writes (the author is a member of it).
    org_id              INTEGER REFERENCES organisations(id),
    state               TEXT NOT NULL DEFAULT 'published',
    withdrawn_at        TEXT,
    withdraw_note       TEXT NOT NULL DEFAULT '',
    -- Hidden by a moderator: the text stays here; the reason is shown in its place.
    hidden_at           TEXT,
    hidden_by           INTEGER REFERENCES users(id),
    hidden_reason       TEXT NOT NULL DEFAULT '',
    cluster_id          INTEGER REFERENCES input_clusters(id) ON DELETE SET NULL,
    -- A duplicate merged into another input, which is answered for both.
    merged_into_id      INTEGER REFERENCES inputs(id),
    support_count       INTEGER NOT NULL DEFAULT 0,
    comment_count       INTEGER NOT NULL DEFAULT 0,
    -- The published answer that covers this input (its own, its cluster's or the input it was
    -- merged into): status key and time of publication; NULL while unanswered.
    answer_status       TEXT,
    answered_at         TEXT,
    -- Title and body folded (lower case, no diacritics) for `LIKE` and similarity.
    search_text         TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX ix_inputs__newest ON inputs (tenant_id, phase_id, created_at, id);
CREATE INDEX ix_inputs__supported ON inputs (tenant_id, phase_id, support_count, id);
CREATE INDEX ix_inputs__discussed ON inputs (tenant_id, phase_id, comment_count, id);
CREATE INDEX ix_inputs__answered ON inputs (tenant_id, phase_id, answered_at, id);
CREATE INDEX ix_inputs__author ON inputs (tenant_id, author_id);
CREATE INDEX ix_inputs__cluster ON inputs (tenant_id, cluster_id);

-- Full-text search without accents: FTS5 with `remove_diacritics 2` ("ceshtje" matches
-- "çështje"); the row id is the input's id. Written by the store with the input.
CREATE VIRTUAL TABLE inputs_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE input_comments (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    input_id            INTEGER NOT NULL REFERENCES inputs(id),
    -- One level of replies: a reply's parent is a comment without a parent.
    parent_id           INTEGER REFERENCES input_comments(id),
    author_id           INTEGER NOT NULL REFERENCES users(id),
    body                TEXT NOT NULL,
    hidden_at           TEXT,
    hidden_by           INTEGER REFERENCES users(id),
    hidden_reason       TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL
);
CREATE INDEX ix_input_comments__input ON input_comments (tenant_id, input_id, id);

CREATE TABLE input_supports (
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    input_id            INTEGER NOT NULL REFERENCES inputs(id),
    user_id             INTEGER NOT NULL REFERENCES users(id),
    created_at          TEXT NOT NULL,
    PRIMARY KEY (input_id, user_id)
);
CREATE INDEX ix_input_supports__user ON input_supports (tenant_id, user_id);

CREATE TABLE input_follows (
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    input_id            INTEGER NOT NULL REFERENCES inputs(id),
    user_id             INTEGER NOT NULL REFERENCES users(id),
    created_at          TEXT NOT NULL,
    -- Set when the person stops following. The row stays: an input's author follows it without a
    -- row, and this one says they no longer want to.
    unfollowed_at       TEXT,
    PRIMARY KEY (input_id, user_id)
);
CREATE INDEX ix_input_follows__user ON input_follows (tenant_id, user_id);

-- The one-click unsubscribe links of the e-mails about an input: one secret per e-mail (only
-- its hash is kept), so that the link of every e-mail ever sent keeps working.
CREATE TABLE input_unsubscribe_links (
    token_hash          TEXT NOT NULL PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    input_id            INTEGER NOT NULL REFERENCES inputs(id),
    user_id             INTEGER NOT NULL REFERENCES users(id),
    created_at          TEXT NOT NULL
);

-- What followers choosing a daily digest have not yet been told: one row per event, sent and
-- marked by the digest job.
CREATE TABLE input_notifications (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    user_id             INTEGER NOT NULL REFERENCES users(id),
    input_id            INTEGER NOT NULL REFERENCES inputs(id),
    -- 'comment' or 'answer'
    event               TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    sent_at             TEXT
);
CREATE INDEX ix_input_notifications__due ON input_notifications (tenant_id, sent_at, user_id);

CREATE TABLE input_reports (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    -- 'input' or 'comment'
    target_kind         TEXT NOT NULL,
    target_id           INTEGER NOT NULL,
    reporter_id         INTEGER NOT NULL REFERENCES users(id),
    reason              TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    -- Closed when a moderator hides the content or dismisses the report.
    closed_at           TEXT,
    closed_by           INTEGER REFERENCES users(id),
    CONSTRAINT uq_input_reports__once UNIQUE (target_kind, target_id, reporter_id)
);
CREATE INDEX ix_input_reports__open ON input_reports (tenant_id, closed_at, id);

-- The author's one appeal against a hiding, decided by a coordinator.
CREATE TABLE input_appeals (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    target_kind         TEXT NOT NULL,
    target_id           INTEGER NOT NULL,
    author_id           INTEGER NOT NULL REFERENCES users(id),
    body                TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    -- 'upheld' or 'reinstated'
    outcome             TEXT,
    decision_reason     TEXT NOT NULL DEFAULT '',
    decided_by          INTEGER REFERENCES users(id),
    decided_at          TEXT,
    CONSTRAINT uq_input_appeals__once UNIQUE (target_kind, target_id)
);
CREATE INDEX ix_input_appeals__open ON input_appeals (tenant_id, decided_at, id);

-- Groups the system proposed from text similarity, for forum members to accept, change or
-- reject; `score` is the mean similarity in percent.
CREATE TABLE input_proposals (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    phase_id            INTEGER NOT NULL REFERENCES input_phases(id),
    score               INTEGER NOT NULL,
    status              TEXT NOT NULL DEFAULT 'open',
    cluster_id          INTEGER REFERENCES input_clusters(id) ON DELETE SET NULL,
    decided_by          INTEGER REFERENCES users(id),
    decided_at          TEXT,
    created_at          TEXT NOT NULL
);
CREATE INDEX ix_input_proposals__phase ON input_proposals (tenant_id, phase_id, status, id);
CREATE TABLE input_proposal_items (
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    proposal_id         INTEGER NOT NULL REFERENCES input_proposals(id) ON DELETE CASCADE,
    input_id            INTEGER NOT NULL REFERENCES inputs(id),
    PRIMARY KEY (proposal_id, input_id)
);

-- The reasoned answer to one input or one cluster (exactly one of the two), a draft until
-- published. The justification in Albanian and, where given, English.
CREATE TABLE input_answers (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    input_id            INTEGER REFERENCES inputs(id),
    cluster_id          INTEGER REFERENCES input_clusters(id),
    status              TEXT NOT NULL,
    body_sq             TEXT NOT NULL,
    body_en             TEXT NOT NULL DEFAULT '',
    -- For 'merged': the input this one was merged into.
    merged_into_id      INTEGER REFERENCES inputs(id),
    -- For 'adopted': the commitment it went into, once commitments exist (issue 10).
    commitment_ref      TEXT NOT NULL DEFAULT '',
    author_id           INTEGER REFERENCES users(id),
    published_at        TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CONSTRAINT ck_input_answers__one CHECK ((input_id IS NULL) <> (cluster_id IS NULL)),
    CONSTRAINT uq_input_answers__input UNIQUE (input_id),
    CONSTRAINT uq_input_answers__cluster UNIQUE (cluster_id)
);
CREATE INDEX ix_input_answers__published ON input_answers (tenant_id, published_at, id);
