//! Reading text: the YAML syntax layer and typed decoding.
//!
//! The YAML parser (serde_yaml) is used here and in [`crate::load`], which hands the tree
//! parsed here from one layer to the next; everything else sees raw model types and
//! [`Diagnostic`]s with 1-based lines and columns. JSON is read here too, being YAML.
//!
//! Positions of nodes that are found wrong later (by the JSON Schema or by the meaning
//! checks) are recovered by [`locate`] from their JSON Pointers, with serde_yaml's own
//! error marks (see the `locate` module). It runs only when there is something to report.

#[cfg(not(target_arch = "wasm32"))]
pub mod json;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod json_doc;
mod locate;
mod tree;

use crate::diag::Diagnostic;
use serde::de::DeserializeOwned;

/// The largest file accepted, in bytes. The bundled profile is about a hundredth of this;
/// the limit keeps a mistaken upload (a 30 MB spreadsheet export) from freezing a browser tab.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// What a file says it is, by its `kind` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `kind: profile`.
    Profile,
    /// `kind: assessment`.
    Assessment,
}

impl FileKind {
    /// The value of `kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Profile => "profile",
            FileKind::Assessment => "assessment",
        }
    }
}

/// The YAML syntax layer: size, binary content, YAML well-formedness, one document, no
/// duplicate keys, bounded nesting and alias expansion. Returns the document as a generic
/// tree for the JSON Schema layer.
pub fn syntax(text: &str) -> Result<serde_yaml::Value, Diagnostic> {
    precheck(text)?;
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| {
        let d = yaml_error(&e);
        // The reader's errors (a control character) name a byte offset, and serde_yaml
        // places them at 1:1: the line and column come from the offset.
        if d.code == "yaml-syntax"
            && let Some((message, offset)) = reader_offset(&d.message)
        {
            let (line, column) = line_column(text, offset);
            return Diagnostic::error("yaml-syntax", "", message).at(line, column);
        }
        // serde_yaml places a duplicate key at the start of its mapping; point at the
        // second occurrence instead, which is what the author has to delete.
        match (d.code, locate::first_duplicate(text)) {
            ("duplicate-key", Some((pointer, (line, column)))) => Diagnostic::error(
                "duplicate-key",
                pointer.clone(),
                format!(
                    "duplicate key: `{}` appears twice in the same mapping",
                    unescape_last(&pointer)
                ),
            )
            .at(line, column),
            _ => d,
        }
    })?;
    if value.is_null() {
        return Err(Diagnostic::error(
            "empty",
            "",
            "the file holds no data: expected a profile or an assessment",
        ));
    }
    Ok(value)
}

/// The message and byte offset of a YAML reader error ("... at position 2828").
fn reader_offset(message: &str) -> Option<(String, usize)> {
    let (head, offset) = message.rsplit_once(" at position ")?;
    Some((head.to_owned(), offset.trim().parse().ok()?))
}

/// Reads `kind` from a document that passed [`syntax`].
pub fn kind_of(value: &serde_yaml::Value) -> Result<FileKind, Diagnostic> {
    if !value.is_mapping() {
        return Err(Diagnostic::error(
            "not-a-mapping",
            "",
            "expected a mapping with `kind: profile` or `kind: assessment` at the top level",
        ));
    }
    match value.get("kind") {
        Some(serde_yaml::Value::String(s)) if s == "profile" => Ok(FileKind::Profile),
        Some(serde_yaml::Value::String(s)) if s == "assessment" => Ok(FileKind::Assessment),
        Some(other) => Err(Diagnostic::error(
            "unknown-kind",
            "/kind",
            format!(
                "unknown kind {}: expected `profile` or `assessment`",
                describe_yaml(other)
            ),
        )),
        None => Err(Diagnostic::error(
            "missing-kind",
            "",
            "missing field `kind`: expected `kind: profile` or `kind: assessment`",
        )),
    }
}

/// Typed decoding of a whole file into a raw model type. Stops at the first problem, which
/// is reported with its position and its path in the document.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, Diagnostic> {
    decode_tree(text, &syntax(text)?)
}

/// Typed decoding of the tree of a document that passed [`syntax`]; its text places the
/// error. A problem of the whole document (a missing top-level field) gets no position.
pub fn decode_tree<T: DeserializeOwned>(
    text: &str,
    value: &serde_yaml::Value,
) -> Result<T, Diagnostic> {
    tree::decode(value).map_err(|failure| {
        let mut d = yaml_error(&failure.error);
        if !failure.pointer.is_empty() {
            if let Some((line, column)) = locate::find(text, &failure.pointer, failure.at_key) {
                d = d.at(line, column);
            }
            // Named as the schema layer names its nodes, before the message.
            d.message = format!("{}: {}", failure.pointer, d.message);
        }
        if failure.at_key && failure.error.to_string().starts_with("unknown field") {
            // The schema layer's code for the same problem.
            d.code = "unknown-field";
        }
        d.pointer = failure.pointer;
        d
    })
}

/// As [`decode_tree`], except that an unknown field does not hide the next: each one is
/// reported (up to 50) and the tree decoded again without it, until another problem, which
/// ends the list, or the end of the document. (The JSON Schema layer, where it runs, lists
/// them all before this; in the browser this is what lists them.)
pub fn decode_tree_all<T: DeserializeOwned>(
    text: &str,
    value: &serde_yaml::Value,
) -> Result<T, Vec<Diagnostic>> {
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut pruned: Option<serde_yaml::Value> = None;
    loop {
        match decode_tree::<T>(text, pruned.as_ref().unwrap_or(value)) {
            Ok(v) if found.is_empty() => return Ok(v),
            Ok(_) => return Err(found),
            Err(d) => {
                let go_on = d.code == "unknown-field" && found.len() < 50;
                let pointer = d.pointer.clone();
                if go_on {
                    // In the file's order (decoding meets nested fields last); by hand, as
                    // a sort would cost the web app more.
                    let at = found
                        .iter()
                        .position(|f| (f.line, f.column) > (d.line, d.column))
                        .unwrap_or(found.len());
                    found.insert(at, d);
                } else {
                    // The problem that ends the list comes last.
                    found.push(d);
                }
                let tree = pruned.get_or_insert_with(|| value.clone());
                if !go_on || !remove_key(tree, &pointer) {
                    return Err(found);
                }
            }
        }
    }
}

/// Removes the mapping entry whose key the pointer names; false when there is none.
fn remove_key(tree: &mut serde_yaml::Value, pointer: &str) -> bool {
    let segments: Vec<String> = crate::diag::pointer_segments(pointer).collect();
    let Some((last, path)) = segments.split_last() else {
        return false;
    };
    let mut node = tree;
    for segment in path {
        let next = match node {
            serde_yaml::Value::Mapping(m) => m.get_mut(segment.as_str()),
            serde_yaml::Value::Sequence(items) => {
                segment.parse::<usize>().ok().and_then(|i| items.get_mut(i))
            }
            _ => None,
        };
        let Some(next) = next else {
            return false;
        };
        node = next;
    }
    match node {
        serde_yaml::Value::Mapping(m) => m.remove(last.as_str()).is_some(),
        _ => false,
    }
}

/// Writes a value as YAML (used for exports and templates).
pub fn to_yaml<T: serde::Serialize>(value: &T) -> String {
    // Serializing the crate's own raw types cannot fail: they hold no non-string keys,
    // no bytes and no nested enums.
    serde_yaml::to_string(value).unwrap_or_default()
}

/// Converts a document to JSON for the schema validator. Fails for YAML that JSON cannot
/// represent (a mapping key that is itself a mapping, a non-finite number).
pub fn to_json(value: &serde_yaml::Value) -> Result<serde_json::Value, Diagnostic> {
    serde_json::to_value(value).map_err(|e| {
        Diagnostic::error(
            "not-json",
            "",
            format!("the document cannot be represented as JSON: {e}"),
        )
    })
}

fn precheck(text: &str) -> Result<(), Diagnostic> {
    if text.len() > MAX_FILE_BYTES {
        return Err(too_large(text.len()));
    }
    if let Some(offset) = text.find('\0') {
        let (line, column) = line_column(text, offset);
        return Err(Diagnostic::error(
            "binary",
            "",
            "this is a binary file, not YAML or JSON text (it contains a NUL byte)",
        )
        .at(line, column));
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Diagnostic::error(
            "empty",
            "",
            "the file is empty: expected a profile or an assessment",
        ));
    }
    Ok(())
}

/// Turns the bytes of a file into text: UTF-8, with or without a byte-order mark. Binary
/// files, UTF-16 and other encodings are refused with the position of the first byte that
/// is not UTF-8.
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len()));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::error(
            "encoding",
            "",
            "the file is UTF-16 text, not UTF-8; save it as UTF-8",
        )
        .at(1, 1));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = line_column(prefix, prefix.len());
            let message = if bytes.contains(&0) {
                "this is a binary file, not YAML or JSON text"
            } else {
                "the file is not UTF-8 text (a legacy encoding such as Latin-1?); save it as UTF-8"
            };
            Err(Diagnostic::error("encoding", "", message).at(line, column))
        }
    }
}

fn too_large(len: usize) -> Diagnostic {
    Diagnostic::error(
        "too-large",
        "",
        format!(
            "the file is {:.1} MB; files over {} MB are refused",
            len as f64 / 1e6,
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// serde_yaml's words for a whole number beyond 64 bits ("invalid type: integer `N` as
/// u128, expected any YAML value"), said plainly; the place before them is kept.
fn too_large_integer(message: &str) -> Option<String> {
    let (before, rest) = message.split_once("invalid type: integer `")?;
    let (number, after) = rest.split_once('`')?;
    if !(after.starts_with(" as u128") || after.starts_with(" as i128")) {
        return None;
    }
    let after = after.find(" at line ").map_or("", |i| &after[i..]);
    Some(format!(
        "{before}the whole number {number} is too large (numbers are read up to 64 bits){after}"
    ))
}

fn yaml_error(error: &serde_yaml::Error) -> Diagnostic {
    let mut message = error.to_string();
    let code = if message.contains("recursion limit") {
        message = "the document is nested too deeply (more than 128 levels)".into();
        "too-deep"
    } else if message.contains("repetition limit") {
        message = "aliases expand to too much data (a YAML alias bomb?)".into();
        "alias-bomb"
    } else if message.contains("unknown field") || message.contains("missing field") {
        "schema"
    } else if let Some(plain) = too_large_integer(&message) {
        message = plain;
        "wrong-type"
    } else if message.contains("invalid type")
        || message.contains("invalid value")
        || message.contains("unknown variant")
    {
        "wrong-type"
    } else if message.contains("duplicate") {
        "duplicate-key"
    } else {
        "yaml-syntax"
    };
    let hint = if message.contains("expected struct Answer") {
        Some("write the answer as {value: ...}, or {na: <reason>} where it does not apply")
    } else if message.contains("cannot start any token") {
        Some(
            "YAML indents with spaces, never tabs; and a value starting with @ or ` must be quoted",
        )
    } else {
        None
    };
    let d = match error.location() {
        Some(location) => {
            let suffix = format!(" at line {} column {}", location.line(), location.column());
            // The place is given apart; serde_yaml also writes it at the end of the
            // message, or before the words on what it was doing.
            if let Some(at) = message.find(&suffix) {
                message.replace_range(at..at + suffix.len(), "");
            }
            Diagnostic::error(code, "", message).at(location.line(), location.column())
        }
        None => Diagnostic::error(code, "", message),
    };
    match hint {
        Some(h) => d.hint(h),
        None => d,
    }
}

fn describe_yaml(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(s) => format!("{s:?}"),
        serde_yaml::Value::Null => "null".into(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Sequence(_) => "(a list)".into(),
        serde_yaml::Value::Mapping(_) => "(a mapping)".into(),
        serde_yaml::Value::Tagged(_) => "(a tagged value)".into(),
    }
}

/// The last segment of a JSON Pointer, unescaped.
fn unescape_last(pointer: &str) -> String {
    crate::diag::pointer_segments(pointer)
        .last()
        .unwrap_or_default()
}

/// How many diagnostics of one file get a position. Each costs a walk of the text up to its
/// node, so a big file gets fewer (a 200 KB profile 200, a 4 MB file 10) and no error list
/// takes more than a moment; past the first few, the rest is not what the author reads first.
fn max_located(text: &str) -> usize {
    (40_000_000 / text.len().max(1)).clamp(10, 200)
}

/// Fills in the line and column of every diagnostic that has a pointer but no position.
/// A problem of the whole document (an empty pointer) gets none: line 1 column 1 would send
/// the reader to the wrong place.
pub fn locate(diagnostics: &mut [Diagnostic], text: &str) {
    let unplaced = diagnostics
        .iter_mut()
        .filter(|d| d.line.is_none() && !d.pointer.is_empty());
    for d in unplaced.take(max_located(text)) {
        if let Some((line, column)) = locate::find(text, &d.pointer, d.code == "unknown-field") {
            d.line = u32::try_from(line).ok();
            d.column = u32::try_from(column).ok();
        }
    }
}

/// The line and column where the node at `pointer` starts, or its nearest ancestor.
pub fn position(text: &str, pointer: &str) -> Option<(usize, usize)> {
    locate::find(text, pointer, false)
}

/// The line and column of the key that names the node at `pointer`, else as [`position`].
pub fn key_position(text: &str, pointer: &str) -> Option<(usize, usize)> {
    locate::find(text, pointer, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_position(text: &str, pointer: &str, expect: (usize, usize)) {
        assert_eq!(position(text, pointer), Some(expect), "{pointer}");
    }

    #[test]
    fn positions_of_block_and_flow_nodes() {
        let text = "kind: assessment\nanswers:\n  a.b: {value: 3}\n  c/d:\n    na: none\nlist:\n  - x\n  - [1, 2]\n";
        check_position(text, "/kind", (1, 7));
        check_position(text, "/answers/a.b", (3, 8));
        check_position(text, "/answers/a.b/value", (3, 16));
        check_position(text, "/answers/c~1d/na", (5, 9));
        check_position(text, "/list/1/1", (8, 9));
        // An absent node falls back to its nearest ancestor.
        check_position(text, "/answers/a.b/evidence", (3, 8));
    }

    #[test]
    fn every_unknown_field_is_listed_not_only_the_first() {
        let text = "kind: assessment\ncolour: red\nanswers:\n  a.b:\n    value: 1\n    evidense: [x]\nsize: 3\n";
        let value = syntax(text).unwrap();
        let errors = decode_tree_all::<crate::model::raw::Assessment>(text, &value).unwrap_err();
        let found: Vec<(&str, &str, Option<u32>)> = errors
            .iter()
            .map(|d| (d.code, d.pointer.as_str(), d.line))
            .collect();
        // The three unknown fields, in the file's order, each at its own line; then the
        // first other problem (a missing field), which ends the list.
        assert_eq!(
            &found[..3],
            [
                ("unknown-field", "/colour", Some(2)),
                ("unknown-field", "/answers/a.b/evidense", Some(6)),
                ("unknown-field", "/size", Some(7)),
            ]
        );
        assert_eq!(found.len(), 4, "{errors:?}");
        assert_ne!(found[3].0, "unknown-field");
    }

    #[test]
    fn key_positions_for_unknown_fields() {
        let text = "a:\n  weigth: 2\n";
        assert_eq!(key_position(text, "/a/weigth"), Some((2, 3)));
        assert_eq!(position(text, "/a/weigth"), Some((2, 11)));
    }

    #[test]
    fn syntax_errors_carry_a_position() {
        let d = syntax("a: [1, 2\nb: 3\n").unwrap_err();
        assert_eq!(d.code, "yaml-syntax");
        assert!(d.line.is_some(), "{d:?}");
    }

    #[test]
    fn a_control_character_is_placed_at_its_line_and_column() {
        let d = syntax("a: 1\nb: \"x\u{7f}\"\n").unwrap_err();
        assert_eq!(d.code, "yaml-syntax", "{d:?}");
        assert_eq!((d.line, d.column), (Some(2), Some(6)), "{d:?}");
        assert_eq!(d.message, "control characters are not allowed");
    }

    #[test]
    fn empty_and_binary_files_are_named() {
        assert_eq!(syntax("").unwrap_err().code, "empty");
        assert_eq!(syntax("  \n# only a comment\n").unwrap_err().code, "empty");
        assert_eq!(syntax("a: 1\0").unwrap_err().code, "binary");
    }

    #[test]
    fn duplicate_keys_are_rejected_at_the_second_occurrence() {
        let d = syntax("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n").unwrap_err();
        assert_eq!(d.code, "duplicate-key", "{d:?}");
        assert_eq!((d.line, d.column), (Some(5), Some(3)), "{d:?}");
        assert_eq!(d.pointer, "/b/c");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncé\0", 6), (2, 3));
        // An offset inside a character counts from that character.
        assert_eq!(line_column("ab\ncé\0", 5), (2, 2));
    }
}
