# Public input (see views/src/input/mod.rs). Same keys in sq and en.

## The answer on the input page
answer-heading = Reasoned response
answer-status-adopted = Adopted
answer-status-merged = Merged into another
answer-status-under_consideration = Under consideration
answer-status-not_adopted = Not adopted
answer-draft = Draft, not yet published
answer-published-on = Published on
answer-none-yet = This input has not been answered yet.
answer-commitment = Commitment
answer-merged-into = This input was merged into:
answer-in-cluster = Part of the group:
answer-from-cluster = The response given to the group “{ $title }”.
answer-from-merged = The response given to the input this one was merged into.
answer-write = Write the response
answer-edit = Edit the response
answer-merge-link = Merge into another input
answer-grouping-link = Grouping of inputs
answer-text-withheld = The input was hidden by the moderator, so the justification of the answer is not shown: only its status and date.

## Coverage
coverage-title = How many inputs have been answered
coverage-intro = Every published input gets a reasoned response. This page shows how many have one, which has waited longest, and where each theme stands.
coverage-answered = Answered
coverage-share = Share
coverage-oldest = The input waiting longest
coverage-oldest-waiting = Waiting for
coverage-by-theme = By theme
coverage-theme = Theme
coverage-no-theme = No theme
coverage-none = No inputs yet
coverage-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
coverage-csv = All inputs with their responses (CSV)
coverage-feed = New responses (Atom)

## Feeds
feed-inputs-title = New inputs – { $tenant }
feed-answers-title = New responses – { $tenant }
feed-hidden = Hidden by a moderator: { $reason }
feed-answer-withheld = The input was hidden by the moderator; the justification of the answer is not shown.

## E-mail
mail-input-answered-subject = Response to “{ $title }”
mail-input-answered-body = The input “{ $title }” at { $tenant } has been answered: { $status }.

    { $justification }

## Errors
error-answer-status-required = Choose the status of the response.
error-answer-merged-into-required = Enter the number of the input this one was merged into.
error-answer-merged-into-invalid = The number is not that of another input of the same phase that can take merges.
error-answer-merged-cluster = A group is not merged into an input: choose another status.
error-answer-confirm-required = Confirm publishing the response.
error-grouping-no-phase = There is no announced input phase to group yet.
error-grouping-two-inputs = Choose at least two inputs for the group.
error-grouping-proposal-decided = Somebody has already decided this proposal.
error-grouping-already-merged = This input has already been merged into another.
error-grouping-merge-target-invalid = Choose the input this one is merged into.
error-grouping-merge-confirm = Confirm the merge.

## Audit sentences (the audit page reads every key alike)
audit-input-proposal-compute = { $who } computed the grouping proposals of the input phase { $what }.
audit-input-proposal-accept = { $who } accepted a grouping proposal as the group { $what }.
audit-input-proposal-reject = { $who } rejected the grouping proposal { $what }.
audit-input-cluster-create = { $who } created the group of inputs { $what }.
audit-input-cluster-update = { $who } changed the group of inputs { $what }.
audit-input-merge = { $who } merged the input { $what } into another input.
audit-input-answer-save = { $who } saved the answer { $what }.
audit-input-answer-publish = { $who } published the answer { $what }.
audit-field-proposals = Proposals
audit-field-proposal = Proposal
audit-field-inputs = Inputs
audit-field-title = Title
audit-field-merged-into = Merged into
audit-field-published = Published

## Grouping (forum members)
grouping-title = Grouping inputs
grouping-no-phase = No input phase has been announced yet, so there is nothing to group.
grouping-phase = Phase
grouping-intro = The system proposes inputs with similar text together; you accept, change or reject each proposal.
grouping-threshold = Inputs are proposed together from { $percent } % similarity.
grouping-propose = Propose groups now
grouping-new-cluster = Create a group by hand
grouping-edit-cluster = Change the group “{ $title }”
grouping-proposals = Open proposals
grouping-no-proposals = No open proposals. Press “Propose groups now” to compute them.
grouping-proposal-heading = Proposal { $id }
grouping-proposal-inputs = Inputs proposed (untick those that do not belong)
grouping-open-input = Open
grouping-score = Similarity { $percent } %
grouping-accept = Accept as a group
grouping-reject = Reject
grouping-clusters = Groups of the phase
grouping-public-page = Public page
grouping-back = Back to grouping
grouping-title-hint = A short title saying what the group's inputs are about.
grouping-inputs-hint = Tick at least two inputs of the phase.
grouping-no-inputs = The phase has no inputs that can be grouped.
grouping-kept-members = These inputs stay in the group although they can no longer be ticked (hidden or withdrawn):
grouping-hidden-input = Input hidden by the moderator
grouping-note-withdrawn = withdrawn by its author
grouping-note-merged = merged into #{ $id }
field-inputs = Inputs
field-propose = Proposing groups
flash-grouping-proposed = The proposals were computed.
flash-grouping-none-found = No group of similar inputs was found.
flash-grouping-accepted = The proposal was accepted and the group created.
flash-grouping-rejected = The proposal was rejected.
flash-cluster-saved = The group was saved.

## Clusters (public)
clusters-title = Groups of inputs
clusters-intro = Inputs about the same thing are gathered in a group and get one answer together.
clusters-none = No groups yet.
clusters-back-to-inputs = All inputs
clusters-count = { $count ->
    [one] 1 input
   *[other] { $count } inputs
}
cluster-inputs = Inputs of the group
cluster-no-answer = This group has not been answered yet.
cluster-edit = Change the group

## Merging a duplicate
merge-title = Merge an input into another
merge-back = Back to the input
merge-input = The input merged
merge-intro = When two inputs say the same thing, one is merged into the other: its page says into which, and the other's answer applies to it too.
merge-no-targets = The phase has no other input this one can be merged into.
merge-choose = Choose the input
merge-continue = Continue
field-into = Merged into the input
merge-confirm-heading = Merge the input?
merge-confirm-text = The input { $input } will be merged into the input { $into }. The latter's answer will apply to it too.
merge-confirm-button = Yes, merge it
flash-input-merged = The input was merged.

## The answer form
answer-form-title-input = The answer to the input
answer-form-title-cluster = The answer to the group
answer-back = Back without saving
field-status = Status
field-merged-into = Number of the input it was merged into
field-commitment-ref = Commitment (reference or link)
answer-body-hint = The justification in Albanian: what will happen and why, also when the input is not adopted.
answer-body-en-hint = Optional. Readers in English see it when given.
answer-merged-into-hint = Only for the status “Merged into another”, e.g. 12.
answer-commitment-hint = Only for the status “Adopted”: the number or link of the commitment in the action plan.
answer-publish-note = { $count ->
    [one] Publishing makes the answer public and e-mails the author and followers of 1 input.
   *[other] Publishing makes the answer public and e-mails the authors and followers of { $count } inputs.
}
answer-published-note = Published on { $date }: changes show at once, without sending new e-mails.
answer-publish = Publish…
answer-save-draft = Save as a draft
answer-save-published = Save the changes
answer-confirm-heading = Publish the answer?
answer-confirm-text = The answer “{ $status }” to “{ $title }” will become public, and { $count ->
    [one] the author and followers of 1 input will be e-mailed.
   *[other] the authors and followers of { $count } inputs will be e-mailed.
}
answer-confirm-button = Yes, publish it
flash-answer-draft = The draft answer was saved. It is not public yet.
flash-answer-published = The answer was published and the authors told.
flash-answer-updated = The changes to the answer were saved.
