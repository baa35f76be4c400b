//! The quality panel beside the drafting form (`templates/commitments/_quality.html`): the
//! findings of `domain::commitments::quality::check` in words, each linked to the control it
//! is about. A page that shows it has a field `quality: QualityPanel` and includes the partial.
//! Texts: `quality-…` keys in `commitments_public.ftl`.

use chrono::NaiveDate;
use domain::{
    Lang,
    commitments::{
        drafting::{field_name, milestone_name},
        quality::{Check, Finding, Outcome, PlanContext, Subject, controls, tally},
        template::Template,
    },
};

use crate::i18n::{t, t_args};

/// One finding as the panel shows it.
#[derive(Debug, Clone)]
pub struct QualityItem {
    /// `pass`, `warn` or `fail`: the class that colours it (the word says it too).
    pub outcome: &'static str,
    /// The outcome in words ("Mungon", "Në rregull"), so that colour is never the only sign.
    pub outcome_label: String,
    /// The plain-language explanation.
    pub text: String,
    /// The form control it is about (`#field.q1_problem`, `#ms-0-due`), when there is one.
    pub href: Option<String>,
}

/// The panel: a count summary and the findings, failures first.
#[derive(Debug, Clone, Default)]
pub struct QualityPanel {
    pub summary: String,
    pub items: Vec<QualityItem>,
    pub fail: usize,
    pub warn: usize,
    pub pass: usize,
}

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_default()
}

/// The label of the control a finding names: a template field's label in `lang`, or the
/// form's own label for the title, dates and values.
fn subject_label(lang: Lang, template: &Template, key: &str) -> String {
    match template.field(key) {
        Some(f) => f.label(lang).to_owned(),
        None => t(lang, &format!("quality-control-{}", key.replace('_', "-"))),
    }
}

/// Where the panel's link goes: the drafting form's ids are its field names
/// (`domain::commitments::drafting`): `field.<key>` for a template field, `ms-<index>-<part>`
/// for a milestone (index from 0, the document's milestone `n` is index `n - 1`).
fn href(template: &Template, f: &Finding) -> Option<String> {
    match &f.subject {
        Subject::Whole => None,
        Subject::Field(key) if template.field(key).is_some() => Some(format!("#{}", field_name(key))),
        Subject::Field(key) if key == controls::VALUES => Some("#values".to_owned()),
        Subject::Field(key) => Some(format!("#{key}")),
        Subject::Milestone(n) => {
            let part = match f.check {
                Check::MilestoneOutput => "output",
                Check::MilestoneDate | Check::MilestoneInPlan => "due",
                _ => "description",
            };
            Some(format!("#{}", milestone_name(n.saturating_sub(1), part)))
        }
    }
}

impl QualityPanel {
    /// The panel of `findings` (from `quality::check` with the same `template` and `plan`).
    pub fn build(lang: Lang, template: &Template, findings: &[Finding], plan: &PlanContext) -> QualityPanel {
        let mut sorted: Vec<&Finding> = findings.iter().collect();
        // Failures first, then warnings, then what passed; the checks' own order within each.
        sorted.sort_by_key(|f| std::cmp::Reverse(f.outcome));
        let items = sorted
            .into_iter()
            .map(|f| {
                let mut args: Vec<(&str, String)> = vec![
                    ("count", plan.commitments_in_plan.to_string()),
                    ("min", plan.min.to_string()),
                    ("max", plan.max.to_string()),
                    ("start", day(plan.plan_starts_on)),
                    ("end", day(plan.plan_ends_on)),
                ];
                match &f.subject {
                    Subject::Field(key) => args.push(("field", subject_label(lang, template, key))),
                    Subject::Milestone(n) => args.push(("n", n.to_string())),
                    Subject::Whole => {}
                }
                QualityItem {
                    outcome: f.outcome.key(),
                    outcome_label: t(lang, &format!("quality-outcome-{}", f.outcome.key())),
                    text: t_args(lang, &f.message_key(), &args),
                    href: href(template, f),
                }
            })
            .collect();
        let n = tally(findings);
        let summary = t_args(
            lang,
            "quality-summary",
            &[
                ("fail", n.fail.to_string()),
                ("warn", n.warn.to_string()),
                ("pass", n.pass.to_string()),
            ],
        );
        QualityPanel {
            summary,
            items,
            fail: n.fail,
            warn: n.warn,
            pass: n.pass,
        }
    }

    /// Nothing failed or warned.
    pub fn all_pass(&self) -> bool {
        self.fail == 0 && self.warn == 0
    }
}

/// Every `.ftl` key the panel may ask for, so a test can check both languages define them.
pub fn message_keys() -> Vec<String> {
    let mut keys = vec!["quality-summary".to_owned(), "quality-title".to_owned()];
    for o in Outcome::ALL {
        keys.push(format!("quality-outcome-{}", o.key()));
    }
    for c in Check::ALL {
        for o in outcomes_of(*c) {
            keys.push(
                Finding {
                    check: *c,
                    outcome: *o,
                    subject: Subject::Whole,
                }
                .message_key(),
            );
        }
    }
    for control in [
        "title",
        controls::STARTS_ON,
        controls::ENDS_ON,
        controls::VALUES,
        controls::MILESTONES,
    ] {
        keys.push(format!("quality-control-{}", control.replace('_', "-")));
    }
    keys
}

/// The outcomes a check can give (see `quality::check`).
fn outcomes_of(c: Check) -> &'static [Outcome] {
    match c {
        Check::PlanPeriod | Check::TechnologyAlone => &[Outcome::Warn],
        Check::OgpValue | Check::PlanCount => &[Outcome::Pass, Outcome::Warn],
        _ => &[Outcome::Pass, Outcome::Fail],
    }
}

#[cfg(test)]
mod tests {
    use domain::commitments::{CommitmentDocument, quality::check};

    use super::*;

    #[test]
    fn every_message_exists_in_both_languages() {
        // Read from the files: a message with arguments does not format without them.
        for lang in ["sq", "en"] {
            let path = format!("{}/locales/{lang}/commitments_public.ftl", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).expect("ftl file");
            for key in message_keys() {
                assert!(
                    text.lines().any(|l| l.starts_with(&format!("{key} ="))),
                    "{key} missing in {lang}"
                );
            }
        }
    }

    #[test]
    fn an_empty_draft_names_its_fields_and_links_them() {
        let template = Template::default_v1();
        let doc = CommitmentDocument {
            title: "T".into(),
            ..Default::default()
        };
        let plan = PlanContext::default();
        let findings = check(&template, &doc, &plan);
        let en = QualityPanel::build(Lang::En, &template, &findings, &plan);
        assert!(en.fail > 0);
        assert_eq!(en.items[0].outcome, "fail");
        let lead = en
            .items
            .iter()
            .find(|i| i.href.as_deref() == Some("#field.lead_institution"))
            .expect("lead institution flagged");
        assert!(lead.text.contains("Lead Institution"), "{}", lead.text);
        assert!(en.items.iter().any(|i| i.href.as_deref() == Some("#milestones")));
        let sq = QualityPanel::build(Lang::Sq, &template, &findings, &plan);
        assert!(
            sq.items.iter().any(|i| i.text.contains("Institucioni drejtues")),
            "{:?}",
            sq.items
        );
        assert_ne!(sq.summary, en.summary);
        // The near-empty draft passes exactly one check: said in the singular in both languages.
        assert_eq!(en.pass, 1);
        assert!(en.summary.ends_with(" 1 check passed."), "{}", en.summary);
        assert!(sq.summary.ends_with(" 1 kontroll në rregull."), "{}", sq.summary);
    }
}
