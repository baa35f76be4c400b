//! CSV as spreadsheets read it: UTF-8 with a byte-order mark (so Excel shows ë and ç), RFC 4180
//! quoting, and every cell made formula-safe.

use std::borrow::Cow;

/// The byte-order mark that starts every CSV file we write.
pub const BOM: &str = "\u{FEFF}";

/// A cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1+1`, `@SUM(…)`, or one
/// starting with a tab or carriage return) gets a leading apostrophe, so that it is shown as the
/// text that was typed (OWASP's advice on CSV injection).
pub fn safe_cell(value: &str) -> Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// One CSV line (ending in a newline), each cell formula-safe.
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let safe: Vec<Cow<'_, str>> = cells.iter().map(|c| safe_cell(c.as_ref())).collect();
    let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
    // Writing to a Vec cannot fail; an error would mean a bug in the csv crate.
    if writer.write_record(safe.iter().map(|c| c.as_ref())).is_err() {
        return String::from("\n");
    }
    match writer.into_inner() {
        Ok(bytes) => String::from_utf8(bytes).unwrap_or_default(),
        Err(_) => String::from("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for bad in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(safe_cell(bad).starts_with('\''), "{bad:?}");
        }
        for fine in ["Elbasan", "ë", "", "4.50", "a=b"] {
            assert_eq!(safe_cell(fine), fine);
        }
    }

    #[test]
    fn lines_are_quoted_and_safe() {
        assert_eq!(
            line(&["ELB-2026-0001", "=cmd|' /C calc'!A0", "a,b", "say \"hi\""]),
            "ELB-2026-0001,'=cmd|' /C calc'!A0,\"a,b\",\"say \"\"hi\"\"\"\n"
        );
    }
}
