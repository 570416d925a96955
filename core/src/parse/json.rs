//! The command line's fast path for assessments written in JSON (native builds only).
//!
//! JSON is YAML, so the syntax layer reads it with serde_yaml like any file, which costs
//! most of the time of `tradeready validate` on many files. This reads a JSON file once,
//! with serde_json, into a document that borrows from the text ([`Doc`]), runs the same
//! JSON Schema and the same typed decoding on it, and gives the decoded file only when
//! every layer passed; the caller then runs the meaning layer and
//! keeps the result only when it holds no error. Anything else (any error, any doubt) gives
//! `None`, and the file goes the usual way, so that every diagnostic, its wording and its
//! position are what the YAML path says. The path never changes an outcome: a file this
//! accepts is one the YAML path accepts with the same value, which core/tests/fast_path.rs
//! and the `json_fast_path` fuzz target check.
//!
//! Where YAML reads JSON text differently from a JSON parser, the text is left to the YAML
//! path (see [`in_doubt`]): an escaped UTF-16 surrogate and the characters YAML refuses in
//! a file (DEL, the C1 controls, U+FFFE, U+FFFF), the line breaks YAML knows and JSON does
//! not (NEL, LS, PS), `-0` (YAML's integer 0, JSON's float -0.0), a tab before or after
//! the outermost braces, a whole number beyond 64 bits ([`Doc`] refuses it),
//! a key not on the line of its colon or far from it (YAML's 1024-character limit on
//! implicit keys). Duplicate keys, which serde_json's own `Value` would collapse silently,
//! are refused as the document is read, and so reported by the YAML path.

use super::FileKind;
use super::json_doc::Doc;
use crate::model::raw;
use serde::Deserialize;

/// The longest run of blanks kept on the fast path (with [`super::json_doc::LONGEST_KEY`],
/// a key and its colon stay well within YAML's 1024 characters even when every character
/// is escaped).
const LONGEST_BLANKS: usize = 256;

/// An assessment in JSON through syntax, JSON Schema and typed decoding, or `None` when the
/// text is not JSON, is of another kind, fails a layer, or is in doubt.
pub fn assessment(text: &str) -> Option<raw::Assessment> {
    super::precheck(text).ok()?;
    if !text.trim_start().starts_with('{') || in_doubt(text) {
        return None;
    }
    let doc = Doc::parse(text)?;
    if doc.get("kind").and_then(Doc::as_str) != Some(FileKind::Assessment.as_str()) {
        return None;
    }
    if !crate::schema::is_valid_doc(FileKind::Assessment, &doc) {
        return None;
    }
    raw::Assessment::deserialize(&doc).ok()
}

/// Whether the text holds something YAML could read otherwise than JSON does (see the
/// module's documentation). Errs on the side of doubt: a false alarm only costs time.
///
/// Most files hold no backslash, tab, carriage return, long run of spaces or YAML line
/// break; those are told at memchr's speed, by the colons and `-0`s alone. Any other text
/// is looked at byte by byte ([`in_doubt_bytes`]).
fn in_doubt(text: &str) -> bool {
    use memchr::memmem;
    // A tab before the opening brace or after the closing one, where YAML is in block
    // context: it refuses a tab at the start of a line there (found by the fuzz target).
    let before = &text[..text.len() - text.trim_start().len()];
    let after = &text[text.trim_end().len()..];
    if before.contains('\t') || after.contains('\t') {
        return true;
    }
    let bytes = text.as_bytes();
    if memchr::memchr3(b'\\', b'\t', b'\r', bytes).is_some()
        || memmem::find(bytes, &[b' '; 64]).is_some()
    {
        return in_doubt_bytes(bytes);
    }
    if memchr::memchr(0x7F, bytes).is_some()
        || memchr::memchr2_iter(0xC2, 0xE2, bytes).any(|i| yaml_refuses_or_breaks(bytes, i))
        || memchr::memchr_iter(0xEF, bytes).any(|i| yaml_refuses_or_breaks(bytes, i))
    {
        return true;
    }
    // Spaces and newlines are the only blanks left, and no run of spaces reaches 64.
    let last_before = |i: usize, blank: &dyn Fn(u8) -> bool| {
        bytes[..i].iter().rev().find(|&&b| !blank(b)).copied()
    };
    // A colon first on its line, as in [`in_doubt_bytes`].
    let colon_first_on_its_line = memchr::memchr_iter(b':', bytes)
        .any(|i| matches!(last_before(i, &|b| b == b' '), Some(b'\n') | None));
    // `-0` as a number, as in [`in_doubt_bytes`].
    let minus_zero = memmem::find_iter(bytes, b"-0").any(|i| {
        matches!(
            last_before(i, &|b| b == b' ' || b == b'\n'),
            Some(b':' | b'[' | b',')
        ) && !matches!(bytes.get(i + 2), Some(b'.' | b'e' | b'E' | b'0'..=b'9'))
    });
    colon_first_on_its_line || minus_zero
}

/// Whether the character whose UTF-8 starts at `bytes[i]` is one YAML refuses in a file
/// (the C1 controls U+0080 to U+009F but NEL, and U+FFFE and U+FFFF; DEL is told apart by
/// the callers) or reads as a line break (NEL, U+0085; LS and PS, U+2028 and U+2029).
/// JSON takes them all as they are in a string.
fn yaml_refuses_or_breaks(bytes: &[u8], i: usize) -> bool {
    matches!(
        (bytes[i], bytes.get(i + 1), bytes.get(i + 2)),
        (0xC2, Some(0x80..=0x9F), _)
            | (0xE2, Some(0x80), Some(0xA8 | 0xA9))
            | (0xEF, Some(0xBF), Some(0xBE | 0xBF))
    )
}

/// [`in_doubt`], byte by byte.
fn in_doubt_bytes(bytes: &[u8]) -> bool {
    let mut blanks = 0usize;
    let mut line_start = true;
    // The last byte that is not a blank.
    let mut last = 0u8;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            // A carriage return not followed by a line feed is a line break to YAML.
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                blanks = 0;
                line_start = true;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                blanks += 1;
                if blanks > LONGEST_BLANKS {
                    return true;
                }
                continue;
            }
            b'\n' => {
                blanks = 0;
                line_start = true;
                continue;
            }
            // A colon first on its line: its key is on an earlier line.
            b':' if line_start => return true,
            // `\uD800` to `\uDFFF`: half of a UTF-16 surrogate pair.
            b'\\'
                if bytes.get(i + 1) == Some(&b'u')
                    && matches!(bytes.get(i + 2), Some(b'd' | b'D'))
                    && matches!(
                        bytes.get(i + 3),
                        Some(b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
                    ) =>
            {
                return true;
            }
            // `-0` as a number (after `:`, `[` or `,`): YAML reads the integer 0, JSON the
            // float -0.0.
            b'-' if matches!(last, b':' | b'[' | b',')
                && bytes.get(i + 1) == Some(&b'0')
                && !matches!(bytes.get(i + 2), Some(b'.' | b'e' | b'E' | b'0'..=b'9')) =>
            {
                return true;
            }
            0x7F => return true,
            0xC2 | 0xE2 | 0xEF if yaml_refuses_or_breaks(bytes, i) => return true,
            _ => {}
        }
        blanks = 0;
        line_start = false;
        last = b;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_outside_the_braces_is_in_doubt() {
        for text in [
            "\t{\"a\": 1}",
            "\n\t{\"a\": 1}",
            "{\"a\": 1}\n\t",
            "{\"a\": 1}\t",
        ] {
            assert!(in_doubt(text), "{text:?}");
        }
        for text in ["{\t\"a\":\t1}", "{\n\t\"a\": 1\n}\n", " {\"a\": 1} "] {
            assert!(!in_doubt(text), "{text:?}");
        }
    }

    #[test]
    fn what_yaml_reads_otherwise_is_in_doubt() {
        for text in [
            r#"{"a": "\ud83d\ude00"}"#,
            r#"{"a": "\uDC00"}"#,
            "{\"a\"\n: 1}",
            "{\"a\": -0}",
            "{\"a\": [-0]}",
            "{\"a\": \"x\u{85}y\"}",
            "{\"a\": \"x\u{2028}y\"}",
            "{\"a\": \"x\u{2029}y\"}",
            &format!("{{\"a\"{}: 1}}", " ".repeat(300)),
            "{\"a\"\r: 1}",
            "{\"a\": \"x\u{7f}y\"}",
            "{\"a\": \"x\u{80}y\"}",
            "{\"a\": \"x\u{9f}y\"}",
            "{\"a\": \"x\u{fffe}y\"}",
            "{\"a\": \"x\u{ffff}y\"}",
            "{\"a\": \"x\\ty\u{7f}\"}",
            "{\"a\":\r -0}",
            "{\"a\":\n -0}",
            "{\"a\": 1,\n  : 2}",
        ] {
            assert!(in_doubt(text), "{text:?}");
            assert!(in_doubt_bytes(text.as_bytes()), "{text:?}");
        }
        for text in [
            r#"{"a": "\u00e9\ud7ff\ue000", "b": -0.5, "c": -0e1, "d": -01, "e": [-10]}"#,
            r#"{"a": "2025-0\u0036-30", "b": "phase-0"}"#,
            "{\n  \"a\": 1,\n  \"b\": \"x: y\"\n}",
            "{\r\n  \"a\": 1,\r\n  \"b\": \"x\\ty\"\r\n}",
            "{\"a\": \"2025-06-30\", \"b\": [1, -10, -0.5]}",
            "{\"a\": \"« été » – 30 °C, \u{a0}\u{fffd}\u{feff}’\"}",
            "{\"a\": \"« été » \\t \u{a0}\u{fffd}’\"}",
        ] {
            assert!(!in_doubt(text), "{text:?}");
            assert!(!in_doubt_bytes(text.as_bytes()), "{text:?}");
        }
    }
}
