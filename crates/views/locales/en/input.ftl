# Public input (see views/src/input/mod.rs). Same keys in sq and en.

nav-input = Public input
input-list-title = Problems and ideas from the public
input-no-phase = No input phase has been opened yet. It will be announced on the home page.
input-new-button = Send a problem or an idea
input-filters = Search and filters of inputs
input-filter-phase = Phase
input-search = Search
input-search-hint = Words of the title or description; accents are optional.
input-filter-theme = Theme
input-filter-all = All
input-filter-unit = Administrative unit
input-filter-kind = Kind
input-filter-status = Status
field-q = { input-search }
field-sort = { input-sort }
input-sort = Order
input-sort-newest = Newest
input-sort-supported = Most supported
input-sort-discussed = Most discussed
input-sort-answered = Recently answered
input-none = No input in this phase yet.
input-none-found = No input matches the search or the filters.
input-first-page = First page
input-hidden-title = Input hidden by a moderator
input-hidden-reason = A moderator hid this content for this reason: { $reason }
input-supports-count = { $count ->
    [one] 1 support
   *[other] { $count } supports
}
input-comments-count = { $count ->
    [one] 1 comment
   *[other] { $count } comments
}
input-kind-problem = Problem
input-kind-idea = Idea
input-status-withdrawn = Withdrawn by its author
input-status-unanswered = Unanswered
input-answer-unanswered = Not answered yet
input-answer-adopted = Adopted
input-answer-merged = Merged into another input
input-answer-under_consideration = Under consideration
input-answer-not_adopted = Not adopted
input-phase-when-open = Open until { $date }
input-phase-when-upcoming = Opens on { $date }
input-phase-when-closed = Closed on { $date }
input-phase-when-draft = Not announced yet
input-phase-status-draft = Not announced
input-phase-status-upcoming = Announced, not open yet
input-phase-status-open = Open
input-phase-status-closed = Closed

input-by = By { $name }
input-on-behalf-of = on behalf of { $org }
input-updated-on = changed on { $date }
input-withdrawn-heading = Its author withdrew this input
input-withdrawn-on = Withdrawn on { $date }, with this note:
input-attachment = Attached file: { $name }
input-your-input = Your input
input-edit-link = Change your input
input-withdraw-link = Withdraw your input

input-new-title = New problem or idea
input-edit-title = Changing your input
field-input-kind = What you are sending
field-title = Title
input-title-hint = One short sentence that sums it up.
field-body = Description
input-body-hint = Say where, what and why; you may use the formatting below.
field-theme = Theme
input-choose = Choose…
field-unit = Administrative unit
input-unit-hint = Where the problem is or where the idea would apply.
field-org = On behalf of
input-org-hint = Only organisations you are a member of.
input-org-none = Myself
field-input-file = File (optional)
input-file-hint = A PDF or a picture (PNG, JPEG, WebP).
input-remove-file = Remove the file { $name }
input-email-only-legend = Without an account
input-email-only-hint = We will send a link to this address; the input is published when you open it.
field-author-name = Your name
input-submit = Send
input-closed-title = No input phase is open
input-closed-text = Input is taken only while a phase is open. The dates are on the home page.
input-edit-closed-title = This input can no longer be changed
input-back-to-input = Back to the input
input-pending-title = Check your e-mail
input-pending-text = We sent a link to { $email }. The input is published when you open it.

input-withdraw-title = Withdrawing your input
input-withdraw-text = The input “{ $title }” stays visible, marked as withdrawn, with your note. This cannot be undone.
field-withdraw-note = Why you withdraw it
input-withdraw-note-hint = The note is shown on the input's page.
input-withdraw-button = Withdraw the input

input-confirm-title = Publishing your input
input-confirm-text = Press the button to publish the input “{ $title }”.
input-confirm-button = Publish
input-confirm-mail-subject = Confirm your input: { $title }
input-confirm-mail-body = Thank you for the input “{ $title }”. Open the link below within { $days } days to publish it.

input-admin-title = Public input
input-admin-nav = Public input
input-phase-new = New input phase
input-phase-edit = Input phase
input-phases = Input phases
input-phases-none = No phase yet.
input-phase = Phase
input-phase-status = Status
input-phase-opens = Opens
input-phase-closes = Closes
input-announced-on = Announced on { $date }
input-settings = Input settings
field-input-email-only = Allow taking part without an account, with a verified e-mail address only
field-input-self-support = Allow authors to support their own input
field-input-writes-per-hour = Writes per person per hour
input-writes-hint = Inputs, comments and reports; from 1 to 1000.
field-input-similarity-percent = Similarity threshold (%)
input-similarity-hint = From 10 to 95; the higher, the more alike inputs must be to be proposed as a group.
field-questions-sq = Questions to the public (Albanian)
field-questions-en = Questions to the public (English)
input-questions-hint = What the public is asked in this phase.
field-phase-opens-at = Opens on
field-phase-closes-at = Closes on
field-themes-sq = Themes (Albanian)
input-themes-hint = One theme per line.
field-themes-en = Themes (English)
input-themes-en-hint = In the same order, one per line; may be left out.
field-units = Administrative units
input-units-hint = None ticked means all of the municipality's units.
field-email-only = This phase takes input without an account
input-email-only-allowed = The municipality allows taking part without an account.
input-email-only-not-allowed = The municipality does not allow taking part without an account yet; this choice has no effect without that setting.
input-announce-heading = Announcing the phase
input-announce-text = Announcing puts the phase on the public timeline and records the time of the announcement. No e-mail is sent.
input-announce-button = Announce the phase
input-announce-confirm-title = Announce the phase “{ $title }”?
input-announce-confirm-text = The phase “{ $title }” appears on the cycle's public timeline and the time of the announcement is recorded. No e-mail is sent.

flash-input-submitted = Your input is published.
flash-input-saved = The changes are saved.
flash-input-withdrawn = The input is withdrawn.
flash-input-confirmed = Your input is published.
flash-input-phase-saved = The phase is saved.
flash-input-phase-announced = The phase is announced.
flash-input-settings-saved = The settings are saved.

error-input-not-author = Only its author changes an input.
error-input-withdrawn = The input has been withdrawn.
error-input-hidden = A moderator has hidden the input.
error-input-has-reactions = The input already has supports or comments, so it can no longer be changed.
error-input-phase-closed = The input phase has closed; the input was not sent.
error-input-closes-before-opens = The closing must come after the opening.
error-input-too-many-themes = At most 30 themes.
error-input-themes-mismatch = There are more English themes than Albanian ones; write them in the same order.
error-input-writes-range = Write a whole number from 1 to 1000.
error-input-similarity-range = Write a whole number from 10 to 95.
error-input-no-cycle = Create a co-creation cycle first.
error-search-too-long = The search is too long; write at most 200 characters.
error-search-no-words = The search has no word in it; type letters or digits.

# Audit sentences of phases and inputs.
audit-input-phase-create = { $who } created the input phase { $what }.
audit-input-phase-update = { $who } changed the input phase { $what }.
audit-input-phase-announce = { $who } announced the input phase { $what }.
audit-input-settings = { $who } changed the input settings.
audit-input-create = { $who } published the input { $what }.
audit-input-update = { $who } changed the input { $what }.
audit-input-withdraw = { $who } withdrew the input { $what }.
audit-input-pending = { $who } sent the input { $what }, waiting for the e-mail address to be confirmed.
