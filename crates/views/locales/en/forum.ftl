## Forum texts (forum)
health-title = Forum health
health-intro = These indicators are computed from the forum's records against OGP Local's co-creation standards. Each shows the threshold the municipality set and the meetings that prove it.
health-no-forum = The forum of the current cycle has not been set up yet.
health-computed-at = Computed on
health-check = OGP check no.
health-verdict = Result
verdict-pass = Met
verdict-warn = Needs attention
verdict-fail = Not met
health-meeting = Meeting
health-members-only = Members-only meeting
health-existence = The forum exists with both sectors and published rules
health-existence-summary = { $government ->
    [one] One government member
   *[other] { $government } government members
} and { $others ->
    [one] one non-government member
   *[other] { $others } non-government members
} have accepted their position. { $rules }
health-rules-yes = The participation rules are published (version { $version }).
health-rules-no = The participation rules are not published yet.
health-regularity = The forum meets regularly
health-regularity-summary = { $held ->
    [0] No meeting has been held yet.
    [one] One meeting has been held.
   *[other] { $held } meetings have been held.
} Largest gap allowed between two meetings: { $threshold } days. { $gap } { $since }
health-gap = Largest gap: { $days } days, between “{ $from }” and “{ $to }”.
health-since = { $days } days have passed since the last meeting.
health-notice = Notice and pre-reads before each meeting
health-notice-summary = Notice and pre-read documents are to be shared at least { $days } days before the meeting.
health-notice-days = Notice (days before)
health-agenda = Agenda
health-documents = Pre-reads
health-minutes = Minutes with attendance published on time
health-minutes-summary = The minutes, with each person's attendance, are published within { $days } days of the meeting.
health-minutes-after = Published after (days)
health-attendance-recorded = Attendance recorded
health-not-yet = Not yet
health-not-given = No notice
health-still-due = Still within time
health-yes = Yes
health-no = No
health-composition = The forum's composition
health-composition-summary = { $total ->
    [0] The forum has no members who have accepted their position yet.
   *[other] { $total } members; { $percent } % of them non-government.
}
health-sector = Sector
health-count = Members
health-attendance = Attendance by sector at each meeting
health-attendance-summary = How many people of each sector were present, meeting by meeting.
health-present = Present
sector-government = Municipality (local government)
sector-cso = Civil-society organisations
sector-informal_group = Informal groups
sector-academia = Academia
sector-media = Media
sector-private_sector = Private sector
sector-citizen = Active citizens
