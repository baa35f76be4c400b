-- Indexes the library needs across municipalities (the same in both dialects). Its reads name
-- commitments by id from every tenant, so the per-tenant indexes of 0013 do not serve them: the
-- ratings beside each result, and the places its filter offers.
CREATE INDEX ix_commitment_assessments__by_commitment ON commitment_assessments (commitment_id, id);
CREATE INDEX ix_commitments__places ON commitments (origin, country, locality, public_version);
