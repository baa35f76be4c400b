-- The decisions log's accent-insensitive search: the decision's texts (Albanian and English)
-- folded in Rust when the decision is saved (lower case, diacritics removed: "Këshilli" is
-- stored as "keshilli"), so that `LIKE` on the folded query finds it on both databases without
-- an extension.
ALTER TABLE forum_decisions ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

-- The public log lists decisions of published minutes, newest meeting first.
CREATE INDEX ix_meeting_minutes__meeting_status ON meeting_minutes (tenant_id, meeting_id, status);
CREATE INDEX ix_action_items__owner ON action_items (tenant_id, owner_id, status);
