//! What the fuzz targets share: one catalogue as the command line builds it (the embedded
//! profiles, plus the demo profiles of tests/data so that small inputs reach scoring), and
//! the splitting of one input into several files.

use std::sync::OnceLock;
use tradeready::Catalogue;

/// The byte that separates files in the input of a multi-file target (merge, report). A
/// NUL byte makes a file binary, which the syntax layer refuses anyway, so no valid file
/// is lost by splitting on it.
pub const SEPARATOR: u8 = 0;

/// At most this many files from one input.
pub const MAX_FILES: usize = 8;

/// The embedded profiles and the demo profiles of tests/data, parsed once per process.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let mut catalogue = Catalogue::embedded();
        for text in [
            include_str!("../../tests/data/profiles/demo.yaml"),
            include_str!("../../tests/data/profiles/demo-1.1.0.yaml"),
        ] {
            let loaded = catalogue.add_text(text);
            assert!(loaded.value.is_some(), "{:?}", loaded.diagnostics);
        }
        catalogue
    })
}

/// The input as text, as the command line reads a file: non-UTF-8 is refused before the
/// core sees it.
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// The input as up to [`MAX_FILES`] texts, split on [`SEPARATOR`]; parts that are not
/// UTF-8 are left out, as the command line refuses them before the core.
pub fn texts(data: &[u8]) -> Vec<&str> {
    data.split(|b| *b == SEPARATOR)
        .take(MAX_FILES)
        .filter_map(|part| std::str::from_utf8(part).ok())
        .collect()
}
