//! The text of every e-mail, in the recipient's language. Plain text keeps them readable on any
//! phone and safe from HTML injection.

use domain::Lang;
use store::NewMail;
use views::{t, t_args};

/// A message made of a greeting, one paragraph, a link and the signature, about something the
/// recipient did or takes part in (a submission, a decision, a new deadline).
pub fn notice_mail(
    lang: Lang,
    to: &str,
    name: Option<&str>,
    subject_key: &str,
    body_key: &str,
    args: &[(&str, String)],
    link: &str,
) -> NewMail {
    compose(lang, to, name, subject_key, body_key, args, link, false)
}

/// Like [`notice_mail`], for messages anyone could cause by typing the recipient's address (a
/// sign-up, a password reset, an invitation): these also say to ignore them if unasked for.
pub fn unsolicited_mail(
    lang: Lang,
    to: &str,
    name: Option<&str>,
    subject_key: &str,
    body_key: &str,
    args: &[(&str, String)],
    link: &str,
) -> NewMail {
    compose(lang, to, name, subject_key, body_key, args, link, true)
}

#[allow(clippy::too_many_arguments)]
fn compose(
    lang: Lang,
    to: &str,
    name: Option<&str>,
    subject_key: &str,
    body_key: &str,
    args: &[(&str, String)],
    link: &str,
    ignore_line: bool,
) -> NewMail {
    let mut body = String::new();
    if let Some(name) = name {
        body.push_str(&t_args(lang, "mail-verify-greeting", &[("name", name.to_owned())]));
        body.push_str("\n\n");
    }
    body.push_str(&t_args(lang, body_key, args));
    body.push_str("\n\n");
    body.push_str(link);
    body.push_str("\n\n");
    if ignore_line {
        body.push_str(&t(lang, "mail-ignore"));
        body.push_str("\n\n");
    }
    body.push_str("-- \n");
    let tenant = args
        .iter()
        .find(|(k, _)| *k == "tenant")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    body.push_str(&t_args(lang, "mail-signature", &[("tenant", tenant)]));
    body.push('\n');
    NewMail {
        recipient: to.to_owned(),
        subject: t_args(lang, subject_key, args),
        body_text: body,
        lang: lang.code().to_owned(),
        about: None,
        attachment: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unsolicited_mail_says_to_ignore_it() {
        let args = [("tenant", "Bashkia Elbasan".to_owned())];
        let ignore = t(Lang::Sq, "mail-ignore");
        let notice = notice_mail(
            Lang::Sq,
            "a@b.al",
            None,
            "mail-verify-subject",
            "mail-verify-body",
            &args,
            "x",
        );
        let stranger = unsolicited_mail(
            Lang::Sq,
            "a@b.al",
            None,
            "mail-verify-subject",
            "mail-verify-body",
            &args,
            "x",
        );
        assert!(!notice.body_text.contains(&ignore));
        assert!(stranger.body_text.contains(&ignore));
    }
}
