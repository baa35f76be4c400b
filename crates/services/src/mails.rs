//! The text of every e-mail, in the recipient's language. Plain text keeps them readable on any
//! phone and safe from HTML injection.

use domain::Lang;
use store::NewMail;
use views::{t, t_args};

/// A message made of a greeting, one paragraph, a link, and the usual closing lines.
pub fn link_mail(
    lang: Lang,
    to: &str,
    name: Option<&str>,
    subject_key: &str,
    body_key: &str,
    args: &[(&str, String)],
    link: &str,
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
    body.push_str(&t(lang, "mail-ignore"));
    body.push_str("\n\n-- \n");
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
    }
}
