//! Profile text in the page: in the chosen language where the profile gives it, else in the
//! profile's own, and then marked with that language (`lang="en"`), so that a screen reader
//! switches voice.

use tradeready::model::LocalizedText;
use yew::prelude::*;

/// The language a profile text is shown in when it is not `lang`: the profile's default
/// (a plain text is in it), else the first the text is given in.
pub fn fallback(text: &LocalizedText, lang: &str, default: &str) -> Option<String> {
    let given = text.languages();
    let shown = if given.is_empty() || (!given.contains(&lang) && given.contains(&default)) {
        default
    } else if given.contains(&lang) {
        lang
    } else {
        given[0]
    };
    (shown != lang).then(|| shown.to_owned())
}

/// A profile text for the page, marked with its language when it is not `lang`.
pub fn shown(text: &LocalizedText, lang: &str, default: &str) -> Html {
    let words = text.get(lang, default).to_owned();
    match fallback(text, lang, default) {
        Some(other) => html! { <span lang={other}>{ words }</span> },
        None => html! { { words } },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_shown_in_another_language_is_marked() {
        let plain = LocalizedText::from("Plan");
        assert_eq!(fallback(&plain, "fr", "en").as_deref(), Some("en"));
        assert_eq!(fallback(&plain, "en", "en"), None);
        let both: LocalizedText =
            tradeready::parse::decode("{en: Plan, fr: Plan de continuité}").unwrap();
        assert_eq!(fallback(&both, "fr", "en"), None);
        assert_eq!(fallback(&both, "es", "en").as_deref(), Some("en"));
        let french: LocalizedText = tradeready::parse::decode("{fr: Plan}").unwrap();
        assert_eq!(fallback(&french, "es", "en").as_deref(), Some("fr"));
    }
}
