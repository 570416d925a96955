//! An assessment carried forward, as `tradeready migrate FILE [--to VERSION]` does: to the
//! newest version, and to each version of its profile on offer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = tradeready_fuzz::text(data) else {
        return;
    };
    let catalogue = tradeready_fuzz::catalogue();
    let _ = catalogue.migrate(text, None);
    for to in ["1.0.0", "1.1.0"] {
        if let Some(migrated) = catalogue.migrate(text, Some(to)).value {
            let _ = serde_json::to_string(&migrated.report);
            let _ = serde_yaml::to_string(&migrated.raw);
        }
    }
});
