//! The discussion under an input (comments with one level of replies, support, following), the
//! comment form shown again on an error, the notification settings page and the unsubscribe
//! page. Templates: `input/_thread.html` (included by the input page), `input/comment_form.html`,
//! `input/notifications.html`, `input/unsubscribe.html`; texts in `input_discussion.ftl`.

use askama::Template;

use crate::{Form, PageCtx};

/// One comment as shown: the text as lines (escaped by the template, joined with `<br>`), or
/// the moderator's reason in its place when hidden; its replies under it.
#[derive(Debug, Clone, Default)]
pub struct CommentView {
    pub id: i64,
    pub author: String,
    pub date: String,
    pub date_iso: String,
    /// The text's lines; empty when hidden.
    pub lines: Vec<String>,
    /// "Hidden by a moderator: <reason>" when hidden.
    pub hidden: Option<String>,
    /// The reader wrote this hidden comment and has not appealed yet: the appeal link shows.
    pub can_appeal: bool,
    /// The reader wrote this hidden comment and has appealed.
    pub appealed: bool,
    /// A reply form may be opened (signed in, input open, comment shown).
    pub can_reply: bool,
    /// The reader may report it (signed in, not theirs, shown).
    pub can_report: bool,
    /// The reader is a moderator (and it is shown).
    pub can_hide: bool,
    pub replies: Vec<CommentView>,
}

/// What the input page shows under the input: rendered by `templates/input/_thread.html`, which
/// the input page includes. Built by `web::html::input::discussion::thread_for`.
#[derive(Debug, Clone, Default)]
pub struct Thread {
    pub input_id: i64,
    /// "12 supports", "3 comments", in words.
    pub supports: String,
    pub comments_count: String,
    pub signed_in: bool,
    /// The input takes comments, supports and follows.
    pub open: bool,
    /// The reader wrote the input.
    pub own: bool,
    pub supported: bool,
    /// The support button shows (signed in, open, not supported yet, own input only where
    /// allowed).
    pub can_support: bool,
    pub following: bool,
    pub comments: Vec<CommentView>,
    /// The input is hidden: its comments are not shown at all (replies could quote the hidden
    /// text), only their count.
    pub withheld: bool,
    /// Where anonymous visitors sign in to take part (back to this input).
    pub login_href: String,
    /// The reader may report the input itself (signed in, not theirs, shown).
    pub can_report_input: bool,
    /// The reader is a moderator.
    pub can_moderate: bool,
    /// The comment form (empty on the input page).
    pub form: Form,
}

/// The comment form on a page of its own: shown again with the text kept and the message next
/// to the field when a comment (or a reply) is refused.
#[derive(Template)]
#[template(path = "input/comment_form.html")]
pub struct CommentFormPage {
    pub p: PageCtx,
    pub input_id: i64,
    pub title: String,
    /// The comment replied to and its author's name.
    pub parent: Option<(i64, String)>,
    pub form: Form,
}

/// A refusal said in words with a link back (a second support, one's own input): 422.
#[derive(Template)]
#[template(path = "input/refused.html")]
pub struct RefusedPage {
    pub p: PageCtx,
    pub heading: String,
    pub messages: Vec<String>,
    pub back_href: String,
}

/// The notification settings: at once or a daily digest.
#[derive(Template)]
#[template(path = "input/notifications.html")]
pub struct NotificationsPage {
    pub p: PageCtx,
    /// `immediate` or `daily`.
    pub mode: String,
    pub form: Form,
}

/// The one-click unsubscribe page: one button (GET never changes anything), then the result.
#[derive(Template)]
#[template(path = "input/unsubscribe.html")]
pub struct UnsubscribePage {
    pub p: PageCtx,
    pub token: String,
    pub input_id: i64,
    pub title: String,
    /// Still following (the button shows); otherwise said in words.
    pub following: bool,
    /// Just done (after the POST).
    pub done: bool,
}

#[cfg(test)]
mod tests {
    use askama::Template;
    use domain::Lang;

    use super::*;

    /// The thread alone, as the input page includes it.
    #[derive(Template)]
    #[template(source = "{% include \"input/_thread.html\" %}", ext = "html")]
    struct ThreadOnly {
        p: PageCtx,
        thread: Thread,
    }

    fn page() -> PageCtx {
        PageCtx {
            lang: Lang::Sq,
            tenant_name: "Bashkia Elbasan".into(),
            logo_url: None,
            contact_email: "ogp@elbasan.al".into(),
            path: "/input/1".into(),
            query: String::new(),
            user_name: Some("Arbër".into()),
            is_staff: false,
            is_platform_admin: false,
            is_reviewer: false,
            is_moderator: false,
            flash: None,
            title: "Kontributi".into(),
        }
    }

    #[test]
    fn comments_are_escaped_with_their_line_breaks_and_hidden_ones_show_the_reason() {
        let thread = Thread {
            input_id: 7,
            signed_in: true,
            open: true,
            can_support: true,
            comments: vec![CommentView {
                id: 1,
                author: "Ana".into(),
                lines: vec!["<script>alert(1)</script>".into(), "rreshti 2".into()],
                can_reply: true,
                replies: vec![CommentView {
                    id: 2,
                    author: "Besa".into(),
                    hidden: Some("Fshehur nga një moderator: fyese".into()),
                    can_appeal: true,
                    ..CommentView::default()
                }],
                ..CommentView::default()
            }],
            ..Thread::default()
        };
        let html = ThreadOnly { p: page(), thread }.render().expect("render");
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(
            html.contains("&#60;script&#62;alert(1)&#60;/script&#62;<br>rreshti 2"),
            "{html}"
        );
        assert!(html.contains("Fshehur nga një moderator: fyese"));
        assert!(html.contains("/appeals/comment/2"));
        assert!(html.contains("action=\"/input/7/support\""));
        assert!(html.contains("name=\"parent\" value=\"1\""));
    }

    #[test]
    fn anonymous_visitors_are_asked_to_sign_in() {
        let thread = Thread {
            input_id: 7,
            open: true,
            login_href: "/login?next=/input/7".into(),
            ..Thread::default()
        };
        let html = ThreadOnly { p: page(), thread }.render().expect("render");
        assert!(html.contains("/login?next=/input/7"));
        assert!(!html.contains("<form"));
    }
}
