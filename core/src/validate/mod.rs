//! The meaning layer: lowering raw files into checked model types.
//!
//! Every rule of DESIGN.md "Validation" that a JSON Schema cannot express lives here, and
//! every broken rule becomes a [`Diagnostic`] with the JSON Pointer of the node at fault.
//! Lowering never stops at the first problem, and never returns a half-built value: either
//! the whole file is valid, or the caller gets every error found.

mod assessment;
mod indicators;
mod migrations;
mod profile;

pub use assessment::{is_sha256, short_hash};

use crate::diag::{Diagnostic, has_errors, pointer_push};
use crate::model::raw;
use crate::model::{Assessment, LocalizedText, Profile};
use time::{Date, Month};

/// The file-format major version this build reads.
pub const FORMAT: u32 = 1;

/// Result of lowering: the checked value (when there is no error) and every diagnostic,
/// warnings included.
pub type Lowered<T> = (Option<T>, Vec<Diagnostic>);

/// Checks a decoded profile and lowers it.
pub fn lower_profile(raw: raw::Profile) -> Lowered<Profile> {
    let mut c = Checker::default();
    let profile = c.profile(raw);
    let diags = c.diags;
    if has_errors(&diags) {
        (None, diags)
    } else {
        (Some(profile), diags)
    }
}

/// Checks a decoded assessment against its profile and lowers it.
pub fn lower_assessment(raw: &raw::Assessment, profile: &Profile) -> Lowered<Assessment> {
    let mut c = Checker {
        languages: profile.languages.clone(),
        ..Checker::default()
    };
    let assessment = c.assessment(raw, profile);
    let diags = c.diags;
    match assessment {
        Some(a) if !has_errors(&diags) => (Some(a), diags),
        _ => (None, diags),
    }
}

/// An answer value checked against an indicator outside any file (a migration choosing
/// among merged answers): the checked value, or `None` when the indicator cannot take it.
pub fn check_value(
    value: &crate::model::AnswerValue,
    indicator: &crate::model::Indicator,
    as_of: Option<Date>,
) -> Option<crate::model::Value> {
    Checker::default().value(value, indicator, &String::new, as_of, false)
}

/// Parses a date written `YYYY-MM-DD`, and only that.
pub fn parse_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let year: i32 = text[0..4].parse().ok()?;
    let month: u8 = text[5..7].parse().ok()?;
    let day: u8 = text[8..10].parse().ok()?;
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// Whether `id` is of the form `[a-z0-9-]+`.
pub fn is_simple_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `id` is one or more `[a-z0-9-]+` parts joined by dots (`governance.oga-roles`).
pub fn is_indicator_id(id: &str) -> bool {
    id.split('.').all(is_simple_id)
}

#[derive(Default)]
struct Checker {
    diags: Vec<Diagnostic>,
    languages: Vec<String>,
    /// What the checks under way are about (``indicator `exercises.last-test` ``, ``scale
    /// `maturity` ``...): every message is prefixed with it, so that an error names the
    /// thing it is about and not only its pointer.
    context: Option<String>,
}

impl Checker {
    /// Runs `check` with every message about `what`, then goes back to the context before.
    fn about<R>(&mut self, what: String, check: impl FnOnce(&mut Self) -> R) -> R {
        let outer = self.context.replace(what);
        let result = check(self);
        self.context = outer;
        result
    }

    /// The message prefixed with the current context, if any.
    fn in_context(&self, message: impl Into<String>) -> String {
        let message = message.into();
        match &self.context {
            Some(what) => format!("{what}: {message}"),
            None => message,
        }
    }

    fn error(
        &mut self,
        code: &'static str,
        pointer: &str,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let message = self.in_context(message);
        self.diags.push(Diagnostic::error(code, pointer, message));
        self.diags.last_mut().expect("just pushed")
    }

    /// An error about an unknown name, with the closest known one as a hint.
    fn error_with_suggestion<'a>(
        &mut self,
        code: &'static str,
        pointer: &str,
        message: String,
        wanted: &str,
        known: impl Iterator<Item = &'a str>,
    ) -> &mut Diagnostic {
        let hint = closest(wanted, known);
        let d = self.error(code, pointer, message);
        if let Some(h) = hint {
            d.hints.push(format!("did you mean `{h}`?"));
        }
        d
    }

    fn warning(&mut self, code: &'static str, pointer: &str, message: impl Into<String>) {
        let message = self.in_context(message);
        self.diags.push(Diagnostic::warning(code, pointer, message));
    }

    fn format(&mut self, format: u32) {
        if format != FORMAT {
            self.error(
                "format",
                "/format",
                format!("format {format} is not supported: this version of TradeReady reads format {FORMAT}"),
            )
            .hints
            .push("a newer TradeReady may read this file".into());
        }
    }

    fn simple_id(&mut self, id: &str, pointer: &str, what: &str) {
        if !is_simple_id(id) {
            self.error(
                "id-form",
                pointer,
                format!(
                    "{what} id {id:?} must be lowercase letters, digits and dashes ([a-z0-9-]+)"
                ),
            );
        }
    }

    fn version(&mut self, version: &raw::Profile, pointer: &str) -> semver::Version {
        self.semver(version.version.as_str(), pointer)
    }

    fn semver(&mut self, text: &str, pointer: &str) -> semver::Version {
        match semver::Version::parse(text) {
            Ok(v) => v,
            Err(_) => {
                self.error(
                    "version-form",
                    pointer,
                    format!("version {text:?} is not a semantic version such as 1.0.0"),
                );
                semver::Version::new(0, 0, 0)
            }
        }
    }

    /// Checks a text: not blank when required, languages declared, default language present.
    fn text(&mut self, text: &LocalizedText, pointer: &str, what: &str) {
        if text.is_blank() {
            self.error("empty-text", pointer, format!("{what} is empty"));
            return;
        }
        if let LocalizedText::Translated(map) = text {
            for (lang, value) in map.iter() {
                if !self.languages.iter().any(|l| l == lang) {
                    self.error(
                        "unknown-language",
                        &pointer_push(pointer, lang),
                        format!(
                            "language `{lang}` is not among the profile's languages [{}]",
                            self.languages.join(", ")
                        ),
                    );
                } else if value.trim().is_empty() {
                    self.error(
                        "empty-text",
                        &pointer_push(pointer, lang),
                        format!("{what} is empty in `{lang}`"),
                    );
                }
            }
            if let Some(default) = self.languages.first()
                && map.get(default.as_str()).is_none()
            {
                let default = default.clone();
                self.error(
                    "missing-translation",
                    pointer,
                    format!("{what} has no text in `{default}`, the profile's default language"),
                );
            }
        }
    }

    fn unit_interval(&mut self, value: f64, pointer: &str, what: &str) {
        if !(0.0..=1.0).contains(&value) {
            self.error(
                "out-of-range",
                pointer,
                format!("{what} {value} is outside [0, 1]"),
            );
        }
    }

    fn positive(&mut self, value: f64, pointer: &str, what: &str) {
        if !(value.is_finite() && value > 0.0) {
            self.error(
                "not-positive",
                pointer,
                format!("{what} must be a number greater than 0, found {value}"),
            );
        }
    }

    fn unknown_indicator(
        &mut self,
        id: &str,
        ptr: &str,
        index: &crate::model::Index,
    ) -> &mut Diagnostic {
        self.error_with_suggestion(
            "unknown-indicator",
            ptr,
            format!("`{id}` is not an indicator of the profile"),
            id,
            index.keys().map(String::as_str),
        )
    }
}

/// The candidate closest to `wanted`, if one is close enough to be a likely typo.
fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::levenshtein(wanted, c), c))
        .filter(|(d, _)| *d <= 3.max(wanted.len() / 5))
        .min()
        .map(|(_, c)| c)
}

/// Whether a text answer is a yes or a no in words (English, French or Spanish), in any
/// case. Compared without str::to_lowercase, whose Unicode tables would cost the web app
/// 7 KB; "sí" is the one word here beyond ASCII.
fn says_yes_or_no(text: &str) -> bool {
    ["yes", "no", "y", "n", "oui", "non", "si"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(text))
        || ["sí", "Sí", "SÍ"].contains(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_in_words() {
        for word in ["yes", "No", "Y", "OUI", "non", "si", "Sí", "SÍ"] {
            assert!(says_yes_or_no(word), "{word}");
        }
        for word in ["yess", "maybe", "true", "", "ja"] {
            assert!(!says_yes_or_no(word), "{word}");
        }
    }

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "2024-2-01",
            "24-02-01",
            "2024/02/01",
            "2024-13-01",
            "2024-02-01T00:00",
            "",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn id_forms() {
        assert!(is_simple_id("wco-resilience"));
        assert!(!is_simple_id("WCO"));
        assert!(!is_simple_id("a.b"));
        assert!(is_indicator_id("governance.oga-roles"));
        assert!(!is_indicator_id("governance..x"));
        assert!(!is_indicator_id(".x"));
    }

    #[test]
    fn closest_suggests_typos_only() {
        let ids = ["governance.oga-roles", "exercises.last-test"];
        assert_eq!(
            closest("governance.oga-role", ids.into_iter()),
            Some("governance.oga-roles")
        );
        assert_eq!(closest("something.else", ids.into_iter()), None);
    }
}
