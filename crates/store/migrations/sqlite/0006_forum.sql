-- The forum (working group) of a cycle, its members, meetings, minutes and action items
-- (SQLite dialect; keep in step with ../postgres/0006_forum.sql).

-- Thresholds of the forum's health indicators (checks 2, 6 and 7 of OGP Local's standards).
ALTER TABLE tenants ADD COLUMN forum_max_gap_days INTEGER NOT NULL DEFAULT 183;
ALTER TABLE tenants ADD COLUMN forum_notice_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE tenants ADD COLUMN forum_minutes_days INTEGER NOT NULL DEFAULT 14;

-- An e-mail may carry one attachment (a meeting's .ics invitation); text only, so it is TEXT.
ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment_type TEXT;
ALTER TABLE outbox ADD COLUMN attachment_body TEXT;

-- The positions of the municipality's forum. While a municipality has none, the defaults of
-- `domain::forum::DEFAULT_POSITIONS` apply (chair, co-chair, secretary, member, observer).
CREATE TABLE forum_positions (
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    pos_key             TEXT NOT NULL,
    label_sq            TEXT NOT NULL,
    label_en            TEXT NOT NULL DEFAULT '',
    sort_order          INTEGER NOT NULL,
    approves_minutes    BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (tenant_id, pos_key)
);

CREATE TABLE forums (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    cycle_id            INTEGER NOT NULL REFERENCES cycles(id),
    name_sq             TEXT NOT NULL,
    name_en             TEXT NOT NULL DEFAULT '',
    mandate_sq          TEXT NOT NULL DEFAULT '',
    mandate_en          TEXT NOT NULL DEFAULT '',
    -- The act that set the forum up, e.g. the mayor's decision: its title, number and date,
    -- and the document itself.
    legal_basis_sq      TEXT NOT NULL DEFAULT '',
    legal_basis_en      TEXT NOT NULL DEFAULT '',
    legal_number        TEXT NOT NULL DEFAULT '',
    legal_date          TEXT,
    legal_file_id       INTEGER REFERENCES files(id),
    -- How members were chosen: the open call whose published outcome seated them.
    call_id             INTEGER REFERENCES calls(id),
    created_by          INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CONSTRAINT uq_forums__cycle UNIQUE (cycle_id)
);
CREATE INDEX ix_forums__tenant ON forums (tenant_id, id);

-- Terms of reference and public participation rules: every save is a new version, so any two
-- can be compared. The forum's current texts are its highest version.
CREATE TABLE forum_text_versions (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    forum_id            INTEGER NOT NULL REFERENCES forums(id) ON DELETE CASCADE,
    version             INTEGER NOT NULL,
    terms_sq            TEXT NOT NULL DEFAULT '',
    terms_en            TEXT NOT NULL DEFAULT '',
    rules_sq            TEXT NOT NULL DEFAULT '',
    rules_en            TEXT NOT NULL DEFAULT '',
    note                TEXT NOT NULL DEFAULT '',
    author_id           INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL,
    CONSTRAINT uq_forum_text_versions__version UNIQUE (forum_id, version)
);

CREATE TABLE forum_members (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    forum_id            INTEGER NOT NULL REFERENCES forums(id) ON DELETE CASCADE,
    user_id             INTEGER NOT NULL REFERENCES users(id),
    -- The selected applicant this seat came from, when it came from the open call.
    candidate_id        INTEGER REFERENCES forum_candidates(id),
    sector              TEXT NOT NULL,
    org_id              INTEGER REFERENCES organisations(id),
    organisation        TEXT NOT NULL DEFAULT '',
    pos_key             TEXT NOT NULL,
    responsibilities    TEXT NOT NULL DEFAULT '',
    starts_on           TEXT NOT NULL,
    ends_on             TEXT,
    substitute_user_id  INTEGER REFERENCES users(id),
    -- Recorded only when the member chose to (check 18); never shown one by one in public.
    gender              TEXT,
    youth               BOOLEAN,
    rural               BOOLEAN,
    -- invited → accepted | declined; accepted → left. Only accepted members count.
    status              TEXT NOT NULL DEFAULT 'invited',
    -- Hash of the one-time link with which the person accepts or declines.
    answer_token_hash   TEXT,
    invited_at          TEXT NOT NULL,
    answered_at         TEXT,
    left_at             TEXT,
    created_by          INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CONSTRAINT uq_forum_members__person UNIQUE (forum_id, user_id)
);
CREATE INDEX ix_forum_members__user ON forum_members (tenant_id, user_id);
CREATE INDEX ix_forum_members__forum ON forum_members (forum_id, status, sector);

CREATE TABLE meetings (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    forum_id            INTEGER NOT NULL REFERENCES forums(id) ON DELETE CASCADE,
    kind                TEXT NOT NULL,
    title_sq            TEXT NOT NULL,
    title_en            TEXT NOT NULL DEFAULT '',
    description_sq      TEXT NOT NULL DEFAULT '',
    description_en      TEXT NOT NULL DEFAULT '',
    starts_at           TEXT NOT NULL,
    ends_at             TEXT NOT NULL,
    place               TEXT NOT NULL DEFAULT '',
    address             TEXT NOT NULL DEFAULT '',
    online_url          TEXT NOT NULL DEFAULT '',
    visibility          TEXT NOT NULL DEFAULT 'public',
    status              TEXT NOT NULL DEFAULT 'draft',
    -- iCalendar: a stable UID and a SEQUENCE raised by every change of time or place.
    ical_uid            TEXT NOT NULL,
    ical_sequence       INTEGER NOT NULL DEFAULT 0,
    -- When notice was given (published with invitations), and when cancelled.
    notice_at           TEXT,
    cancelled_at        TEXT,
    created_by          INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CONSTRAINT uq_meetings__uid UNIQUE (ical_uid)
);
CREATE INDEX ix_meetings__forum_time ON meetings (tenant_id, starts_at, id);
CREATE INDEX ix_meetings__status ON meetings (tenant_id, status, starts_at);

CREATE TABLE agenda_items (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    title_sq            TEXT NOT NULL,
    title_en            TEXT NOT NULL DEFAULT '',
    presenter           TEXT NOT NULL DEFAULT '',
    minutes_allotted    INTEGER
);
CREATE INDEX ix_agenda_items__meeting ON agenda_items (meeting_id, position);

-- Pre-read documents of a meeting, with the time they were shared (check 6); an agenda item
-- may point at the documents it discusses.
CREATE TABLE meeting_documents (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    file_id             INTEGER NOT NULL REFERENCES files(id),
    agenda_item_id      INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    title               TEXT NOT NULL DEFAULT '',
    shared_at           TEXT NOT NULL,
    shared_by           INTEGER REFERENCES users(id)
);
CREATE INDEX ix_meeting_documents__meeting ON meeting_documents (meeting_id, id);

-- One row per member invited to a meeting: their answer and the reminder, claimed at most once
-- (`reminded_at` is set in the same transaction that queues the e-mail, on any instance).
CREATE TABLE meeting_invitations (
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    user_id             INTEGER NOT NULL REFERENCES users(id),
    answer              TEXT,
    answered_at         TEXT,
    invited_at          TEXT NOT NULL,
    reminded_at         TEXT,
    PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX ix_meeting_invitations__user ON meeting_invitations (tenant_id, user_id);

-- The one-time answer links of invitation e-mails: single-purpose (one answer each), expiring
-- at the meeting's end, stored as hashes only.
CREATE TABLE meeting_answer_links (
    token_hash          TEXT NOT NULL PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    user_id             INTEGER NOT NULL REFERENCES users(id),
    answer              TEXT NOT NULL,
    expires_at          TEXT NOT NULL,
    used_at             TEXT
);
CREATE INDEX ix_meeting_answer_links__meeting ON meeting_answer_links (meeting_id, user_id);

-- Attendance: a member (user_id) or a guest (guest_name), with the sector and, where recorded,
-- gender, youth and rural residence (check 18).
CREATE TABLE meeting_attendance (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    user_id             INTEGER REFERENCES users(id),
    guest_name          TEXT,
    guest_org           TEXT NOT NULL DEFAULT '',
    sector              TEXT NOT NULL,
    presence            TEXT NOT NULL,
    gender              TEXT,
    youth               BOOLEAN,
    rural               BOOLEAN,
    CONSTRAINT uq_meeting_attendance__person UNIQUE (meeting_id, user_id)
);
CREATE INDEX ix_meeting_attendance__meeting ON meeting_attendance (meeting_id, id);

CREATE TABLE meeting_minutes (
    meeting_id          INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    body_sq             TEXT NOT NULL DEFAULT '',
    body_en             TEXT NOT NULL DEFAULT '',
    -- draft → approved (by the chair or the secretary) → published.
    status              TEXT NOT NULL DEFAULT 'draft',
    written_by          INTEGER REFERENCES users(id),
    approved_by         INTEGER REFERENCES users(id),
    approved_at         TEXT,
    published_at        TEXT,
    updated_at          TEXT NOT NULL
);
CREATE INDEX ix_meeting_minutes__published ON meeting_minutes (tenant_id, status, published_at);

-- Numbered decisions of a meeting, with the vote when one was taken.
CREATE TABLE forum_decisions (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    number              INTEGER NOT NULL,
    text_sq             TEXT NOT NULL,
    text_en             TEXT NOT NULL DEFAULT '',
    votes_for           INTEGER,
    votes_against       INTEGER,
    votes_abstain       INTEGER,
    CONSTRAINT uq_forum_decisions__number UNIQUE (meeting_id, number)
);
CREATE INDEX ix_forum_decisions__tenant ON forum_decisions (tenant_id, meeting_id, number);

CREATE TABLE action_items (
    id                  INTEGER PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    decision_id         INTEGER REFERENCES forum_decisions(id) ON DELETE SET NULL,
    what                TEXT NOT NULL,
    owner_id            INTEGER REFERENCES users(id),
    due_on              TEXT,
    status              TEXT NOT NULL DEFAULT 'open',
    done_at             TEXT,
    done_by             INTEGER REFERENCES users(id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX ix_action_items__open ON action_items (tenant_id, status, due_on);
CREATE INDEX ix_action_items__meeting ON action_items (meeting_id, id);

-- Private calendar feeds: a secret address per person, revocable; only its hash is kept.
CREATE TABLE calendar_feeds (
    token_hash          TEXT NOT NULL PRIMARY KEY,
    tenant_id           INTEGER NOT NULL REFERENCES tenants(id),
    user_id             INTEGER NOT NULL REFERENCES users(id),
    created_at          TEXT NOT NULL,
    revoked_at          TEXT
);
CREATE INDEX ix_calendar_feeds__user ON calendar_feeds (tenant_id, user_id);
