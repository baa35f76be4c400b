//! The commitment template as data (section 6.1): stable field keys, the block each belongs to,
//! labels and hints in Albanian and English, whether a field is required and how it is typed.
//!
//! Code branches on [`keys`], never on labels: a coordinator may reword a question (a new
//! template version), and a commitment keeps the version it was written against. Version 1 is
//! [`Template::default_v1`], written to `commitment_templates` on a tenant's first use.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::forum::keyed_enum;

/// The stable keys of version 1's fields. A later version may add keys; it never reuses one
/// for another meaning.
pub mod keys {
    pub const LEAD_INSTITUTION: &str = "lead_institution";
    pub const SUPPORT_GOVERNMENT: &str = "support.government";
    pub const SUPPORT_CIVIL_SOCIETY: &str = "support.civil_society";
    pub const SUPPORT_OTHER: &str = "support.other";
    pub const PRIMARY_SECTOR: &str = "primary_sector";
    pub const BRIEF_DESCRIPTION: &str = "brief_description";
    pub const Q1_PROBLEM: &str = "q1_problem";
    pub const Q2_CAUSES: &str = "q2_causes";
    pub const Q3_DONE_SO_FAR: &str = "q3_done_so_far";
    pub const Q4_SOLUTION: &str = "q4_solution";
    pub const Q5_RESULTS: &str = "q5_results";
    pub const Q6_TRANSPARENCY: &str = "q6_transparency";
    pub const Q7_ACCOUNTABILITY: &str = "q7_accountability";
    pub const Q8_PARTICIPATION: &str = "q8_participation";
}

keyed_enum!(
    /// The template's blocks, in order (section 6.1).
    Block, "template block", {
        Header => "header",
        ProblemDefinition => "problem_definition",
        CommitmentDescription => "commitment_description",
        CommitmentAnalysis => "commitment_analysis",
    }
);

keyed_enum!(
    /// How a field is typed: one line, a longer text (Markdown), or a list with one entry per
    /// line (the supporting institutions).
    FieldKind, "field kind", {
        Line => "line",
        LongText => "long_text",
        Lines => "lines",
    }
);

/// One field of the template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateField {
    pub key: String,
    pub block: Block,
    pub kind: FieldKind,
    pub required: bool,
    pub label_sq: String,
    pub label_en: String,
    #[serde(default)]
    pub hint_sq: String,
    #[serde(default)]
    pub hint_en: String,
}

impl TemplateField {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.label_en.is_empty() => &self.label_en,
            _ => &self.label_sq,
        }
    }

    pub fn hint(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.hint_en,
            _ => &self.hint_sq,
        }
    }
}

/// A version of the template: its fields in the order the form shows them. Title, OGP values,
/// policy areas, start and end, and milestones are always part of a commitment and are not
/// listed here (they have their own form controls and checks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub version: i64,
    pub fields: Vec<TemplateField>,
}

impl Template {
    pub fn field(&self, key: &str) -> Option<&TemplateField> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn required_keys(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().filter(|f| f.required).map(|f| f.key.as_str())
    }

    /// The fields of one block, in order.
    pub fn block(&self, block: Block) -> impl Iterator<Item = &TemplateField> {
        self.fields.iter().filter(move |f| f.block == block)
    }

    /// OGP's current template (2022 onwards), section 6.1. The questions of the description
    /// and analysis blocks are OGP's wording; a coordinator may reword them (next version).
    pub fn default_v1() -> Template {
        use Block::*;
        use FieldKind::*;
        use keys::*;
        let f = |key: &str, block, kind, required, label_en: &str, label_sq: &str, hint_en: &str, hint_sq: &str| {
            TemplateField {
                key: key.to_owned(),
                block,
                kind,
                required,
                label_sq: label_sq.to_owned(),
                label_en: label_en.to_owned(),
                hint_sq: hint_sq.to_owned(),
                hint_en: hint_en.to_owned(),
            }
        };
        let lines_hint_en = "One per line.";
        let lines_hint_sq = "Një për rresht.";
        Template {
            version: 1,
            fields: vec![
                f(
                    LEAD_INSTITUTION,
                    Header,
                    Line,
                    true,
                    "Lead Institution",
                    "Institucioni drejtues",
                    "",
                    "",
                ),
                f(
                    SUPPORT_GOVERNMENT,
                    Header,
                    Lines,
                    false,
                    "Support Institution(s): Government",
                    "Institucionet mbështetëse: qeveria",
                    lines_hint_en,
                    lines_hint_sq,
                ),
                f(
                    SUPPORT_CIVIL_SOCIETY,
                    Header,
                    Lines,
                    false,
                    "Support Institution(s): Civil Society",
                    "Institucionet mbështetëse: shoqëria civile",
                    lines_hint_en,
                    lines_hint_sq,
                ),
                f(
                    SUPPORT_OTHER,
                    Header,
                    Lines,
                    false,
                    "Support Institution(s): Other Actors (Parliament, Private Sector, etc)",
                    "Institucionet mbështetëse: aktorë të tjerë (parlamenti, sektori privat etj.)",
                    lines_hint_en,
                    lines_hint_sq,
                ),
                f(
                    PRIMARY_SECTOR,
                    Header,
                    Line,
                    false,
                    "Primary Sector",
                    "Sektori kryesor",
                    "",
                    "",
                ),
                f(
                    BRIEF_DESCRIPTION,
                    Header,
                    LongText,
                    true,
                    "Brief Description of the Commitment",
                    "Përshkrim i shkurtër i angazhimit",
                    "",
                    "",
                ),
                f(
                    Q1_PROBLEM,
                    ProblemDefinition,
                    LongText,
                    true,
                    "1. What problem does the commitment aim to address?",
                    "1. Cilin problem synon të zgjidhë angazhimi?",
                    "",
                    "",
                ),
                f(
                    Q2_CAUSES,
                    ProblemDefinition,
                    LongText,
                    true,
                    "2. What are the causes of the problem?",
                    "2. Cilat janë shkaqet e problemit?",
                    "",
                    "",
                ),
                f(
                    Q3_DONE_SO_FAR,
                    CommitmentDescription,
                    LongText,
                    true,
                    "3. What has been done so far to solve the problem?",
                    "3. Çfarë është bërë deri tani për zgjidhjen e problemit?",
                    "",
                    "",
                ),
                f(
                    Q4_SOLUTION,
                    CommitmentDescription,
                    LongText,
                    true,
                    "4. What solution are you proposing?",
                    "4. Çfarë zgjidhjeje propozoni?",
                    "",
                    "",
                ),
                f(
                    Q5_RESULTS,
                    CommitmentDescription,
                    LongText,
                    true,
                    "5. What results do we want to achieve by implementing this commitment?",
                    "5. Çfarë rezultatesh duam të arrijmë duke zbatuar këtë angazhim?",
                    "",
                    "",
                ),
                f(
                    Q6_TRANSPARENCY,
                    CommitmentAnalysis,
                    LongText,
                    true,
                    "6. How will the commitment promote transparency?",
                    "6. Si do ta nxitë angazhimi transparencën?",
                    "",
                    "",
                ),
                f(
                    Q7_ACCOUNTABILITY,
                    CommitmentAnalysis,
                    LongText,
                    true,
                    "7. How will the commitment help foster accountability?",
                    "7. Si do të ndihmojë angazhimi në forcimin e llogaridhënies?",
                    "",
                    "",
                ),
                f(
                    Q8_PARTICIPATION,
                    CommitmentAnalysis,
                    LongText,
                    true,
                    "8. How will the commitment improve citizen participation in defining, implementing and monitoring solutions?",
                    "8. Si do ta përmirësojë angazhimi pjesëmarrjen e qytetarëve në përcaktimin, zbatimin dhe monitorimin e zgjidhjeve?",
                    "",
                    "",
                ),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_has_the_keys_of_section_6_1_once_each() {
        let t = Template::default_v1();
        let all: Vec<&str> = t.fields.iter().map(|f| f.key.as_str()).collect();
        for key in [
            keys::LEAD_INSTITUTION,
            keys::SUPPORT_GOVERNMENT,
            keys::SUPPORT_CIVIL_SOCIETY,
            keys::SUPPORT_OTHER,
            keys::BRIEF_DESCRIPTION,
            keys::Q1_PROBLEM,
            keys::Q2_CAUSES,
            keys::Q3_DONE_SO_FAR,
            keys::Q4_SOLUTION,
            keys::Q5_RESULTS,
            keys::Q6_TRANSPARENCY,
            keys::Q7_ACCOUNTABILITY,
            keys::Q8_PARTICIPATION,
        ] {
            assert_eq!(all.iter().filter(|k| **k == key).count(), 1, "{key}");
        }
        assert!(
            t.fields
                .iter()
                .all(|f| !f.label_sq.is_empty() && !f.label_en.is_empty())
        );
    }

    #[test]
    fn template_round_trips_as_json() {
        let t = Template::default_v1();
        let json = serde_json::to_string(&t).expect("serialise");
        assert_eq!(serde_json::from_str::<Template>(&json).expect("parse"), t);
    }
}
