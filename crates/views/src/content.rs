//! Pages of the content stage: the home page with the process timeline, news, the privacy
//! notice, and the staff forms for news and for the timeline. Templates: `templates/content/`.

use askama::Template;

use crate::common::{Form, PageCtx};

#[derive(Debug, Clone)]
pub struct PhaseView {
    pub title: String,
    /// `lang` attribute when the text is not in the page's language (English missing).
    pub lang: &'static str,
    pub starts_on: String,
    pub ends_on: String,
    pub starts_iso: String,
    pub ends_iso: String,
    /// `past`, `current` or `upcoming`.
    pub state: &'static str,
}

#[derive(Debug, Clone)]
pub struct NewsSummary {
    pub id: i64,
    pub title: String,
    pub lang: &'static str,
    pub excerpt: String,
    pub date: String,
    pub date_iso: String,
}

#[derive(Template)]
#[template(path = "content/home.html")]
pub struct HomePage {
    pub p: PageCtx,
    pub cycle_title: Option<(String, &'static str)>,
    pub phases: Vec<PhaseView>,
    pub news: Vec<NewsSummary>,
}

#[derive(Template)]
#[template(path = "content/news_list.html")]
pub struct NewsListPage {
    pub p: PageCtx,
    pub news: Vec<NewsSummary>,
    pub page: i64,
    pub has_next: bool,
    pub can_edit: bool,
}

#[derive(Template)]
#[template(path = "content/news_show.html")]
pub struct NewsPage {
    pub p: PageCtx,
    pub id: i64,
    pub title: String,
    pub lang: &'static str,
    pub body_html: String,
    pub date: String,
    pub date_iso: String,
    pub author: Option<String>,
    pub can_edit: bool,
}

#[derive(Template)]
#[template(path = "content/privacy.html")]
pub struct PrivacyPage {
    pub p: PageCtx,
    pub body_html: String,
}

#[derive(Template)]
#[template(path = "content/admin_news_form.html")]
pub struct NewsFormPage {
    pub p: PageCtx,
    pub form: Form,
    pub news_id: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct PhaseRow {
    pub index: usize,
    pub title_sq: String,
    pub title_en: String,
    pub starts_on: String,
    pub ends_on: String,
}

#[derive(Template)]
#[template(path = "content/admin_timeline.html")]
pub struct TimelineFormPage {
    pub p: PageCtx,
    pub rows: Vec<PhaseRow>,
    pub errors: Vec<String>,
}
