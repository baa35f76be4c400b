//! OGP's `Start Date` and `End Date` cells, in every form the shared file uses. The raw text is
//! always kept (the export writes it back); this gives the date it stands for and how much of
//! it is known. A period ("July 2014", "Quarter 1 2019", "2016") stands for its first day.
//!
//! Forms, each seen in the shared file:
//! - `M/D/YYYY` (`9/1/2018`, `08/01/2022`); `D/M/YYYY` when the first number cannot be a month
//!   (`31/12/2014`, `28/5/2014`). Ambiguous ones (`01/6/2011`) are read as `M/D`, the dataset's
//!   usual order.
//! - `M/D/YY` (`1/1/19`, `12/31/20`): years 00–69 are 20xx, 70–99 19xx.
//! - `M/D/1905`: a spreadsheet that formatted the year 2023 as a date (serial 2023 is
//!   15 July 1905); read back as that year, precision year.
//! - a bare year (`2016`); a month and year (`July 2014`); quarters (`Quarter 1 2014`,
//!   `IV quarter of 2020`); a 5-digit spreadsheet serial (`43525` = 1 March 2019).
//! - `NA`: absent with its reason. Any other text ("Ongoing", "In progress", "Spring 2015") is
//!   kept as text with no date.

use chrono::{Datelike, Duration, NaiveDate};

use super::super::DatePrecision;
use crate::commitments::scales::Absent;

/// What a date cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateCell {
    Date {
        on: NaiveDate,
        precision: DatePrecision,
    },
    Absent(Absent),
    /// Text that names no date ("Ongoing"); kept raw.
    Text,
}

impl DateCell {
    pub fn date(self) -> Option<(NaiveDate, DatePrecision)> {
        match self {
            DateCell::Date { on, precision } => Some((on, precision)),
            _ => None,
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Years a bare number or a serial's year may stand for: the OGP era with some margin.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Day 0 of spreadsheet serial numbers (1900 date system, after its leap-year bug).
fn serial_epoch() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 30)
}

fn year_start(year: i32) -> Option<DateCell> {
    YEARS.contains(&year).then_some(())?;
    Some(DateCell::Date {
        on: NaiveDate::from_ymd_opt(year, 1, 1)?,
        precision: DatePrecision::Year,
    })
}

fn number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn slashed(raw: &str) -> Option<DateCell> {
    let mut parts = raw.split('/');
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (a, b) = (number(a)?, number(b)?);
    let year = match c.len() {
        4 => number(c)? as i32,
        2 => {
            let y = number(c)? as i32;
            if y < 70 { 2000 + y } else { 1900 + y }
        }
        _ => return None,
    };
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    let on = NaiveDate::from_ymd_opt(year, month, day)?;
    if year == 1905 {
        // A year typed into a cell formatted as a date: the date's serial is the year.
        let serial = (on - serial_epoch()?).num_days();
        return year_start(i32::try_from(serial).ok()?);
    }
    YEARS.contains(&year).then_some(DateCell::Date {
        on,
        precision: DatePrecision::Day,
    })
}

fn roman(s: &str) -> Option<u32> {
    match s {
        "I" => Some(1),
        "II" => Some(2),
        "III" => Some(3),
        "IV" => Some(4),
        _ => None,
    }
}

fn quarter(q: u32, year: &str) -> Option<DateCell> {
    let year = number(year)? as i32;
    if !(1..=4).contains(&q) || !YEARS.contains(&year) {
        return None;
    }
    Some(DateCell::Date {
        on: NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?,
        precision: DatePrecision::Quarter,
    })
}

fn worded(raw: &str) -> Option<DateCell> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    match words.as_slice() {
        // "July 2014"
        [month, year] => {
            let m = MONTHS.iter().position(|n| n.eq_ignore_ascii_case(month))? as u32 + 1;
            let y = number(year)? as i32;
            YEARS.contains(&y).then_some(())?;
            Some(DateCell::Date {
                on: NaiveDate::from_ymd_opt(y, m, 1)?,
                precision: DatePrecision::Month,
            })
        }
        // "Quarter 1 2019"
        [q, n, year] if q.eq_ignore_ascii_case("quarter") => quarter(number(n)?, year),
        // "IV quarter of 2019"
        [n, q, of, year] if q.eq_ignore_ascii_case("quarter") && of.eq_ignore_ascii_case("of") => {
            quarter(roman(n)?, year)
        }
        _ => None,
    }
}

/// Reads a date cell; the caller keeps `raw` as it was.
pub fn parse_date(raw: &str) -> DateCell {
    if let Some(absent) = Absent::parse(raw) {
        return DateCell::Absent(absent);
    }
    let s = raw.trim();
    let parsed = if s.contains('/') {
        slashed(s)
    } else if let Some(n) = number(s) {
        match s.len() {
            4 => year_start(n as i32),
            5 => serial_epoch()
                .map(|e| e + Duration::days(i64::from(n)))
                .filter(|d| YEARS.contains(&d.year()))
                .map(|on| DateCell::Date {
                    on,
                    precision: DatePrecision::Day,
                }),
            _ => None,
        }
    } else {
        worded(s)
    };
    parsed.unwrap_or(DateCell::Text)
}

/// A drafted commitment's date in the dataset's usual form (`M/D/YYYY`).
pub fn format_date(on: NaiveDate) -> String {
    format!("{}/{}/{}", on.month(), on.day(), on.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn at(raw: &str) -> Option<(NaiveDate, DatePrecision)> {
        parse_date(raw).date()
    }

    #[test]
    fn every_form_of_the_shared_file() {
        use DatePrecision::*;
        let cases: &[(&str, NaiveDate, DatePrecision)] = &[
            ("9/1/2018", d(2018, 9, 1), Day),
            ("08/01/2022", d(2022, 8, 1), Day),
            ("12/31/2022", d(2022, 12, 31), Day),
            ("01/6/2011", d(2011, 1, 6), Day),
            ("31/12/2014", d(2014, 12, 31), Day),
            ("28/5/2014", d(2014, 5, 28), Day),
            ("1/1/19", d(2019, 1, 1), Day),
            ("12/31/20", d(2020, 12, 31), Day),
            ("9/30/15", d(2015, 9, 30), Day),
            ("7/15/1905", d(2023, 1, 1), Year),
            ("7/19/1905", d(2027, 1, 1), Year),
            ("7/20/1905", d(2028, 1, 1), Year),
            ("2016", d(2016, 1, 1), Year),
            ("2008", d(2008, 1, 1), Year),
            ("July 2014", d(2014, 7, 1), Month),
            ("December 2022", d(2022, 12, 1), Month),
            ("Quarter 1 2014", d(2014, 1, 1), Quarter),
            ("Quarter 3 2014", d(2014, 7, 1), Quarter),
            ("I quarter of 2021", d(2021, 1, 1), Quarter),
            ("III quarter of 2022", d(2022, 7, 1), Quarter),
            ("IV quarter of 2020", d(2020, 10, 1), Quarter),
            ("43525", d(2019, 3, 1), Day),
            ("44439", d(2021, 8, 31), Day),
        ];
        for (raw, on, precision) in cases {
            assert_eq!(at(raw), Some((*on, *precision)), "{raw}");
        }
    }

    #[test]
    fn sentinels_and_words_are_no_dates() {
        assert_eq!(parse_date("NA"), DateCell::Absent(Absent::NotApplicable));
        for text in [
            "Ongoing",
            "In progress",
            "Underway",
            "Permanent activity",
            "Spring 2015",
            "",
            "13/13/2020",
            "2/30/2020",
        ] {
            assert_eq!(parse_date(text), DateCell::Text, "{text}");
        }
        assert_eq!(parse_date("V quarter of 2020"), DateCell::Text);
        assert_eq!(parse_date("123456"), DateCell::Text);
    }

    #[test]
    fn drafted_dates_are_written_as_the_dataset_does() {
        assert_eq!(format_date(d(2025, 6, 1)), "6/1/2025");
        assert_eq!(
            at(&format_date(d(2027, 2, 28))),
            Some((d(2027, 2, 28), DatePrecision::Day))
        );
    }
}
