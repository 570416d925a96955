//! The blank assessment printed by `tradeready new`: valid YAML that an assessor fills in
//! with an editor, each indicator a commented entry with its question, kind and allowed
//! values.

use crate::model::{IndicatorKind, LocalizedText, Profile};
use std::fmt::Write;

/// What goes in the header of a blank assessment.
#[derive(Clone, Debug)]
pub struct Blank<'a> {
    /// Administration name.
    pub administration: &'a str,
    /// Administration code, if any.
    pub code: Option<&'a str>,
    /// Review cycle label.
    pub cycle: &'a str,
    /// Reference date, YYYY-MM-DD.
    pub as_of: &'a str,
    /// Where editors find the JSON Schema (`# yaml-language-server: $schema=...`).
    pub schema: &'a str,
    /// The language of the comments, one of the profile's (a text the profile lacks in it
    /// falls back to the profile's first language).
    pub lang: &'a str,
}

/// Renders a blank assessment for `profile`, its comments in `blank.lang`.
pub fn blank_assessment(profile: &Profile, blank: &Blank) -> String {
    let lang = Lang {
        lang: blank.lang,
        default: profile.default_language(),
        words: Words::of(blank.lang),
    };
    let words = &lang.words;
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# yaml-language-server: $schema={}", blank.schema);
    let _ = writeln!(
        w,
        "# {} {} {}{}",
        words.against, profile.id, profile.version, words.colon
    );
    let _ = writeln!(w, "#   {}", one_line(lang.text(&profile.title)));
    for line in words.how {
        let _ = writeln!(w, "# {line}");
    }
    let _ = writeln!(w, "kind: assessment");
    let _ = writeln!(w, "format: {}", crate::validate::FORMAT);
    // The hash records which text of the profile the answers are given against.
    let sha256 = profile
        .sha256
        .as_deref()
        .map_or(String::new(), |h| format!(", sha256: {h}"));
    let _ = writeln!(
        w,
        "profile: {{id: {}, version: {}{sha256}}}",
        profile.id,
        quote(&profile.version.to_string())
    );
    let _ = writeln!(w, "administration:");
    let _ = writeln!(w, "  name: {}", quote(blank.administration));
    if let Some(code) = blank.code {
        let _ = writeln!(w, "  code: {}", quote(code));
    }
    let _ = writeln!(w, "cycle: {}", quote(blank.cycle));
    let _ = writeln!(w, "as_of: {}", quote(blank.as_of));
    let _ = writeln!(w, "assessors: []");
    let _ = writeln!(w, "answers:");
    for domain in &profile.domains {
        let _ = writeln!(
            w,
            "\n  # == {} ({}) ==",
            one_line(lang.text(&domain.title)),
            domain.id
        );
        for indicator in &domain.indicators {
            let mut tags = vec![kind_text(&lang, &indicator.kind)];
            if indicator.critical {
                tags.push(words.critical.into());
            }
            let _ = writeln!(w, "\n  # {}", one_line(lang.text(&indicator.text)));
            if let Some(help) = &indicator.help {
                let _ = writeln!(w, "  #   {}", one_line(lang.text(help)));
            }
            let _ = writeln!(w, "  #   {}", tags.join("; "));
            for (level, text) in &indicator.level_descriptors {
                let _ = writeln!(w, "  #     {level}: {}", one_line(lang.text(text)));
            }
            if !indicator.evidence.is_empty() {
                let items: Vec<String> = indicator
                    .evidence
                    .iter()
                    .map(|e| one_line(lang.text(e)))
                    .collect();
                let _ = writeln!(
                    w,
                    "  #   {}{} {}",
                    words.evidence,
                    words.colon,
                    items.join("; ")
                );
            }
            let _ = writeln!(
                w,
                "  # {}: {{value: {}, evidence: []}}",
                indicator.id,
                placeholder(&indicator.kind)
            );
        }
    }
    let _ = writeln!(w, "\n# {}", words.targets);
    let _ = writeln!(w, "targets: {{}}");
    out
}

fn kind_text(lang: &Lang, kind: &IndicatorKind) -> String {
    match kind {
        IndicatorKind::Scale { levels, .. } => {
            let levels: Vec<String> = levels
                .iter()
                .map(|l| format!("{} {}", l.value, lang.text(&l.label)))
                .collect();
            format!("scale: {}", levels.join(" | "))
        }
        IndicatorKind::Boolean => format!("boolean: {}", lang.words.true_or_false),
        IndicatorKind::Ratio { .. } => format!("ratio: {}", lang.words.ratio),
        IndicatorKind::Number {
            unit,
            baseline,
            target,
        } => format!(
            "number{}: {} {baseline}, {} {target}",
            unit.as_ref()
                .map(|u| format!(" {} {}", lang.words.in_unit, lang.text(u)))
                .unwrap_or_default(),
            lang.words.baseline,
            lang.words.target
        ),
        IndicatorKind::Date {
            fresh_days,
            stale_days,
        } => format!(
            "date (YYYY-MM-DD): {}",
            (lang.words.date)(*fresh_days, *stale_days)
        ),
    }
}

/// The language the comments are written in.
struct Lang<'a> {
    lang: &'a str,
    default: &'a str,
    words: Words,
}

/// The template's own words around the profile's texts, in English, French or Spanish (any
/// other language of a profile gets the English ones). Field names and kinds stay English:
/// they are the file format.
struct Words {
    colon: &'static str,
    against: &'static str,
    how: [&'static str; 3],
    critical: &'static str,
    evidence: &'static str,
    targets: &'static str,
    true_or_false: &'static str,
    ratio: &'static str,
    in_unit: &'static str,
    baseline: &'static str,
    target: &'static str,
    date: fn(u32, u32) -> String,
}

impl Words {
    fn of(lang: &str) -> Words {
        match lang {
            "fr" => Words {
                colon: "\u{a0}:",
                against: "Une auto-évaluation TradeReady selon",
                how: [
                    "Décommentez une réponse et donnez sa valeur, ou écrivez `na: <raison>` au lieu de",
                    "`value` quand l'indicateur ne s'applique pas\u{a0}; listez les justificatifs qui l'appuient.",
                    "Vérifiez le fichier avec\u{a0}: tradeready validate FICHIER",
                ],
                critical: "critique",
                evidence: "justificatifs",
                targets: "Les réponses visées au prochain cycle, écrites comme les réponses (pas pour les dates).",
                true_or_false: "true ou false",
                ratio: "une part de 0 à 1 (0.42 pour 42\u{a0}%)",
                in_unit: "en",
                baseline: "référence",
                target: "cible",
                date: |fresh, stale| {
                    format!(
                        "score plein jusqu'à {fresh} jours avant as_of, nul à partir de {stale} jours"
                    )
                },
            },
            "es" => Words {
                colon: ":",
                against: "Una autoevaluación TradeReady según",
                how: [
                    "Quite el comentario de una respuesta y complete su valor, o escriba `na: <motivo>` en lugar de",
                    "`value` cuando el indicador no se aplique; enumere las pruebas que la respaldan.",
                    "Compruebe el archivo con: tradeready validate ARCHIVO",
                ],
                critical: "crítico",
                evidence: "pruebas",
                targets: "Las respuestas previstas para el próximo ciclo, escritas como las respuestas (no para fechas).",
                true_or_false: "true o false",
                ratio: "una proporción de 0 a 1 (0.42 para 42\u{a0}%)",
                in_unit: "en",
                baseline: "línea de base",
                target: "meta",
                date: |fresh, stale| {
                    format!(
                        "puntuación completa hasta {fresh} días antes de as_of, nula desde {stale} días"
                    )
                },
            },
            _ => Words {
                colon: ":",
                against: "A TradeReady assessment against",
                how: [
                    "Uncomment an answer and fill in its value, or write `na: <reason>` instead of",
                    "`value` where the indicator does not apply; list the evidence that supports it.",
                    "Check the file with: tradeready validate FILE",
                ],
                critical: "critical",
                evidence: "evidence",
                targets: "The answers aimed for next cycle, written like answers (not for date indicators).",
                true_or_false: "true or false",
                ratio: "a share from 0 to 1 (0.42 for 42%)",
                in_unit: "in",
                baseline: "baseline",
                target: "target",
                date: |fresh, stale| {
                    format!("full score up to {fresh} days before as_of, none from {stale} days")
                },
            },
        }
    }
}

impl Lang<'_> {
    fn text<'t>(&self, text: &'t LocalizedText) -> &'t str {
        text.get(self.lang, self.default)
    }
}

fn placeholder(kind: &IndicatorKind) -> String {
    match kind {
        IndicatorKind::Scale { levels, .. } => levels
            .first()
            .map(|l| l.value.to_string())
            .unwrap_or_default(),
        IndicatorKind::Boolean => "false".into(),
        IndicatorKind::Ratio { .. } => "0.0".into(),
        IndicatorKind::Number { baseline, .. } => baseline.to_string(),
        IndicatorKind::Date { .. } => "YYYY-MM-DD".into(),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A YAML scalar for `text`, quoted only where YAML needs it.
fn quote(text: &str) -> String {
    crate::parse::to_yaml(&text).trim_end().to_owned()
}
