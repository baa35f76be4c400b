### Open calls: calls, applications, files, review, ranking and decisions, outcome and statistics, their errors and e-mails.
error-number-invalid = Enter a whole number from 1 to 1000.
error-weight-invalid = The weight is a whole number from 1 to 100.
error-criteria-required = Add at least one selection criterion.
error-phone-invalid = Enter a phone number, e.g. +355 69 123 4567.
error-works-invalid = Every example of work needs a title; the year cannot be in the future and the link starts with https://.
error-works-required = Add at least one example of previous work.
error-consent-required = You must accept the privacy notice to submit the application.
error-call-not-open = The call is not open: the deadline has passed or it has not started yet. Your draft stays saved.
error-application-not-editable = The application has been submitted and can no longer be changed. You can withdraw it before the deadline.
error-application-not-decidable = Decisions are made only on submitted applications.
error-application-withdrawn = The application has been withdrawn.
error-already-submitted = This application was already submitted; no second application was created.
error-already-applied = You have already applied to this call with this organisation or as yourself.
error-applicant-type-not-allowed = This call does not accept applications of this kind.
error-org-kind-mismatch = The organisation's type does not match the kind of application.
error-deadline-not-later = The new deadline must be after the current one and in the future.
mail-deadline-extended-subject = The call's deadline was extended
mail-deadline-extended-body = The deadline of the call “{ $call }” of { $tenant } was extended to { $deadline } ({ $zone }). Your draft is saved; you can complete and submit it until then:
mail-application-submitted-subject = Application { $reference } submitted
mail-application-submitted-body = Your application to the call “{ $call }” of { $tenant } was submitted with the reference number { $reference }. You can see it, or withdraw it before the deadline, here:
mail-application-received-subject = New application: { $reference }
mail-application-received-body = { $applicant } submitted an application ({ $reference }) to the call “{ $call }”. See the call's applications here:
calls-title = Open calls
calls-feed = Call announcements (Atom feed)
calls-open = Open now
calls-none-open = There is no open call at the moment.
calls-upcoming = Coming soon
calls-closed = Closed
calls-none = There are no calls yet.
call-opens = Opens on
call-closes = Deadline
call-days-left = { $n ->
    [0] last day
    [1] 1 day left
   *[other] { $n } days left
}
call-phase-upcoming = Coming soon
call-phase-open = Open
call-phase-closed = Closed
call-phase-draft = Draft (not public)
call-draft-preview = This is a draft: only coordinators can see it.
call-status = Status
call-add-to-calendar = Add the deadline to your calendar
call-who = Who may apply
call-places = Number of places
call-eligibility = Eligibility
call-requirements = What the application must contain
call-criteria = Selection criteria
call-criterion = Criterion
call-weight = Weight
call-how-to-apply = How to apply
call-you-applied = You have an application to this call:
call-apply-intro = Apply here instead of by e-mail: fill in the form, save your draft as often as you like, and submit it before the deadline.
call-apply = Apply
call-not-yet-open = The call is not open yet.
call-closed-text = The deadline of this call has passed.
call-manage = Manage the call
apply-title = Start an application
apply-as = Apply as
apply-org = Organisation
apply-org-hint = For CSOs and informal groups: choose your organisation. As an active citizen, leave it empty.
apply-no-org = — in my own name —
apply-start = Continue
applicant-cso = Civil-society organisation (CSO)
applicant-informal_group = Informal group
applicant-citizen = Active citizen
application-title = Application
application-draft-hint = You can save your draft and come back later.
field-app-description = A short description of the organisation or group and its mission
field-works = Examples of previous work or initiatives
hint-works = On transparency, accountability or community engagement. Up to 5 examples.
work-example = Example
work-title = Title
work-year = Year
work-role = Your role
work-description = Description
work-link = Link (optional)
field-statement = Statement of interest: why you want to take part in the co-creation process
field-areas = Areas of the municipality where you work
hint-areas = Choose the administrative units where your organisation or group works (one or more).
field-contact-name = Contact person
field-contact-phone = Contact phone
hint-phone = E.g. +355 69 123 4567. Seen only by coordinators and reviewers.
field-consent = Consent
consent-privacy = I agree to the processing of my data for this call.
consent-listing = If we are selected, I agree that our name, type and fields are published.
application-continue = Continue to review
application-save-draft = Save draft
application-reference = Reference number
application-status = Status
application-call = Call
application-applicant = Applicant
application-submitted = Submitted on
application-reason = Reason for the decision
application-review-title = Review your application
application-review-intro = Check your data. Once submitted, the application can no longer be changed, but you can withdraw it before the deadline.
application-submit = Submit application
application-back-to-edit = Back to the form
application-continue-editing = Continue filling in
application-withdraw = Withdraw application
application-withdraw-explain = Withdrawing cannot be undone. The application will not be reviewed.
my-applications-none = You have no applications yet.
application-draft = Draft
admin-calls = Calls
call-new = New call
call-edit = Edit call
field-summary-sq = Summary (Albanian)
field-summary-en = Summary (English)
hint-summary = One or two sentences; shown in the list of calls.
field-eligibility-sq = Eligibility (Albanian)
field-eligibility-en = Eligibility (English)
field-requirements-sq = What the application must contain (Albanian)
field-requirements-en = What the application must contain (English)
hint-places = Optional: how many organisations will be selected.
hint-criteria = Empty rows are not saved. Every criterion needs an Albanian title and a weight from 1 to 100: the larger the weight, the more the criterion counts in the ranking; write 1 in every row if they all count the same. To take a criterion out, empty all its boxes. For more rows, save the call and edit it again.
field-description-sq = Description (Albanian)
field-description-en = Description (English)
call-applications = Applications
call-preview = See it as others do
call-publish = Publish call
call-extend = Extend the deadline
call-new-deadline = New deadline
hint-extend = Day.month.year and the time on the 24-hour clock, e.g. 31.12.2026 23:59 ({ $zone }). Everyone with a draft is told by e-mail.
hint-max-chars = Up to { $n } characters.
status-draft = Draft
status-submitted = Submitted
status-withdrawn = Withdrawn
status-shortlisted = Shortlisted
status-selected = Selected
status-waitlisted = Waiting list
status-declined = Not selected
flash-call-published = The call was published.
flash-deadline-extended = The deadline was extended and everyone with a draft was told.
flash-application-saved = Your draft was saved.
flash-application-submitted = Your application was submitted. We sent you a confirmation by e-mail.
flash-application-withdrawn = The application was withdrawn.
flash-application-not-editable = The application has been submitted and can no longer be changed.
error-not-a-reviewer = This person does not have the reviewer role in this municipality.
error-reviewer-not-independent = A reviewer cannot review their own application or their organisation's.
error-score-missing = Give a score from 1 to 5 for every criterion.
error-score-invalid = Scores go from 1 to 5.
error-review-closed = The review was submitted or you declared a conflict of interest; it cannot be changed.
error-outcome-published = The outcome has been published; decisions can no longer change.
error-undecided-remain = Some applications still have no decision. Decide on all of them before publishing.
mail-outcome-subject = Outcome of the call: { $call }
mail-outcome-body = The decision on your application { $reference } to the call “{ $call }” of { $tenant }: { $outcome }. Reason: { $reason } The public outcome is here:
review-title = Applications to review
review-none = You have no applications to review.
review-state-todo = To review
review-state-done = Reviewed
review-state-conflict = Conflict of interest
review-application = Review the application
review-scores = Scores by criterion
review-score = Score (1–5)
review-comment = Comment
review-save = Save without submitting
review-submit = Submit review
review-hint = Other reviewers' scores are shown once you have submitted yours.
review-conflict = Declare a conflict of interest
review-conflict-explain = If you are linked to the applicant (membership, work, family), declare it: you will not review this application.
review-conflict-note = Explanation (optional)
review-others = Everyone's reviews
review-average = Weighted average
review-reviewer = Reviewer
flash-review-saved = Your review was saved.
flash-review-submitted = Your review was submitted.
flash-conflict-declared = The conflict of interest was recorded.
ranking-title = Applications and ranking
ranking-mean = Mean
ranking-spread = Spread
ranking-reviews = Reviews
ranking-conflicts = Conflicts
ranking-filter = Filter
ranking-all = All
ranking-select = Tick
ranking-decide = Decision for the ticked applications
decision = Decision
decision-reason = Reason (sent to the applicant)
decision-shortlist = Shortlist
decision-select = Select
decision-waitlist = Waiting list
decision-decline = Decline
decision-save = Save decision
assign-reviewer = Assign a reviewer
assign-reviewer-email = Reviewer's address
assign-to-call = Assign to all the call's applications
assign-one = Assign to this application
outcome-publish = Publish the outcome and tell the applicants
outcome-publish-explain = Every applicant receives the decision and its reason by e-mail; the selected move on to the working group.
outcome-title = Outcome of the call
outcome-selected = Selected
outcome-none-listed = None of the selected agreed to have their name published.
outcome-not-yet = The outcome has not been published yet.
outcome-stats = Who applied and who was selected
stats-dimension = Group
stats-applications = Applications
stats-selected = Selected
stats-by-type = By kind of applicant
stats-by-size = By size
stats-by-field = By field of activity
stats-by-area = By area
size-unknown = Not stated
flash-decided = The decision was saved.
flash-assigned = The reviewer was assigned.
flash-outcome-published = The outcome was published and the applicants were told.
call-outcome-link = See the outcome
call-export-csv = Download the applications (CSV)
files-title = Additional documents (optional)
files-hint = PDF or images (PNG, JPEG, WebP), up to { $mb } MB each, up to 5 files. Save your draft before uploading: this is a separate form.
files-none = You have not uploaded any document.
files-choose = Choose a file
files-upload = Upload file
error-file-too-large = The file is larger than allowed.
error-file-type = Only PDF and images (PNG, JPEG, WebP) are accepted; this file's content is not one of them, whatever its name says.
error-too-many-files = You can upload up to 5 files.
flash-file-attached = The file was uploaded.
flash-file-removed = The file was removed.
call-export-zip = Download the additional documents (ZIP)
application-pdf = Download the application as PDF
call-documents = Documents of the call
call-documents-hint = PDF or images, up to { $mb } MB; shown on the call's public page.
error-applications-not-decidable = Some of the ticked applications cannot take a decision (drafts, withdrawn, or from another call). Nothing was changed.
error-call-still-open = The call is still open: the outcome can only be published after the deadline, so that nobody is left without a decision.
error-call-already-published = The call is published already.
error-withdraw-after-outcome = The decision on this application has been published, so it can no longer be withdrawn. For questions, write to the call's contact address.

## Field names in error summaries ("Field: message"): each refers to the field's own label.
field-closes-at = { call-closes }
field-opens-at = { call-opens }
field-conflict-note = { review-conflict-note }
field-description = { field-app-description }
field-places = { call-places }
field-reason = { decision-reason }
field-reviewer = { assign-reviewer-pick }
field-applicant-type = { apply-as }
field-applicant-types = { call-who }
field-criteria = { call-criteria }
field-file = { files-choose }
field-org-id = { apply-org }
field-consent-privacy = { field-consent }
assign-reviewer-pick = Reviewer
assign-choose = — Choose the reviewer —
assign-no-reviewers = Nobody holds the reviewer role yet. Give it to someone at
error-reviewer-choose = Choose the reviewer from the list.
mail-review-assigned-subject = Applications to review: { $call }
mail-review-assigned-body = You have been assigned applications to review in the call “{ $call }” of { $tenant_gen }. { $count } applications wait for you; the call closes on { $closes }. Your list of reviews:
review-conflict-first = Before you score: do you have a conflict of interest?
review-scale-default = 1 = very weak · 3 = average · 5 = excellent
field-app-description-citizen = A short description of yourself and your engagement
application-next-title = What happens next
application-next-draft = The application is not submitted yet. Complete it and submit it by { $closes }; after the deadline a draft cannot be submitted.
application-next-submitted = Your application is submitted. After the call closes on { $closes }, reviewers score it against the published criteria. When the municipality publishes the outcome, the decision and its reason are e-mailed to you and shown here.
application-next-decided = The outcome is published. The decision and its reason are above; they were also e-mailed to you.
application-next-withdrawn = You withdrew this application; it is not reviewed.
withdraw-confirm-title = Withdraw the application?
withdraw-confirm-text = You are withdrawing application { $reference } to the call “{ $call }”. This cannot be undone and the application will not be reviewed.
withdraw-confirm-button = Yes, withdraw it
application-next-reviewing = The call closed on { $closes } and reviewers are scoring your application against the published criteria. When the municipality publishes the outcome, the decision and its reason are e-mailed to you and shown here.
consent-listing-citizen = If I am selected, I agree that my name and fields are published.
ranking-filter-type = Kind of applicant
ranking-filter-unit = Administrative unit
outcome-confirm-title = Publish the outcome?
outcome-confirm-text = You are publishing the outcome of the call “{ $call }”. { $total } applicants will receive the decision and its reason by e-mail ({ $breakdown }); the selected move on to the working group and their list becomes public. After this, decisions no longer change.
outcome-confirm-button = Yes, publish and tell the applicants
## The call form: times typed as the municipality writes them, long texts, criteria, the warning when applicants exist.
# The municipality's time zone in words (views::zone_name): `zone-` and the IANA name with "/" as "-".
zone-Europe-Tirane = Albania time
zone-Europe-Skopje = North Macedonia time
zone-Europe-Podgorica = Montenegro time
zone-Europe-Belgrade = Central European time
hint-call-time = Day.month.year and the time on the 24-hour clock, e.g. 31.12.2026 23:59 ({ $zone }).
error-opens-at-format = The opening date could not be read. Write it as day.month.year hours:minutes, e.g. 01.12.2026 08:00.
error-closes-at-format = The deadline could not be read. Write it as day.month.year hours:minutes, e.g. 31.12.2026 23:59.
error-datetime-nonexistent = This time does not exist on that day: the clocks move an hour forward for summer time. Choose another time, e.g. 03:00.
error-weight-missing = This criterion has a title but no weight: write a weight from 1 to 100 (1 in every row if they all count the same).
error-criterion-name-sq-required = This row has no Albanian title. Write one, or empty every box of the row to take the criterion out.
error-criteria-too-many = A call can have up to { $limit } criteria.
# How to format a long text, shown by example under its label (the long_text macro of common/_forms.html).
format-bold = For bold, write
format-bold-word = word
format-list = for a list, start each line with a dash and a space, like
format-list-item = first point
format-link = for a link, write
format-link-text = the municipality's page
call-edit-warning-title = This call is published and has applications
call-edit-warning-drafts = { $n ->
    [0] Nobody has a draft.
    [1] 1 applicant has a draft not yet submitted.
   *[other] { $n } applicants have drafts not yet submitted.
}
call-edit-warning-submitted = { $n ->
    [0] No application has been submitted yet.
    [1] 1 application has been submitted.
   *[other] { $n } applications have been submitted.
}
call-edit-warning-seen = What you save here is shown at once to everyone on the call's page. Submitted applications do not change: they were written against the earlier texts.
call-edit-warning-told = If you change the deadline or the texts (title, summary, text, eligibility, or what the application must contain), everyone with a draft or a submitted application gets an e-mail telling them what changed.
call-edit-warning-not-told = Nobody is told of other changes (who may apply, the number of places, the opening date, the contact address, the criteria).
call-edit-warning-criteria = The selection criteria no longer change once a reviewer has started reviewing.
mail-call-changed-subject = The call “{ $call }” was changed
mail-call-changed-body = { $tenant } changed the call “{ $call }”, to which you have an application. { $changes } Read the call as it is now here:
mail-call-changed-deadline = The new deadline is { $deadline } ({ $zone }).
mail-call-changed-texts = The call's texts were changed; please read them again.
mail-call-changed-draft = Your draft is saved; you can complete it and submit it until the deadline.
mail-call-changed-submitted = Your submitted application does not change and will be reviewed as usual.
decision-choose = — Choose a decision —
outcome-after-close = The outcome can be published once the call has closed, on { $closes }. Until then you can review and record decisions; applicants are not told.
call-more-criteria = { $count ->
    [one] Add another criterion
   *[other] Add more criteria (up to { $count })
}
call-save-explain-new = The call is saved as a draft: nobody sees it until you publish it from its page.
call-save-explain-edit = Changes are seen at once if the call is published.
ranking-explain-title = What do the columns show?
ranking-explain-mean = The mean of the reviewers' scores (from 1 to 5), weighted by each criterion's weight.
ranking-explain-spread = How far the reviewers differ from one another. A large number (say above 1) means the application deserves a closer look.
ranking-explain-reviews = Reviews submitted, out of the reviewers assigned to this application.
ranking-explain-conflicts = Reviewers who declared a conflict of interest and did not review this application.
# The reviewer's queue, grouped by call, and a review already submitted.
review-remaining = { $total ->
    [one] { $left ->
        [0] The application has been reviewed.
       *[other] 1 application left to review.
    }
   *[other] { $left ->
        [0] All { $total } applications have been reviewed.
        [one] 1 of { $total } applications left to review.
       *[other] { $left } of { $total } applications left to review.
    }
}
review-done-heading = Done
review-state-started = Started, not submitted
review-application-done = Review of application
review-yours = Your review (submitted on { $when })
review-conflict-declared = You declared a conflict of interest (on { $when })
review-conflict-declared-explain = You do not review this application. The coordinator sees your declaration.
review-conflict-your-note = Your explanation
review-others-only = The other reviewers' reviews
# The applicant's list and page: a draft's deadline and the way back to the form; empty answers.
application-draft-unnumbered = Draft (no reference yet)
my-applications-draft-due = Submit it by { $closes } ({ $zone }).
my-applications-draft-late = The deadline passed on { $closes } ({ $zone }); the draft can no longer be submitted.
application-empty = — (not filled in)
# The public outcome: selected applicants who did not agree to be named.
outcome-unlisted = { $n ->
    [one] 1 selected applicant did not agree to have their name published.
   *[other] { $n } selected applicants did not agree to have their names published.
}
outcome-none-selected = Nobody was selected.
