//! Markdown written by coordinators, rendered by comrak and then cleaned by ammonia: the
//! output is safe to insert into a page whatever the input was.

use std::collections::HashSet;

/// Renders Markdown to sanitised HTML.
pub fn render(source: &str) -> String {
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.tasklist = true;
    // Raw HTML in the source stays escaped (render.unsafe off); ammonia below is the second wall.
    let html = comrak::markdown_to_html(source, &options);
    ammonia::Builder::default()
        .link_rel(Some("nofollow noopener noreferrer"))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .clean(&html)
        .to_string()
}

/// The first paragraph of a Markdown text as plain text, cut to `max` characters.
pub fn excerpt(source: &str, max: usize) -> String {
    let first = source
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with('#'))
        .unwrap_or("");
    let plain: String = first.chars().filter(|c| !matches!(c, '*' | '_' | '`' | '#')).collect();
    if plain.chars().count() <= max {
        plain
    } else {
        let cut: String = plain.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = render("Hello <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn links_get_safe_rel_and_albanian_survives() {
        let html = render("Shihni https://elbasani.gov.al për çështjet");
        assert!(html.contains("rel=\"nofollow noopener noreferrer\""), "{html}");
        assert!(html.contains("çështjet"));
    }

    #[test]
    fn excerpt_cuts_on_characters() {
        assert_eq!(excerpt("# T\n\nëëëëë", 3), "ëëë…");
    }
}
