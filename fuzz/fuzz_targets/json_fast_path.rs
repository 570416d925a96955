//! The JSON fast path of `tradeready validate` (src/parse/json.rs) against the YAML path:
//! whatever it accepts, the YAML path accepts with the very same decoded file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradeready::model::raw;
use tradeready::{FileKind, Layers};

fuzz_target!(|data: &[u8]| {
    let Some(text) = tradeready_fuzz::text(data) else {
        return;
    };
    let Some(fast) = tradeready::parse::json::assessment(text) else {
        return;
    };
    let slow = tradeready::load::decode::<raw::Assessment>(text, FileKind::Assessment, Layers::default());
    match slow {
        Ok(slow) => assert_eq!(fast, slow, "the two paths decoded the file differently"),
        Err(d) => panic!("the fast path accepted what the YAML path refuses: {d:?}"),
    }
});
