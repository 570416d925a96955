//! Several respondents' files merged, as `tradeready merge` does: each loaded and scored
//! through the pipeline, then merged under every rule, written as YAML and JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradeready::merge::{Resolve, merge};

fuzz_target!(|data: &[u8]| {
    let catalogue = tradeready_fuzz::catalogue();
    let scored: Vec<_> = tradeready_fuzz::texts(data)
        .into_iter()
        .filter_map(|text| catalogue.load_assessment(text).value)
        .collect();
    if scored.is_empty() {
        return;
    }
    let files: Vec<_> = scored.iter().collect();
    for resolve in [Resolve::None, Resolve::Lowest, Resolve::Median] {
        if let Ok(consensus) = merge(&files, resolve) {
            let _ = consensus.to_yaml();
            let _ = serde_json::to_string(&consensus.report);
        }
    }
});
