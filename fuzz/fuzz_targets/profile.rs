//! A profile through the loading pipeline, as `tradeready validate PROFILE` and
//! `--profile FILE` take it: `Catalogue::load` (either kind), then added to a catalogue.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradeready::Catalogue;

fuzz_target!(|data: &[u8]| {
    let Some(text) = tradeready_fuzz::text(data) else {
        return;
    };
    let _ = tradeready_fuzz::catalogue().load(text);
    let mut catalogue = Catalogue::empty();
    let _ = catalogue.add_text(text);
});
