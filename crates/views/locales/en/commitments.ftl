## Commitments: drafting, versions, comments, statuses (owner: drafting)

audit-commitment-create = { $who } created the commitment { $what }.
audit-commitment-save = { $who } saved a new version of the commitment { $what }.
audit-commitment-status = { $who } changed the status of the commitment { $what }.
audit-commitment-comment-create = { $who } commented on the commitment { $what }.
audit-commitment-comment-resolve = { $who } marked a comment on the commitment { $what } as resolved.
audit-commitment-link-input = { $who } linked an input to the commitment { $what }.
audit-commitment-unlink-input = { $who } removed the link between an input and the commitment { $what }.
audit-commitment-import = { $who } imported commitments from OGP's data.
audit-commitment-template-update = { $who } changed the texts of the commitment template.
audit-commitment-settings = { $who } changed the commitment settings.
