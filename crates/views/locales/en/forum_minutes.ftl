## Forum texts (forum_minutes): attendance, minutes, decisions and action items

## The minutes page
minutes-title = Minutes
minutes-back-to-meeting = Back to the meeting
minutes-members-only = Meeting for forum members only
minutes-none-yet = The minutes have not been written yet.
minutes-not-public-heading = These minutes are not published yet
minutes-not-public-text = Only forum members and municipal staff can see them; the public sees them once they are approved and published.
minutes-status = State of the minutes
minutes-status-draft = Draft
minutes-status-approved = Approved, awaiting publication
minutes-status-published = Published
minutes-approved-by = Approved by { $name } on { $date }.
minutes-published-on = Published on { $date }.
minutes-approve-heading = Approve the minutes
minutes-approve-text = As chair or secretary of the forum, you may approve these minutes once you have read them. After approval, municipal staff publish them.
minutes-approve-button = Approve the minutes
minutes-approve-forbidden-title = Only the chair or the secretary approves the minutes
minutes-approve-forbidden-text = The minutes are approved by a forum member holding the position of chair or secretary. You do not hold such a position in the forum, so the minutes were not changed.
minutes-attendance = Attendance
minutes-present-count = { $count ->
    [one] Present: 1 person.
   *[other] Present: { $count } people.
}
minutes-excused-count = { $count ->
    [0] No excused absences.
    [one] Excused absence: 1.
   *[other] Excused absences: { $count }.
}
minutes-absent-count = { $count ->
    [0] No absences without notice.
    [one] Absent without notice: 1.
   *[other] Absent without notice: { $count }.
}
minutes-by-sector = People present by sector
minutes-sector = Sector
minutes-present = Present
minutes-group = Group
minutes-where-recorded = People present by gender, age and residence
minutes-where-recorded-hint = Only those who chose to give these details are counted; they are never shown for any one person.
minutes-gender-woman = Women
minutes-gender-man = Men
minutes-gender-other = Other
minutes-youth = Young people
minutes-rural = Residents of rural areas
minutes-present-members = Members present
minutes-guests = Guests
minutes-text = Text of the minutes
minutes-decisions = Decisions
minutes-no-decisions = No decisions are recorded.
minutes-decision-number = Decision no. { $number }.
minutes-votes = Vote: { $for } for, { $against } against, { $abstain } abstentions.
minutes-all-decisions = All decisions of the forum
minutes-actions = Action items
minutes-no-actions = No action items are recorded.
minutes-edit-link = Write or edit the minutes
minutes-view-link = See the minutes page
attendance-edit-link = Record attendance

## The decisions log
decisions-title = Decisions of the forum
decisions-intro = Every decision of the published minutes, from the newest meeting to the oldest.
decisions-search = Search the decisions
decisions-search-hint = You may type without ë and ç: “keshill” finds “Këshill”.
decisions-searched-for = Decisions containing “{ $q }”
decisions-none = No decisions have been published yet.
decisions-none-found = No decision contains this word.
decisions-meeting = Meeting
decisions-number = No.
decisions-text = Decision
decisions-vote = Vote
decisions-no-vote = No vote

## The action items board
actions-title = Open action items
actions-intro = Action items agreed at forum meetings and not done yet; yours come first.
actions-none = There are no open action items.
actions-what = Action
actions-owner = Owner
actions-due = Due
actions-meeting = Meeting
actions-status = Status
actions-mine = Yours
actions-overdue = overdue
actions-status-open = Open
actions-status-done = Done
actions-status-dropped = Dropped
actions-mark-done = Mark as done
actions-mark-done-for = Mark as done: { $what }

## Staff: attendance
attendance-title = Attendance
attendance-members = Forum members
attendance-no-members = The forum has no members who accepted their position yet.
attendance-hint = Choose for each member: present, excused or absent. All are saved at once.
attendance-presence-present = Present
attendance-presence-excused = Excused
attendance-presence-absent = Absent
attendance-save = Save attendance
attendance-guests = Guests
attendance-no-guests = No guests are recorded.
attendance-add-guest = Add a guest
attendance-add-guest-button = Add the guest
attendance-remove = Remove
attendance-remove-guest = Remove the guest { $name }
attendance-choose = Choose…
attendance-not-said = Not said
attendance-optional-hint = Fill in the three fields below only if the guest agrees to give them; they are counted but never shown for the person.
attendance-yes = Yes
attendance-no = No
field-guest-name = Guest's full name
field-guest-org = Organisation
field-guest-sector = Sector
field-guest-gender = Gender
field-guest-youth = Young (up to 29 years old)
field-guest-rural = Lives in a rural area
field-attendance-presence = Attendance

## Staff: minutes, decisions, action items, publishing
minutes-admin-title = Minutes
minutes-attendance-recorded = { $count ->
    [0] Attendance has not been recorded yet.
    [one] Attendance of 1 person is recorded.
   *[other] Attendance of { $count } people is recorded.
}
minutes-published-locked = The minutes are published: their text, decisions and action items no longer change.
minutes-edit-unapproves = The minutes are approved. If you change them now (the text, decisions or action items), they go back to draft and must be approved again by the chair or the secretary.
minutes-save-draft = Save as draft
minutes-add-decision = Add a decision
minutes-add-decision-button = Add the decision
minutes-delete-decision = Delete decision no. { $number }
minutes-vote = Vote (if one was taken)
minutes-vote-hint = Leave empty if the decision was taken without a vote. An empty box counts as 0.
minutes-add-action = Add an action item
minutes-add-action-button = Add the action item
minutes-delete-action = Delete the action item: { $what }
minutes-publish-heading = Publish the minutes
minutes-publish-text = The minutes are published only once the chair or the secretary has approved them. On publication, every owner of an action item receives an e-mail.
minutes-publish-button = Publish the minutes…
minutes-publish-confirm-title = Publishing the minutes
minutes-publish-confirm-text = The minutes of the meeting “{ $meeting }” will be visible to { $public }. { $owners ->
    [0] No action item has an owner, so no e-mail is sent.
    [one] The owner of the action item receives an e-mail: { $names }.
   *[other] The { $owners } owners of action items receive an e-mail: { $names }.
}
minutes-publish-public = everyone
minutes-publish-members = forum members and staff
minutes-publish-confirm-button = Publish the minutes
field-minutes-sq = Text of the minutes (Albanian)
field-minutes-en = Text of the minutes (English)
field-decision-sq = Decision (Albanian)
field-decision-en = Decision (English)
field-votes-for = For
field-votes-against = Against
field-votes-abstain = Abstentions
field-action-what = What is to be done
field-action-owner = Owner (a forum member)
field-due-on = Due date
hint-due-on = Day.month.year, e.g. 15.12.2026
field-publish-minutes = Publishing the minutes
field-minutes-approval = Approving the minutes

error-votes-negative = The number of votes cannot be negative.
error-votes-invalid = Type a whole number of votes, from 0 to 10000.
error-due-on-format = Type the due date as day.month.year, e.g. 15.12.2026.
error-owner-not-member = Choose as owner a forum member who accepted their position.
error-minutes-not-approved = The minutes cannot be published before the chair or the secretary of the forum approves them. Nothing was changed.
error-minutes-published = The minutes are already published and no longer change.
error-minutes-changed = The minutes changed after you opened them. Read them again and approve them if you agree.
error-minutes-missing = The minutes have not been written yet, so there is nothing to approve.
error-minutes-confirm-required = Confirm publication in the second step.

flash-attendance-saved = Attendance saved.
flash-guest-added = Guest added.
flash-guest-removed = Guest removed.
flash-minutes-saved = The minutes were saved as a draft.
flash-decision-added = Decision added.
flash-decision-deleted = Decision deleted; the other decisions were renumbered.
flash-action-added = Action item added.
flash-action-deleted = Action item deleted.
flash-minutes-approved = The minutes are approved. Municipal staff can publish them now.
flash-minutes-published = The minutes were published and the owners of action items notified.
flash-action-done = The action item is marked as done.

mail-action-items-subject = Action item from the forum meeting: { $meeting }
mail-action-items-body = The minutes of the meeting “{ $meeting }” of { $date } are published. At this meeting you were made responsible for:

    { $items }

    Once done, mark it as done on the forum's list of action items:
remove-guest-title = Removing { $name } from the attendance
remove-guest-text = { $name } will be removed from the list of people present at this meeting. You can add them again later.
remove-guest-button = Remove from the list
remove-decision-title = Deleting decision no. { $number }
remove-decision-text = The decision “{ $text }” will be deleted from the minutes and the decisions after it numbered again. Approved minutes go back to draft.
remove-decision-button = Delete the decision
remove-action-title = Deleting the action item
remove-action-text = The action item “{ $what }” will be deleted from the minutes. Approved minutes go back to draft.
remove-action-button = Delete the action item
error-delete-confirm-required = Confirm the deletion on the page that asks for it.
