//! Reading the drafting form into a [`CommitmentDocument`]: every field's text checked against
//! its limit, dates typed `dd.mm.yyyy`, OGP values and policy areas only from the vocabulary,
//! milestones as repeated groups. Invalid input is refused with the field it belongs to, never
//! cut or changed. Missing answers and missing milestones are not errors: the quality panel
//! (`quality`) says so beside the form, so that a draft can be saved half-written.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{
    CommitmentDocument, FIELD_MAX, MILESTONE_TEXT_MAX, MILESTONES_MAX, Milestone, NAME_MAX, NOTE_MAX, OgpValue,
    OwnerType, STAKEHOLDERS_MAX, Stakeholder, TITLE_MAX,
    template::{Template, keys, keys::BRIEF_DESCRIPTION},
    vocabulary::policy_area,
};

/// A problem with one field of the drafting form. The form's field names are made from
/// template keys and milestone positions (`field.q1_problem`, `ms-2-description`), so the
/// name is owned, unlike [`crate::FieldError`]'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftError {
    pub field: String,
    /// The stable code (`required`, `too_long`, `date_invalid`...), translated as `error-<code>`.
    pub code: &'static str,
    pub limit: Option<usize>,
}

impl DraftError {
    fn new(field: impl Into<String>, code: &'static str) -> Self {
        DraftError {
            field: field.into(),
            code,
            limit: None,
        }
    }

    fn too_long(field: impl Into<String>, max: usize) -> Self {
        DraftError {
            field: field.into(),
            code: "too_long",
            limit: Some(max),
        }
    }

    /// The same error as a [`crate::FieldError`] (whose field name is not kept), for the
    /// translated message.
    pub fn message_key(&self) -> crate::FieldError {
        crate::FieldError {
            field: "",
            code: self.code,
            limit: self.limit,
        }
    }
}

/// The form's name of a template field's input.
pub fn field_name(key: &str) -> String {
    format!("field.{key}")
}

/// The form's name of a milestone's part (`description`, `output`, `starts`, `due`,
/// `government`, `cso`, `remove`).
pub fn milestone_name(index: usize, part: &str) -> String {
    format!("ms-{index}-{part}")
}

/// A date as the municipality writes it, `31.12.2026`; empty is `None`.
pub fn parse_day(raw: &str) -> Result<Option<NaiveDate>, &'static str> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    // Exactly two digits, two digits, four digits: "1.2.26" is refused, not guessed.
    let parts: Vec<&str> = raw.split('.').collect();
    let shaped = parts.len() == 3
        && parts[0].len() == 2
        && parts[1].len() == 2
        && parts[2].len() == 4
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
    if !shaped {
        return Err("date_invalid");
    }
    NaiveDate::parse_from_str(raw, "%d.%m.%Y")
        .map(Some)
        .map_err(|_| "date_invalid")
}

/// A date as the form shows it.
pub fn format_day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_default()
}

/// How many milestone groups the form holds: the highest `ms-N-…` index plus one.
pub fn milestone_rows(values: &HashMap<String, String>) -> usize {
    values
        .keys()
        .filter_map(|k| k.strip_prefix("ms-"))
        .filter_map(|rest| rest.split_once('-'))
        .filter_map(|(n, _)| n.parse::<usize>().ok())
        .filter(|n| *n < MILESTONES_MAX * 2)
        .map(|n| n + 1)
        .max()
        .unwrap_or(0)
}

/// Whether the form holds a filled milestone group past the ones [`milestone_rows`] reads
/// (index `MILESTONES_MAX * 2` or more): more milestones than a commitment may have, refused
/// rather than dropped unread.
fn milestones_beyond_rows(values: &HashMap<String, String>) -> bool {
    values.iter().any(|(k, v)| {
        k.strip_prefix("ms-")
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(n, _)| n.parse::<usize>().ok())
            .is_some_and(|n| n >= MILESTONES_MAX * 2)
            && !v.trim().is_empty()
    })
}

/// A parsed form: the document and the version note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftForm {
    pub document: CommitmentDocument,
    pub note: String,
}

/// Reads the drafting form against the template it was written in. `values` holds one entry
/// per field, repeated checkboxes (`values`, `areas`) joined by commas.
pub fn parse_form(template: &Template, values: &HashMap<String, String>) -> Result<DraftForm, Vec<DraftError>> {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let mut errors = Vec::new();
    let mut text = |name: String, raw: &str, max: usize, required: bool| -> String {
        let trimmed = raw.trim();
        if crate::check_characters("", raw).is_err() {
            errors.push(DraftError::new(name, "control_characters"));
        } else if required && trimmed.is_empty() {
            errors.push(DraftError::new(name, "required"));
        } else if trimmed.chars().count() > max {
            errors.push(DraftError::too_long(name, max));
        }
        trimmed.to_owned()
    };
    let title = text("title".into(), get("title"), TITLE_MAX, true);
    let note = text("note".into(), get("note"), NOTE_MAX, false);
    let mut fields = std::collections::BTreeMap::new();
    for f in &template.fields {
        let name = field_name(&f.key);
        let value = text(name.clone(), get(&name), FIELD_MAX, false);
        if !value.is_empty() {
            fields.insert(f.key.clone(), value);
        }
    }
    let mut errors_more = Vec::new();
    let mut ogp_values = Vec::new();
    for key in get("values").split(',').map(str::trim).filter(|k| !k.is_empty()) {
        match OgpValue::parse(key) {
            Some(v) if !ogp_values.contains(&v) => ogp_values.push(v),
            Some(_) => {}
            None => errors_more.push(DraftError::new("values", "choice_invalid")),
        }
    }
    let mut areas: Vec<String> = Vec::new();
    for key in get("areas").split(',').map(str::trim).filter(|k| !k.is_empty()) {
        match policy_area(key) {
            Some(a) if !areas.iter().any(|x| x == a.key) => areas.push(a.key.to_owned()),
            Some(_) => {}
            None => errors_more.push(DraftError::new("areas", "choice_invalid")),
        }
    }
    let primary = match get("primary_area").trim() {
        "" => None,
        key => match policy_area(key) {
            Some(a) => {
                // The primary area is one of the chosen ones: choosing it adds it.
                if !areas.iter().any(|x| x == a.key) {
                    areas.push(a.key.to_owned());
                }
                Some(a.key.to_owned())
            }
            None => {
                errors_more.push(DraftError::new("primary_area", "choice_invalid"));
                None
            }
        },
    };
    let mut day = |name: &str| match parse_day(get(name)) {
        Ok(d) => d,
        Err(code) => {
            errors_more.push(DraftError::new(name, code));
            None
        }
    };
    let starts_on = day("starts_on");
    let ends_on = day("ends_on");
    if let (Some(s), Some(e)) = (starts_on, ends_on)
        && s > e
    {
        errors_more.push(DraftError::new("ends_on", "end_before_start"));
    }
    let mut milestones = Vec::new();
    for i in 0..milestone_rows(values) {
        let n = |part: &str| milestone_name(i, part);
        if get(&n("remove")) == "yes" {
            continue;
        }
        let parts = ["description", "output", "starts", "due", "government", "cso"];
        if parts.iter().all(|p| get(&n(p)).trim().is_empty()) {
            // An empty group (the form always offers one) is no milestone and no error.
            continue;
        }
        let description = text(n("description"), get(&n("description")), MILESTONE_TEXT_MAX, true);
        let expected_output = text(n("output"), get(&n("output")), MILESTONE_TEXT_MAX, false);
        let mut ms_day = |name: String| match parse_day(get(&name)) {
            Ok(d) => d,
            Err(code) => {
                errors_more.push(DraftError::new(name, code));
                None
            }
        };
        let start_date = ms_day(n("starts"));
        let expected_completion_date = ms_day(n("due"));
        if let (Some(s), Some(e)) = (start_date, expected_completion_date)
            && s > e
        {
            errors_more.push(DraftError::new(n("due"), "end_before_start"));
        }
        let mut stakeholders = Vec::new();
        for (part, owner) in [("government", OwnerType::Government), ("cso", OwnerType::Cso)] {
            let name = n(part);
            let raw = get(&name);
            if crate::check_characters("", raw).is_err() {
                errors_more.push(DraftError::new(name, "control_characters"));
                continue;
            }
            for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if line.chars().count() > NAME_MAX {
                    errors_more.push(DraftError::too_long(name.clone(), NAME_MAX));
                    break;
                }
                stakeholders.push(Stakeholder {
                    name: line.to_owned(),
                    owner,
                });
            }
        }
        if stakeholders.len() > STAKEHOLDERS_MAX {
            errors_more.push(DraftError {
                field: n("government"),
                code: "too_many",
                limit: Some(STAKEHOLDERS_MAX),
            });
        }
        milestones.push(Milestone {
            description,
            expected_output,
            start_date,
            expected_completion_date,
            stakeholders,
        });
    }
    if milestones.len() > MILESTONES_MAX || milestones_beyond_rows(values) {
        errors_more.push(DraftError {
            field: "milestones".into(),
            code: "too_many",
            limit: Some(MILESTONES_MAX),
        });
    }
    errors.extend(errors_more);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(DraftForm {
        document: CommitmentDocument {
            title,
            fields,
            values: ogp_values,
            policy_areas: areas,
            primary_policy_area: primary,
            starts_on,
            ends_on,
            milestones,
        },
        note,
    })
}

/// The form's values for a document (what an edit form starts from), one entry per field;
/// repeated checkboxes joined by commas as the form sends them; one empty milestone group more.
pub fn form_values(doc: &CommitmentDocument) -> HashMap<String, String> {
    let mut v = HashMap::new();
    v.insert("title".to_owned(), doc.title.clone());
    for (key, text) in &doc.fields {
        v.insert(field_name(key), text.clone());
    }
    v.insert(
        "values".to_owned(),
        doc.values.iter().map(|x| x.key()).collect::<Vec<_>>().join(","),
    );
    v.insert("areas".to_owned(), doc.policy_areas.join(","));
    v.insert(
        "primary_area".to_owned(),
        doc.primary_policy_area.clone().unwrap_or_default(),
    );
    v.insert("starts_on".to_owned(), format_day(doc.starts_on));
    v.insert("ends_on".to_owned(), format_day(doc.ends_on));
    for (i, m) in doc.milestones.iter().enumerate() {
        let n = |part: &str| milestone_name(i, part);
        v.insert(n("description"), m.description.clone());
        v.insert(n("output"), m.expected_output.clone());
        v.insert(n("starts"), format_day(m.start_date));
        v.insert(n("due"), format_day(m.expected_completion_date));
        for (part, owner) in [("government", OwnerType::Government), ("cso", OwnerType::Cso)] {
            let names: Vec<&str> = m
                .stakeholders
                .iter()
                .filter(|s| s.owner == owner)
                .map(|s| s.name.as_str())
                .collect();
            v.insert(n(part), names.join("\n"));
        }
    }
    v
}

/// The texts besides the title that search reads: the brief description, every other field,
/// then the lead institution (as `commitments.search_body` and the full-text row hold them).
pub fn search_body(doc: &CommitmentDocument) -> String {
    let mut parts: Vec<&str> = vec![doc.field(BRIEF_DESCRIPTION)];
    parts.extend(
        doc.fields
            .iter()
            .filter(|(k, _)| k.as_str() != BRIEF_DESCRIPTION && k.as_str() != keys::LEAD_INSTITUTION)
            .map(|(_, v)| v.as_str()),
    );
    parts.push(doc.field(keys::LEAD_INSTITUTION));
    parts.retain(|p| !p.trim().is_empty());
    parts.join("\n")
}

/// The folded title and texts, for `LIKE` and ranking.
pub fn search_text(doc: &CommitmentDocument) -> String {
    crate::fold(&format!("{}\n{}", doc.title, search_body(doc)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn a_full_form_round_trips_through_its_values() {
        let t = Template::default_v1();
        let v = form(&[
            ("title", " Forumi i qytetarëve "),
            ("field.lead_institution", "Bashkia Elbasan"),
            ("values", "civic_participation,access_to_information"),
            ("areas", "public_participation"),
            ("primary_area", "anti_corruption_and_integrity"),
            ("starts_on", "01.06.2025"),
            ("ends_on", "28.02.2027"),
            ("ms-0-description", "Vendimi i Këshillit"),
            ("ms-0-due", "30.09.2025"),
            ("ms-0-government", "Bashkia\n\nKëshilli"),
            ("ms-0-cso", "OJF X"),
            ("ms-1-description", ""),
            ("note", "v1"),
        ]);
        let parsed = parse_form(&t, &v).expect("valid");
        let d = &parsed.document;
        assert_eq!(d.title, "Forumi i qytetarëve");
        assert_eq!(d.values.len(), 2);
        assert!(d.policy_areas.contains(&"anti_corruption_and_integrity".to_owned()));
        assert_eq!(d.milestones.len(), 1, "the empty group is no milestone");
        assert_eq!(d.milestones[0].stakeholders.len(), 3);
        assert_eq!(d.milestones[0].stakeholders[2].owner, OwnerType::Cso);
        let again = parse_form(&t, &form_values(d)).expect("again");
        assert_eq!(&again.document, d);
    }

    #[test]
    fn bad_input_is_refused_next_to_its_field() {
        let t = Template::default_v1();
        let long = "x".repeat(TITLE_MAX + 1);
        let v = form(&[
            ("title", &long),
            ("field.q1_problem", &"y".repeat(FIELD_MAX + 1)),
            ("values", "technology_innovation,bribery"),
            ("areas", "not_an_area"),
            ("starts_on", "31.02.2026"),
            ("ends_on", "2026-12-01"),
            ("ms-0-output", "only an output"),
            ("ms-1-description", "d"),
            ("ms-1-starts", "02.02.2026"),
            ("ms-1-due", "01.02.2026"),
        ]);
        let errors = parse_form(&t, &v).expect_err("invalid");
        let has = |field: &str, code: &str| errors.iter().any(|e| e.field == field && e.code == code);
        assert!(has("title", "too_long"));
        assert!(has("field.q1_problem", "too_long"));
        assert!(has("values", "choice_invalid"));
        assert!(has("areas", "choice_invalid"));
        assert!(has("starts_on", "date_invalid"));
        assert!(has("ends_on", "date_invalid"));
        assert!(has("ms-0-description", "required"));
        assert!(has("ms-1-due", "end_before_start"));
        assert!(
            !has("field.q2_causes", "required"),
            "missing answers are the quality panel's"
        );
    }

    #[test]
    fn start_after_end_and_missing_title() {
        let t = Template::default_v1();
        let errors =
            parse_form(&t, &form(&[("starts_on", "02.01.2026"), ("ends_on", "01.01.2026")])).expect_err("invalid");
        assert!(errors.iter().any(|e| e.field == "title" && e.code == "required"));
        assert!(
            errors
                .iter()
                .any(|e| e.field == "ends_on" && e.code == "end_before_start")
        );
    }

    #[test]
    fn dates_are_dd_mm_yyyy_only() {
        assert_eq!(parse_day("01.06.2025"), Ok(NaiveDate::from_ymd_opt(2025, 6, 1)));
        assert_eq!(parse_day(" "), Ok(None));
        for bad in ["1.6.2025", "01/06/2025", "2025-06-01", "29.02.2025", "01.06.25"] {
            assert_eq!(parse_day(bad), Err("date_invalid"), "{bad}");
        }
    }

    #[test]
    fn milestones_past_the_rows_read_are_refused_not_dropped() {
        let t = Template::default_v1();
        let far = milestone_name(MILESTONES_MAX * 2 + 5, "description");
        let v = form(&[("title", "T"), ("ms-0-description", "a"), (far.as_str(), "b")]);
        let errors = parse_form(&t, &v).expect_err("too many");
        assert!(
            errors.iter().any(|e| e.field == "milestones" && e.code == "too_many"),
            "{errors:?}"
        );
        // An empty far group (nothing typed) is no milestone and no error.
        let far_empty = milestone_name(MILESTONES_MAX * 2, "remove");
        let v = form(&[("title", "T"), (far_empty.as_str(), " ")]);
        assert!(parse_form(&t, &v).is_ok());
    }

    #[test]
    fn removed_milestones_are_dropped() {
        let t = Template::default_v1();
        let v = form(&[
            ("title", "T"),
            ("ms-0-description", "a"),
            ("ms-0-remove", "yes"),
            ("ms-1-description", "b"),
        ]);
        let d = parse_form(&t, &v).expect("valid").document;
        assert_eq!(d.milestones.len(), 1);
        assert_eq!(d.milestones[0].description, "b");
    }
}
