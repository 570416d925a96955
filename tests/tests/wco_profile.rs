//! The bundled WCO profile is the substance of the product: these tests hold it to the
//! editorial rules of its issue, so that a later edit cannot quietly drop a citation, a
//! translation or the guidance an assessor relies on.

use std::collections::BTreeSet;
use tradeready::model::{LocalizedText, raw};
use tradeready::{Layers, embedded, load_profile};

fn profile() -> (tradeready::Profile, raw::Profile) {
    let found = embedded::latest("wco-resilience").expect("the WCO profile is embedded");
    let loaded = load_profile(found.text, Layers::default());
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let p = loaded.value.unwrap();
    let raw = tradeready::load::decode(
        found.text,
        tradeready::parse::FileKind::Profile,
        Layers::default(),
    )
    .expect("the WCO profile decodes");
    (p, raw)
}

fn has(text: &LocalizedText, lang: &str) -> bool {
    match text {
        LocalizedText::Plain(_) => false,
        LocalizedText::Translated(map) => map.get(lang).is_some_and(|t| !t.trim().is_empty()),
    }
}

fn langs(text: &LocalizedText, required: &[&str], what: &str, problems: &mut Vec<String>) {
    for lang in required {
        if !has(text, lang) {
            problems.push(format!("{what}: no `{lang}` text"));
        }
    }
}

#[test]
fn it_is_listed_and_used_by_default() {
    assert!(
        embedded::PROFILES
            .iter()
            .any(|p| p.id == "wco-resilience" && p.version == "1.0.0")
    );
}

#[test]
fn sizes_are_within_the_brief() {
    let (p, _) = profile();
    let indicators = p.indicators().count();
    assert!(
        (10..=12).contains(&p.domains.len()),
        "{} domains",
        p.domains.len()
    );
    assert!((70..=100).contains(&indicators), "{indicators} indicators");
    assert!(
        (4..=6).contains(&p.scenarios.len()),
        "{} scenarios",
        p.scenarios.len()
    );
    assert_eq!(p.languages, ["en", "fr", "es"]);
}

#[test]
fn every_assessable_clause_is_cited_and_every_indicator_cites_one() {
    let (p, raw) = profile();
    let cited: BTreeSet<&str> = p
        .indicators()
        .flat_map(|(_, i)| i.refs.iter().map(String::as_str))
        .collect();
    let mut uncited = Vec::new();
    let mut clauses = 0;
    for source in &raw.sources {
        for clause in source.clauses.iter().flatten() {
            clauses += 1;
            assert!(
                clause.text.as_ref().is_some_and(|t| !t.is_blank()),
                "{} has no paraphrase",
                clause.id
            );
            if clause.assess && !cited.contains(clause.id.as_str()) {
                uncited.push(clause.id.clone());
            }
        }
    }
    assert_eq!(
        clauses, 177,
        "the five sources hold 177 catalogued provisions"
    );
    assert!(uncited.is_empty(), "uncited: {uncited:?}");
    for (_, i) in p.indicators() {
        assert!(!i.refs.is_empty(), "{} cites no clause", i.id);
    }
    let sources: Vec<&str> = raw.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sources, ["TRG", "PSCG", "RES", "GTFP", "C19"]);
}

#[test]
fn every_indicator_carries_what_an_assessor_needs() {
    let (p, raw) = profile();
    let mut problems = Vec::new();
    for domain in &raw.domains {
        langs(
            &domain.title,
            &["en", "fr", "es"],
            &domain.id,
            &mut problems,
        );
        for i in &domain.indicators {
            let id = &i.id;
            match &i.title {
                Some(t) => langs(
                    t,
                    &["en", "fr", "es"],
                    &format!("{id} title"),
                    &mut problems,
                ),
                None => problems.push(format!("{id}: no title")),
            }
            langs(
                &i.text,
                &["en", "fr", "es"],
                &format!("{id} question"),
                &mut problems,
            );
            if i.help.as_ref().is_none_or(LocalizedText::is_blank) {
                problems.push(format!("{id}: no help"));
            }
            if i.phases.is_empty() {
                problems.push(format!("{id}: no phase"));
            }
            if i.evidence.is_empty() {
                problems.push(format!("{id}: no evidence"));
            }
            if i.recommendation
                .as_ref()
                .is_none_or(LocalizedText::is_blank)
            {
                problems.push(format!("{id}: no recommendation"));
            }
            if i.kind == raw::IndicatorKind::Scale {
                let levels = i.levels.as_ref();
                for level in [0, 2, 4] {
                    match levels.and_then(|l| l.iter().find(|(k, _)| k.0 == level)) {
                        Some((_, text)) => langs(
                            text,
                            &["en", "fr"],
                            &format!("{id} level {level}"),
                            &mut problems,
                        ),
                        None => problems.push(format!("{id}: level {level} not described")),
                    }
                }
            }
        }
    }
    for scenario in &raw.scenarios {
        langs(
            &scenario.title,
            &["en", "fr", "es"],
            &scenario.id,
            &mut problems,
        );
        assert!(
            !scenario.weights.is_empty(),
            "{} weighs nothing",
            scenario.id
        );
    }
    for (_, levels) in raw.scales.iter() {
        for level in &levels.levels {
            langs(
                &level.label,
                &["en", "fr", "es"],
                "scale level",
                &mut problems,
            );
        }
    }
    for band in &raw.bands {
        langs(&band.label, &["en", "fr", "es"], "band", &mut problems);
    }
    for source in &raw.sources {
        langs(
            &source.title,
            &["en", "fr", "es"],
            &source.id,
            &mut problems,
        );
        for clause in source.clauses.iter().flatten() {
            langs(
                &clause.title,
                &["en", "fr", "es"],
                &clause.id,
                &mut problems,
            );
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(p.caps.len() >= 5);
}

#[test]
fn all_five_kinds_are_used_where_the_brief_asks() {
    let (p, _) = profile();
    let kind = |id: &str| {
        p.indicator(id)
            .map(|(_, i)| i.kind.tag())
            .unwrap_or_else(|| panic!("no {id}"))
    };
    use tradeready::model::KindTag;
    assert_eq!(kind("aeo-mra.aeo-coverage"), KindTag::Ratio);
    assert_eq!(kind("aeo-mra.mra-coverage"), KindTag::Ratio);
    assert_eq!(kind("communication.channels-tested"), KindTag::Date);
    assert_eq!(kind("exercises.last-exercise"), KindTag::Date);
    assert_eq!(kind("risk.priority-release"), KindTag::Number);
    let kinds: BTreeSet<String> = p
        .indicators()
        .map(|(_, i)| i.kind.tag().as_str().to_owned())
        .collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
}

#[test]
fn the_activation_mechanism_caps_governance() {
    let (p, _) = profile();
    assert!(p.caps.iter().any(|c| c.indicator == "governance.activation"
        && matches!(&c.limit, tradeready::model::CapLimit::Domain { domain, .. } if domain == "governance")));
}
