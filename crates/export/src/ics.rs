//! iCalendar files of forum meetings (invitations, updates, cancellations, feeds).
//!
//! The `icalendar` crate writes the text: it escapes TEXT values (`\`, `,`, `;`, newline),
//! folds content lines at 75 octets without splitting a UTF-8 character, and ends every line
//! with CRLF, as RFC 5545 asks. Values it writes verbatim (parameter values, CAL-ADDRESS and
//! URI values) are cleaned here first, so no input can start a property line of its own.

use chrono::{DateTime, Utc};
use icalendar::{Attendee, Calendar, Component, Event, EventLike, EventStatus, PartStat, Property};

/// Identifies bashke as the producer of every file (RFC 5545 §3.7.3).
const PRODID: &str = "-//bashke//forum//EN";

/// One meeting of a forum, as it goes into a calendar.
#[derive(Debug, Clone, Copy)]
pub struct IcsMeeting<'a> {
    /// Stable across updates and the cancellation, so calendars replace the event they have.
    pub uid: &'a str,
    /// Raised on every change; calendars ignore an update whose sequence is not higher.
    pub sequence: i64,
    pub title: &'a str,
    pub description: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Left out of the file when empty.
    pub location: &'a str,
    /// Left out of the file when empty.
    pub url: &'a str,
    pub cancelled: bool,
}

/// The iTIP method (RFC 5546) of a calendar file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Information only: a feed or a file to download.
    Publish,
    /// An invitation or an update of one.
    Request,
    /// The meeting is called off.
    Cancel,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }

    /// The MIME type of a file with this method, e.g. `text/calendar; method=REQUEST;
    /// charset=UTF-8`; mail clients show invitation buttons only when the method is in it.
    pub fn content_type(self) -> String {
        format!("text/calendar; method={}; charset=UTF-8", self.as_str())
    }
}

/// A calendar file with one event: an invitation (`Request`), its cancellation (`Cancel`) or a
/// plain copy (`Publish`). `attendee_email` adds the one recipient as an ATTENDEE who is asked
/// to reply; pass `None` for `Publish`, which RFC 5546 sends without attendees. `stamp` is the
/// DTSTAMP: when the file was made (a parameter so that output is reproducible).
pub fn invitation(
    method: Method,
    organizer_email: &str,
    organizer_name: &str,
    attendee_email: Option<&str>,
    meeting: &IcsMeeting,
    stamp: DateTime<Utc>,
) -> String {
    let mut event = event(meeting, stamp, method == Method::Cancel);

    let mut organizer = Property::new("ORGANIZER", mailto(organizer_email));
    organizer.add_parameter("CN", &param_value(organizer_name));
    event.append_property(organizer);

    if let Some(email) = attendee_email {
        event.attendee(Attendee::new(mailto(email)).partstat(PartStat::NeedsAction).rsvp(true));
    }

    let mut calendar = calendar(method);
    calendar.push(event);
    calendar.to_string()
}

/// A subscribable calendar of meetings (METHOD:PUBLISH, no attendees). Cancelled meetings stay
/// in it with STATUS:CANCELLED, so subscribers' calendars drop them instead of keeping a stale
/// copy. `stamp` is the DTSTAMP of every event.
pub fn feed(calendar_name: &str, meetings: &[IcsMeeting], stamp: DateTime<Utc>) -> String {
    let mut calendar = calendar(Method::Publish);
    // Not `Calendar::name`: it also writes NAME, which the crate does not escape.
    calendar.append_property(Property::new("X-WR-CALNAME", text(calendar_name)));
    for meeting in meetings {
        calendar.push(event(meeting, stamp, false));
    }
    calendar.to_string()
}

/// The VCALENDAR with its fixed properties; `Calendar::empty` because `Calendar::new` would add
/// the crate's own PRODID.
fn calendar(method: Method) -> Calendar {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", method.as_str()));
    calendar
}

/// The VEVENT of a meeting, without organizer or attendees.
fn event(meeting: &IcsMeeting, stamp: DateTime<Utc>, cancel: bool) -> Event {
    // SEQUENCE is a non-negative INTEGER (32-bit in RFC 5545); clamping keeps a corrupt value
    // from producing an unreadable file.
    let sequence = u32::try_from(meeting.sequence.clamp(0, i64::from(i32::MAX))).unwrap_or(0);
    let status = if cancel || meeting.cancelled {
        EventStatus::Cancelled
    } else {
        EventStatus::Confirmed
    };

    let mut event = Event::new();
    event
        .uid(&text(meeting.uid))
        .sequence(sequence)
        .timestamp(stamp)
        // DateTime<Utc> is written as a UTC DATE-TIME ending in Z: no VTIMEZONE needed.
        .starts(meeting.starts_at)
        .ends(meeting.ends_at)
        .summary(&text(meeting.title))
        .description(&text(meeting.description))
        .status(status);
    if !meeting.location.is_empty() {
        event.location(&text(meeting.location));
    }
    let url = without_controls(meeting.url);
    if !url.is_empty() {
        // URI values are written verbatim, hence the cleaning.
        event.url(&url);
    }
    event.done()
}

/// A CAL-ADDRESS for an email. The crate writes it verbatim, so control characters (a CR/LF
/// would end the line and let the rest pose as a property) are dropped.
fn mailto(email: &str) -> String {
    format!("mailto:{}", without_controls(email.trim()))
}

/// A parameter value (such as CN) may hold neither DQUOTE nor control characters (RFC 5545
/// §3.1); the crate quotes values containing `:`, `;` or `,` but does not escape these.
fn param_value(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            '"' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// A TEXT value may hold no control character but tab (RFC 5545 §3.3.11), and the crate escapes
/// only LF: CRLF and lone CR become LF (escaped as `\n`), other controls are dropped.
fn text(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

fn without_controls(value: &str) -> String {
    value.chars().filter(|c| !c.is_control()).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// A content line after unfolding: name, parameters (raw) and value (still escaped).
    #[derive(Debug)]
    struct Line {
        name: String,
        params: Vec<(String, String)>,
        value: String,
    }

    impl Line {
        fn param(&self, key: &str) -> Option<&str> {
            self.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
        }
    }

    /// Checks the physical lines (CRLF, at most 75 octets), unfolds them (RFC 5545 §3.1:
    /// a CRLF followed by a space or tab is removed) and splits each content line into name,
    /// parameters and value; a colon or semicolon inside a quoted parameter value is not a
    /// separator.
    fn parse(text: &str) -> Vec<Line> {
        assert!(text.ends_with("\r\n"), "{text:?}");
        assert!(!text.replace("\r\n", "").contains(['\r', '\n']), "{text:?}");
        for physical in text.split("\r\n") {
            assert!(physical.len() <= 75, "{} octets: {physical:?}", physical.len());
        }
        let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
        unfolded
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(|l| {
                let mut quoted = false;
                let mut parts = Vec::new();
                let mut start = 0;
                let mut value_at = None;
                for (i, c) in l.char_indices() {
                    match c {
                        '"' => quoted = !quoted,
                        ';' if !quoted => {
                            parts.push(&l[start..i]);
                            start = i + 1;
                        }
                        ':' if !quoted => {
                            parts.push(&l[start..i]);
                            value_at = Some(i + 1);
                            break;
                        }
                        _ => {}
                    }
                }
                let value_at = value_at.unwrap_or_else(|| panic!("no value in {l:?}"));
                let params = parts[1..]
                    .iter()
                    .map(|p| {
                        let (k, v) = p.split_once('=').unwrap();
                        (k.to_string(), v.to_string())
                    })
                    .collect();
                Line {
                    name: parts[0].to_string(),
                    params,
                    value: l[value_at..].to_string(),
                }
            })
            .collect()
    }

    /// Reverses TEXT escaping (RFC 5545 §3.3.11).
    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => panic!("dangling backslash in {value:?}"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    /// The lines inside the n-th VEVENT.
    fn event_lines(lines: &[Line], n: usize) -> &[Line] {
        let begins: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.name == "BEGIN" && l.value == "VEVENT")
            .map(|(i, _)| i)
            .collect();
        let start = begins[n] + 1;
        let len = lines[start..]
            .iter()
            .position(|l| l.name == "END" && l.value == "VEVENT")
            .unwrap();
        &lines[start..start + len]
    }

    fn one<'l>(lines: &'l [Line], name: &str) -> &'l Line {
        let found: Vec<&Line> = lines.iter().filter(|l| l.name == name).collect();
        assert_eq!(found.len(), 1, "{name} in {lines:#?}");
        found[0]
    }

    fn count(lines: &[Line], name: &str) -> usize {
        lines.iter().filter(|l| l.name == name).count()
    }

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap()
    }

    fn meeting() -> IcsMeeting<'static> {
        IcsMeeting {
            uid: "forum-7-meeting-42@bashke.example",
            sequence: 3,
            title: "Forumi i të rinjve: takimi i tretë",
            description: "Rendi i ditës: buxheti, çështja e ujit; pyetje.\nMirë se vini!",
            starts_at: Utc.with_ymd_and_hms(2026, 3, 12, 16, 30, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2026, 3, 12, 18, 0, 0).unwrap(),
            location: "Salla e Këshillit, Bashkia Elbasan; kati 2",
            url: "https://bashke.example/forums/7/meetings/42",
            cancelled: false,
        }
    }

    fn request() -> String {
        invitation(
            Method::Request,
            "forumi@bashke.example",
            "Forumi Rinor, Elbasan",
            Some("anëtari@example.com"),
            &meeting(),
            stamp(),
        )
    }

    #[test]
    fn content_types_name_the_method() {
        assert_eq!(
            Method::Request.content_type(),
            "text/calendar; method=REQUEST; charset=UTF-8"
        );
        assert_eq!(
            Method::Publish.content_type(),
            "text/calendar; method=PUBLISH; charset=UTF-8"
        );
        assert_eq!(
            Method::Cancel.content_type(),
            "text/calendar; method=CANCEL; charset=UTF-8"
        );
    }

    #[test]
    fn request_has_identity_method_and_utc_times() {
        let text = request();
        let lines = parse(&text);
        assert_eq!(lines[0].name, "BEGIN");
        assert_eq!(lines[0].value, "VCALENDAR");
        assert_eq!(one(&lines, "VERSION").value, "2.0");
        assert_eq!(one(&lines, "PRODID").value, "-//bashke//forum//EN");
        assert_eq!(one(&lines, "METHOD").value, "REQUEST");
        assert_eq!(count(&lines, "BEGIN"), 2, "one VEVENT: {text}");

        let event = event_lines(&lines, 0);
        assert_eq!(one(event, "UID").value, "forum-7-meeting-42@bashke.example");
        assert_eq!(one(event, "SEQUENCE").value, "3");
        assert_eq!(one(event, "DTSTAMP").value, "20260301T080000Z");
        assert_eq!(one(event, "DTSTART").value, "20260312T163000Z");
        assert_eq!(one(event, "DTEND").value, "20260312T180000Z");
        assert!(one(event, "DTSTART").params.is_empty(), "no TZID");
        assert_eq!(one(event, "STATUS").value, "CONFIRMED");
        assert_eq!(one(event, "URL").value, "https://bashke.example/forums/7/meetings/42");

        let organizer = one(event, "ORGANIZER");
        assert_eq!(organizer.value, "mailto:forumi@bashke.example");
        // The comma in the name makes the crate quote it.
        assert_eq!(organizer.param("CN"), Some("\"Forumi Rinor, Elbasan\""));

        let attendee = one(event, "ATTENDEE");
        assert_eq!(attendee.value, "mailto:anëtari@example.com");
        assert_eq!(attendee.param("PARTSTAT"), Some("NEEDS-ACTION"));
        assert_eq!(attendee.param("RSVP"), Some("TRUE"));
    }

    #[test]
    fn the_same_input_gives_the_same_file() {
        assert_eq!(request(), request());
    }

    #[test]
    fn cancel_and_cancelled_meetings_are_status_cancelled() {
        let text = invitation(
            Method::Cancel,
            "forumi@bashke.example",
            "Forumi",
            Some("a@example.com"),
            &IcsMeeting {
                sequence: 4,
                ..meeting()
            },
            stamp(),
        );
        let lines = parse(&text);
        assert_eq!(one(&lines, "METHOD").value, "CANCEL");
        let event = event_lines(&lines, 0);
        assert_eq!(one(event, "STATUS").value, "CANCELLED");
        assert_eq!(one(event, "SEQUENCE").value, "4");
        assert_eq!(one(event, "UID").value, meeting().uid);

        let text = invitation(
            Method::Request,
            "forumi@bashke.example",
            "Forumi",
            None,
            &IcsMeeting {
                cancelled: true,
                ..meeting()
            },
            stamp(),
        );
        let lines = parse(&text);
        let event = event_lines(&lines, 0);
        assert_eq!(one(event, "STATUS").value, "CANCELLED");
        assert_eq!(count(event, "ATTENDEE"), 0);
    }

    #[test]
    fn albanian_text_survives_escaping() {
        let text = request();
        let lines = parse(&text);
        let event = event_lines(&lines, 0);
        let m = meeting();

        let description = one(event, "DESCRIPTION");
        assert!(description.value.contains(r"buxheti\, çështja e ujit\; pyetje.\nMirë"));
        assert_eq!(unescape(&description.value), m.description);
        assert_eq!(unescape(&one(event, "SUMMARY").value), m.title);
        assert_eq!(unescape(&one(event, "LOCATION").value), m.location);
        assert!(text.contains("ë") && text.contains("ç"), "UTF-8, not encoded");
    }

    #[test]
    fn long_lines_are_folded_at_75_octets() {
        // Two-byte letters, so a fold at a fixed octet count would often split one.
        let description = "Çështja e ujit në Shushicë, ë ç Ë Ç; ".repeat(12);
        let text = invitation(
            Method::Request,
            "forumi@bashke.example",
            "Forumi",
            None,
            &IcsMeeting {
                description: &description,
                ..meeting()
            },
            stamp(),
        );
        // `parse` asserts that no physical line is longer than 75 octets.
        let lines = parse(&text);
        let event = event_lines(&lines, 0);
        let line = one(event, "DESCRIPTION");
        assert_eq!(unescape(&line.value), description);
        // The content line is several times 75 octets long, so it must have been folded at
        // least that many times.
        let octets = "DESCRIPTION:".len() + line.value.len();
        let folds = text.split("\r\n").filter(|l| l.starts_with(' ')).count();
        assert!(octets > 500 && folds >= octets / 75, "{octets} octets, {folds} folds");
    }

    #[test]
    fn empty_location_and_url_are_left_out() {
        let text = invitation(
            Method::Publish,
            "forumi@bashke.example",
            "Forumi",
            None,
            &IcsMeeting {
                location: "",
                url: "",
                ..meeting()
            },
            stamp(),
        );
        let lines = parse(&text);
        let event = event_lines(&lines, 0);
        assert_eq!(count(event, "LOCATION"), 0);
        assert_eq!(count(event, "URL"), 0);
        assert_eq!(count(event, "ATTENDEE"), 0);
        assert_eq!(one(&lines, "METHOD").value, "PUBLISH");
    }

    #[test]
    fn no_input_can_add_a_property_line() {
        let text = invitation(
            Method::Request,
            "forumi@bashke.example\r\nATTENDEE:mailto:x@evil.example",
            "Forumi \"Rinor\"\r\nX-EVIL:1",
            Some("a@example.com\nX-EVIL:2"),
            &IcsMeeting {
                title: "Takim\r\nX-EVIL:3",
                url: "https://bashke.example/\r\nX-EVIL:4",
                ..meeting()
            },
            stamp(),
        );
        let lines = parse(&text);
        assert!(lines.iter().all(|l| !l.name.starts_with("X-EVIL")), "{text}");
        let event = event_lines(&lines, 0);
        assert_eq!(count(event, "ATTENDEE"), 1);
        assert_eq!(
            one(event, "ORGANIZER").param("CN"),
            Some("\"Forumi 'Rinor'  X-EVIL:1\"")
        );
    }

    #[test]
    fn feed_publishes_every_meeting_without_attendees() {
        let first = meeting();
        let second = IcsMeeting {
            uid: "forum-7-meeting-43@bashke.example",
            sequence: 0,
            cancelled: true,
            ..meeting()
        };
        let text = feed("Forumi Rinor, Elbasan; takimet", &[first, second], stamp());
        let lines = parse(&text);
        assert_eq!(one(&lines, "METHOD").value, "PUBLISH");
        assert_eq!(one(&lines, "PRODID").value, "-//bashke//forum//EN");
        assert_eq!(
            unescape(&one(&lines, "X-WR-CALNAME").value),
            "Forumi Rinor, Elbasan; takimet"
        );
        assert_eq!(count(&lines, "ATTENDEE"), 0);
        assert_eq!(count(&lines, "ORGANIZER"), 0);

        let a = event_lines(&lines, 0);
        assert_eq!(one(a, "UID").value, first.uid);
        assert_eq!(one(a, "STATUS").value, "CONFIRMED");
        assert_eq!(one(a, "DTSTAMP").value, "20260301T080000Z");
        let b = event_lines(&lines, 1);
        assert_eq!(one(b, "UID").value, second.uid);
        assert_eq!(one(b, "SEQUENCE").value, "0");
        assert_eq!(one(b, "STATUS").value, "CANCELLED");
        assert_eq!(one(b, "DTSTART").value, "20260312T163000Z");
    }

    #[test]
    fn an_empty_feed_is_still_a_calendar() {
        let lines = parse(&feed("Forumi", &[], stamp()));
        assert_eq!(count(&lines, "BEGIN"), 1);
        assert_eq!(one(&lines, "X-WR-CALNAME").value, "Forumi");
    }
}
