//! Forum: word-level comparison of two versions of a forum's texts (terms of reference,
//! participation rules), for showing what changed between versions with `<del>`/`<ins>`.
//!
//! Words are Unicode words (so "përgjegjësitë" stays one word), and every byte of both texts is
//! kept: whitespace and punctuation are pieces too. Joining the `Same` and `Added` pieces gives
//! the new text, joining the `Same` and `Removed` pieces gives the old one.

use similar::{ChangeTag, TextDiff};

/// One piece of a compared text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Piece {
    /// Text present in both versions.
    Same(String),
    /// Text only in the old version.
    Removed(String),
    /// Text only in the new version.
    Added(String),
}

/// A field compared between two versions.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldDiff {
    /// Name of the compared field (e.g. "terms_of_reference").
    pub field: &'static str,
    /// The pieces of the comparison, in text order.
    pub pieces: Vec<Piece>,
    /// Whether the two versions differ.
    pub changed: bool,
}

/// Compares two texts word by word.
///
/// Consecutive pieces of the same kind are merged, so that the page renders as few
/// `<del>`/`<ins>` elements as possible.
pub fn words(before: &str, after: &str) -> Vec<Piece> {
    // Unicode word bounds split into words, whitespace runs and punctuation without dropping
    // anything, which is what makes the pieces join back to the exact texts.
    let diff = TextDiff::configure().diff_unicode_words(before, after);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        // Extend the previous piece when it is of the same kind; otherwise start a new one.
        match (pieces.last_mut(), change.tag()) {
            (Some(Piece::Same(s)), ChangeTag::Equal)
            | (Some(Piece::Removed(s)), ChangeTag::Delete)
            | (Some(Piece::Added(s)), ChangeTag::Insert) => s.push_str(text),
            (_, ChangeTag::Equal) => pieces.push(Piece::Same(text.to_owned())),
            (_, ChangeTag::Delete) => pieces.push(Piece::Removed(text.to_owned())),
            (_, ChangeTag::Insert) => pieces.push(Piece::Added(text.to_owned())),
        }
    }
    pieces
}

/// Compares one field between two versions.
pub fn field(field: &'static str, before: &str, after: &str) -> FieldDiff {
    FieldDiff {
        field,
        pieces: words(before, after),
        // Decided on the texts themselves, not the pieces, so it is exact by construction.
        changed: before != after,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    /// Joins the `Same` pieces with either the `Removed` (old side) or `Added` (new side) ones.
    fn join(pieces: &[Piece], old_side: bool) -> String {
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Same(s) => Some(s.as_str()),
                Piece::Removed(s) if old_side => Some(s.as_str()),
                Piece::Added(s) if !old_side => Some(s.as_str()),
                _ => None,
            })
            .collect()
    }

    fn same_kind(a: &Piece, b: &Piece) -> bool {
        std::mem::discriminant(a) == std::mem::discriminant(b)
    }

    const EXAMPLES: &[(&str, &str)] = &[
        ("", ""),
        ("", "Rregullat e pjesëmarrjes."),
        ("Rregullat e pjesëmarrjes.", ""),
        ("a b c", "a b c"),
        ("a b", "c d"),
        (
            "Anëtarët kanë përgjegjësitë e tyre.",
            "Anëtarët kanë përgjegjësi të qarta.",
        ),
        (
            "# Termat e referencës\n\n- Takimet çdo muaj.\n- Procesverbali brenda 7 ditëve.\n",
            "# Termat e referencës\n\n- Takimet çdo tre muaj.\n\n- Procesverbali brenda 10 ditëve!\n",
        ),
        ("line one\r\nline two", "line one\nline two\n"),
        ("Hello, world!", "Hello; world?"),
        ("**bold** _it_ `code`", "**bold** _italic_ `code` [link](http://x.al)"),
        ("  leading and trailing  ", "leading and trailing"),
        ("çelës, çështje", "çështje, çelës"),
        ("emoji 👍🏽 ok", "emoji 👎 ok"),
    ];

    #[test]
    fn pieces_join_back_to_both_texts() {
        for (before, after) in EXAMPLES {
            let pieces = words(before, after);
            assert_eq!(join(&pieces, true), *before, "old side of {before:?} -> {after:?}");
            assert_eq!(join(&pieces, false), *after, "new side of {before:?} -> {after:?}");
        }
    }

    #[test]
    fn no_empty_pieces_and_neighbours_differ_in_kind() {
        for (before, after) in EXAMPLES {
            let pieces = words(before, after);
            for p in &pieces {
                let (Piece::Same(s) | Piece::Removed(s) | Piece::Added(s)) = p;
                assert!(!s.is_empty(), "empty piece in {before:?} -> {after:?}");
            }
            for pair in pieces.windows(2) {
                assert!(
                    !same_kind(&pair[0], &pair[1]),
                    "unmerged {pair:?} in {before:?} -> {after:?}"
                );
            }
        }
    }

    #[test]
    fn albanian_word_is_one_unit() {
        let pieces = words("përgjegjësitë e anëtarit", "përgjegjësia e anëtarit");
        assert_eq!(
            pieces,
            vec![
                Piece::Removed("përgjegjësitë".into()),
                Piece::Added("përgjegjësia".into()),
                Piece::Same(" e anëtarit".into()),
            ]
        );
    }

    #[test]
    fn whitespace_is_same_and_runs_are_merged() {
        let pieces = words("Takimi bëhet çdo muaj.", "Takimi bëhet çdo tre muaj.");
        assert_eq!(
            pieces,
            vec![
                Piece::Same("Takimi bëhet çdo ".into()),
                Piece::Added("tre ".into()),
                Piece::Same("muaj.".into()),
            ]
        );
    }

    #[test]
    fn identical_and_empty_texts() {
        assert!(words("", "").is_empty());
        assert_eq!(words("a\nb", "a\nb"), vec![Piece::Same("a\nb".into())]);
        assert_eq!(words("", "x y"), vec![Piece::Added("x y".into())]);
        assert_eq!(words("x y", ""), vec![Piece::Removed("x y".into())]);
    }

    #[test]
    fn field_reports_changed() {
        let unchanged = field("rules", "Rregullat.", "Rregullat.");
        assert_eq!(unchanged.field, "rules");
        assert!(!unchanged.changed);
        assert_eq!(unchanged.pieces, vec![Piece::Same("Rregullat.".into())]);

        let empty = field("terms", "", "");
        assert!(!empty.changed);
        assert!(empty.pieces.is_empty());

        let changed = field("terms", "Termat.", "Termat e reja.");
        assert!(changed.changed);
        assert_eq!(join(&changed.pieces, false), "Termat e reja.");
    }

    #[test]
    fn serializes_for_templates() {
        let json = serde_json::to_value(field("rules", "a", "b")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "field": "rules",
                "pieces": [{"Removed": "a"}, {"Added": "b"}],
                "changed": true
            })
        );
    }
}
