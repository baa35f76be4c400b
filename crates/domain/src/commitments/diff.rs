//! Word-level comparison of two versions of a commitment, field by field (`similar`), so that a
//! reader sees what changed without JavaScript.
//!
//! The fields arrive as texts (the page renders values, areas, dates and milestones as text in
//! its language first); each changed one gets its words marked as kept, removed or added.
//! Words are Unicode words (`similar`'s `unicode` feature), so "Këshilli" is one word; the
//! whitespace between words is kept with them, so that joining the segments gives back
//! either text exactly.

use std::time::{Duration, Instant};

use similar::{ChangeTag, TextDiff};

/// How long one field's diff may search for the smallest set of changes. Past it `similar`
/// returns a correct but coarser diff (bigger blocks marked removed and added), so that two
/// long, very different texts still compare well inside the page's budget (50 ms for two
/// 5,000-word versions).
pub const FIELD_DEADLINE: Duration = Duration::from_millis(30);

/// How long a whole comparison ([`compare`]) may search, all its fields together: a deadline
/// per field would let a commitment's ~18 fields take several hundred milliseconds.
pub const COMPARE_DEADLINE: Duration = FIELD_DEADLINE;

/// A run of words that is in both texts, only in the old one, or only in the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Same(String),
    Removed(String),
    Added(String),
}

impl Segment {
    pub fn text(&self) -> &str {
        match self {
            Segment::Same(t) | Segment::Removed(t) | Segment::Added(t) => t,
        }
    }
}

/// The word-level diff of two texts, adjacent words of one kind joined into one segment.
pub fn words(old: &str, new: &str) -> Vec<Segment> {
    words_until(old, new, Instant::now() + FIELD_DEADLINE)
}

/// [`words`] with the instant past which the search settles for a coarser diff (a deadline
/// already passed still gives a correct diff, at once).
pub fn words_until(old: &str, new: &str, deadline: Instant) -> Vec<Segment> {
    let diff = TextDiff::configure().deadline(deadline).diff_unicode_words(old, new);
    let mut out: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (out.last_mut(), change.tag()) {
            (Some(Segment::Same(t)), ChangeTag::Equal)
            | (Some(Segment::Removed(t)), ChangeTag::Delete)
            | (Some(Segment::Added(t)), ChangeTag::Insert) => t.push_str(text),
            (_, ChangeTag::Equal) => out.push(Segment::Same(text.to_owned())),
            (_, ChangeTag::Delete) => out.push(Segment::Removed(text.to_owned())),
            (_, ChangeTag::Insert) => out.push(Segment::Added(text.to_owned())),
        }
    }
    out
}

/// One field of two versions, compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDiff {
    pub key: String,
    pub old: String,
    pub new: String,
    /// Empty when the field did not change.
    pub segments: Vec<Segment>,
}

impl FieldDiff {
    pub fn changed(&self) -> bool {
        self.old != self.new
    }
}

/// Compares fields given as (key, old text, new text), in the order given, all of them within
/// one [`COMPARE_DEADLINE`].
pub fn compare(fields: Vec<(String, String, String)>) -> Vec<FieldDiff> {
    compare_until(fields, Instant::now() + COMPARE_DEADLINE)
}

/// [`compare`] with the deadline the fields share.
pub fn compare_until(fields: Vec<(String, String, String)>, deadline: Instant) -> Vec<FieldDiff> {
    fields
        .into_iter()
        .map(|(key, old, new)| {
            let segments = if old == new {
                Vec::new()
            } else {
                words_until(&old, &new, deadline)
            };
            FieldDiff {
                key,
                old,
                new,
                segments,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn old_of(s: &[Segment]) -> String {
        s.iter()
            .filter(|x| !matches!(x, Segment::Added(_)))
            .map(Segment::text)
            .collect()
    }

    fn new_of(s: &[Segment]) -> String {
        s.iter()
            .filter(|x| !matches!(x, Segment::Removed(_)))
            .map(Segment::text)
            .collect()
    }

    #[test]
    fn marks_changed_words_only() {
        let s = words("Këshilli bashkiak miraton planin", "Këshilli bashkiak shqyrton planin");
        assert!(s.contains(&Segment::Removed("miraton".into())), "{s:?}");
        assert!(s.contains(&Segment::Added("shqyrton".into())), "{s:?}");
        assert!(matches!(&s[0], Segment::Same(t) if t.starts_with("Këshilli bashkiak")));
    }

    #[test]
    fn segments_give_back_both_texts() {
        let (a, b) = ("një dy  tre\nkatër", "një tre katër pesë\n");
        let s = words(a, b);
        assert_eq!(old_of(&s), a);
        assert_eq!(new_of(&s), b);
    }

    #[test]
    fn unchanged_fields_have_no_segments() {
        let d = compare(vec![
            ("title".into(), "A".into(), "A".into()),
            ("q1_problem".into(), "x y".into(), "x z".into()),
        ]);
        assert!(!d[0].changed() && d[0].segments.is_empty());
        assert!(d[1].changed() && !d[1].segments.is_empty());
    }

    #[test]
    fn the_fields_of_a_comparison_share_one_deadline() {
        // Eighteen long, very different fields: with a deadline each they would take up to
        // 18 × 30 ms of searching; sharing one, the whole comparison stays near one deadline.
        let field = |seed: usize| -> String {
            (0..1500)
                .map(|i| format!("w{}", (i * 7919 + seed * 104_729) % 613))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let fields: Vec<(String, String, String)> =
            (0..18).map(|k| (format!("f{k}"), field(k), field(k + 100))).collect();
        // A deadline already passed: every field is compared coarsely at once, still exact.
        let started = Instant::now();
        let d = compare_until(fields.clone(), started);
        let coarse = started.elapsed();
        for (f, (_, old, new)) in d.iter().zip(&fields) {
            assert_eq!(&old_of(&f.segments), old);
            assert_eq!(&new_of(&f.segments), new);
        }
        let started = Instant::now();
        compare(fields);
        let took = started.elapsed();
        // One shared deadline: about the coarse work plus one deadline (measured: 130 ms in a
        // debug build, 100 ms of it coarse work); a deadline per field searches 18 × 30 ms
        // more (measured: 580 ms).
        assert!(took < coarse * 2 + COMPARE_DEADLINE * 3, "{took:?} (coarse {coarse:?})");
    }

    #[test]
    fn two_5000_word_versions_compare_in_time() {
        let words_a: Vec<String> = (0..5000).map(|i| format!("fjala{}", i % 397)).collect();
        let mut words_b = words_a.clone();
        for i in (0..5000).step_by(7) {
            words_b[i] = format!("ndryshuar{i}");
        }
        let (a, b) = (words_a.join(" "), words_b.join(" "));
        let started = Instant::now();
        let s = words(&a, &b);
        let took = started.elapsed();
        assert_eq!(old_of(&s), a);
        assert_eq!(new_of(&s), b);
        // Debug builds are slower than the benchmark's release build; the bound still fails
        // if the deadline is lost.
        assert!(took < Duration::from_millis(500), "{took:?}");
    }
}
