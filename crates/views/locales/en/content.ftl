### Content: home page and timeline, news, privacy notice, staff forms for news and the timeline.
home-intro = Follow the co-creation of the municipality's OGP Local commitments here: open calls, the working group, the action plan and its implementation.
home-timeline = Process timeline
home-no-timeline = The process timeline has not been published yet.
home-news = Latest news
phase-current = Current phase
news-title = News
news-none = There is no news yet.
news-all = All news
news-new = Write a news item
news-edit = Edit news item
flash-news-deleted = The news item was deleted.
admin-timeline = Timeline
timeline-help = Phases appear on the home page in this order. Leave a row's title empty to remove it.
timeline-phase = Phase
field-starts-on = Starts on
field-ends-on = Ends on
privacy-title = Privacy notice
