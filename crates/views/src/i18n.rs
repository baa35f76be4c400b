//! Interface texts. The `.ftl` files are embedded at build time; Albanian is the fallback, so a
//! key missing in English shows in Albanian rather than as a raw id.
//!
//! Each language folder (`locales/sq/`, `locales/en/`) holds one file per stage: `common.ftl`,
//! `people.ftl`, `content.ftl`, `open_call.ftl` and `platform.ftl`. The loader reads every
//! `.ftl` file of a folder into the language's one bundle, so where a key is defined does not
//! change how it is looked up; the tests below keep the files and keys of both languages alike.

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

/// Translates `key`, or `None` when no `.ftl` file defines it (the fallback language included).
pub fn t_opt(lang: Lang, key: &str) -> Option<String> {
    LOCALES.try_lookup(id(lang), key)
}

/// Translates `key` with named arguments (`{ $name }` in the `.ftl` file). A whole number is
/// passed as a number, so that plural variants (`[one]`, `[0]`) are chosen; text such as
/// `0007` (a reference's digits) stays text.
pub fn t_args(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| {
            let value = match v.parse::<i64>() {
                Ok(n) if n.to_string() == *v => FluentValue::from(n),
                _ => FluentValue::from(v.clone()),
            };
            (Cow::Owned((*k).to_owned()), value)
        })
        .collect();
    LOCALES.lookup_with_args(id(lang), key, &map)
}

/// Translates `key` with the number `n` as `$name`. Passed as a number, not as text, so that
/// the message's `[0]`, `[1]` variants are chosen (Fluent matches a text argument against
/// number variants never, and falls through to `*[other]`).
pub fn t_count(lang: Lang, key: &str, name: &str, n: i64) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> =
        std::iter::once((Cow::Owned(name.to_owned()), FluentValue::from(n))).collect();
    LOCALES.lookup_with_args(id(lang), key, &map)
}

/// A number with `places` decimals as the language writes it: `4,65` in Albanian, `4.65` in
/// English. Machine-readable exports keep the point.
pub fn decimal(lang: Lang, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match lang {
        Lang::Sq => text.replace('.', ","),
        Lang::En => text,
    }
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
    //! The texts of a language are spread over several `.ftl` files, one per stage (see the
    //! crate documentation), and `static_loader!` puts every file of a language folder into
    //! one bundle. These tests read the folders as they are on disk, so a file added or renamed
    //! in one language only, a key missing from one language, or a key defined twice (which
    //! would make the loader panic at the first lookup) fails here with the names to fix.

    use std::{
        collections::{BTreeMap, BTreeSet},
        fs,
        path::Path,
    };

    use fluent_templates::fluent_bundle::FluentResource;

    use super::*;

    const LOCALES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");

    /// The language every other one is compared with (the fallback).
    const REFERENCE: &str = "sq";

    /// One message of a `.ftl` file: its id and, when it is plain one-line text, that text.
    struct Entry {
        key: String,
        plain: Option<String>,
    }

    /// The messages and terms defined in one `.ftl` source, in order; a key defined twice
    /// shows twice.
    fn entries(source: &str) -> Vec<Entry> {
        let lines: Vec<&str> = source.lines().collect();
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-'))
            .filter_map(|(i, l)| l.split_once('=').map(|(k, v)| (i, k.trim(), v.trim())))
            .map(|(i, key, value)| {
                let continued = lines.get(i + 1).is_some_and(|n| n.starts_with([' ', '\t']));
                let plain = !value.is_empty() && !value.contains(['{', '}']) && !continued;
                Entry {
                    key: key.to_owned(),
                    plain: plain.then(|| value.to_owned()),
                }
            })
            .collect()
    }

    /// The `.ftl` files under `dir`, by their path relative to `root` (the loader also reads
    /// subfolders, so the tests do too).
    fn ftl_files(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<Entry>>) {
        for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                ftl_files(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "ftl") {
                let name = path.strip_prefix(root).unwrap().display().to_string();
                let source = fs::read_to_string(&path).unwrap();
                if let Err((_, errors)) = FluentResource::try_new(source.clone()) {
                    panic!("{}: Fluent syntax errors: {errors:?}", path.display());
                }
                out.insert(name, entries(&source));
            }
        }
    }

    /// Every language folder: language → file → the messages it defines.
    fn locales() -> BTreeMap<String, BTreeMap<String, Vec<Entry>>> {
        let mut all = BTreeMap::new();
        for entry in fs::read_dir(LOCALES_DIR).unwrap_or_else(|e| panic!("{LOCALES_DIR}: {e}")) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                let lang = path.file_name().unwrap().to_string_lossy().into_owned();
                let mut files = BTreeMap::new();
                ftl_files(&path, &path, &mut files);
                all.insert(lang, files);
            }
        }
        assert!(all.contains_key(REFERENCE), "no {REFERENCE} folder in {LOCALES_DIR}");
        all
    }

    fn key_set(entries: &[Entry]) -> BTreeSet<&str> {
        entries.iter().map(|e| e.key.as_str()).collect()
    }

    #[test]
    fn every_language_has_the_same_files() {
        let all = locales();
        let reference: BTreeSet<&String> = all[REFERENCE].keys().collect();
        let mut problems = Vec::new();
        for (lang, files) in &all {
            let here: BTreeSet<&String> = files.keys().collect();
            for missing in reference.difference(&here) {
                problems.push(format!("{lang}/{missing} is missing (it exists in {REFERENCE}/)"));
            }
            for extra in here.difference(&reference) {
                problems.push(format!("{lang}/{extra} exists only in {lang}/"));
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
        assert!(all.len() >= 2, "expected sq and en, found {:?}", all.keys());
    }

    #[test]
    fn every_file_defines_the_same_keys_in_every_language() {
        let all = locales();
        let mut problems = Vec::new();
        for (file, reference) in &all[REFERENCE] {
            let reference = key_set(reference);
            for (lang, files) in all.iter().filter(|(l, _)| *l != REFERENCE) {
                let Some(here) = files.get(file) else { continue };
                let here = key_set(here);
                let only_ref: Vec<_> = reference.difference(&here).collect();
                let only_here: Vec<_> = here.difference(&reference).collect();
                if !only_ref.is_empty() {
                    problems.push(format!("{file}: only in {REFERENCE}, missing in {lang}: {only_ref:?}"));
                }
                if !only_here.is_empty() {
                    problems.push(format!("{file}: only in {lang}, missing in {REFERENCE}: {only_here:?}"));
                }
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
        let total: usize = all[REFERENCE].values().map(Vec::len).sum();
        assert!(total > 50, "only {total} keys in {REFERENCE}");
    }

    #[test]
    fn no_key_is_defined_twice_in_a_language() {
        let mut problems = Vec::new();
        for (lang, files) in locales() {
            let mut seen: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for (file, entries) in &files {
                for e in entries {
                    seen.entry(&e.key).or_default().push(file);
                }
            }
            for (key, where_) in seen.iter().filter(|(_, w)| w.len() > 1) {
                problems.push(format!("{lang}: {key} is defined in {}", where_.join(", ")));
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    }

    #[test]
    fn the_loader_reads_every_file_of_every_language() {
        let mut problems = Vec::new();
        let mut checked = 0;
        for (lang, files) in locales() {
            let id: LanguageIdentifier = lang.parse().unwrap();
            for (file, entries) in &files {
                for e in entries {
                    let Some(expected) = &e.plain else { continue };
                    let found = LOCALES.lookup_single_language::<String>(&id, &e.key, None);
                    if found.as_ref().ok() != Some(expected) {
                        problems.push(format!("{lang}/{file}: {} gives {found:?}", e.key));
                    }
                    checked += 1;
                }
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
        assert!(checked > 100);
    }

    #[test]
    fn translates_with_arguments_and_no_isolation_marks() {
        let s = t_args(Lang::En, "mail-verify-greeting", &[("name", "Arbër".into())]);
        assert!(s.contains("Arbër"), "{s}");
        assert!(!s.contains('\u{2068}'));
        assert_eq!(t(Lang::Sq, "nav-home"), "Kreu");
        assert_eq!(t(Lang::En, "nav-home"), "Home");
    }

    /// Every form field a template names (`f::input(p, form, "name"…`, `f::textarea(…`,
    /// `err(p.lang, "name")`) has a `field-…` label, so that the error summary can say which
    /// field a message is about.
    #[test]
    fn every_form_field_has_a_label_for_the_error_summary() {
        fn templates(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("templates") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    templates(&path, out);
                } else {
                    out.push(std::fs::read_to_string(&path).expect("template"));
                }
            }
        }
        let mut sources = Vec::new();
        templates(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
            &mut sources,
        );
        let mut fields = BTreeSet::new();
        for text in &sources {
            for marker in [
                "f::input(p, form, \"",
                "f::textarea(p, form, \"",
                "f::long_text(p, form, \"",
                "err(p.lang, \"",
            ] {
                for part in text.split(marker).skip(1) {
                    if let Some(name) = part.split('"').next() {
                        fields.insert(name.to_owned());
                    }
                }
            }
        }
        assert!(fields.len() > 30, "{fields:?}");
        let missing: Vec<String> = fields
            .iter()
            .flat_map(|f| [Lang::Sq, Lang::En].map(|l| (f, l)))
            .filter(|(f, l)| t_opt(*l, &format!("field-{}", f.replace('_', "-"))).is_none())
            .map(|(f, l)| format!("{f} ({l:?})"))
            .collect();
        assert!(missing.is_empty(), "no field-… label for: {missing:?}");
    }

    #[test]
    fn whole_numbers_choose_plural_variants() {
        assert_eq!(t_args(Lang::En, "audit-count", &[("count", "1".into())]), "1 item");
        assert_eq!(t_args(Lang::En, "audit-count", &[("count", "3".into())]), "3 items");
        assert_eq!(
            t_args(Lang::Sq, "audit-object-draft", &[("id", "0007".into())]),
            "nr. 0007 (draft)"
        );
    }

    #[test]
    fn decimals_are_written_as_each_language_writes_them() {
        assert_eq!(decimal(Lang::Sq, 4.654, 2), "4,65");
        assert_eq!(decimal(Lang::En, 4.654, 2), "4.65");
    }
}
