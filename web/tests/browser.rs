//! Tests in a real browser (wasm-bindgen-test in headless Chromium; run with
//! `cargo xtask wasm-test`): the core compiled to wasm gives byte-identical results to the
//! native core, and the app's components render and restore a draft.
#![cfg(target_arch = "wasm32")]

use gloo::storage::Storage;
use tradeready::Catalogue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Each example with the JSON the native core gives for it (tests/data/parity).
const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "examplestan-2024",
        include_str!("../../assessments/examples/examplestan-2024.yaml"),
        include_str!("../../tests/data/parity/examplestan-2024.json"),
    ),
    (
        "examplestan-2025",
        include_str!("../../assessments/examples/examplestan-2025.yaml"),
        include_str!("../../tests/data/parity/examplestan-2025.json"),
    ),
    (
        "meridia-2024",
        include_str!("../../assessments/examples/meridia-2024.yaml"),
        include_str!("../../tests/data/parity/meridia-2024.json"),
    ),
    (
        "meridia-2025",
        include_str!("../../assessments/examples/meridia-2025.yaml"),
        include_str!("../../tests/data/parity/meridia-2025.json"),
    ),
    (
        "northland-2023",
        include_str!("../../assessments/examples/northland-2023.yaml"),
        include_str!("../../tests/data/parity/northland-2023.json"),
    ),
    (
        "northland-2024",
        include_str!("../../assessments/examples/northland-2024.yaml"),
        include_str!("../../tests/data/parity/northland-2024.json"),
    ),
    (
        "northland-2025",
        include_str!("../../assessments/examples/northland-2025.yaml"),
        include_str!("../../tests/data/parity/northland-2025.json"),
    ),
    (
        "meridia-2026",
        include_str!("../../assessments/examples/meridia-2026.yaml"),
        include_str!("../../tests/data/parity/meridia-2026.json"),
    ),
    (
        "northland-2026",
        include_str!("../../assessments/examples/northland-2026.yaml"),
        include_str!("../../tests/data/parity/northland-2026.json"),
    ),
];

/// The web build embeds the newest version only (1.2.1, in its lite pack); 1.0.0, 1.1.0 and
/// 1.2.0 come as the views module has them, their files as released, handed in.
const EARLIER: [&str; 3] = [
    include_str!("../../assessments/profiles/wco-resilience/1.0.0.yaml"),
    include_str!("../../assessments/profiles/wco-resilience/1.1.0.yaml"),
    include_str!("../../assessments/profiles/wco-resilience/1.2.0.yaml"),
];

#[wasm_bindgen_test]
fn wasm_results_are_byte_identical_to_native() {
    assert_eq!(
        tradeready::embedded::PROFILES
            .iter()
            .map(|p| (p.id, p.version))
            .collect::<Vec<_>>(),
        [("wco-resilience", "1.2.1")],
        "the web build embeds the newest version only"
    );
    assert_eq!(
        tradeready::embedded::LEFT_OUT,
        [
            ("wco-resilience", "1.0.0"),
            ("wco-resilience", "1.1.0"),
            ("wco-resilience", "1.2.0")
        ],
        "and names those it leaves out"
    );
    let mut catalogue = Catalogue::embedded();
    for earlier in EARLIER {
        assert!(catalogue.add_text(earlier).value.is_some());
    }
    for (name, yaml, native) in EXAMPLES {
        let scored = catalogue.load_assessment(yaml).value.unwrap();
        let mut json = serde_json::to_string_pretty(&scored.scores).unwrap();
        json.push('\n');
        assert!(
            &json == native,
            "{name}: the wasm result differs from the native one"
        );
    }
}

/// The export name is lower-cased by the browser's toLowerCase, beyond ASCII too, as the
/// native build does it with Rust's tables.
#[wasm_bindgen_test]
fn export_names_are_lower_case_in_the_browser() {
    use tradeready_web::state::{ProfileKey, new_draft};
    let key = ProfileKey {
        id: "p".into(),
        version: "1.0.0".into(),
    };
    let draft = new_draft(
        "d".into(),
        &key,
        "ÉTAT d'Été ΣΟΦΊΑ",
        "",
        "2025/1",
        "2025-06-30",
        None,
    );
    assert_eq!(
        tradeready_web::logic::export_name(&draft, "json"),
        "état-d-été-σοφία-2025-1.json"
    );
}

fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<tradeready_web::app::App>::with_root(root.clone()).render();
    root
}

#[wasm_bindgen_test]
async fn the_start_page_renders() {
    gloo::storage::LocalStorage::clear();
    let root = mount();
    yew::scheduler::flush().await;
    let html = root.inner_html();
    assert!(html.contains("New assessment"), "{html}");
    assert!(
        html.contains("WCO trade recovery and resilience readiness"),
        "the embedded profile is offered"
    );
}

#[wasm_bindgen_test]
async fn a_saved_draft_is_restored_into_the_questionnaire() {
    gloo::storage::LocalStorage::clear();
    // A draft of the version the app embeds.
    let key = tradeready_web::state::ProfileKey {
        id: "wco-resilience".into(),
        version: tradeready::embedded::PROFILES[0].version.into(),
    };
    let mut draft = tradeready_web::state::new_draft(
        "t1".into(),
        &key,
        "Customs of Testland",
        "XT",
        "2026",
        "2026-06-30",
        None,
    );
    draft.assessment.answers.set(
        "governance.oga-roles".into(),
        tradeready::model::raw::Answer {
            value: Some(tradeready::model::AnswerValue::Int(3)),
            na: None,
            evidence: vec!["MoU".into()],
            note: None,
        },
    );
    tradeready_web::storage::save(&draft, None, 1.0, None).unwrap();
    let root = mount();
    yew::scheduler::flush().await;
    let fieldsets = root
        .query_selector_all("fieldset.indicator")
        .unwrap()
        .length();
    assert_eq!(fieldsets, 11, "the governance domain's eleven questions");
    let checked = root
        .query_selector("#governance-oga-roles-level-3")
        .unwrap()
        .unwrap();
    let checked: web_sys::HtmlInputElement = wasm_bindgen::JsCast::dyn_into(checked).unwrap();
    assert!(checked.checked(), "the saved answer is shown");
    assert!(
        root.inner_html().contains("1/11"),
        "progress counts the answer"
    );
}
