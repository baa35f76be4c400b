//! Values parsed from user input. Each `parse` returns a [`FieldError`] naming the form field and
//! a stable error code; the code is also the Fluent message id that explains it to the user.

use serde::{Deserialize, Serialize};

/// A problem with one field of a form or API payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: &'static str,
    /// Stable snake_case code, e.g. `email_invalid`; the UI translates it.
    pub code: &'static str,
    /// The limit that was passed, for `too_long` (in characters): the message names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str) -> Self {
        FieldError {
            field,
            code,
            limit: None,
        }
    }

    /// Longer than `max` characters: refused, never cut.
    pub fn too_long(field: &'static str, max: usize) -> Self {
        FieldError {
            field,
            code: "too_long",
            limit: Some(max),
        }
    }
}

/// Refuses control characters other than line breaks and tabs (a NUL byte, an escape): they are
/// never typed by a person, PostgreSQL cannot store NUL in text, and both databases must answer
/// the same way.
pub fn check_characters(field: &'static str, raw: &str) -> Result<(), FieldError> {
    if raw.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        Err(FieldError::new(field, "control_characters"))
    } else {
        Ok(())
    }
}

/// Collects the errors of several independent parses, so that a form shows every problem at once.
pub fn validate_all(results: &[Option<FieldError>]) -> Result<(), Vec<FieldError>> {
    let errors: Vec<FieldError> = results.iter().flatten().cloned().collect();
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// A syntactically valid e-mail address, stored lower-cased so that look-ups are exact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(field: &'static str, raw: &str) -> Result<Email, FieldError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(FieldError::new(field, "required"));
        }
        check_characters(field, raw)?;
        if trimmed.len() > Self::MAX_LEN {
            return Err(FieldError::too_long(field, Self::MAX_LEN));
        }
        // The crate checks RFC 5322 syntax; we additionally require a dot in the domain, since an
        // address like `name@localhost` is always a typo on a public site.
        let valid = email_address::EmailAddress::parse_with_options(
            trimmed,
            email_address::Options::default().without_display_text(),
        )
        .is_ok_and(|a| a.domain().contains('.') && !a.domain().ends_with('.'));
        if !valid {
            return Err(FieldError::new(field, "email_invalid"));
        }
        Ok(Email(trimmed.to_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For values read back from the database, which were parsed when stored.
    pub fn from_trusted(stored: String) -> Email {
        Email(stored)
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A password that satisfies the policy: 10 to 256 characters and not a well-known password.
/// It never implements `Debug` output of its content.
#[derive(Clone)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

static COMMON_PASSWORDS: &str = include_str!("common-passwords.txt");

impl NewPassword {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 256;

    pub fn parse(field: &'static str, raw: &str) -> Result<NewPassword, FieldError> {
        let chars = raw.chars().count();
        if chars == 0 {
            return Err(FieldError::new(field, "required"));
        }
        if chars < Self::MIN_CHARS {
            return Err(FieldError::new(field, "password_too_short"));
        }
        if chars > Self::MAX_CHARS {
            return Err(FieldError::new(field, "too_long"));
        }
        if is_common_password(raw) {
            return Err(FieldError::new(field, "password_common"));
        }
        Ok(NewPassword(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

fn is_common_password(raw: &str) -> bool {
    let lowered = raw.to_lowercase();
    let first = lowered.chars().next();
    // A single repeated character ("aaaaaaaaaa") is as weak as any listed password.
    if first.is_some_and(|c| lowered.chars().all(|x| x == c)) {
        return true;
    }
    COMMON_PASSWORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|common| common == lowered)
}

/// Free text with a length limit in characters (not bytes: Albanian letters are two bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(String);

impl Text {
    /// Trims the input; an empty result is an error when `required`. Over-long text and control
    /// characters are refused, never cut or removed.
    pub fn parse(field: &'static str, raw: &str, required: bool, max_chars: usize) -> Result<Text, FieldError> {
        check_characters(field, raw)?;
        let trimmed = raw.trim();
        if required && trimmed.is_empty() {
            return Err(FieldError::new(field, "required"));
        }
        if trimmed.chars().count() > max_chars {
            return Err(FieldError::too_long(field, max_chars));
        }
        Ok(Text(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A URL-safe identifier: lower-case ASCII letters, digits and single hyphens, 2 to 63 long.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    pub fn parse(field: &'static str, raw: &str) -> Result<Slug, FieldError> {
        let s = raw.trim();
        let valid = (2..=63).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if valid {
            Ok(Slug(s.to_owned()))
        } else {
            Err(FieldError::new(field, "slug_invalid"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The two kinds of organisation profile. Active citizens act as themselves, without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Cso,
    InformalGroup,
}

impl OrgKind {
    pub const ALL: [OrgKind; 2] = [OrgKind::Cso, OrgKind::InformalGroup];

    pub fn key(self) -> &'static str {
        match self {
            OrgKind::Cso => "cso",
            OrgKind::InformalGroup => "informal_group",
        }
    }

    pub fn parse(field: &'static str, raw: &str) -> Result<OrgKind, FieldError> {
        OrgKind::ALL
            .into_iter()
            .find(|k| k.key() == raw)
            .ok_or(FieldError::new(field, "choice_invalid"))
    }
}

/// Size of an organisation by number of active people; used for the inclusion statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeBand {
    Up5,
    From6To20,
    From21To50,
    Over50,
}

impl SizeBand {
    pub const ALL: [SizeBand; 4] = [
        SizeBand::Up5,
        SizeBand::From6To20,
        SizeBand::From21To50,
        SizeBand::Over50,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SizeBand::Up5 => "up_5",
            SizeBand::From6To20 => "6_20",
            SizeBand::From21To50 => "21_50",
            SizeBand::Over50 => "over_50",
        }
    }

    pub fn parse(field: &'static str, raw: &str) -> Result<SizeBand, FieldError> {
        SizeBand::ALL
            .into_iter()
            .find(|k| k.key() == raw)
            .ok_or(FieldError::new(field, "choice_invalid"))
    }
}

/// Folds a text for searching and comparing: lower case, diacritics removed ("Këshilli" →
/// "keshilli", "Çështja" → "ceshtja"). An explicit map rather than Unicode decomposition: it
/// covers Albanian (ë, ç) and the Latin letters of names the municipality meets (č, š, ž, ğ,
/// ş…), and needs no extra crate. Used by the decisions log, the inputs' search column and the
/// similarity of inputs, so that all three fold alike.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ğ' | 'ģ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ķ' => 'k',
            'ľ' | 'ł' | 'ļ' => 'l',
            'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ŕ' | 'ř' => 'r',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'ť' | 'ţ' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ž' | 'ż' => 'z',
            // Typographic quotes and apostrophes typed either way ("a’" or "a'").
            '’' | '‘' => '\'',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lowercased() {
        let e = Email::parse("email", "  Arber.Cela@Example.ORG ").unwrap();
        assert_eq!(e.as_str(), "arber.cela@example.org");
    }

    #[test]
    fn email_rejects_garbage() {
        for bad in ["", "no-at-sign", "a@b", "a@localhost", "<script>@x.org", "a b@c.org"] {
            assert!(Email::parse("email", bad).is_err(), "{bad}");
        }
        assert_eq!(Email::parse("email", "").unwrap_err().code, "required");
    }

    #[test]
    fn password_policy() {
        assert_eq!(NewPassword::parse("p", "short").unwrap_err().code, "password_too_short");
        assert_eq!(
            NewPassword::parse("p", "password123").unwrap_err().code,
            "password_common"
        );
        assert_eq!(
            NewPassword::parse("p", "PASSWORD123").unwrap_err().code,
            "password_common"
        );
        assert_eq!(
            NewPassword::parse("p", "zzzzzzzzzzzz").unwrap_err().code,
            "password_common"
        );
        // Length counts characters: ten Albanian letters are enough even though they are 20 bytes.
        assert!(NewPassword::parse("p", "ëçëçëçëçëç").is_ok());
        assert!(NewPassword::parse("p", "Qytet-i-hapur-2026").is_ok());
        assert!(format!("{:?}", NewPassword::parse("p", "Qytet-i-hapur-2026").unwrap()).contains("***"));
    }

    #[test]
    fn text_counts_characters() {
        assert!(Text::parse("t", "çççç", true, 4).is_ok());
        assert_eq!(Text::parse("t", "ççççç", true, 4).unwrap_err().code, "too_long");
        assert_eq!(Text::parse("t", "   ", true, 4).unwrap_err().code, "required");
        assert!(Text::parse("t", "   ", false, 4).unwrap().is_empty());
    }

    #[test]
    fn slugs() {
        assert!(Slug::parse("s", "elbasan").is_ok());
        for bad in ["E", "a--b", "-a", "a-", "ël", "a_b"] {
            assert!(Slug::parse("s", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn validate_all_collects_every_error() {
        let errs = validate_all(&[
            Email::parse("email", "x").err(),
            NewPassword::parse("password", "abc").err(),
            Text::parse("name", "ok", true, 10).err(),
        ])
        .unwrap_err();
        assert_eq!(errs.len(), 2);
    }
}
