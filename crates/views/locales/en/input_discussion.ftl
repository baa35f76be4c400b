# Public input (see views/src/input/mod.rs). Same keys in sq and en.

## Write limit (every write of public input)
error-input-rate-limited = You have written too many times within one hour. Please wait a while and try again; your text is kept here.

## Fields
field-comment = Comment
field-support = Support
field-follow = Following
field-report-reason = Reason for the report
field-hide-reason = Reason for hiding
field-appeal-text = Appeal
field-appeal-reason = Reason for the decision
field-appeal-outcome = Decision
field-notify-mode = E-mails about the inputs you follow

## Errors
error-input-hidden-closed = A moderator has hidden this input: it takes no more comments, supports or followers.
error-input-withdrawn-closed = The author has withdrawn this input: it takes no more comments, supports or followers.
error-comment-hidden-closed = A moderator has hidden the comment you are replying to: it takes no more replies.
error-support-already = You already support this input. Each person supports it once.
error-support-own-input = You cannot support your own input: the municipality does not allow it.
error-report-already = You have already reported this. Each person reports once; the moderators will look at it.
error-already-hidden = This is hidden already.
error-appeal-already = You have already made your one appeal against this hiding.
error-appeal-not-hidden = This is not hidden: there is nothing to appeal.
error-appeal-outcome-required = Choose the decision: the hiding stands, or the content is shown again.
error-appeal-decided = This appeal has been decided already. Nothing was changed.
error-appeal-own-hiding = You hid this content: another coordinator must decide the appeal.
error-appeal-own-content = This content is yours: another coordinator must decide the appeal.
error-notify-mode-invalid = Choose one of the two ways: at once or one digest a day.

## The thread on the input page
discussion-heading = Discussion
discussion-supports = { $count ->
    [one] 1 support
   *[other] { $count } supports
}
discussion-comments = { $count ->
    [one] 1 comment
   *[other] { $count } comments
}
discussion-support = Support it
discussion-supported = You support this input.
discussion-withdraw-support = Withdraw your support
discussion-follow = Follow it (e-mail on new comments and on its answer)
discussion-unfollow = Stop following
discussion-following = You follow this input.
discussion-own-input = This is your input.
discussion-closed = This input takes no more comments, supports or followers.
discussion-no-comments = No comments yet.
discussion-comments-withheld = The comments are not shown because a moderator hid this input.
discussion-hidden = Hidden by a moderator: { $reason }
discussion-appeal = Appeal against the hiding
discussion-appealed = Your appeal has been sent.
discussion-reply = Reply
discussion-reply-to = Reply to { $name }'s comment
discussion-report = Report
discussion-hide = Hide the comment
discussion-new-comment = Write a comment
discussion-comment-hint = Plain text, up to 3000 characters. Comments are public with your name.
discussion-send-comment = Send the comment
discussion-send-reply = Send the reply
discussion-sign-in = Sign in to comment, support or follow
discussion-by = { $name }, { $date }
discussion-back = Back to the input
discussion-comment-form-title = Your comment
discussion-refused-title = Not done
discussion-notifications-link = E-mail settings

## Flash messages
flash-comment-added = Your comment has been published.
flash-supported = Your support has been recorded.
flash-support-withdrawn = Your support has been withdrawn.
flash-followed = You now follow this input.
flash-unfollowed = You no longer follow this input.
flash-reported = Thank you. Your report has been sent to the moderators.
flash-hidden = Hidden. The author has been e-mailed the reason.
flash-report-dismissed = The report was closed without hiding anything.
flash-appealed = Your appeal has been sent. A coordinator will decide it.
flash-appeal-decided = The decision has been recorded and the author e-mailed.
flash-notify-saved = Your e-mail settings have been saved.

## Notification settings
notifications-title = E-mails about the inputs you follow
notifications-intro = When you follow an input (you follow your own inputs by yourself), you get an e-mail when someone comments and when the municipality's answer is published.
notifications-immediate = At once, one e-mail per event
notifications-daily = One digest a day
notifications-save = Save
notifications-unsubscribe-hint = Every e-mail has a link to stop following that input with one click.

## Unsubscribing
unsubscribe-title = Stop following the input
unsubscribe-text = You will no longer get e-mails about the input "{ $title }".
unsubscribe-button = Stop following
unsubscribe-done-title = You no longer follow it
unsubscribe-done-text = You will no longer get e-mails about the input "{ $title }".
unsubscribe-already = You no longer follow this input: you will get no e-mails about it.
unsubscribe-to-input = See the input

## Reports
report-title-input = Report the input
report-title-comment = Report the comment
report-intro = Report what breaks the rules of the discussion (insults, hate speech, personal data, advertising). The moderators look at it; your name is not shown to the author.
report-reason-hint = Say briefly what is wrong, up to 1000 characters.
report-send = Send the report
report-what = What you report

## Moderation
moderation-title = Moderation: open reports
moderation-none = There are no open reports.
moderation-item-input = The input "{ $title }"
moderation-item-comment = A comment on the input "{ $title }"
moderation-by = By { $name }
moderation-reports = { $count ->
    [one] 1 report
   *[other] { $count } reports
}
moderation-report-line = { $name }: { $reason }
moderation-dismiss = Close the report
moderation-hide-title-input = Hide the input
moderation-hide-title-comment = Hide the comment
moderation-hide-intro = The reason is shown in place of the text and e-mailed to the author, with the chance to appeal once. The text stays in the database and in the audit log.
moderation-hide-reason-hint = Write the reason as the author will read it, up to 1000 characters.
moderation-hide-continue = Continue
moderation-confirm-heading = Hide it?
moderation-confirm-text = { $title }, written by { $name }, will be hidden with the reason: "{ $reason }". The author is told by e-mail.
moderation-confirm-button = Hide
moderation-back = Back to the reports

## Appeals
appeal-title = Appeal against the hiding
appeal-hidden-because = Hidden by a moderator with the reason: { $reason }
appeal-intro = You can appeal once. A coordinator of the municipality looks at the appeal and tells you by e-mail.
appeal-text-hint = Explain why you think it should not have been hidden, up to 1000 characters.
appeal-send = Send the appeal
appeal-sent-on = Your appeal was sent on { $date }.
appeal-waiting = Not decided yet.
appeal-outcome-upheld = The hiding stands
appeal-outcome-reinstated = The content is shown again
appeal-decision = Decision: { $outcome }. { $reason }
appeals-title = Appeals against hidings
appeals-none = There are no appeals.
appeals-col-item = What was hidden
appeals-col-author = Author
appeals-col-date = Date
appeals-col-state = State
appeals-open = Not decided
appeals-decide-title = Decide the appeal
appeals-hidden-text = The hidden text
appeals-hidden-reason = The moderator's reason
appeals-appeal-text = The author's appeal
appeals-reason-hint = The reason is e-mailed to the author, up to 1000 characters.
appeals-decide = Continue
appeals-confirm-heading = Record the decision?
appeals-confirm-text = The decision "{ $outcome }" on { $name }'s appeal is recorded and the author told by e-mail.
appeals-confirm-button = Record the decision
appeals-back = Back to the appeals

## E-mails
mail-input-unsubscribe-line = To stop getting e-mails about this input, open this link:
mail-input-comment-subject = New comment on "{ $title }"
mail-input-comment-body = { $who } commented on the input "{ $title }" that you follow:

    { $text }

    Read the discussion here:
mail-input-answer-subject = Answer to "{ $title }"
mail-input-answer-body = The municipality published its reasoned answer to the input "{ $title }" that you follow. Read it here:
mail-input-digest-subject = What happened to the inputs you follow
mail-input-digest-body = Here is what is new on { $count ->
    [one] the input you follow
   *[other] { $count } inputs you follow
    }:

    { $items }

    You get these e-mails once a day. Change how here:
mail-input-digest-comments = { $count ->
    [one] 1 new comment
   *[other] { $count } new comments
    }
mail-input-digest-answered = It has received the municipality's answer.
mail-input-digest-unsubscribe = Stop following:
mail-input-hidden-input-subject = Your input "{ $title }" was hidden
mail-input-hidden-input-body = A moderator hid your input "{ $title }" with this reason:

    { $reason }

    You can appeal once; a coordinator of the municipality decides the appeal. Appeal here:
mail-input-hidden-comment-subject = Your comment on "{ $title }" was hidden
mail-input-hidden-comment-body = A moderator hid your comment on the input "{ $title }" with this reason:

    { $reason }

    You can appeal once; a coordinator of the municipality decides the appeal. Appeal here:
mail-input-appeal-upheld-subject = The decision on your appeal: the hiding stands
mail-input-appeal-upheld-body = A coordinator looked at your appeal against the hiding on "{ $title }" and decided that the hiding stands, with this reason:

    { $reason }
mail-input-appeal-reinstated-subject = The decision on your appeal: the content is shown again
mail-input-appeal-reinstated-body = A coordinator looked at your appeal against the hiding on "{ $title }" and decided to show it again, with this reason:

    { $reason }

## Audit sentences (the audit page reads every key alike)
audit-input-comment-create = { $who } commented on the input { $what }.
audit-input-support = { $who } supported the input { $what }.
audit-input-unsupport = { $who } withdrew their support for the input { $what }.
audit-input-follow = { $who } started following the input { $what }.
audit-input-unfollow = { $who } stopped following the input { $what }.
audit-user-notify-mode = { $what } changed how they get e-mails about the inputs they follow.
audit-input-report-create = { $who } reported { $what }.
audit-input-report-dismiss = { $who } closed the report { $what } without hiding anything.
audit-input-item-hide = { $who } hid { $what }.
audit-input-appeal-create = { $who } appealed against the hiding { $what }.
audit-input-appeal-decide = { $who } decided the appeal { $what }.
audit-field-text = Text
audit-field-comment-id = Comment
audit-field-parent-id = Reply to the comment
audit-field-report-id = Report
audit-field-outcome = Decision
audit-field-notify-mode = Way of e-mails
audit-field-by-link = From the link in an e-mail
audit-field-hidden-at = Hidden on
audit-field-hidden-by = Hidden by
audit-field-hidden-reason = Reason for hiding
