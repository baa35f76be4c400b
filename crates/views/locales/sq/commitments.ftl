## Commitments: drafting, versions, comments, statuses (owner: drafting)

audit-commitment-create = { $who } krijoi angazhimin { $what }.
audit-commitment-save = { $who } ruajti një version të ri të angazhimit { $what }.
audit-commitment-status = { $who } ndryshoi statusin e angazhimit { $what }.
audit-commitment-comment-create = { $who } komentoi angazhimin { $what }.
audit-commitment-comment-resolve = { $who } shënoi si të zgjidhur një koment për angazhimin { $what }.
audit-commitment-link-input = { $who } lidhi një kontribut me angazhimin { $what }.
audit-commitment-unlink-input = { $who } hoqi lidhjen e një kontributi me angazhimin { $what }.
audit-commitment-import = { $who } importoi angazhime nga të dhënat e OGP-së.
audit-commitment-template-update = { $who } ndryshoi tekstet e modelit të angazhimit.
audit-commitment-settings = { $who } ndryshoi rregullat e angazhimeve.
