//! Embeds the profiles under `assessments/profiles/<id>/<version>.yaml` in the library, so
//! that the command line and the web app work with no files beside them: natively every
//! version, on wasm32 one version per id (src/pack.rs, `on_the_web`).

// A build script reads and writes files by nature; the library's rule does not apply here.
#![allow(clippy::disallowed_methods)]

use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::path::Path;

#[path = "src/pack.rs"]
#[allow(dead_code)]
mod pack;

fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    // Read when the script runs, not when it is compiled: a build script compiled in one
    // clone is reused by another that shares the target folder.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("../assessments/profiles");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    // A library without its profiles would build and then fail in every user's hands, so a
    // missing or empty folder stops the build instead.
    let dirs = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read the profiles in {}: {e}", root.display()));
    for dir in dirs.flatten() {
        println!("cargo:rerun-if-changed={}", dir.path().display());
        let Ok(files) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for file in files.flatten() {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "yaml") {
                println!("cargo:rerun-if-changed={}", path.display());
                let id = dir.file_name().to_string_lossy().into_owned();
                let version = path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                entries.push((id, version, path.canonicalize().unwrap_or(path)));
            }
        }
    }
    assert!(
        !entries.is_empty(),
        "no profile under {}/<id>/<version>.yaml",
        root.display()
    );
    entries.sort();
    // The web app carries one version per profile id (src/pack.rs, WEB_HELD_BACK says
    // which and why); natively every version is embedded, so that old files still load.
    // The others are named in `embedded::LEFT_OUT`.
    let mut left_out = Vec::new();
    if wasm {
        let all = entries.clone();
        let on_the_web = |(id, version, _): &(String, String, std::path::PathBuf)| {
            let versions: Vec<&str> = all
                .iter()
                .filter(|(other, _, _)| other == id)
                .map(|(_, v, _)| v.as_str())
                .collect();
            pack::on_the_web(id, version, &versions)
        };
        let (kept, out): (Vec<_>, Vec<_>) = entries.into_iter().partition(|e| on_the_web(e));
        entries = kept;
        left_out = out
            .into_iter()
            .map(|(id, version, _)| (id, version))
            .collect();
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let mut code = String::from("&[\n");
    for (id, version, path) in &entries {
        let bytes =
            std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        // The hash of the file as released, before its comment lines are left out.
        let sha256: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let text = String::from_utf8(bytes)
            .unwrap_or_else(|e| panic!("{} is not UTF-8: {e}", path.display()));
        let languages = pack::languages(&text)
            .unwrap_or_else(|| panic!("{}: no `languages` list", path.display()));
        let title = pack::title(&text)
            .unwrap_or_else(|| panic!("{}: no `title` of plain strings", path.display()));
        let embedded = out.join(format!("{id}-{version}.yaml"));
        // The web build embeds the default language's lite pack only; each language's full
        // pack is a file of its own, fetched when wanted (src/pack.rs).
        let text = if wasm {
            pack::lite(&text, &languages[0])
                .unwrap_or_else(|| panic!("{}: cannot make its language pack", path.display()))
        } else {
            without_comment_lines(&text)
        };
        // Natively the same text in JSON too, which loads in a tenth of the time
        // (`Catalogue` reads it; a test checks that it gives the very same profile). Empty
        // in the web build, which sends every byte, and when the YAML does not parse (the
        // YAML path then reports why, at run time).
        let json = if wasm {
            String::new()
        } else {
            // Through serde_yaml's own tree, which keeps the order of every mapping.
            serde_yaml::from_str::<serde_yaml::Value>(&text)
                .ok()
                .and_then(|v| serde_json::to_string(&v).ok())
                .unwrap_or_default()
        };
        let embedded_json = out.join(format!("{id}-{version}.json"));
        std::fs::write(&embedded_json, json).expect("OUT_DIR is writable");
        std::fs::write(&embedded, text).expect("OUT_DIR is writable");
        let _ = writeln!(
            code,
            "    EmbeddedProfile {{ id: {id:?}, version: {version:?}, sha256: {sha256:?}, languages: &{languages:?}, title: &{title:?}, text: include_str!({:?}), json: include_str!({:?}) }},",
            embedded.display().to_string(),
            embedded_json.display().to_string()
        );
    }
    code.push(']');
    std::fs::write(out.join("embedded_profiles.rs"), code).expect("OUT_DIR is writable");
    let left_out: String = left_out
        .iter()
        .map(|(id, version)| format!("({id:?}, {version:?}), "))
        .collect();
    std::fs::write(out.join("left_out.rs"), format!("&[{left_out}]")).expect("OUT_DIR is writable");
}

/// The text without its comment lines: they are for the profile's authors, and the web app
/// sends every byte it embeds (1 KB of gzip here). Lines keep their content and order, so
/// the YAML means the same; tests/tests/conformance.rs checks that it does, for each profile
/// (a block scalar could hold a line that starts with `#`).
fn without_comment_lines(text: &str) -> String {
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .flat_map(|line| [line, "\n"])
        .collect()
}
