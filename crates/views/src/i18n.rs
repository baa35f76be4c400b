//! Interface texts. The `.ftl` files are embedded at build time; Albanian is the fallback, so a
//! key missing in English shows in Albanian rather than as a raw id.

use std::{borrow::Cow, collections::HashMap};

use domain::Lang;
use fluent_templates::{Loader, fluent_bundle::FluentValue, static_loader};
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "sq",
        // Fluent wraps placeables in invisible isolation marks, which would leak into HTML,
        // e-mails and test strings; both our languages are left-to-right, so they are not needed.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static SQ: LanguageIdentifier = langid!("sq");
static EN: LanguageIdentifier = langid!("en");

fn id(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::Sq => &SQ,
        Lang::En => &EN,
    }
}

/// Translates `key` into `lang`.
pub fn t(lang: Lang, key: &str) -> String {
    LOCALES.lookup(id(lang), key)
}

/// Translates `key` with named arguments (`{ $name }` in the `.ftl` file).
pub fn t_args(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned((*k).to_owned()), FluentValue::from(v.clone())))
        .collect();
    LOCALES.lookup_with_args(id(lang), key, &map)
}

/// A language bound to the translation functions, handy inside templates and mail builders.
#[derive(Debug, Clone, Copy)]
pub struct Translator(pub Lang);

impl Translator {
    pub fn t(&self, key: &str) -> String {
        t(self.0, key)
    }
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        t_args(self.0, key, &[(name, value.to_owned())])
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn keys(source: &str) -> BTreeSet<String> {
        source
            .lines()
            .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
            .filter_map(|l| l.split(" =").next())
            .map(|k| k.trim().to_owned())
            .collect()
    }

    #[test]
    fn both_locales_define_the_same_keys() {
        let sq = keys(include_str!("../locales/sq/main.ftl"));
        let en = keys(include_str!("../locales/en/main.ftl"));
        let only_sq: Vec<_> = sq.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&sq).collect();
        assert!(
            only_sq.is_empty() && only_en.is_empty(),
            "only sq: {only_sq:?}, only en: {only_en:?}"
        );
        assert!(sq.len() > 50);
    }

    #[test]
    fn translates_with_arguments_and_no_isolation_marks() {
        let s = t_args(Lang::En, "mail-verify-greeting", &[("name", "Arbër".into())]);
        assert!(s.contains("Arbër"), "{s}");
        assert!(!s.contains('\u{2068}'));
        assert_eq!(t(Lang::Sq, "nav-home"), "Kreu");
        assert_eq!(t(Lang::En, "nav-home"), "Home");
    }
}
