//! Input phases and submitting input: when a phase takes input, who may still edit an input,
//! how the list is ordered and paged (keyset cursors), what its status filter means, and the
//! words of a search. Pure rules; the store and the use cases apply them.

use chrono::{DateTime, TimeZone, Utc};

use super::{AnswerStatus, InputSort, InputState, QUERY_MAX};

/// Where an input phase stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseStatus {
    /// Not announced yet: only the coordinator sees it.
    Draft,
    /// Announced, not open yet.
    Upcoming,
    /// Taking input.
    Open,
    Closed,
}

impl PhaseStatus {
    pub fn key(self) -> &'static str {
        match self {
            PhaseStatus::Draft => "draft",
            PhaseStatus::Upcoming => "upcoming",
            PhaseStatus::Open => "open",
            PhaseStatus::Closed => "closed",
        }
    }
}

/// The status of a phase: open from `opens_at` (included) to `closes_at` (excluded), once
/// announced. A phase that was never announced takes no input, whatever its dates.
pub fn phase_status(
    announced: bool,
    opens_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> PhaseStatus {
    if !announced {
        PhaseStatus::Draft
    } else if now < opens_at {
        PhaseStatus::Upcoming
    } else if now < closes_at {
        PhaseStatus::Open
    } else {
        PhaseStatus::Closed
    }
}

/// Why an input cannot be edited any more (each a message code next to the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditRefusal {
    /// Only its author edits an input.
    NotAuthor,
    Withdrawn,
    Hidden,
    /// Somebody has supported or commented on it: what they reacted to must stay as it was.
    HasReactions,
}

impl EditRefusal {
    pub fn code(self) -> &'static str {
        match self {
            EditRefusal::NotAuthor => "input_not_author",
            EditRefusal::Withdrawn => "input_withdrawn",
            EditRefusal::Hidden => "input_hidden",
            EditRefusal::HasReactions => "input_has_reactions",
        }
    }
}

/// The facts of an input the edit window depends on.
#[derive(Debug, Clone, Copy)]
pub struct EditFacts {
    pub is_author: bool,
    pub state: InputState,
    pub hidden: bool,
    /// Whether it was ever commented (a comment hidden since too) or is supported.
    pub reacted: bool,
}

/// The edit window: its author edits an input until the first support or comment (hiding that
/// comment does not reopen it), while it is neither withdrawn nor hidden.
pub fn can_edit(f: EditFacts) -> Result<(), EditRefusal> {
    if !f.is_author {
        Err(EditRefusal::NotAuthor)
    } else if f.state == InputState::Withdrawn {
        Err(EditRefusal::Withdrawn)
    } else if f.hidden {
        Err(EditRefusal::Hidden)
    } else if f.reacted {
        Err(EditRefusal::HasReactions)
    } else {
        Ok(())
    }
}

/// Its author withdraws an input once, while it is published (hidden or not: the note explains).
pub fn can_withdraw(is_author: bool, state: InputState) -> Result<(), EditRefusal> {
    if !is_author {
        Err(EditRefusal::NotAuthor)
    } else if state == InputState::Withdrawn {
        Err(EditRefusal::Withdrawn)
    } else {
        Ok(())
    }
}

/// The administrative units of a text written one per line (a tenant's list, a phase's choice):
/// trimmed, empty lines dropped, duplicates kept once, in order.
pub fn unit_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.iter().any(|u| u == line) {
            out.push(line.to_owned());
        }
    }
    out
}

/// The status filter of the list: an answer's status, not answered yet, or withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Answer(AnswerStatus),
    Unanswered,
    Withdrawn,
}

impl StatusFilter {
    pub fn parse(key: &str) -> Option<StatusFilter> {
        match key {
            "unanswered" => Some(StatusFilter::Unanswered),
            "withdrawn" => Some(StatusFilter::Withdrawn),
            other => AnswerStatus::parse(other).map(StatusFilter::Answer),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            StatusFilter::Answer(s) => s.key(),
            StatusFilter::Unanswered => "unanswered",
            StatusFilter::Withdrawn => "withdrawn",
        }
    }

    /// Every choice of the filter, in the order shown.
    pub fn all() -> Vec<StatusFilter> {
        let mut all = vec![StatusFilter::Unanswered];
        all.extend(AnswerStatus::ALL.iter().map(|s| StatusFilter::Answer(*s)));
        all.push(StatusFilter::Withdrawn);
        all
    }
}

/// The sort key of the last row of a page: a time (newest, recently answered) or a count (most
/// supported, most discussed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CursorKey {
    Time(DateTime<Utc>),
    Count(i64),
}

/// Where the next page starts: after the row with this sort key and id (every order is
/// descending, ties broken by the larger id first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListCursor {
    pub key: CursorKey,
    pub id: i64,
}

impl ListCursor {
    /// The cursor as it travels in `?after=`: `t<microseconds>-<id>` or `c<count>-<id>`.
    pub fn encode(&self) -> String {
        match self.key {
            CursorKey::Time(t) => format!("t{}-{}", t.timestamp_micros(), self.id),
            CursorKey::Count(n) => format!("c{}-{}", n, self.id),
        }
    }

    /// Reads a cursor made by [`ListCursor::encode`] for `sort`; anything else (typed by hand,
    /// or from another sort) is `None`, and the list starts from the top.
    pub fn parse(sort: InputSort, raw: &str) -> Option<ListCursor> {
        let (tag, rest) = raw.split_at_checked(1)?;
        // A count may be negative in principle; the id is the last number.
        let (key, id) = rest.rsplit_once('-')?;
        let id: i64 = id.parse().ok().filter(|i| *i > 0)?;
        let time_sort = matches!(sort, InputSort::Newest | InputSort::RecentlyAnswered);
        let key = match (tag, time_sort) {
            ("t", true) => CursorKey::Time(Utc.timestamp_micros(key.parse().ok()?).single()?),
            ("c", false) => CursorKey::Count(key.parse().ok()?),
            _ => return None,
        };
        Some(ListCursor { key, id })
    }
}

/// Why a search cannot be run (a message next to the search field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchRefusal {
    TooLong,
    /// Only punctuation or symbols: no word to look for.
    NoWords,
}

impl SearchRefusal {
    pub fn code(self) -> &'static str {
        match self {
            SearchRefusal::TooLong => "search_too_long",
            SearchRefusal::NoWords => "search_no_words",
        }
    }
}

/// At most this many words of a query are used (all must match).
pub const SEARCH_WORDS_MAX: usize = 12;

/// The words of a search, folded (lower case, no diacritics, see [`crate::fold`]) and made of
/// letters and digits only. The store still quotes each word: PostgreSQL's `unaccent` turns a few
/// letters into punctuation ("ŉ" → "'n", "⑴" → "(1)"). An empty query is no search (`Ok` with no words).
pub fn search_words(query: &str) -> Result<Vec<String>, SearchRefusal> {
    let query = query.trim();
    if query.chars().count() > QUERY_MAX {
        return Err(SearchRefusal::TooLong);
    }
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let folded = crate::fold(query);
    let mut words: Vec<String> = Vec::new();
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !words.iter().any(|w| w == word) {
            words.push(word.to_owned());
        }
    }
    if words.is_empty() {
        return Err(SearchRefusal::NoWords);
    }
    words.truncate(SEARCH_WORDS_MAX);
    Ok(words)
}

/// Whether the word at `index` of `words` is searched as a prefix: the last one, so that a word
/// being typed still finds ("ceshtj" finds "çështje"), unless it is a single character. "e" as a
/// prefix matches nearly every word of an Albanian text, which finds nothing useful and cost
/// 35 ms at 10,000 commitments; it is searched as the word "e". Both databases follow this.
pub fn is_prefix_word(words: &[String], index: usize) -> bool {
    index + 1 == words.len() && words[index].chars().count() > 1
}

/// SQLite FTS5's query for the words: each quoted (no operator can slip in), all required, the
/// last one a prefix (see [`is_prefix_word`]).
pub fn fts5_query(words: &[String]) -> String {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let quoted = format!("\"{}\"", w.replace('"', "\"\""));
            if is_prefix_word(words, i) {
                format!("{quoted}*")
            } else {
                quoted
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a phase's edited theme list meets its saved themes: for each new line, the saved theme it
/// keeps (`None`: a new theme), and the saved themes no line keeps (to be removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemePlan {
    pub kept: Vec<Option<i64>>,
    pub removed: Vec<i64>,
}

/// Matches the edited theme lines (Albanian title first) to the saved themes (`(id, Albanian
/// title)` in their order) so that no input changes theme by a line being inserted or moved: a
/// line keeps the saved theme of the same Albanian title wherever it stands; the lines left over
/// take the saved themes left over in order (a changed title keeps its theme and its inputs);
/// further lines are new themes, further saved themes are removed.
pub fn match_themes(saved: &[(i64, &str)], lines: &[(String, String)]) -> ThemePlan {
    let mut kept: Vec<Option<i64>> = vec![None; lines.len()];
    let mut taken = vec![false; saved.len()];
    for (line, (sq, _)) in lines.iter().enumerate() {
        if let Some(j) = (0..saved.len()).find(|&j| !taken[j] && saved[j].1 == sq.as_str()) {
            taken[j] = true;
            kept[line] = Some(saved[j].0);
        }
    }
    let mut left = (0..saved.len()).filter(|&j| !taken[j]).collect::<Vec<_>>().into_iter();
    for slot in kept.iter_mut().filter(|k| k.is_none()) {
        match left.next() {
            Some(j) => *slot = Some(saved[j].0),
            None => break,
        }
    }
    ThemePlan {
        kept,
        removed: left.map(|j| saved[j].0).collect(),
    }
}

/// The folded text of an input the store keeps for `LIKE` and for similarity.
pub fn search_text(title: &str, body: &str) -> String {
    crate::fold(&format!("{title}\n{body}"))
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, 12, 0, 0).single().expect("date")
    }

    #[test]
    fn a_phase_takes_input_only_while_announced_and_open() {
        let (opens, closes) = (at(10), at(20));
        assert_eq!(phase_status(false, opens, closes, at(15)), PhaseStatus::Draft);
        assert_eq!(phase_status(true, opens, closes, at(9)), PhaseStatus::Upcoming);
        assert_eq!(phase_status(true, opens, closes, opens), PhaseStatus::Open);
        assert_eq!(phase_status(true, opens, closes, at(15)), PhaseStatus::Open);
        assert_eq!(
            phase_status(true, opens, closes, closes - Duration::seconds(1)),
            PhaseStatus::Open
        );
        assert_eq!(phase_status(true, opens, closes, closes), PhaseStatus::Closed);
    }

    fn facts() -> EditFacts {
        EditFacts {
            is_author: true,
            state: InputState::Published,
            hidden: false,
            reacted: false,
        }
    }

    #[test]
    fn the_author_edits_until_the_first_support_or_comment() {
        assert_eq!(can_edit(facts()), Ok(()));
        assert_eq!(
            can_edit(EditFacts {
                is_author: false,
                ..facts()
            }),
            Err(EditRefusal::NotAuthor)
        );
        assert_eq!(
            can_edit(EditFacts {
                reacted: true,
                ..facts()
            }),
            Err(EditRefusal::HasReactions)
        );
        assert_eq!(
            can_edit(EditFacts {
                state: InputState::Withdrawn,
                ..facts()
            }),
            Err(EditRefusal::Withdrawn)
        );
        assert_eq!(
            can_edit(EditFacts {
                hidden: true,
                ..facts()
            }),
            Err(EditRefusal::Hidden)
        );
        assert_eq!(can_withdraw(true, InputState::Published), Ok(()));
        assert_eq!(can_withdraw(true, InputState::Withdrawn), Err(EditRefusal::Withdrawn));
        assert_eq!(can_withdraw(false, InputState::Published), Err(EditRefusal::NotAuthor));
    }

    #[test]
    fn search_words_are_folded_and_free_of_syntax() {
        assert_eq!(search_words("  ").unwrap_or_default(), Vec::<String>::new());
        assert_eq!(
            search_words("Çështje e UJIT").unwrap_or_default(),
            vec!["ceshtje", "e", "ujit"]
        );
        assert_eq!(search_words("\"ujë\" OR *"), Ok(vec!["uje".into(), "or".into()]));
        assert_eq!(search_words("?!… -- ***"), Err(SearchRefusal::NoWords));
        assert_eq!(search_words(&"a".repeat(10_000)), Err(SearchRefusal::TooLong));
        assert_eq!(search_words("rrugë rrugë").map(|w| w.len()), Ok(1));
        let words = vec!["ceshtje".to_owned(), "uj".to_owned()];
        assert_eq!(fts5_query(&words), "\"ceshtje\" \"uj\"*");
        // A last word of one letter is a word, not a prefix of nearly every word.
        let words = search_words("ujë e").expect("words");
        assert_eq!(fts5_query(&words), "\"uje\" \"e\"");
    }

    #[test]
    fn themes_keep_their_inputs_when_lines_are_inserted_moved_renamed_or_removed() {
        let saved = [(1, "Uji"), (2, "Rrugët"), (3, "Parqet")];
        let lines = |l: &[&str]| l.iter().map(|t| (t.to_string(), String::new())).collect::<Vec<_>>();
        // A line inserted first: the saved themes keep their ids, the new line is new.
        assert_eq!(
            match_themes(&saved, &lines(&["Shkollat", "Uji", "Rrugët", "Parqet"])),
            ThemePlan {
                kept: vec![None, Some(1), Some(2), Some(3)],
                removed: vec![]
            }
        );
        // Reordered.
        assert_eq!(
            match_themes(&saved, &lines(&["Parqet", "Uji", "Rrugët"])).kept,
            vec![Some(3), Some(1), Some(2)]
        );
        // A changed title keeps its theme; a removed line removes its theme.
        assert_eq!(
            match_themes(&saved, &lines(&["Uji i pijshëm", "Parqet"])),
            ThemePlan {
                kept: vec![Some(1), Some(3)],
                removed: vec![2]
            }
        );
        assert_eq!(match_themes(&saved, &lines(&["Uji"])).removed, vec![2, 3]);
    }

    #[test]
    fn cursors_round_trip_and_refuse_other_sorts() {
        let c = ListCursor {
            key: CursorKey::Time(at(3)),
            id: 42,
        };
        assert_eq!(ListCursor::parse(InputSort::Newest, &c.encode()), Some(c));
        assert_eq!(ListCursor::parse(InputSort::MostSupported, &c.encode()), None);
        let n = ListCursor {
            key: CursorKey::Count(7),
            id: 9,
        };
        assert_eq!(ListCursor::parse(InputSort::MostDiscussed, &n.encode()), Some(n));
        for bad in ["", "x", "c7", "c7-", "c7-0", "t-1", "cabc-3", "c1--3"] {
            assert_eq!(ListCursor::parse(InputSort::MostSupported, bad), None, "{bad}");
        }
    }

    #[test]
    fn status_filter_and_units() {
        for f in StatusFilter::all() {
            assert_eq!(StatusFilter::parse(f.key()), Some(f));
        }
        assert_eq!(StatusFilter::parse("everything"), None);
        assert_eq!(
            unit_lines(" Elbasan\n\nShirgjan \nElbasan\n"),
            vec!["Elbasan", "Shirgjan"]
        );
    }
}
