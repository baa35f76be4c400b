//! Documents bashke typesets: an application as PDF. Typst runs with fonts compiled into the
//! binary (typst-assets: Libertinus Serif covers ë, ç and the rest of Albanian), so a PDF looks
//! the same on every server and needs nothing installed.

pub mod csv;
pub mod ics;

use std::sync::LazyLock;

use typst::foundations::{Array, Dict, IntoValue, Value};
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

static APPLICATION: &str = include_str!("../templates/application.typ");

/// Building the font book is the slow part: done once, then shared by every request.
static ENGINE: LazyLock<TypstEngine<TypstTemplateMainFile>> = LazyLock::new(|| {
    TypstEngine::builder()
        .main_file(APPLICATION)
        .fonts(typst_assets::fonts())
        .build()
});

/// What goes on the page, already translated: a title, a line under it, a table of facts, and
/// titled sections of plain text.
#[derive(Debug, Clone, Default)]
pub struct PdfDocument {
    pub title: String,
    pub subtitle: String,
    pub footer: String,
    pub facts: Vec<(String, String)>,
    pub sections: Vec<(String, String)>,
}

fn pairs(items: &[(String, String)]) -> Value {
    let array: Array = items
        .iter()
        .map(|(a, b)| {
            let pair: Array = [a.clone().into_value(), b.clone().into_value()].into_iter().collect();
            pair.into_value()
        })
        .collect();
    array.into_value()
}

/// Typesets the document. CPU-heavy: call it from a blocking thread.
pub fn pdf(doc: &PdfDocument) -> anyhow::Result<Vec<u8>> {
    let inputs: Dict = [
        ("title", doc.title.clone().into_value()),
        ("subtitle", doc.subtitle.clone().into_value()),
        ("footer", doc.footer.clone().into_value()),
        ("facts", pairs(&doc.facts)),
        ("sections", pairs(&doc.sections)),
    ]
    .into_iter()
    .map(|(k, v)| (k.into(), v))
    .collect();
    let compiled = ENGINE.compile_with_input(inputs);
    let document: PagedDocument = compiled
        .output
        .map_err(|e| anyhow::anyhow!("typesetting failed: {e:?}"))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|e| anyhow::anyhow!("PDF export failed: {e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn albanian_text_and_markup_characters_make_a_pdf() {
        let doc = PdfDocument {
            title: "Aplikimi ELB-2026-0001".into(),
            subtitle: "Thirrje e hapur për OSHC-të".into(),
            footer: "Bashkia Elbasan".into(),
            facts: vec![("Aplikuesi".into(), "Shoqata “Zëri i Shkumbinit” ç ë Ç Ë".into())],
            sections: vec![(
                "Deklaratë interesi".into(),
                "#set text(red) *bold* $x$ <tag> @ref — çështje".into(),
            )],
        };
        let bytes = pdf(&doc).unwrap();
        assert!(bytes.starts_with(b"%PDF"));
        assert!(bytes.len() > 1000);
        // To look at it: BASHKE_PDF_OUT=/tmp/a.pdf cargo test -p export, then pdftoppm.
        if let Ok(out) = std::env::var("BASHKE_PDF_OUT") {
            std::fs::write(out, &bytes).unwrap();
        }
    }

    /// The text of a PDF as `pdftotext` (poppler-utils) reads it: what a reader copies, searches
    /// and hears from a screen reader, so it is what the fonts' Unicode maps must get right.
    fn pdf_text(bytes: &[u8]) -> String {
        use std::io::Write;
        use std::process::{Command, Stdio};
        let mut child = match Command::new("pdftotext")
            .args(["-enc", "UTF-8", "-", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        {
            Ok(child) => child,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
                "pdftotext is missing: install poppler-utils (apt-get install -y poppler-utils); \
                 this test reads the PDF's text back and does not skip"
            ),
            Err(e) => panic!("cannot run pdftotext: {e}"),
        };
        child.stdin.take().unwrap().write_all(bytes).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "pdftotext failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("pdftotext writes UTF-8 when asked")
    }

    #[test]
    fn albanian_letters_survive_in_the_pdf_text() {
        let phrase = "Çështja e ujit në Shushicë ë ç";
        let doc = PdfDocument {
            title: phrase.into(),
            subtitle: "Thirrje e hapur".into(),
            footer: "Bashkia Elbasan".into(),
            facts: vec![("Çështja".into(), phrase.into())],
            sections: vec![("Përshkrimi".into(), phrase.into())],
        };
        let text = pdf_text(&pdf(&doc).unwrap());
        for expected in ["Çështja", "ë", "ç", "Çështja e ujit në Shushicë", "Përshkrimi"] {
            assert!(
                text.contains(expected),
                "{expected:?} is not in the PDF's text:\n{text}"
            );
        }
        // Composed letters, not a base letter followed by a combining mark.
        assert!(!text.contains("e\u{308}") && !text.contains("c\u{327}"), "{text:?}");
    }
}
