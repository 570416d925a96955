//! Language packs: a profile's text in one language. The web app embeds each profile in
//! its default language only and fetches the text of another language the first time the
//! user chooses it, so that its first load carries one language, not three (the bundled
//! profile is some 30 KB of gzip in one language and 56 KB in three).
//!
//! A pack is the profile file with every translated text reduced to the chosen language
//! and the default one (the web app embeds the default language's pack, where the two are
//! one). It stays a map (`{en: ..., fr: ...}` or `{en: ...}`), so that the app still knows
//! which text is a fallback and can mark it with its language, and results still name
//! bands in the default language. Everything else (ids, weights, scales, caps...) is kept
//! as it is, so a pack scores exactly as the full file does.
//!
//! This module depends on serde_yaml alone: the build script includes it too, to embed
//! the default language's pack in the web build.

use serde_yaml::{Mapping, Value};

/// The profile `text` with its translated texts in `lang` and the default language only;
/// None when the text is not a YAML mapping with `languages`.
pub fn one_language(text: &str, lang: &str) -> Option<String> {
    let mut doc: Value = serde_yaml::from_str(text).ok()?;
    reduce_to(&mut doc, lang)?;
    serde_yaml::to_string(&doc).ok()
}

/// The pack the web app embeds: `lang` only (normally the default language), and without
/// what the questionnaire does not show: the clauses' text (a paraphrase of each provision,
/// read under "sources cited" and on the Framework page), the descriptions of the profile
/// and its domains, the basis given for thresholds and weights, and the recommendations
/// (on Results and in reports, which the views module draws with the full pack). The full
/// pack of the language, fetched when wanted, brings them back. None as for
/// [`one_language`].
pub fn lite(text: &str, lang: &str) -> Option<String> {
    let mut doc: Value = serde_yaml::from_str(text).ok()?;
    reduce_to(&mut doc, lang)?;
    let map = doc.as_mapping_mut()?;
    map.remove("description");
    if let Some(domains) = map.get_mut("domains").and_then(Value::as_sequence_mut) {
        for d in domains {
            if let Some(d) = d.as_mapping_mut() {
                d.remove("description");
                d.remove("basis");
                let indicators = d.get_mut("indicators").and_then(Value::as_sequence_mut);
                for i in indicators.into_iter().flatten() {
                    if let Some(i) = i.as_mapping_mut() {
                        i.remove("recommendation");
                        // Where a threshold or weight comes from: for the reports and
                        // the profile's readers, not for answering (about 5 KB of gzip).
                        i.remove("basis");
                    }
                }
            }
        }
    }
    for key in ["caps", "scenarios"] {
        if let Some(list) = map.get_mut(key).and_then(Value::as_sequence_mut) {
            for item in list.iter_mut().filter_map(Value::as_mapping_mut) {
                item.remove("basis");
            }
        }
    }
    if let Some(sources) = map.get_mut("sources").and_then(Value::as_sequence_mut) {
        for source in sources {
            let clauses = source
                .as_mapping_mut()
                .and_then(|s| s.get_mut("clauses"))
                .and_then(Value::as_sequence_mut);
            for clause in clauses.into_iter().flatten() {
                if let Some(c) = clause.as_mapping_mut() {
                    c.remove("text");
                    // Where the clause stands in its source: read with its text.
                    c.remove("section");
                }
            }
        }
    }
    serde_yaml::to_string(&doc).ok()
}

/// Versions the web app holds back: it embeds, for each profile id, the newest version not
/// listed here (the command line embeds them all). None today. A version is listed here
/// while the web app cannot yet open what its users hold (a draft of the version before
/// would be stranded); the app carries a draft of an earlier version forward (its Carry
/// forward page) and its pages beyond the questionnaire fetch the earlier versions
/// ([`crate::embedded::LEFT_OUT`]), so a new version goes on the web when it is released.
pub const WEB_HELD_BACK: &[(&str, &str)] = &[];

/// Whether the web build embeds this version of profile `id`, out of the `versions` of
/// that id there are: the newest one not in [`WEB_HELD_BACK`], by semantic version (an
/// unparsable version ranks below every parsable one, then by its text).
pub fn on_the_web(id: &str, version: &str, versions: &[&str]) -> bool {
    newest_not_held(id, version, versions, WEB_HELD_BACK)
}

fn newest_not_held(id: &str, version: &str, versions: &[&str], held: &[(&str, &str)]) -> bool {
    let held = |v: &str| held.contains(&(id, v));
    let rank = |v: &str| {
        let parts: Option<Vec<u64>> = v.split('.').map(|n| n.parse().ok()).collect();
        (parts, v.to_owned())
    };
    !held(version)
        && versions
            .iter()
            .filter(|v| !held(v))
            .max_by_key(|v| rank(v))
            .is_some_and(|newest| *newest == version)
}

/// The profile's languages, the default first; None when the text has no `languages`.
pub fn languages(text: &str) -> Option<Vec<String>> {
    languages_of(&serde_yaml::from_str(text).ok()?)
}

/// The profile's `title` as pairs of language and text, in file order (one pair with an
/// empty language where the title is one plain string); None when it has none. The build
/// script embeds it beside each profile, so that a list of profiles needs no parse.
pub fn title(text: &str) -> Option<Vec<(String, String)>> {
    let doc: Value = serde_yaml::from_str(text).ok()?;
    match doc.get("title")? {
        Value::String(plain) => Some(vec![(String::new(), plain.clone())]),
        Value::Mapping(map) => map
            .iter()
            .map(|(k, v)| Some((k.as_str()?.to_owned(), v.as_str()?.to_owned())))
            .collect(),
        _ => None,
    }
}

fn languages_of(doc: &Value) -> Option<Vec<String>> {
    let languages: Vec<String> = doc
        .get("languages")?
        .as_sequence()?
        .iter()
        .filter_map(|l| l.as_str().map(str::to_owned))
        .collect();
    (!languages.is_empty()).then_some(languages)
}

/// Reduces a parsed profile's texts to `lang` and the default language.
fn reduce_to(doc: &mut Value, lang: &str) -> Option<()> {
    let languages = languages_of(doc)?;
    let default = languages[0].clone();
    reduce(doc, &languages, lang, &default);
    Some(())
}

/// Whether a mapping is a translated text: string keys, all of them languages of the
/// profile, and string values.
fn is_text(map: &Mapping, languages: &[String]) -> bool {
    !map.is_empty()
        && map.iter().all(|(k, v)| {
            k.as_str().is_some_and(|k| languages.iter().any(|l| l == k)) && v.is_string()
        })
}

fn reduce(value: &mut Value, languages: &[String], lang: &str, default: &str) {
    match value {
        // The default language stays beside the chosen one: results name bands in it.
        Value::Mapping(map)
            if is_text(map, languages) && (map.contains_key(default) || map.contains_key(lang)) =>
        {
            map.retain(|k, _| k.as_str() == Some(lang) || k.as_str() == Some(default));
        }
        Value::Mapping(map) => {
            for (_, v) in map.iter_mut() {
                reduce(v, languages, lang, default);
            }
        }
        Value::Sequence(items) => {
            for v in items {
                reduce(v, languages, lang, default);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::one_language;

    #[test]
    fn the_web_takes_the_newest_version_not_held_back() {
        use super::on_the_web;
        let all = ["1.0.0", "1.1.0", "1.10.0", "1.2.0"];
        assert!(
            on_the_web("demo", "1.10.0", &all),
            "1.10.0 is newer than 1.2.0"
        );
        assert!(!on_the_web("demo", "1.2.0", &all));
        assert!(!on_the_web("wco-resilience", "1.0.0", &["1.0.0", "1.1.0"]));
        assert!(on_the_web("wco-resilience", "1.1.0", &["1.0.0", "1.1.0"]));
        // A version held back leaves the one before it on the web.
        use super::newest_not_held;
        let held = [("wco-resilience", "1.1.0")];
        let versions = ["1.0.0", "1.1.0"];
        assert!(newest_not_held("wco-resilience", "1.0.0", &versions, &held));
        assert!(!newest_not_held(
            "wco-resilience",
            "1.1.0",
            &versions,
            &held
        ));
        let versions = ["1.0.0", "1.1.0", "1.2.0"];
        assert!(newest_not_held("wco-resilience", "1.2.0", &versions, &held));
        assert!(!newest_not_held(
            "wco-resilience",
            "1.0.0",
            &versions,
            &held
        ));
        assert!(!newest_not_held(
            "other",
            "1.0.0",
            &["1.0.0", "1.1.0"],
            &held
        ));
    }

    #[test]
    fn texts_keep_one_language_and_fall_back_to_the_default() {
        let text = "languages: [en, fr, es]\ntitle: {en: Title, fr: Titre, es: Título}\nonly: {en: English only}\nplain: Plain\nweights: {en: 2}\nlevels:\n  - {label: {en: Low, fr: Bas, es: Bajo}, score: 0}\n";
        let fr = one_language(text, "fr").unwrap();
        let back: serde_yaml::Value = serde_yaml::from_str(&fr).unwrap();
        assert_eq!(back["title"]["fr"], "Titre");
        assert_eq!(back["title"]["en"], "Title");
        let en = one_language(text, "en").unwrap();
        let en: serde_yaml::Value = serde_yaml::from_str(&en).unwrap();
        assert!(en["title"].get("fr").is_none());
        assert_eq!(en["levels"][0]["label"]["en"], "Low");
        let text = "languages: [en]\ndescription: D\ndomains:\n  - {id: a, description: D, indicators: [{id: a.x, text: Q?}]}\nsources:\n  - {id: S, clauses: [{id: S.1, title: T, text: Body}]}\n";
        let lite: serde_yaml::Value =
            serde_yaml::from_str(&super::lite(text, "en").unwrap()).unwrap();
        assert!(lite.get("description").is_none());
        assert!(lite["domains"][0].get("description").is_none());
        assert_eq!(
            lite["domains"][0]["indicators"][0]["text"], "Q?",
            "questions stay"
        );
        assert!(lite["sources"][0]["clauses"][0].get("text").is_none());
        assert_eq!(lite["sources"][0]["clauses"][0]["title"], "T");
        assert_eq!(back["only"]["en"], "English only");
        assert_eq!(back["plain"], "Plain");
        assert_eq!(back["levels"][0]["label"]["fr"], "Bas");
        assert_eq!(back["languages"][1], "fr", "the list of languages is kept");
        // A map whose values are not texts is not a text, even with language-like keys.
        assert_eq!(back["weights"]["en"], 2);
    }
}
