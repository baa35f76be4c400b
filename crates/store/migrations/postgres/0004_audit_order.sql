-- The audit page lists entries newest first by the time they happened (not by insertion order,
-- which differs for entries written with an earlier time, as the demo does), filtered by action
-- and person: walk the tenant's entries in time order.
CREATE INDEX ix_audit_log__tenant_at ON audit_log (tenant_id, at DESC, id DESC);
CREATE INDEX ix_audit_log__tenant_actor ON audit_log (tenant_id, actor_id, at DESC, id DESC);
-- One kind of action (the filter's choices list a few codes each) is found without walking the
-- whole log when it is rare.
CREATE INDEX ix_audit_log__tenant_action ON audit_log (tenant_id, action, at DESC, id DESC);
