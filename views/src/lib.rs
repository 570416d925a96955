//! TradeReady's second WebAssembly module: what only the report, compare and workshop pages
//! need (the report page with its SVG charts, compare, aggregate), fetched the first time
//! one of those pages opens, so that the questionnaire's first load does not carry it.
//!
//! It is an adapter, like the web app: files' texts in, the core's report page out. The
//! web app loads and checks the files itself (it lists the ones that fail, in the user's
//! language) and hands over the texts that loaded; this module loads them again through
//! the same pipeline and renders them with the same function as `tradeready report`, so
//! that the page a browser downloads is the command line's, byte for byte.

#![forbid(unsafe_code)]
// Component properties hold Yew handles, which have no Debug.
#![allow(missing_debug_implementations)]

#[cfg(target_arch = "wasm32")]
pub mod pages;

use serde::Deserialize;
use tradeready::load::{Catalogue, Scored};

/// What the web app asks for.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The assessments' texts, in the order given.
    pub files: Vec<String>,
    /// The texts of the user's own profiles.
    #[serde(default)]
    pub profiles: Vec<String>,
    /// The language packs the app holds (`tradeready::pack`): the profiles' text in the
    /// report's language.
    #[serde(default)]
    pub packs: Vec<String>,
    /// The report's language (one of the profile's; its first by default).
    #[serde(default)]
    pub lang: Option<String>,
    /// Neutral labels (A, B, C...) in place of the administrations' names and codes.
    #[serde(default)]
    pub anonymize: bool,
}

/// The report page, or why there is none: each line a message naming its file. The page
/// is `tradeready report`'s, made by the same functions (`tradeready::report::page`).
pub fn render(request: &Request) -> Result<String, Vec<String>> {
    use tradeready::report::page;
    let catalogue = catalogue(request);
    let texts: Vec<&str> = request.files.iter().map(String::as_str).collect();
    let mut files = Vec::with_capacity(texts.len());
    let mut errors = Vec::new();
    for (i, loaded) in page::load(&catalogue, &texts).into_iter().enumerate() {
        errors.extend(loaded.errors().map(|d| d.render(&file_name(i))));
        files.extend(loaded.value);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let Some(first) = files.first() else {
        return Err(vec!["a report needs at least one file".to_owned()]);
    };
    let options = page::Options {
        lang: Some(language(&first.scored, request.lang.as_deref()).to_owned()),
        anonymize: request.anonymize,
    };
    page::render(&files, &options).map_err(|e| {
        vec![match e.file {
            Some(i) => e.diagnostic.render(&file_name(i)),
            None => e.diagnostic.message,
        }]
    })
}

/// How a file of the request is named in a message: by its place.
fn file_name(i: usize) -> String {
    format!("file {}", i + 1)
}

/// The catalogue of the request: the embedded profiles in the packs given, and the user's
/// own, hashed, by the rule of the pages (`logic::available_profiles_hashed`: an own
/// profile with an embedded one's id and version is left out), so that a download is of
/// the profile the page showed.
fn catalogue(request: &Request) -> Catalogue {
    tradeready_web::logic::available_profiles_hashed(&request.profiles, &request.packs, &|t| {
        Some(sha256(t))
    })
    .into_catalogue()
}

/// The SHA-256 of a profile's text in lowercase hex, as the command line hashes a profile
/// file (`cli::read_profile`), so that reports and carried files made here name a profile
/// of the user's own as `tradeready` does.
pub fn sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The action plan of one assessment as `tradeready score --format csv` writes it.
pub fn plan_csv(request: &Request) -> Result<Vec<u8>, Vec<String>> {
    of_one(request, "the action plan", |_, report| {
        Ok(tradeready::report::csv::render(report))
    })
}

/// The workbook of one assessment as `tradeready score --format xlsx` writes it.
pub fn workbook(request: &Request) -> Result<Vec<u8>, Vec<String>> {
    of_one(request, "the workbook", |one, report| {
        tradeready::report::xlsx::render(one, report)
            .map_err(|e| vec![format!("cannot write the workbook: {e}")])
    })
}

/// What `make` makes of the request's one file and its report (in the language asked for,
/// with its adopted actions), as `tradeready score` makes it; `what` names it when the
/// request has more files than one.
fn of_one<T>(
    request: &Request,
    what: &str,
    make: impl FnOnce(&Scored, &tradeready::report::Report) -> Result<T, Vec<String>>,
) -> Result<T, Vec<String>> {
    let scored = load(request)?;
    let [one] = scored.as_slice() else {
        return Err(vec![format!("{what} is of one assessment")]);
    };
    let lang = language(one, request.lang.as_deref());
    let report = tradeready::report::Report::new(&one.profile, &one.scores, lang)
        .with_actions(&one.assessment.actions);
    make(one, &report)
}

/// The language asked for where the profile has it, else the profile's first.
fn language<'a>(scored: &'a Scored, lang: Option<&'a str>) -> &'a str {
    lang.filter(|l| scored.profile.languages.iter().any(|x| x == l))
        .unwrap_or(scored.profile.default_language())
}

/// The request's files, loaded and scored against the profiles it gives.
fn load(request: &Request) -> Result<Vec<Scored>, Vec<String>> {
    let catalogue = catalogue(request);
    let mut scored: Vec<Scored> = Vec::with_capacity(request.files.len());
    let mut errors = Vec::new();
    for (i, text) in request.files.iter().enumerate() {
        let loaded = catalogue.load_assessment(text);
        match loaded.value {
            Some(s) => scored.push(s),
            None => errors.extend(loaded.errors().map(|d| d.render(&file_name(i)))),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(scored)
}

/// The parts of a report page the web app shows in a shadow root: its stylesheet (the
/// page's `body` rules made the shadow host's) and what its body holds.
pub fn parts(html: &str) -> (String, String) {
    let between = |open: &str, close: &str| -> String {
        let Some(start) = html.find(open) else {
            return String::new();
        };
        let rest = &html[start + open.len()..];
        let rest = if open.ends_with('>') {
            rest
        } else {
            rest.split_once('>').map_or("", |(_, r)| r)
        };
        rest.find(close).map_or("", |end| &rest[..end]).to_owned()
    };
    let style = between("<style>", "</style>").replace("body{", ":host{");
    (style, between("<body", "</body>"))
}

/// A bar chart (the web app's model, as JSON) drawn to SVG for a width in CSS pixels, by the
/// same function as the reports' charts.
pub fn bar_chart(chart: &str, width: u32) -> Result<String, String> {
    let chart: tradeready::chart::BarChart = serde_json::from_str(chart)
        .map_err(|e| format!("the chart handed to the views module is malformed: {e}"))?;
    Ok(tradeready::chart::to_svg(&chart, width))
}

#[cfg(target_arch = "wasm32")]
mod bindings {
    use wasm_bindgen::prelude::*;

    /// Mounts a page in `host`: `page` "results", "framework", "workshop", "compare",
    /// "consensus" or "carry", in the interface language `lang`, with the user's own
    /// profiles and the language packs the app holds (JSON arrays of texts), the open
    /// draft's storage id ("" for none) and revision, and for "carry" the assessment to
    /// carry forward (its name, its text, and its draft's storage id or ""); called again,
    /// gives the mounted page new ones. What the page asks of the app goes to it as events
    /// on `host` (see `pages`).
    // Plain values across the module boundary, as `browser::call_views` passes them: a
    // struct would need wasm-bindgen glue on both sides, which costs the app's first load.
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen]
    pub fn mount(
        host: web_sys::Element,
        page: &str,
        lang: &str,
        own: &str,
        packs: &str,
        draft: &str,
        revision: f64,
        carry_name: &str,
        carry_text: &str,
        carry_draft: &str,
    ) {
        use std::rc::Rc;
        use tradeready_web::state::Page;
        let texts =
            |json: &str| Rc::new(serde_json::from_str::<Vec<String>>(json).unwrap_or_default());
        let page = match page {
            "results" => Page::Results,
            "compare" => Page::Compare,
            "framework" => Page::Framework,
            "consensus" => Page::Consensus,
            "carry" => Page::CarryForward,
            _ => Page::Workshop,
        };
        let draft = (!draft.is_empty()).then(|| (draft.to_owned(), revision as u64));
        let lang = tradeready_web::i18n::Lang::from_code(lang).unwrap_or_default();
        crate::pages::mount(
            host.clone(),
            crate::pages::RootProps {
                page,
                lang,
                own: texts(own),
                packs: texts(packs),
                draft,
                host,
                carry: (!carry_text.is_empty()).then(|| {
                    Rc::new(tradeready_web::state::Carry {
                        name: carry_name.to_owned(),
                        text: carry_text.into(),
                        draft: (!carry_draft.is_empty()).then(|| carry_draft.to_owned()),
                    })
                }),
            },
        );
    }

    /// Takes the mounted page away.
    #[wasm_bindgen]
    pub fn unmount() {
        crate::pages::unmount();
    }

    /// The action plan of the one file of a request (JSON) as CSV text, byte-order mark
    /// first; an empty string when there is none.
    #[wasm_bindgen]
    pub fn plan_csv(request: &str) -> String {
        serde_json::from_str::<super::Request>(request)
            .ok()
            .and_then(|r| super::plan_csv(&r).ok())
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default()
    }

    /// The workbook of the one file of a request (JSON) as the bytes of an .xlsx file;
    /// empty when there is none.
    #[wasm_bindgen]
    pub fn workbook(request: &str) -> Vec<u8> {
        serde_json::from_str::<super::Request>(request)
            .ok()
            .and_then(|r| super::workbook(&r).ok())
            .unwrap_or_default()
    }

    /// A bar chart as SVG (see [`super::bar_chart`]); an empty string when the chart is
    /// malformed, which the app then shows as its data table alone.
    #[wasm_bindgen]
    pub fn bar_chart(chart: &str, width: u32) -> String {
        super::bar_chart(chart, width).unwrap_or_default()
    }

    /// The report page for a request (JSON, see [`super::Request`]): an object with `html`
    /// (the page), `style` and `body` (its parts, see [`super::parts`]), or with `errors`
    /// (an array of messages).
    #[wasm_bindgen]
    pub fn report(request: &str) -> js_sys::Object {
        let out = js_sys::Object::new();
        let result = serde_json::from_str::<super::Request>(request)
            .map_err(|e| {
                vec![format!(
                    "the request to the report module is malformed: {e}"
                )]
            })
            .and_then(|r| super::render(&r));
        let set = |name: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&out, &name.into(), value);
        };
        match result {
            Ok(html) => {
                let (style, body) = super::parts(&html);
                set("style", &style.into());
                set("body", &body.into());
                set("html", &html.into());
            }
            Err(errors) => {
                let list: js_sys::Array = errors.into_iter().map(JsValue::from).collect();
                set("errors", &list);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NORTHLAND: &str = include_str!("../../assessments/examples/northland-2025.yaml");

    #[test]
    fn the_page_of_one_file_is_the_command_lines() {
        let page = render(&Request {
            files: vec![NORTHLAND.to_owned()],
            ..Request::default()
        })
        .expect("the example loads");
        // As the command line makes it: `tradeready report` and `score --format html`.
        let files: Vec<_> = tradeready::report::page::load(&Catalogue::embedded(), &[NORTHLAND])
            .into_iter()
            .map(|l| l.value.unwrap())
            .collect();
        let options = tradeready::report::page::Options::default();
        assert_eq!(
            page,
            tradeready::report::page::render(&files, &options).unwrap()
        );
        let scored = &files[0].scored;
        let report = tradeready::report::Report::new(&scored.profile, &scored.scores, "en")
            .with_actions(&scored.assessment.actions);
        assert_eq!(
            page,
            tradeready::report::html::render(&report, &scored.profile, &tradeready::chart::to_svg)
        );
    }

    #[test]
    fn the_workbook_is_report_xlsx_in_the_language_asked_for() {
        // The command line's bytes on the same file are compared in the journey "Results
        // downloads the report, the action plan and the workbook".
        let request = |files: Vec<String>| Request {
            files,
            lang: Some("fr".to_owned()),
            ..Request::default()
        };
        let book = workbook(&request(vec![NORTHLAND.to_owned()])).expect("the example loads");
        assert!(book.starts_with(b"PK\x03\x04"), "a zip");
        // As `report::xlsx` makes it of the French report with its actions.
        let scored = Catalogue::embedded()
            .load_assessment(NORTHLAND)
            .value
            .unwrap();
        let report = tradeready::report::Report::new(&scored.profile, &scored.scores, "fr")
            .with_actions(&scored.assessment.actions);
        assert!(book == tradeready::report::xlsx::render(&scored, &report).unwrap());
        // Two files make no workbook, and say so.
        let two = workbook(&request(vec![NORTHLAND.to_owned(), NORTHLAND.to_owned()]));
        assert_eq!(
            two,
            Err(vec!["the workbook is of one assessment".to_owned()])
        );
    }

    #[test]
    fn an_own_profile_with_an_embedded_id_and_version_is_left_out_as_the_pages_leave_it() {
        // A changed copy of the embedded 1.0.0, loaded as one's own: the pages show the
        // embedded profile (`logic::available_profiles_hashed`), so the download is of it.
        let copy = include_str!("../../assessments/profiles/wco-resilience/1.0.0.yaml").replace(
            "en: WCO trade recovery and resilience readiness",
            "en: A copy of one's own",
        );
        assert!(
            tradeready::load_profile(&copy, Catalogue::embedded().layers())
                .value
                .is_some()
        );
        let with_copy = render(&Request {
            files: vec![NORTHLAND.to_owned()],
            profiles: vec![copy],
            ..Request::default()
        })
        .unwrap();
        assert!(
            !with_copy.contains("A copy of one&#39;s own")
                && !with_copy.contains("A copy of one's own")
        );
        assert_eq!(
            with_copy,
            render(&Request {
                files: vec![NORTHLAND.to_owned()],
                ..Request::default()
            })
            .unwrap()
        );
    }

    #[test]
    fn a_language_the_profile_lacks_gives_its_first() {
        let asked = |lang: &str| {
            render(&Request {
                files: vec![NORTHLAND.to_owned()],
                lang: Some(lang.to_owned()),
                ..Request::default()
            })
            .unwrap()
        };
        assert_eq!(asked("xx"), asked("en"));
        assert_ne!(asked("fr"), asked("en"));
    }

    #[test]
    fn a_file_that_fails_names_its_position() {
        let errors = render(&Request {
            files: vec![NORTHLAND.to_owned(), "kind: assessment\n".to_owned()],
            ..Request::default()
        })
        .unwrap_err();
        assert!(errors.iter().all(|e| e.starts_with("file 2")), "{errors:?}");
        // A mixture the report refuses says why, naming the file.
        let meridia = include_str!("../../assessments/examples/meridia-2025.yaml");
        let northland_2024 = include_str!("../../assessments/examples/northland-2024.yaml");
        let errors = render(&Request {
            files: vec![
                NORTHLAND.to_owned(),
                northland_2024.to_owned(),
                meridia.to_owned(),
            ],
            ..Request::default()
        })
        .unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
    }

    #[test]
    fn parts_are_the_style_and_the_body() {
        let (style, body) = parts(
            "<!doctype html><html><head><style>body{x}p{y}</style></head><body class=\"a\"><p>hi</p></body></html>",
        );
        assert_eq!(style, ":host{x}p{y}");
        assert_eq!(body, "<p>hi</p>");
    }

    #[test]
    fn a_chart_round_trips_through_json() {
        let scored = Catalogue::embedded()
            .load_assessment(NORTHLAND)
            .value
            .unwrap();
        let chart =
            tradeready::report::Report::new(&scored.profile, &scored.scores, "en").domain_chart();
        let svg = bar_chart(&serde_json::to_string(&chart).unwrap(), 600).unwrap();
        assert_eq!(svg, tradeready::chart::to_svg(&chart, 600));
        assert!(bar_chart("{}", 600).is_err());
    }
}
