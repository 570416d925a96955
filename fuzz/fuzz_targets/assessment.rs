//! An assessment through the loading pipeline (syntax, schema, typed decoding, meaning)
//! and scoring, as `tradeready score` does, then every report of `score` rendered.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradeready::report::{self, Report};

fuzz_target!(|data: &[u8]| {
    let Some(text) = tradeready_fuzz::text(data) else {
        return;
    };
    let loaded = tradeready_fuzz::catalogue().load_assessment(text);
    let Some(scored) = loaded.value else {
        return;
    };
    let _ = serde_json::to_string(&scored.scores);
    for lang in &scored.profile.languages {
        let report = Report::new(&scored.profile, &scored.scores, lang.as_str())
            .with_actions(&scored.assessment.actions);
        let _ = report::text::render(&report);
        let _ = report::markdown::render(&report);
        let _ = report::csv::render(&report);
        let _ = report::html::render(&report, &scored.profile, &tradeready::chart::to_svg);
    }
});
