## Commitments: commitments_public (owner: public pages, library, quality panel)

## The quality panel beside the drafting form
quality-title = Quality check
quality-summary = { $fail ->
        [0] No problems
        [one] 1 problem
       *[other] { $fail } problems
    }, { $warn ->
        [0] no warnings
        [one] 1 warning
       *[other] { $warn } warnings
    }, { $pass ->
        [one] { $pass } check passed
       *[other] { $pass } checks passed
    }.
quality-never-blocks = These checks follow OGP's tests for a commitment. They never stop you from saving: a draft may be saved half-written. The panel is updated each time you save.
quality-outcome-pass = Passed
quality-outcome-warn = Worth a look
quality-outcome-fail = Missing
quality-control-title = Title
quality-control-starts-on = Commitment start
quality-control-ends-on = Commitment end
quality-control-values = OGP values
quality-control-milestones = Milestones
quality-required-field-pass = Every required field of the template is filled in.
quality-required-field-fail = "{ $field }" is empty. OGP's template asks for it, so that readers understand the commitment.
quality-milestone-present-pass = The commitment has at least one milestone.
quality-milestone-present-fail = There is no milestone yet. Add at least one, so that progress can be checked step by step.
quality-milestone-output-pass = Every milestone says what it will produce.
quality-milestone-output-fail = Milestone { $n } has no expected output. Say what will exist when it is done (a document, a service, a meeting held).
quality-milestone-date-pass = Every milestone has an expected completion date.
quality-milestone-date-fail = Milestone { $n } has no expected completion date. Without a date nobody can tell whether it is late.
quality-milestone-in-plan-pass = Every milestone is due inside the action plan's period.
quality-milestone-in-plan-fail = Milestone { $n } is due outside the action plan's period ({ $start } – { $end }).
quality-dates-present-pass = The commitment has a start and an end date.
quality-dates-present-fail = "{ $field }" is missing. A commitment needs a start and an end date.
quality-start-before-end-pass = The commitment starts before it ends.
quality-start-before-end-fail = The commitment ends before it starts. Check both dates.
quality-dates-in-plan-pass = The commitment's dates are inside the action plan's period.
quality-dates-in-plan-fail = "{ $field }" is outside the action plan's period ({ $start } – { $end }).
quality-plan-period-warn = The action plan's period has not been set yet, so dates cannot be checked against it. The coordinator sets it in the commitment settings.
quality-ogp-value-pass = The commitment carries at least one of OGP's values: access to information, civic participation or public accountability.
quality-ogp-value-warn = No OGP value is chosen. A commitment should open government through access to information, civic participation or public accountability.
quality-technology-alone-warn = Technology and innovation counts only together with access to information, civic participation or public accountability. Choose at least one of them too.
quality-plan-count-pass = The plan holds { $count } commitments, within the range the municipality set ({ $min } to { $max }).
quality-plan-count-warn = The plan holds { $count } commitments; the municipality set { $min } to { $max }. Consider merging or adding commitments.

## The public list and page of commitments
commitments-list-title = Commitments of the action plan
commitments-list-plan = Action plan: { $plan }
commitments-library-link = Commitments of other municipalities (library)
commitments-filters = Filters of commitments
commitments-filter-all = All
commitments-filter-value = OGP value
commitments-filter-area = Policy area
commitments-filter-status = Status
commitments-filter-button = Show
commitments-filter-page = Page
commitments-none = No commitment has been published yet. Commitments appear here once the forum endorses them.
commitments-none-found = No commitment matches the filters.
commitments-col-id = Commitment ID
commitments-col-title = Commitment Title
commitments-col-status = Status
commitments-col-values = OGP Value
commitments-col-area = Primary Policy Area
commitments-pager = Pages
commitments-prev = Previous page
commitments-next = Next page
commitments-at-a-glance = At a glance
commitments-description = Description
commitments-commitment-id = Commitment ID
commitments-commitment-title = Commitment Title
commitments-brief = Brief Description of the Commitment
commitments-milestones = Milestones
commitments-no-milestones = No milestones yet.
commitments-ms-milestone = Milestones
commitments-ms-output = Expected Outputs
commitments-ms-due = Expected Completion Date
commitments-ms-stakeholders = Stakeholders
commitments-inputs = Public input adopted into this commitment
commitments-ratings = IRM and monitoring assessments
commitments-no-ratings = Not assessed yet.
commitments-version-of = This is the version published on { $date }.
commitments-history-link = History of versions
commitments-history-title = History of versions: { $title }
commitments-history-versions = Published versions
commitments-col-version = Version
commitments-col-date = Date
commitments-col-note = Note
commitments-compare-from = Compare version
commitments-compare-to = with version
commitments-compare-button = Compare
commitments-compare-title = Changes from version { $from }
commitments-compare-legend = Removed words are struck through and marked as removed; added words are marked as added.
glance-action-plan = Action Plan
glance-inception = Inception Report
glance-inception-none = Not available
glance-not-given = Not given
glance-start = Commitment Start
glance-end = Commitment End
glance-institutions = Institutions involved
glance-primary-area = Primary Policy Area
glance-primary-sector = Primary Sector
glance-values = OGP Value
public-status-forum_endorsed = Endorsed by the forum
public-status-in_consultation = In consultation
public-status-final = Final
public-value-access_to_information = Access to information
public-value-civic_participation = Civic Participation
public-value-public_accountability = Public Accountability
public-value-technology_innovation = Technology and Innovation for Transparency and Accountability

## The library across municipalities
library-title = Library of commitments
library-intro = Commitments of other municipalities and countries, from OGP's data and from the municipalities on this platform, with their IRM ratings. Find a similar one and start your draft from it.
library-search = Search
library-search-hint = Words of the title or text; accents are optional.
library-filter-country = Country or locality
library-search-button = Search
library-none-found = No commitment matches the search or the filters.
library-empty = The library is empty.
library-areas = Policy areas
library-place = Country or locality
library-source = Source
library-source-ogp = OGP's commitments data
library-on-ogp = the commitment on OGP's site
library-dates = Start and end
library-start = Start a draft from this
library-start-hint = Copies the title, texts, lead institution, values and policy areas into a new draft of your municipality's current action plan, with a link back here. Dates and milestones are not copied.
library-start-failed = The draft could not be started: { $reason }
