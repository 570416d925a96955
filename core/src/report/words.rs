//! The words of reports in English, French and Spanish: headings, labels, phase names and
//! the sentences that explain caps. Every renderer (the text report, the web app's Results
//! page, the charts) takes its words from here, so that a report reads the same wherever
//! it is shown.
//!
//! Numbers are written in the language's way: a decimal point in English, a decimal comma
//! in French and Spanish, and a space before the percent sign there.

use super::round_half_away;
use crate::model::Phase;
use serde::{Deserialize, Serialize};

/// A language the report's own words (and the web app's interface) exist in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, in the order a switcher lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Es];

    /// The language code used in profiles.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    /// The language from its code, if it is one of the three.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language of a BCP 47 tag such as "fr-CA", if it is one of the three.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::from_code(&tag.get(..2)?.to_ascii_lowercase())
            .filter(|_| tag.len() == 2 || tag.as_bytes()[2] == b'-')
    }

    /// The language's own name.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }

    /// The words of reports in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
            Lang::Es => &ES,
        }
    }

    /// A 0-100 score with one decimal, rounded half away from zero, or the word for
    /// "no score".
    pub fn score(self, score: Option<f64>) -> String {
        match score {
            Some(s) => self.decimal(format!("{:.1}", round_half_away(s, 1))),
            None => self.words().none.to_owned(),
        }
    }

    /// A 0-1 figure as a whole percentage, rounded half away from zero.
    pub fn percent(self, value: f64) -> String {
        let n = round_half_away(value * 100.0, 0);
        match self {
            Lang::En => format!("{n:.0}%"),
            // A narrow no-break space, as French and Spanish typography put before "%".
            Lang::Fr | Lang::Es => format!("{n:.0}\u{202f}%"),
        }
    }

    /// A change of a 0-100 score with one decimal and its sign ("+12.3", "−4.0", "0.0"; a
    /// true minus sign), or the word for "no score".
    pub fn change(self, change: Option<f64>) -> String {
        match change {
            Some(c) => {
                let r = round_half_away(c, 1);
                let text = self.decimal(format!("{:.1}", r.abs()));
                if r > 0.0 {
                    format!("+{text}")
                } else if r < 0.0 {
                    format!("\u{2212}{text}")
                } else {
                    text
                }
            }
            None => self.words().none.to_owned(),
        }
    }

    /// The heat map's words: the header of the administrations' column, and of the
    /// overall's (short, for a narrow column).
    pub fn heat_words(self) -> [&'static str; 2] {
        match self {
            Lang::En => ["Administration", "Overall"],
            Lang::Fr => ["Administration", "Global"],
            Lang::Es => ["Administración", "Global"],
        }
    }

    /// A cap's maximum (0-100), with as many decimals as it has, up to one.
    pub fn max(self, max: f64) -> String {
        self.decimal(round_half_away(max, 1).to_string())
    }

    fn decimal(self, text: String) -> String {
        match self {
            Lang::En => text,
            Lang::Fr | Lang::Es => text.replace('.', ","),
        }
    }

    /// The name of a phase of trade recovery.
    pub fn phase(self, phase: Phase) -> &'static str {
        let names: [&str; 3] = match phase {
            Phase::Prepare => ["Prepare", "Se préparer", "Prepararse"],
            Phase::Respond => ["Respond", "Réagir", "Responder"],
            Phase::Repair => ["Repair", "Réparer", "Reparar"],
            Phase::Reconstitute => ["Reconstitute", "Reconstituer", "Reconstituir"],
            Phase::Resume => ["Resume", "Reprendre", "Reanudar"],
            Phase::Review => ["Review", "Examiner", "Examinar"],
        };
        names[self as usize]
    }

    /// Why a cap holds a score down, as a sentence without its final stop: "Governance is
    /// capped at 50 because Agreed activation mechanism is below 50%".
    pub fn cap_sentence(self, scope: &str, max: &str, indicator: &str, why: &CapWhy) -> String {
        let why = match (self, why) {
            (Lang::En, CapWhy::Missing) => "is not answered".to_owned(),
            (Lang::En, CapWhy::Below(p)) => format!("is below {p}"),
            (Lang::Fr, CapWhy::Missing) => "n'a pas de réponse".to_owned(),
            (Lang::Fr, CapWhy::Below(p)) => format!("est en dessous de {p}"),
            (Lang::Es, CapWhy::Missing) => "no tiene respuesta".to_owned(),
            (Lang::Es, CapWhy::Below(p)) => format!("está por debajo del {p}"),
        };
        match self {
            Lang::En => format!("{scope} is capped at {max} because {indicator} {why}"),
            // "Plafonné" and "limitado" would have to agree with the domain's gender: the
            // sentence is built so that nothing does.
            Lang::Fr => format!("{scope}\u{a0}: plafond de {max}, car « {indicator} » {why}"),
            Lang::Es => format!("{scope}: límite de {max}, porque «{indicator}» {why}"),
        }
    }

    /// "provisional — 80% of indicators answered".
    pub fn provisional(self, completeness: f64) -> String {
        let p = self.percent(completeness);
        match self {
            Lang::En => format!("provisional — {p} of indicators answered"),
            Lang::Fr => format!("provisoire — {p} des indicateurs renseignés"),
            Lang::Es => format!("provisional — {p} de los indicadores respondidos"),
        }
    }

    /// "Action plan (12 gaps, highest priority first)".
    pub fn action_plan_heading(self, gaps: usize) -> String {
        match self {
            Lang::En => format!("Action plan ({gaps} gaps, highest priority first)"),
            Lang::Fr => format!("Plan d'action ({gaps} écarts, par priorité décroissante)"),
            Lang::Es => format!("Plan de acción ({gaps} brechas, de mayor a menor prioridad)"),
        }
    }

    /// "(10 answered, 1 not applicable, 2 missing of 13)".
    pub fn counts(self, answered: usize, na: usize, missing: usize, all: usize) -> String {
        match self {
            Lang::En => {
                format!("{answered} answered, {na} not applicable, {missing} missing of {all}")
            }
            Lang::Fr => {
                format!("{answered} renseignés, {na} sans objet, {missing} manquants sur {all}")
            }
            Lang::Es => format!(
                "{answered} respondidos, {na} no aplicables, {missing} sin respuesta de {all}"
            ),
        }
    }
}

/// Why a cap fired, for [`Lang::cap_sentence`]: missing, or below a threshold already
/// written as a percentage.
#[derive(Clone, Debug, PartialEq)]
pub enum CapWhy {
    /// The indicator is not answered.
    Missing,
    /// The indicator scores below this share.
    Below(String),
}

/// The fixed words of a report.
#[allow(missing_docs)]
#[derive(Debug)]
pub struct Words {
    pub cycle: &'static str,
    pub as_of: &'static str,
    pub profile: &'static str,
    pub overall: &'static str,
    pub domains: &'static str,
    /// Above a chart wider than a phone's screen, which then scrolls sideways.
    pub swipe: &'static str,
    pub domain: &'static str,
    pub phases: &'static str,
    pub scenarios: &'static str,
    pub completeness: &'static str,
    pub evidence_coverage: &'static str,
    pub caps_holding: &'static str,
    pub action_plan: &'static str,
    pub priority: &'static str,
    pub now: &'static str,
    pub target: &'static str,
    pub critical: &'static str,
    pub capped: &'static str,
    pub score: &'static str,
    pub band: &'static str,
    pub refs: &'static str,
    pub recommendation: &'static str,
    pub unanswered: &'static str,
    pub overall_scope: &'static str,
    /// Where a score cannot be computed.
    pub none: &'static str,
    /// Between a label and its value (French puts a space before the colon).
    pub colon: &'static str,
    pub id: &'static str,
    pub indicator: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub status: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub report_title: &'static str,
    pub evidence: &'static str,
    pub adopted: &'static str,
}

static EN: Words = Words {
    cycle: "cycle",
    as_of: "as of",
    profile: "Profile",
    overall: "Overall readiness",
    domains: "Domain scores",
    swipe: "The chart scrolls sideways →",
    domain: "Domain",
    phases: "Readiness by phase",
    scenarios: "Readiness by scenario",
    completeness: "Completeness",
    evidence_coverage: "Evidence coverage",
    caps_holding: "Caps holding scores down",
    action_plan: "Action plan",
    priority: "Priority",
    now: "now",
    target: "target",
    critical: "critical",
    capped: "capped",
    score: "Score",
    band: "Band",
    refs: "refs",
    recommendation: "Recommendation",
    unanswered: "Not answered yet",
    overall_scope: "The overall score",
    none: "n/a",
    colon: ": ",
    id: "Id",
    indicator: "Indicator",
    owner: "Owner",
    due: "Due",
    status: "Status",
    yes: "yes",
    no: "no",
    report_title: "Trade recovery readiness report",
    evidence: "Evidence",
    adopted: "Adopted",
};

static FR: Words = Words {
    cycle: "cycle",
    as_of: "au",
    profile: "Profil",
    overall: "Préparation globale",
    domains: "Scores par domaine",
    swipe: "Le graphique défile de côté →",
    domain: "Domaine",
    phases: "Préparation par phase",
    scenarios: "Préparation par scénario",
    completeness: "Complétude",
    evidence_coverage: "Couverture par des justificatifs",
    caps_holding: "Plafonds qui retiennent les scores",
    action_plan: "Plan d'action",
    priority: "Priorité",
    now: "actuel",
    target: "cible",
    critical: "critique",
    capped: "plafonné",
    score: "Score",
    band: "Niveau",
    refs: "réf.",
    recommendation: "Recommandation",
    unanswered: "Pas encore renseignés",
    overall_scope: "Le score global",
    none: "s.o.",
    colon: "\u{a0}: ",
    id: "Identifiant",
    indicator: "Indicateur",
    owner: "Responsable",
    due: "Échéance",
    status: "État",
    yes: "oui",
    no: "non",
    report_title: "Rapport de préparation à la reprise des échanges",
    evidence: "Justificatifs",
    adopted: "Adopté",
};

static ES: Words = Words {
    cycle: "ciclo",
    as_of: "al",
    profile: "Perfil",
    overall: "Preparación global",
    domains: "Puntuación por dominio",
    swipe: "El gráfico se desplaza de lado →",
    domain: "Dominio",
    phases: "Preparación por fase",
    scenarios: "Preparación por escenario",
    completeness: "Completitud",
    evidence_coverage: "Cobertura de evidencias",
    caps_holding: "Límites que frenan las puntuaciones",
    action_plan: "Plan de acción",
    priority: "Prioridad",
    now: "actual",
    target: "meta",
    critical: "crítico",
    capped: "limitado",
    score: "Puntuación",
    band: "Nivel",
    refs: "ref.",
    recommendation: "Recomendación",
    unanswered: "Aún sin respuesta",
    overall_scope: "La puntuación global",
    none: "n/d",
    colon: ": ",
    id: "Identificador",
    indicator: "Indicador",
    owner: "Responsable",
    due: "Plazo",
    status: "Estado",
    yes: "sí",
    no: "no",
    report_title: "Informe de preparación para la recuperación del comercio",
    evidence: "Evidencias",
    adopted: "Adoptado",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_come_from_codes_and_tags() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("es"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de-DE"), None);
        assert_eq!(Lang::from_tag("frr"), None);
        assert_eq!(Lang::from_tag("f"), None);
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(Lang::En.score(Some(61.25)), "61.3");
        assert_eq!(Lang::Fr.score(Some(61.25)), "61,3");
        assert_eq!(Lang::Es.score(Some(-0.04)), "0,0");
        assert_eq!(Lang::En.score(None), "n/a");
        assert_eq!(Lang::Fr.score(None), "s.o.");
        assert_eq!(Lang::En.percent(0.455), "46%");
        assert_eq!(Lang::Fr.percent(0.455), "46\u{202f}%");
        assert_eq!(Lang::En.max(50.0), "50");
        assert_eq!(Lang::En.change(Some(12.25)), "+12.3");
        assert_eq!(Lang::Fr.change(Some(-4.0)), "\u{2212}4,0");
        assert_eq!(Lang::Es.change(Some(-0.04)), "0,0");
        assert_eq!(Lang::En.change(None), "n/a");
        assert_eq!(Lang::Es.max(42.5), "42,5");
    }

    #[test]
    fn caps_are_explained_in_each_language() {
        let below = CapWhy::Below(Lang::En.percent(0.5));
        assert_eq!(
            Lang::En.cap_sentence("Governance", "50", "Agreed activation mechanism", &below),
            "Governance is capped at 50 because Agreed activation mechanism is below 50%"
        );
        assert_eq!(
            Lang::Fr.cap_sentence(
                "Gouvernance",
                "50",
                "Mécanisme d'activation",
                &CapWhy::Missing
            ),
            "Gouvernance\u{a0}: plafond de 50, car « Mécanisme d'activation » n'a pas de réponse"
        );
        assert!(
            Lang::Es
                .cap_sentence("G", "40", "X", &CapWhy::Missing)
                .contains("no tiene respuesta")
        );
    }

    #[test]
    fn every_phase_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            for phase in Phase::ALL {
                assert!(!lang.phase(phase).is_empty());
            }
        }
        assert_eq!(Lang::Fr.phase(Phase::Review), "Examiner");
    }
}
