//! The quality checks shown beside the drafting form (OGP Local's checks 10, 11 and 12): never
//! blocking a save, each with a plain-language explanation. Computed here, in one place, so the
//! standards dashboard calls the same function.
//!
//! [`check`] looks at one commitment as its drafter sees it; [`plan_findings`] looks at all the
//! commitments of a plan and says, per standard check (10, 11, 12), how the plan stands. Both
//! return [`Finding`]s: a check's key, its outcome and what it is about (a field, a milestone or
//! the whole commitment). The texts live in the `.ftl` files as `quality-<check>-<outcome>`,
//! so this module says nothing in any language.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CommitmentDocument, OgpValue, template::Template};
use crate::forum::keyed_enum;

/// What the checks need besides the commitment: the plan's period (from the cycle; `None` until
/// the coordinator sets it), how many commitments the plan holds (not withdrawn, this one
/// included) and the municipality's configured range (default 1 to 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanContext {
    pub plan_starts_on: Option<NaiveDate>,
    pub plan_ends_on: Option<NaiveDate>,
    pub commitments_in_plan: usize,
    pub min: usize,
    pub max: usize,
}

impl Default for PlanContext {
    fn default() -> Self {
        PlanContext {
            plan_starts_on: None,
            plan_ends_on: None,
            commitments_in_plan: 1,
            min: 1,
            max: 5,
        }
    }
}

impl PlanContext {
    /// `true` when `date` is inside the plan's period as far as it is known (a bound not set yet
    /// does not refuse anything; [`Check::PlanPeriod`] says the period is unknown).
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.plan_starts_on.is_none_or(|s| date >= s) && self.plan_ends_on.is_none_or(|e| date <= e)
    }

    fn period_known(&self) -> bool {
        self.plan_starts_on.is_some() && self.plan_ends_on.is_some()
    }
}

keyed_enum!(
    /// The checks, by stable key (the `.ftl` keys are `quality-<key with dashes>-<outcome>`).
    Check, "quality check", {
        /// A required field of the template is empty (one finding per field).
        RequiredField => "required_field",
        /// The commitment has at least one milestone.
        MilestonePresent => "milestone_present",
        /// A milestone says what it will produce.
        MilestoneOutput => "milestone_output",
        /// A milestone has an expected completion date.
        MilestoneDate => "milestone_date",
        /// A milestone's completion date is inside the plan's period.
        MilestoneInPlan => "milestone_in_plan",
        /// The commitment's start and end are given.
        DatesPresent => "dates_present",
        /// The commitment starts no later than it ends.
        StartBeforeEnd => "start_before_end",
        /// Start and end are inside the plan's period.
        DatesInPlan => "dates_in_plan",
        /// The plan's period is not set yet, so dates cannot be checked against it.
        PlanPeriod => "plan_period",
        /// At least one of access to information, civic participation, public accountability.
        OgpValue => "ogp_value",
        /// Technology and innovation is the only value: it does not count on its own.
        TechnologyAlone => "technology_alone",
        /// The plan holds a number of commitments inside the configured range.
        PlanCount => "plan_count",
    }
);

impl Check {
    /// The OGP Local check (section 9.1) this belongs to: 10 (number of commitments),
    /// 11 (template, milestones, dates) or 12 (OGP values).
    pub fn standard(self) -> u8 {
        match self {
            Check::PlanCount => 10,
            Check::OgpValue | Check::TechnologyAlone => 12,
            _ => 11,
        }
    }
}

keyed_enum!(
    /// How a check came out. A failure is still saved: the panel informs, it never blocks.
    Outcome, "quality outcome", {
        Pass => "pass",
        /// Worth a look; OGP's guidance says "warn, don't block" (checks 10, 12) or the check
        /// could not be made (the plan's period is unknown).
        Warn => "warn",
        Fail => "fail",
    }
);

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Subject {
    /// The commitment as a whole.
    Whole,
    /// A template field (its key), or `starts_on`/`ends_on`/`values`.
    Field(String),
    /// A milestone, by its number as shown (1, 2, ...).
    Milestone(usize),
}

/// The form's controls that are not template fields, for [`Subject::Field`].
pub mod controls {
    pub const STARTS_ON: &str = "starts_on";
    pub const ENDS_ON: &str = "ends_on";
    pub const VALUES: &str = "values";
    pub const MILESTONES: &str = "milestones";
}

/// One result of one check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub check: Check,
    pub outcome: Outcome,
    pub subject: Subject,
}

impl Finding {
    fn new(check: Check, outcome: Outcome, subject: Subject) -> Finding {
        Finding {
            check,
            outcome,
            subject,
        }
    }

    /// The `.ftl` key of its explanation: `quality-required-field-fail`.
    pub fn message_key(&self) -> String {
        format!("quality-{}-{}", self.check.key().replace('_', "-"), self.outcome.key())
    }
}

fn field(key: &str) -> Subject {
    Subject::Field(key.to_owned())
}

/// The checks of one commitment against its template version and its plan, in the order the
/// panel lists them. Every check yields at least one finding (a pass when nothing is wrong), so
/// the panel can say what was checked; a failing check yields one finding per field or
/// milestone at fault.
pub fn check(template: &Template, doc: &CommitmentDocument, plan: &PlanContext) -> Vec<Finding> {
    let mut out = Vec::new();

    // Check 11: the template's required fields (the title too: a commitment without one has
    // nothing to be found by).
    let mut missing: Vec<&str> = Vec::new();
    if doc.title.trim().is_empty() {
        missing.push("title");
    }
    missing.extend(template.required_keys().filter(|k| doc.field(k).trim().is_empty()));
    if missing.is_empty() {
        out.push(Finding::new(Check::RequiredField, Outcome::Pass, Subject::Whole));
    } else {
        out.extend(
            missing
                .into_iter()
                .map(|k| Finding::new(Check::RequiredField, Outcome::Fail, field(k))),
        );
    }

    // Check 11: start and end given, in order, inside the plan.
    match (doc.starts_on, doc.ends_on) {
        (Some(start), Some(end)) => {
            out.push(Finding::new(Check::DatesPresent, Outcome::Pass, Subject::Whole));
            let order = if start <= end { Outcome::Pass } else { Outcome::Fail };
            out.push(Finding::new(Check::StartBeforeEnd, order, field(controls::ENDS_ON)));
        }
        (start, _) => {
            // Both missing: one finding, pointing at the first of the two controls.
            let at = if start.is_none() {
                controls::STARTS_ON
            } else {
                controls::ENDS_ON
            };
            out.push(Finding::new(Check::DatesPresent, Outcome::Fail, field(at)));
        }
    }
    if !plan.period_known() {
        out.push(Finding::new(Check::PlanPeriod, Outcome::Warn, Subject::Whole));
    }
    if plan.plan_starts_on.is_some() || plan.plan_ends_on.is_some() {
        let mut outside = Vec::new();
        if doc.starts_on.is_some_and(|d| !plan.contains(d)) {
            outside.push(controls::STARTS_ON);
        }
        if doc.ends_on.is_some_and(|d| !plan.contains(d)) {
            outside.push(controls::ENDS_ON);
        }
        if outside.is_empty() {
            if doc.starts_on.is_some() || doc.ends_on.is_some() {
                out.push(Finding::new(Check::DatesInPlan, Outcome::Pass, Subject::Whole));
            }
        } else {
            out.extend(
                outside
                    .into_iter()
                    .map(|k| Finding::new(Check::DatesInPlan, Outcome::Fail, field(k))),
            );
        }
    }

    // Check 11: milestones, each with an output and a completion date inside the plan.
    if doc.milestones.is_empty() {
        out.push(Finding::new(
            Check::MilestonePresent,
            Outcome::Fail,
            field(controls::MILESTONES),
        ));
    } else {
        out.push(Finding::new(Check::MilestonePresent, Outcome::Pass, Subject::Whole));
        let numbered = || doc.milestones.iter().enumerate().map(|(i, m)| (i + 1, m));
        per_milestone(
            &mut out,
            Check::MilestoneOutput,
            numbered()
                .filter(|(_, m)| m.expected_output.trim().is_empty())
                .map(|(n, _)| n),
        );
        per_milestone(
            &mut out,
            Check::MilestoneDate,
            numbered()
                .filter(|(_, m)| m.expected_completion_date.is_none())
                .map(|(n, _)| n),
        );
        if plan.plan_starts_on.is_some() || plan.plan_ends_on.is_some() {
            per_milestone(
                &mut out,
                Check::MilestoneInPlan,
                numbered()
                    .filter(|(_, m)| m.expected_completion_date.is_some_and(|d| !plan.contains(d)))
                    .map(|(n, _)| n),
            );
        }
    }

    // Check 12: an open-government value; technology alone has its own message.
    let counting = doc.values.iter().any(|v| v.counts_alone());
    if counting {
        out.push(Finding::new(Check::OgpValue, Outcome::Pass, Subject::Whole));
    } else if doc.values.contains(&OgpValue::TechnologyInnovation) {
        out.push(Finding::new(
            Check::TechnologyAlone,
            Outcome::Warn,
            field(controls::VALUES),
        ));
    } else {
        out.push(Finding::new(Check::OgpValue, Outcome::Warn, field(controls::VALUES)));
    }

    // Check 10: the plan's size, a matter of the plan rather than of this commitment.
    out.push(count_finding(plan.commitments_in_plan, plan));
    out
}

fn per_milestone(out: &mut Vec<Finding>, check: Check, at_fault: impl Iterator<Item = usize>) {
    let before = out.len();
    out.extend(at_fault.map(|n| Finding::new(check, Outcome::Fail, Subject::Milestone(n))));
    if out.len() == before {
        out.push(Finding::new(check, Outcome::Pass, Subject::Whole));
    }
}

fn count_finding(count: usize, plan: &PlanContext) -> Finding {
    let outcome = if (plan.min..=plan.max).contains(&count) {
        Outcome::Pass
    } else {
        Outcome::Warn
    };
    Finding::new(Check::PlanCount, outcome, Subject::Whole)
}

/// How many findings of each outcome: the panel's summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub pass: usize,
    pub warn: usize,
    pub fail: usize,
}

pub fn tally(findings: &[Finding]) -> Tally {
    let mut t = Tally::default();
    for f in findings {
        match f.outcome {
            Outcome::Pass => t.pass += 1,
            Outcome::Warn => t.warn += 1,
            Outcome::Fail => t.fail += 1,
        }
    }
    t
}

/// A plan's standing on OGP Local's checks 10, 11 and 12, for the standards dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFindings {
    /// Check 10: the number of commitments against the configured range.
    pub count: Finding,
    /// Per commitment, in the order given: its findings of checks 11 and 12 (check 10 left out,
    /// it is `count`).
    pub per_commitment: Vec<Vec<Finding>>,
    /// The worst outcome of each check over the whole plan: `(10, _)`, `(11, _)`, `(12, _)`.
    pub by_standard: [(u8, Outcome); 3],
}

/// Checks 10, 11 and 12 over every commitment of a plan (the withdrawn ones left out by the
/// caller), each against the template version it was written with. The dashboard publishes
/// `by_standard` with `per_commitment` as the records that prove it. `plan.commitments_in_plan`
/// is ignored: the plan's size is the number of commitments given.
pub fn plan_findings<'a>(
    commitments: impl IntoIterator<Item = (&'a Template, &'a CommitmentDocument)>,
    plan: &PlanContext,
) -> PlanFindings {
    let per_commitment: Vec<Vec<Finding>> = commitments
        .into_iter()
        .map(|(template, doc)| {
            check(template, doc, plan)
                .into_iter()
                .filter(|f| f.check != Check::PlanCount)
                .collect()
        })
        .collect();
    let count = count_finding(per_commitment.len(), plan);
    let worst = |standard: u8| {
        per_commitment
            .iter()
            .flatten()
            .filter(|f| f.check.standard() == standard)
            .map(|f| f.outcome)
            .max()
            .unwrap_or(Outcome::Pass)
    };
    PlanFindings {
        by_standard: [(10, count.outcome), (11, worst(11)), (12, worst(12))],
        count,
        per_commitment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commitments::{Milestone, template::keys};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn plan() -> PlanContext {
        PlanContext {
            plan_starts_on: Some(day(2025, 6, 1)),
            plan_ends_on: Some(day(2027, 2, 28)),
            commitments_in_plan: 3,
            min: 1,
            max: 5,
        }
    }

    /// A commitment that passes every check of template v1.
    fn complete() -> CommitmentDocument {
        let t = Template::default_v1();
        let mut doc = CommitmentDocument {
            title: "Forumi i qytetarëve".into(),
            values: vec![OgpValue::CivicParticipation],
            starts_on: Some(day(2025, 6, 1)),
            ends_on: Some(day(2027, 2, 28)),
            milestones: vec![Milestone {
                description: "Rregullorja e forumit".into(),
                expected_output: "Rregullore e miratuar".into(),
                start_date: Some(day(2025, 6, 1)),
                expected_completion_date: Some(day(2025, 12, 31)),
                stakeholders: vec![],
            }],
            ..Default::default()
        };
        for f in t.required_keys() {
            doc.fields.insert(f.to_owned(), "tekst".into());
        }
        doc
    }

    fn failing(findings: &[Finding]) -> Vec<(Check, Outcome, Subject)> {
        findings
            .iter()
            .filter(|f| f.outcome != Outcome::Pass)
            .map(|f| (f.check, f.outcome, f.subject.clone()))
            .collect()
    }

    #[test]
    fn a_complete_commitment_passes_everything() {
        let findings = check(&Template::default_v1(), &complete(), &plan());
        assert_eq!(failing(&findings), vec![]);
        // Every check that applies said something: nothing is silently skipped.
        for c in [
            Check::RequiredField,
            Check::DatesPresent,
            Check::StartBeforeEnd,
            Check::DatesInPlan,
            Check::MilestonePresent,
            Check::MilestoneOutput,
            Check::MilestoneDate,
            Check::MilestoneInPlan,
            Check::OgpValue,
            Check::PlanCount,
        ] {
            assert!(findings.iter().any(|f| f.check == c), "{c:?} missing");
        }
    }

    #[test]
    fn each_missing_required_field_is_named() {
        let mut doc = complete();
        doc.fields.remove(keys::Q2_CAUSES);
        doc.fields.insert(keys::LEAD_INSTITUTION.into(), "   ".into());
        // An optional field left empty is no finding.
        doc.fields.remove(keys::SUPPORT_OTHER);
        let findings = check(&Template::default_v1(), &doc, &plan());
        assert_eq!(
            failing(&findings),
            vec![
                (Check::RequiredField, Outcome::Fail, field(keys::LEAD_INSTITUTION)),
                (Check::RequiredField, Outcome::Fail, field(keys::Q2_CAUSES)),
            ]
        );
        doc.title = String::new();
        assert!(check(&Template::default_v1(), &doc, &plan()).contains(&Finding::new(
            Check::RequiredField,
            Outcome::Fail,
            field("title")
        )));
    }

    #[test]
    fn a_template_version_decides_what_is_required() {
        let mut t = Template::default_v1();
        for f in &mut t.fields {
            f.required = f.key == keys::LEAD_INSTITUTION;
        }
        let mut doc = complete();
        doc.fields.clear();
        doc.fields.insert(keys::LEAD_INSTITUTION.into(), "Bashkia".into());
        assert_eq!(failing(&check(&t, &doc, &plan())), vec![]);
    }

    #[test]
    fn no_milestone_fails_and_skips_the_per_milestone_checks() {
        let mut doc = complete();
        doc.milestones.clear();
        let findings = check(&Template::default_v1(), &doc, &plan());
        assert_eq!(
            failing(&findings),
            vec![(Check::MilestonePresent, Outcome::Fail, field(controls::MILESTONES))]
        );
        assert!(!findings.iter().any(|f| f.check == Check::MilestoneOutput));
    }

    #[test]
    fn milestones_need_an_output_and_a_date_inside_the_plan() {
        let mut doc = complete();
        let good = doc.milestones[0].clone();
        doc.milestones = vec![
            Milestone {
                expected_output: " ".into(),
                ..good.clone()
            },
            Milestone {
                expected_completion_date: None,
                ..good.clone()
            },
            Milestone {
                expected_completion_date: Some(day(2027, 3, 1)),
                ..good.clone()
            },
            // Boundaries: the plan's first and last days are inside.
            Milestone {
                expected_completion_date: Some(day(2027, 2, 28)),
                ..good.clone()
            },
            Milestone {
                expected_completion_date: Some(day(2025, 6, 1)),
                ..good.clone()
            },
            Milestone {
                expected_completion_date: Some(day(2025, 5, 31)),
                ..good
            },
        ];
        assert_eq!(
            failing(&check(&Template::default_v1(), &doc, &plan())),
            vec![
                (Check::MilestoneOutput, Outcome::Fail, Subject::Milestone(1)),
                (Check::MilestoneDate, Outcome::Fail, Subject::Milestone(2)),
                (Check::MilestoneInPlan, Outcome::Fail, Subject::Milestone(3)),
                (Check::MilestoneInPlan, Outcome::Fail, Subject::Milestone(6)),
            ]
        );
    }

    #[test]
    fn start_before_end_and_both_inside_the_plan() {
        let t = Template::default_v1();
        let mut doc = complete();
        // The same day is allowed (start ≤ end), the plan's own bounds are inside.
        doc.starts_on = Some(day(2027, 2, 28));
        doc.ends_on = Some(day(2027, 2, 28));
        assert_eq!(failing(&check(&t, &doc, &plan())), vec![]);
        doc.ends_on = Some(day(2027, 2, 27));
        assert_eq!(
            failing(&check(&t, &doc, &plan())),
            vec![(Check::StartBeforeEnd, Outcome::Fail, field(controls::ENDS_ON))]
        );
        doc.starts_on = Some(day(2025, 5, 31));
        doc.ends_on = Some(day(2027, 3, 1));
        assert_eq!(
            failing(&check(&t, &doc, &plan())),
            vec![
                (Check::DatesInPlan, Outcome::Fail, field(controls::STARTS_ON)),
                (Check::DatesInPlan, Outcome::Fail, field(controls::ENDS_ON)),
            ]
        );
        doc.starts_on = None;
        assert!(failing(&check(&t, &doc, &plan())).contains(&(
            Check::DatesPresent,
            Outcome::Fail,
            field(controls::STARTS_ON)
        )));
    }

    #[test]
    fn an_unknown_plan_period_warns_and_checks_what_it_can() {
        let t = Template::default_v1();
        let mut doc = complete();
        doc.milestones[0].expected_completion_date = Some(day(2030, 1, 1));
        let open = PlanContext {
            plan_starts_on: None,
            plan_ends_on: None,
            ..plan()
        };
        assert_eq!(
            failing(&check(&t, &doc, &open)),
            vec![(Check::PlanPeriod, Outcome::Warn, Subject::Whole)]
        );
        let end_only = PlanContext {
            plan_starts_on: None,
            ..plan()
        };
        assert_eq!(
            failing(&check(&t, &doc, &end_only)),
            vec![
                (Check::PlanPeriod, Outcome::Warn, Subject::Whole),
                (Check::MilestoneInPlan, Outcome::Fail, Subject::Milestone(1)),
            ]
        );
    }

    #[test]
    fn technology_alone_does_not_count_and_has_its_own_message() {
        let t = Template::default_v1();
        let mut doc = complete();
        doc.values = vec![OgpValue::TechnologyInnovation];
        assert_eq!(
            failing(&check(&t, &doc, &plan())),
            vec![(Check::TechnologyAlone, Outcome::Warn, field(controls::VALUES))]
        );
        doc.values.clear();
        assert_eq!(
            failing(&check(&t, &doc, &plan())),
            vec![(Check::OgpValue, Outcome::Warn, field(controls::VALUES))]
        );
        for v in [
            OgpValue::AccessToInformation,
            OgpValue::CivicParticipation,
            OgpValue::PublicAccountability,
        ] {
            doc.values = vec![OgpValue::TechnologyInnovation, v];
            assert_eq!(failing(&check(&t, &doc, &plan())), vec![], "{v:?}");
        }
    }

    #[test]
    fn the_plan_holds_between_min_and_max_commitments_inclusive() {
        let t = Template::default_v1();
        let doc = complete();
        let at = |n| {
            check(
                &t,
                &doc,
                &PlanContext {
                    commitments_in_plan: n,
                    ..plan()
                },
            )
            .into_iter()
            .find(|f| f.check == Check::PlanCount)
            .map(|f| f.outcome)
        };
        assert_eq!(at(0), Some(Outcome::Warn));
        assert_eq!(at(1), Some(Outcome::Pass));
        assert_eq!(at(5), Some(Outcome::Pass));
        assert_eq!(at(6), Some(Outcome::Warn));
    }

    #[test]
    fn plan_findings_give_the_worst_outcome_per_standard() {
        let t = Template::default_v1();
        let good = complete();
        let mut no_milestone = complete();
        no_milestone.milestones.clear();
        let mut tech = complete();
        tech.values = vec![OgpValue::TechnologyInnovation];
        let report = plan_findings([(&t, &good), (&t, &no_milestone), (&t, &tech)], &plan());
        assert_eq!(
            report.by_standard,
            [(10, Outcome::Pass), (11, Outcome::Fail), (12, Outcome::Warn)]
        );
        assert_eq!(report.per_commitment.len(), 3);
        assert!(report.per_commitment[0].iter().all(|f| f.outcome == Outcome::Pass));
        assert!(
            report
                .per_commitment
                .iter()
                .flatten()
                .all(|f| f.check != Check::PlanCount)
        );
        let empty = plan_findings(std::iter::empty(), &plan());
        assert_eq!(empty.by_standard[0], (10, Outcome::Warn));
    }

    #[test]
    fn message_keys_are_stable() {
        let f = Finding::new(Check::RequiredField, Outcome::Fail, field(keys::Q1_PROBLEM));
        assert_eq!(f.message_key(), "quality-required-field-fail");
        assert_eq!(tally(&check(&Template::default_v1(), &complete(), &plan())).fail, 0);
    }
}
