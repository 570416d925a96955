//! Diagnostics in the user's language. The core gives each a stable code and the JSON
//! Pointer of the node at fault; the web maps the codes it shows to sentences that name the
//! question by its title in the chosen language. A code it does not know keeps the core's
//! English message, which the page then marks `lang="en"`.

use crate::i18n::Interface;
use crate::i18n::Lang;
use crate::logic::Available;
use tradeready::Diagnostic;
use tradeready::diag::pointer_segments;
use tradeready::model::IndicatorKind;

/// A diagnostic as the user reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Said {
    /// The sentence.
    pub text: String,
    /// Whether it is the core's English message (a code the web does not map).
    pub english: bool,
}

/// Where a diagnostic stands in a file: `FILE:LINE:COLUMN: `, or `FILE: `.
pub fn place(file: &str, d: &Diagnostic) -> String {
    match (d.line, d.column) {
        (Some(line), Some(column)) => format!("{file}:{line}:{column}: "),
        (Some(line), None) => format!("{file}:{line}: "),
        _ => format!("{file}: "),
    }
}

/// The diagnostic in `lang`, naming the question by its title in one of `profiles`.
pub fn said(d: &Diagnostic, lang: Lang, profiles: &[Available]) -> Said {
    match sentence(d, lang, profiles) {
        Some(text) => Said {
            text,
            english: false,
        },
        None => {
            let mut text = d.message.clone();
            for hint in &d.hints {
                text.push_str(" (");
                text.push_str(hint);
                text.push(')');
            }
            Said {
                text,
                english: lang != Lang::En,
            }
        }
    }
}

fn sentence(d: &Diagnostic, lang: Lang, profiles: &[Available]) -> Option<String> {
    let (t, ux, code) = (lang.t(), lang.ux(), lang.code());
    let segments: Vec<String> = pointer_segments(&d.pointer).collect();
    let segment = |i: usize| segments.get(i).map(String::as_str);
    let per_indicator = matches!(segment(0), Some("answers" | "targets"));
    let id = segment(1).filter(|_| per_indicator);
    let found = id.and_then(|id| {
        profiles
            .iter()
            .find_map(|a| a.profile.indicator(id).map(|(_, i)| (a, i)))
    });
    let title = found.map(|(a, i)| i.title.get(code, a.profile.default_language()).to_owned());
    let question = title.clone().or_else(|| id.map(str::to_owned)).map(|q| {
        if segment(0) == Some("targets") {
            ux.target_of.replace("{q}", &q)
        } else {
            q
        }
    });
    let field = match (segment(0), segment(1), segment(2)) {
        (Some("administration"), Some("name"), _) => Some(t.administration.to_owned()),
        (Some("cycle"), ..) => Some(t.cycle.to_owned()),
        (Some("as_of"), ..) => Some(t.as_of.to_owned()),
        (Some("assessors"), ..) => Some(t.assessors.to_owned()),
        (Some("answers"), Some(_), Some("evidence")) => {
            question.as_ref().map(|q| format!("{q} — {}", t.evidence))
        }
        (Some("answers"), Some(_), Some("na")) => {
            question.as_ref().map(|q| format!("{q} — {}", t.reason))
        }
        _ => None,
    };
    let with_q = |s: &str| question.as_ref().map(|q| s.replace("{q}", q));
    match d.code {
        "value-and-na" => with_q(ux.value_and_na),
        "empty-na" => with_q(ux.empty_na),
        "na-on-cap" => with_q(ux.na_on_cap),
        "bad-level" => {
            let levels = match found.map(|(_, i)| &i.kind) {
                Some(IndicatorKind::Scale { levels, .. }) => levels
                    .iter()
                    .map(|l| l.value.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => return None,
            };
            with_q(ux.bad_level).map(|s| s.replace("{l}", &levels))
        }
        "wrong-type" if title.is_some() => with_q(ux.wrong_type),
        "out-of-range" if title.is_some() => with_q(ux.out_of_range),
        "date-form" if title.is_some() => with_q(ux.date_form),
        "date-form" if segment(0) == Some("as_of") => Some(ux.date_form.replace("{q}", t.as_of)),
        "date-after-as-of" => with_q(ux.date_after),
        "date-target" => with_q(ux.date_target),
        "unknown-indicator" => {
            let id = id?;
            let mut text = ux.unknown_indicator.replace("{q}", id);
            if let Some(new) = profiles.iter().find_map(|a| a.profile.replaces.get(id)) {
                text.push(' ');
                text.push_str(&ux.replaced_by.replace("{q}", new));
            }
            Some(text)
        }
        "unknown-field" => segments
            .last()
            .map(|name| ux.unknown_field.replace("{f}", name)),
        "empty-text" => field.map(|f| ux.empty_text.replace("{f}", &f)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::available_profiles;

    fn error(code: &'static str, pointer: &str) -> Diagnostic {
        Diagnostic::error(code, pointer, "the core's message").hint("a hint")
    }

    #[test]
    fn known_codes_name_the_question_by_its_title_in_the_language() {
        let profiles = available_profiles(&[], &[]);
        let d = error("empty-na", "/answers/governance.oga-roles/na");
        let title_fr = profiles[0]
            .profile
            .indicator("governance.oga-roles")
            .unwrap()
            .1
            .title
            .get("fr", "en")
            .to_owned();
        let title_en = profiles[0]
            .profile
            .indicator("governance.oga-roles")
            .unwrap()
            .1
            .title
            .get("en", "en")
            .to_owned();
        assert_ne!(title_fr, title_en, "the profile translates this title");
        assert_eq!(
            said(&d, Lang::Fr, &profiles),
            Said {
                text: format!(
                    "« {title_fr} » est marqué sans objet sans motif : indiquez le motif."
                ),
                english: false
            }
        );
        assert_eq!(
            said(&d, Lang::En, &profiles).text,
            format!("“{title_en}” is marked not applicable without a reason: write the reason.")
        );
        // A level out of the scale lists the levels the question takes; a target says so.
        let d = error("bad-level", "/targets/governance.oga-roles");
        assert_eq!(
            said(&d, Lang::Es, &profiles).text,
            format!(
                "La respuesta a «{title_en_or_es} (meta)» debe ser uno de sus niveles (0, 1, 2, 3, 4).",
                title_en_or_es = profiles[0]
                    .profile
                    .indicator("governance.oga-roles")
                    .unwrap()
                    .1
                    .title
                    .get("es", "en")
            )
        );
    }

    #[test]
    fn fields_unknown_indicators_and_the_header_are_named() {
        let profiles = available_profiles(&[], &[]);
        assert_eq!(
            said(
                &error("unknown-field", "/answers/a.b/evidense"),
                Lang::Fr,
                &profiles
            )
            .text,
            "Champ inconnu « evidense »."
        );
        assert_eq!(
            said(
                &error("unknown-indicator", "/answers/nope.nothing"),
                Lang::En,
                &profiles
            )
            .text,
            "“nope.nothing” is not a question of this profile."
        );
        assert_eq!(
            said(&error("empty-text", "/cycle"), Lang::Es, &profiles).text,
            "«Ciclo de examen» está vacío."
        );
        assert_eq!(
            said(&error("date-form", "/as_of"), Lang::Fr, &profiles).text,
            "« Date de référence » doit être une date réelle, écrite AAAA-MM-JJ."
        );
    }

    #[test]
    fn other_codes_keep_the_cores_english_message_and_hints() {
        let profiles = available_profiles(&[], &[]);
        let d = error("yaml-syntax", "");
        assert_eq!(
            said(&d, Lang::Fr, &profiles),
            Said {
                text: "the core's message (a hint)".into(),
                english: true
            }
        );
        // In English it needs no marking.
        assert!(!said(&d, Lang::En, &profiles).english);
        // A known code without what its sentence needs (no question) falls back too.
        assert!(said(&error("wrong-type", "/administration"), Lang::Es, &profiles).english);
    }

    #[test]
    fn a_place_is_file_line_and_column() {
        let d = Diagnostic::error("x", "", "m").at(15, 12);
        assert_eq!(place("bad.yaml", &d), "bad.yaml:15:12: ");
        assert_eq!(
            place("bad.yaml", &Diagnostic::error("x", "", "m")),
            "bad.yaml: "
        );
    }
}
