//! A tiny, valid one-page PDF written by hand, for the demo's attachments: a heading and a few
//! lines of text in Helvetica, Albanian letters included (WinAnsi encoding has ë, ç, Ë, Ç).

/// The characters Helvetica's WinAnsi encoding can show, as their byte; anything else becomes `?`.
fn win_ansi(c: char) -> u8 {
    match c {
        '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ff}' => c as u8,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        _ => b'?',
    }
}

/// A PDF string literal: printable ASCII as is, the rest as octal escapes (the file stays ASCII).
fn literal(text: &str) -> String {
    let mut out = String::from("(");
    for byte in text.chars().map(win_ansi) {
        match byte {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(byte as char);
            }
            0x20..=0x7e => out.push(byte as char),
            other => out.push_str(&format!("\\{other:03o}")),
        }
    }
    out.push(')');
    out
}

/// Breaks a paragraph into lines of at most `width` characters, at spaces.
fn wrap(paragraph: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in paragraph.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// An A4 page with `heading` in bold and each of `paragraphs` below it, wrapped.
pub fn document(heading: &str, paragraphs: &[String]) -> Vec<u8> {
    let mut content = String::from("BT\n/F1 16 Tf\n56 770 Td\n20 TL\n");
    for line in wrap(heading, 55) {
        content.push_str(&format!("{} Tj T*\n", literal(&line)));
    }
    content.push_str("/F2 11 Tf\n15 TL\nT*\n");
    for paragraph in paragraphs {
        for line in wrap(paragraph, 88) {
            content.push_str(&format!("{} Tj T*\n", literal(&line)));
        }
        content.push_str("T*\n");
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> \
         /Contents 6 0 R >>"
            .to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".to_owned(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
    ];
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{object}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn albanian_letters_are_escaped_in_win_ansi() {
        assert_eq!(literal("Çështje (ë)"), "(\\307\\353shtje \\(\\353\\))");
        assert_eq!(literal("“a” – b"), "(\\223a\\224 \\226 b)");
    }

    #[test]
    fn long_paragraphs_are_wrapped_at_spaces() {
        let lines = wrap("një dy tre katër pesë", 8);
        assert_eq!(lines, vec!["një dy", "tre", "katër", "pesë"]);
    }

    #[test]
    fn the_cross_reference_table_points_at_each_object() {
        let pdf = document("Raporti vjetor", &["Përmbledhje e shkurtër.".to_owned()]);
        let text = String::from_utf8(pdf).unwrap();
        assert!(text.starts_with("%PDF-1.4\n") && text.ends_with("%%EOF\n"));
        let startxref: usize = text
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(text[startxref..].starts_with("xref\n0 7\n"));
        let entries: Vec<&str> = text[startxref..].lines().skip(3).take(6).collect();
        for (i, entry) in entries.iter().enumerate() {
            assert_eq!(entry.len(), 19, "{entry:?}");
            let offset: usize = entry[..10].parse().unwrap();
            assert!(text[offset..].starts_with(&format!("{} 0 obj\n", i + 1)));
        }
        let length: usize = text
            .split("/Length ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let start = text.find(">>\nstream\n").unwrap() + ">>\nstream\n".len();
        assert!(text[start + length..].starts_with("\nendstream\n"));
    }
}
