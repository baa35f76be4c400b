-- The ranked table filtered by a status (the shortlisted, say) walks that status's applications
-- in ranking order instead of the whole call.
CREATE INDEX ix_applications__call_status_rank ON applications (call_id, status, review_mean DESC, id);
