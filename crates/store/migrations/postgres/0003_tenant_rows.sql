-- Issue 6 (PostgreSQL dialect; keep in step with ../sqlite/0003_tenant_rows.sql):
-- * every tenant-owned row carries its tenant, child tables included, so that each statement
--   filters by tenant;
-- * the municipality's name in the Albanian cases its texts need, its administrative units, and
--   one counter of application references for all its calls;
-- * each e-mail says what it is about, so that erasing an application erases its e-mails too.

ALTER TABLE tenants ADD COLUMN name_genitive_sq TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN name_accusative_sq TEXT NOT NULL DEFAULT '';
ALTER TABLE tenants ADD COLUMN admin_units TEXT NOT NULL DEFAULT '';
-- Application references are numbered per municipality, not per call: two calls share a prefix.
ALTER TABLE tenants ADD COLUMN next_ref BIGINT NOT NULL DEFAULT 1;
UPDATE tenants SET next_ref = 1 + COALESCE((SELECT SUM(c.next_ref - 1) FROM calls c WHERE c.tenant_id = tenants.id), 0);
ALTER TABLE calls DROP COLUMN next_ref;

ALTER TABLE outbox ADD COLUMN about TEXT;
CREATE INDEX ix_outbox__about ON outbox (tenant_id, about);

ALTER TABLE application_works ADD COLUMN tenant_id BIGINT REFERENCES tenants(id);
UPDATE application_works w SET tenant_id = a.tenant_id FROM applications a WHERE a.id = w.application_id;
ALTER TABLE application_works ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE application_files ADD COLUMN tenant_id BIGINT REFERENCES tenants(id);
UPDATE application_files f SET tenant_id = a.tenant_id FROM applications a WHERE a.id = f.application_id;
ALTER TABLE application_files ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE call_documents ADD COLUMN tenant_id BIGINT REFERENCES tenants(id);
UPDATE call_documents d SET tenant_id = c.tenant_id FROM calls c WHERE c.id = d.call_id;
ALTER TABLE call_documents ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE review_scores ADD COLUMN tenant_id BIGINT REFERENCES tenants(id);
UPDATE review_scores s SET tenant_id = r.tenant_id FROM reviews r WHERE r.id = s.review_id;
ALTER TABLE review_scores ALTER COLUMN tenant_id SET NOT NULL;

ALTER TABLE org_members ADD COLUMN tenant_id BIGINT REFERENCES tenants(id);
UPDATE org_members m SET tenant_id = o.tenant_id FROM organisations o WHERE o.id = m.org_id;
ALTER TABLE org_members ALTER COLUMN tenant_id SET NOT NULL;

-- The people holding a role (the reviewers to pick from) are looked up by role.
CREATE INDEX ix_role_grants__role ON role_grants (tenant_id, role, user_id);

-- The people page lists a municipality's accounts newest first: walk them in id order instead of
-- sorting all of them (15 ms became 0.2 ms with 10,000 accounts).
CREATE INDEX ix_users__tenant_id ON users (tenant_id, id);
