//! IRM's rating scales (section 8): indicators, their levels with the exact names and OGP's
//! dataset codes, and the sentinels of absent data (`ND`, `NR`, `NA`).
//!
//! An indicator is read from OGP's CSV through a label column (`Specificity`), a code column
//! (`_Specificity`), or both. Labels are trusted over codes: `ogp_csv` re-derives the code from
//! the label and reports each code that contradicts it. The store keeps a rating as the
//! indicator's key and the level's key (`commitment_assessments`); an absent rating keeps its
//! reason, never a 0. Level names are OGP's, byte for byte; the Albanian labels are ours.

use serde::{Deserialize, Serialize};

/// Why a cell holds no rating: OGP's sentinels, kept as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Absent {
    /// `ND`: no data.
    #[serde(rename = "ND")]
    NoData,
    /// `NR`: not reviewed.
    #[serde(rename = "NR")]
    NotReviewed,
    /// `NA`: not applicable.
    #[serde(rename = "NA")]
    NotApplicable,
}

impl Absent {
    pub const ALL: [Absent; 3] = [Absent::NoData, Absent::NotReviewed, Absent::NotApplicable];

    /// The sentinel as OGP writes it (also the key the store keeps).
    pub fn key(self) -> &'static str {
        match self {
            Absent::NoData => "ND",
            Absent::NotReviewed => "NR",
            Absent::NotApplicable => "NA",
        }
    }

    /// The sentinel a cell holds exactly (no trimming: `" ND"` is text, not a sentinel).
    pub fn parse(cell: &str) -> Option<Absent> {
        Absent::ALL.into_iter().find(|a| a.key() == cell)
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Absent::NoData, crate::Lang::En) => "No data",
            (Absent::NotReviewed, crate::Lang::En) => "Not reviewed",
            (Absent::NotApplicable, crate::Lang::En) => "Not applicable",
            (Absent::NoData, _) => "Pa të dhëna",
            (Absent::NotReviewed, _) => "Pa u shqyrtuar",
            (Absent::NotApplicable, _) => "Nuk zbatohet",
        }
    }
}

/// One level of a scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    /// Stable key (`substantial`, `did_not_change`).
    pub key: &'static str,
    /// OGP's name, byte for byte as the dataset writes it.
    pub label: &'static str,
    pub label_sq: &'static str,
    /// OGP's dataset code (`"2"`, `"-1"`); for Change In Completion the sign's unit.
    pub code: &'static str,
}

impl Level {
    pub fn label(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::En => self.label,
            _ => self.label_sq,
        }
    }
}

/// An IRM indicator and where OGP's CSV holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indicator {
    pub key: &'static str,
    pub name_en: &'static str,
    pub name_sq: &'static str,
    /// The column of level names (`Specificity`); `None` for code-only columns (flags).
    pub label_column: Option<&'static str>,
    /// The column of codes (`_Specificity`); for a flag, the flag's own column.
    pub code_column: Option<&'static str>,
    pub levels: &'static [Level],
}

impl Indicator {
    pub fn name(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::En => self.name_en,
            _ => self.name_sq,
        }
    }

    pub fn level(&self, key: &str) -> Option<&'static Level> {
        self.levels.iter().find(|l| l.key == key)
    }

    /// The level OGP names exactly `label`.
    pub fn level_by_label(&self, label: &str) -> Option<&'static Level> {
        self.levels.iter().find(|l| l.label == label)
    }

    /// The first level with this code (Did It Open Government's code 1 has two names; the
    /// first, "Did Not Change", is the one a bare code stands for).
    pub fn level_by_code(&self, code: &str) -> Option<&'static Level> {
        self.levels.iter().find(|l| l.code == code)
    }

    /// A 0/1 flag (or `_Relevant`) read from its own column: the cell is the code.
    pub fn is_flag(&self) -> bool {
        self.label_column.is_none()
    }
}

macro_rules! level {
    ($key:literal, $label:literal, $sq:literal, $code:literal) => {
        Level {
            key: $key,
            label: $label,
            label_sq: $sq,
            code: $code,
        }
    };
}

/// Yes / No as a flag's 1 / 0 (and `_Relevant`'s).
const YES_NO_CODES: &[Level] = &[level!("yes", "Yes", "Po", "1"), level!("no", "No", "Jo", "0")];

const SPECIFICITY: &[Level] = &[
    level!("none", "None", "Asnjë", "0"),
    level!("low", "Low", "E ulët", "1"),
    level!("medium", "Medium", "Mesatare", "2"),
    level!("high", "High", "E lartë", "3"),
];

const VERIFIABLE: &[Level] = &[level!("yes", "Yes", "Po", "1"), level!("no", "No", "Jo", "0")];

const POTENTIAL_IMPACT: &[Level] = &[
    level!("none", "None", "Asnjë", "0"),
    level!("minor", "Minor", "I vogël", "1"),
    level!("moderate", "Moderate", "I moderuar", "2"),
    level!("transformative", "Transformative", "Transformues", "3"),
];

const COMPLETION_PROGRESS: &[Level] = &[
    level!("withdrawn", "Withdrawn", "Tërhequr", "0"),
    level!("unclear", "Unclear", "E paqartë", "1"),
    level!("not_started", "Not Started", "Pa filluar", "2"),
    level!("limited", "Limited", "E kufizuar", "3"),
    level!("substantial", "Substantial", "E konsiderueshme", "4"),
    level!("complete", "Complete", "E plotë", "5"),
];

const COMPLETION_END_TERM: &[Level] = &[
    level!("unclear", "Unclear", "E paqartë", "1"),
    level!("not_started", "Not Started", "Pa filluar", "2"),
    level!("limited", "Limited", "E kufizuar", "3"),
    level!("substantial", "Substantial", "E konsiderueshme", "4"),
    level!("complete", "Complete", "E plotë", "5"),
];

const POTENTIAL_FOR_RESULTS: &[Level] = &[
    level!("unclear", "Unclear", "I paqartë", "0"),
    level!("modest", "Modest", "I modest", "1"),
    level!("substantial", "Substantial", "I konsiderueshëm", "2"),
];

/// The sign of the change; the code is the signed difference of the two completion codes
/// (`ogp_csv::derive_change_code`), so "Increase" may carry 1, 2 or 3.
const CHANGE_IN_COMPLETION: &[Level] = &[
    level!("decrease", "Decrease", "Ulje", "-1"),
    level!("no_change", "No Change", "Pa ndryshim", "0"),
    level!("increase", "Increase", "Rritje", "1"),
];

/// Three confirmed levels; a higher one may come, so code never assumes this is all.
const EARLY_RESULTS: &[Level] = &[
    level!(
        "no_notable_results",
        "No notable results",
        "Pa rezultate të dukshme",
        "0"
    ),
    level!("moderate", "Moderate", "Të moderuara", "1"),
    level!("significant", "Significant", "Të rëndësishme", "2"),
];

/// Did It Open Government overall: Worsens is 0.
const DIOG_OVERALL: &[Level] = &[
    level!("worsens", "Worsens", "E përkeqësoi", "0"),
    level!("did_not_change", "Did Not Change", "Nuk ndryshoi", "1"),
    level!(
        "no_early_results",
        "No early results to report yet",
        "Ende pa rezultate të hershme",
        "1"
    ),
    level!("marginal", "Marginal", "Pak", "2"),
    level!("major", "Major", "Shumë", "3"),
    level!("outstanding", "Outstanding", "Jashtëzakonisht", "4"),
];

/// Did It Open Government per value: Not Applicable is 0, so every other level is one higher
/// than overall's (the offset section 8 warns about).
const DIOG_PER_VALUE: &[Level] = &[
    level!("not_applicable", "Not Applicable", "Nuk zbatohet", "0"),
    level!("worsens", "Worsens", "E përkeqësoi", "1"),
    level!("did_not_change", "Did Not Change", "Nuk ndryshoi", "2"),
    level!("marginal", "Marginal", "Pak", "3"),
    level!("major", "Major", "Shumë", "4"),
    level!("outstanding", "Outstanding", "Jashtëzakonisht", "5"),
];

macro_rules! indicator {
    ($key:literal, $en:literal, $sq:literal, $label:expr, $code:expr, $levels:expr) => {
        Indicator {
            key: $key,
            name_en: $en,
            name_sq: $sq,
            label_column: $label,
            code_column: $code,
            levels: $levels,
        }
    };
}

pub const SPECIFICITY_KEY: &str = "specificity";
pub const CHANGE_IN_COMPLETION_KEY: &str = "change_in_completion";
pub const COMPLETION_PROGRESS_KEY: &str = "completion_progress";
pub const COMPLETION_END_TERM_KEY: &str = "completion_end_term";

/// Every indicator OGP's CSV holds, in the order of its columns.
pub const INDICATORS: &[Indicator] = &[
    indicator!(
        "specificity",
        "Specificity",
        "Specifikimi",
        Some("Specificity"),
        Some("_Specificity"),
        SPECIFICITY
    ),
    indicator!(
        "verifiable",
        "Verifiable",
        "I verifikueshëm",
        Some("Verifiable"),
        None,
        VERIFIABLE
    ),
    indicator!(
        "relevant",
        "Relevant to OGP values",
        "I lidhur me vlerat e OGP",
        None,
        Some("_Relevant"),
        YES_NO_CODES
    ),
    indicator!(
        "potential_impact",
        "Potential Impact",
        "Ndikimi i mundshëm",
        Some("Potential Impact"),
        Some("_Potential Impact"),
        POTENTIAL_IMPACT
    ),
    indicator!(
        "completion_progress",
        "Completion (Progress Report)",
        "Përmbushja (raporti i progresit)",
        Some("Completion (Progress Report)"),
        Some("_CompletionProgress"),
        COMPLETION_PROGRESS
    ),
    indicator!(
        "starred_2015",
        "Starred (2015 Only)",
        "Me yll (vetëm 2015)",
        None,
        Some("Starred (2015 Only)"),
        YES_NO_CODES
    ),
    indicator!(
        "starred_progress",
        "Starred (Current Formula) Progress Report",
        "Me yll (formula aktuale), raporti i progresit",
        None,
        Some("Starred (Current Formula) Progress Report"),
        YES_NO_CODES
    ),
    indicator!(
        "potential_for_results",
        "Potential for Results",
        "Potenciali për rezultate",
        Some("Potential for Results"),
        Some("_Potential for Results"),
        POTENTIAL_FOR_RESULTS
    ),
    indicator!(
        "cluster_ap_review",
        "Cluster (AP Review)",
        "Grupim (shqyrtimi i planit)",
        None,
        Some("Cluster (AP Review)"),
        YES_NO_CODES
    ),
    indicator!(
        "completion_end_term",
        "Completion (End Of Term)",
        "Përmbushja (në fund të afatit)",
        Some("Completion (End Of Term)"),
        Some("_CompletionEndTerm"),
        COMPLETION_END_TERM
    ),
    indicator!(
        "change_in_completion",
        "Change In Completion",
        "Ndryshimi i përmbushjes",
        Some("Change In Completion"),
        Some("_ChangeCompletion"),
        CHANGE_IN_COMPLETION
    ),
    indicator!(
        "early_results",
        "Early Results",
        "Rezultatet e hershme",
        Some("Early Results"),
        Some("_Early Results"),
        EARLY_RESULTS
    ),
    indicator!(
        "diog_overall",
        "Did It Open Government (Overall)",
        "A e hapi qeverisjen? (në tërësi)",
        Some("Did It Open Government (Overall)"),
        Some("_OpenGovernment"),
        DIOG_OVERALL
    ),
    indicator!(
        "diog_access_to_information",
        "Did It Open Government (Access To Information)",
        "A e hapi qeverisjen? (qasja në informacion)",
        Some("Did It Open Government (Access To Information)"),
        Some("_DIOGATI"),
        DIOG_PER_VALUE
    ),
    indicator!(
        "diog_civic_participation",
        "Did It Open Government (Civic Participation)",
        "A e hapi qeverisjen? (pjesëmarrja qytetare)",
        Some("Did It Open Government (Civic Participation)"),
        Some("_DIOGCP"),
        DIOG_PER_VALUE
    ),
    indicator!(
        "diog_public_accountability",
        "Did It Open Government: Public Accountability",
        "A e hapi qeverisjen? (llogaridhënia publike)",
        Some("Did It Open Government: Public Accountability"),
        Some("_DIOGPA"),
        DIOG_PER_VALUE
    ),
    indicator!(
        "starred_end_term",
        "Starred (Current Formula) End of Term",
        "Me yll (formula aktuale), fundi i afatit",
        None,
        Some("Starred (Current Formula) End of Term"),
        YES_NO_CODES
    ),
    indicator!(
        "carried_forward",
        "Carried Forward",
        "Bartur në planin pasardhës",
        None,
        Some("Carried Forward"),
        YES_NO_CODES
    ),
    indicator!(
        "irm_assessed",
        "IRM Assessed",
        "Vlerësuar nga IRM",
        None,
        Some("IRM Assessed"),
        YES_NO_CODES
    ),
    indicator!(
        "high_completion",
        "High Completion",
        "Përmbushje e lartë",
        None,
        Some("High Completion"),
        YES_NO_CODES
    ),
    indicator!(
        "high_ambition",
        "High Ambition",
        "Ambicie e lartë",
        None,
        Some("High Ambition"),
        YES_NO_CODES
    ),
    indicator!(
        "high_diog",
        "High DIOG",
        "Hapje e lartë e qeverisjes",
        None,
        Some("High DIOG"),
        YES_NO_CODES
    ),
    indicator!(
        "not_reviewed",
        "Not reviewed",
        "Pa u shqyrtuar",
        None,
        Some("Not reviewed"),
        YES_NO_CODES
    ),
];

/// The indicator with this key.
pub fn indicator(key: &str) -> Option<&'static Indicator> {
    INDICATORS.iter().find(|i| i.key == key)
}

/// The level of an indicator, both by key (what `commitment_assessments` holds).
pub fn level(indicator_key: &str, level_key: &str) -> Option<(&'static Indicator, &'static Level)> {
    let ind = indicator(indicator_key)?;
    Some((ind, ind.level(level_key)?))
}

/// A rating as the store keeps it: a level, or absent with its reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    Level(&'static Level),
    Absent(Absent),
}

/// Whether a rating counts as strong, for the library's short summary: Substantial or Complete
/// completion, Major or Outstanding opening of government, Substantial potential, Transformative
/// impact (section 8's "high" groupings).
pub fn is_high(indicator_key: &str, level_key: &str) -> bool {
    matches!(
        (indicator_key, level_key),
        (
            "completion_progress" | "completion_end_term",
            "substantial" | "complete"
        ) | ("diog_overall", "major" | "outstanding")
            | ("potential_for_results", "substantial")
            | ("potential_impact", "transformative")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_every_column_named_once() {
        let mut keys: Vec<&str> = INDICATORS.iter().map(|i| i.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), INDICATORS.len());
        let mut cols: Vec<&str> = INDICATORS
            .iter()
            .flat_map(|i| i.label_column.into_iter().chain(i.code_column))
            .collect();
        let n = cols.len();
        cols.sort_unstable();
        cols.dedup();
        assert_eq!(cols.len(), n);
        for ind in INDICATORS {
            let mut lk: Vec<&str> = ind.levels.iter().map(|l| l.key).collect();
            lk.sort_unstable();
            lk.dedup();
            assert_eq!(lk.len(), ind.levels.len(), "{}", ind.key);
        }
    }

    #[test]
    fn exact_names_and_codes_of_section_8() {
        let code = |ind: &str, label: &str| indicator(ind).and_then(|i| i.level_by_label(label)).map(|l| l.code);
        assert_eq!(code("specificity", "High"), Some("3"));
        assert_eq!(code("potential_impact", "Transformative"), Some("3"));
        assert_eq!(code("completion_progress", "Withdrawn"), Some("0"));
        assert_eq!(code("completion_end_term", "Unclear"), Some("1"));
        assert_eq!(code("completion_end_term", "Withdrawn"), None);
        assert_eq!(code("potential_for_results", "Substantial"), Some("2"));
        assert_eq!(code("early_results", "No notable results"), Some("0"));
        assert_eq!(code("diog_overall", "No early results to report yet"), Some("1"));
        assert_eq!(code("change_in_completion", "Decrease"), Some("-1"));
    }

    #[test]
    fn diog_per_value_is_offset_by_one_from_overall() {
        for name in ["Worsens", "Did Not Change", "Marginal", "Major", "Outstanding"] {
            let overall: i32 = indicator("diog_overall")
                .and_then(|i| i.level_by_label(name))
                .and_then(|l| l.code.parse().ok())
                .unwrap_or(-9);
            for per in [
                "diog_access_to_information",
                "diog_civic_participation",
                "diog_public_accountability",
            ] {
                let v: i32 = indicator(per)
                    .and_then(|i| i.level_by_label(name))
                    .and_then(|l| l.code.parse().ok())
                    .unwrap_or(-9);
                assert_eq!(v, overall + 1, "{per} {name}");
            }
        }
        assert_eq!(
            indicator("diog_overall").and_then(|i| i.level_by_label("Not Applicable")),
            None
        );
    }

    #[test]
    fn a_bare_code_stands_for_the_first_name() {
        let overall = indicator("diog_overall").map(|i| i.level_by_code("1").map(|l| l.key));
        assert_eq!(overall, Some(Some("did_not_change")));
    }

    #[test]
    fn sentinels_are_exact() {
        assert_eq!(Absent::parse("ND"), Some(Absent::NoData));
        assert_eq!(Absent::parse("NR"), Some(Absent::NotReviewed));
        assert_eq!(Absent::parse("NA"), Some(Absent::NotApplicable));
        assert_eq!(Absent::parse("nd"), None);
        assert_eq!(Absent::parse("0"), None);
        assert!(indicator("high_diog").is_some_and(|i| i.is_flag()));
        assert!(indicator("verifiable").is_some_and(|i| !i.is_flag()));
    }
}
