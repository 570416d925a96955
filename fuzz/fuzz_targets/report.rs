//! The page of `tradeready report` over one or several files: `page::load` (decoded,
//! carried to the newest version among them, checked, scored), then `page::render`, with
//! and without neutral labels.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradeready::report::page;

fuzz_target!(|data: &[u8]| {
    let texts = tradeready_fuzz::texts(data);
    if texts.is_empty() {
        return;
    }
    let loaded = page::load(tradeready_fuzz::catalogue(), &texts);
    if loaded.iter().any(|l| l.is_invalid()) {
        return;
    }
    let files: Vec<_> = loaded.into_iter().filter_map(|l| l.value).collect();
    for anonymize in [false, true] {
        let options = page::Options {
            lang: None,
            anonymize,
        };
        let _ = page::render(&files, &options);
    }
});
