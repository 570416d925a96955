//! The JSON fast path (src/parse/json.rs) never changes an outcome: whenever it accepts an
//! assessment, the YAML path accepts the same text with the very same decoded file, and a
//! catalogue's result (diagnostics, value, scores) is the YAML path's. Checked on every
//! example written as JSON in many spellings: whitespace (tabs, CR, a key's colon on the
//! next line), numbers (`0.5`, `5e-1`, `-0`), characters escaped (`\u00e9`, surrogate
//! pairs), YAML's own line breaks, long blank runs and duplicate keys.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tradeready::model::raw;
use tradeready::{Catalogue, FileKind, Layers};

const EXAMPLES: &[&str] = &[
    include_str!("../../assessments/examples/northland-2023.yaml"),
    include_str!("../../assessments/examples/northland-2026.yaml"),
    include_str!("../../assessments/examples/meridia-2026.yaml"),
    include_str!("../../assessments/examples/examplestan-2025.yaml"),
    include_str!("../../assessments/examples/workshop/aldania-2026.yaml"),
    include_str!("../../assessments/examples/consensus/borovia-2026-border-operations.yaml"),
];

/// The YAML path alone: syntax, JSON Schema, typed decoding.
fn slow(text: &str) -> Result<raw::Assessment, Vec<tradeready::Diagnostic>> {
    tradeready::load::decode(text, FileKind::Assessment, Layers::default())
}

/// How one document is written out as JSON.
#[derive(Clone, Debug)]
struct Spelling {
    /// Blanks between tokens, taken in turn.
    blanks: Vec<&'static str>,
    /// Per character of a string, taken in turn: 0 as is, 1 escaped as `\uXXXX`
    /// (surrogate pairs beyond the BMP), 2 a NEL, LS or PS inserted before it.
    chars: Vec<u8>,
    /// Per number, taken in turn: its plain form, or another spelling of the same value.
    numbers: Vec<u8>,
    /// Whether the first mapping repeats its first key.
    duplicate: bool,
    /// Whether to write what YAML reads otherwise (YAML's line breaks in strings, a
    /// colon on the line after its key, `-0`); else those spellings are left out, so that
    /// most texts keep to the fast path.
    odd: bool,
}

fn spelling() -> impl Strategy<Value = Spelling> {
    let blank = prop::sample::select(vec![
        "", " ", "  ", "\n", "\n  ", "\t", "\r\n", "\n\t\t", " \n ",
    ]);
    (
        prop::collection::vec(blank, 1..16),
        prop::collection::vec(
            prop::sample::select(vec![0u8, 0, 0, 0, 0, 0, 1, 1, 2]),
            1..32,
        ),
        prop::collection::vec(0u8..5, 1..8),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(blanks, chars, numbers, duplicate, odd)| Spelling {
            blanks,
            chars,
            numbers,
            duplicate,
            odd,
        })
}

struct Writer<'a> {
    how: &'a Spelling,
    out: String,
    n_blank: usize,
    n_char: usize,
    n_number: usize,
    duplicated: bool,
}

impl Writer<'_> {
    fn blank(&mut self) {
        let b = self.how.blanks[self.n_blank % self.how.blanks.len()];
        self.n_blank += 1;
        self.out.push_str(b);
    }

    /// The blank between a key and its colon: on one line unless the spelling is odd.
    fn blank_before_colon(&mut self) {
        let b = self.how.blanks[self.n_blank % self.how.blanks.len()];
        self.n_blank += 1;
        if self.how.odd || !b.contains('\n') {
            self.out.push_str(b);
        }
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            let how = self.how.chars[self.n_char % self.how.chars.len()];
            self.n_char += 1;
            if how == 2 && self.how.odd {
                self.out
                    .push(['\u{85}', '\u{2028}', '\u{2029}'][self.n_char % 3]);
            }
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\t' => self.out.push_str("\\t"),
                c if (c as u32) < 0x20 || how == 1 => {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        self.out.push_str(&format!("\\u{u:04x}"));
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn number(&mut self, n: &serde_json::Number) {
        let how = self.how.numbers[self.n_number % self.how.numbers.len()];
        self.n_number += 1;
        let plain = n.to_string();
        let text = match (how, n.as_i64(), n.as_f64()) {
            (1, Some(0), _) if self.how.odd => "-0".to_owned(),
            (1, Some(0), _) => "0".to_owned(),
            (1, Some(i), _) => format!("{i}.0"),
            (2, Some(i), _) => format!("{i}e0"),
            (3, _, Some(f)) => format!("{f:e}"),
            (4, _, Some(f)) => format!("{f:E}"),
            _ => plain,
        };
        self.out.push_str(&text);
    }

    fn value(&mut self, v: &serde_json::Value) {
        use serde_json::Value as V;
        match v {
            V::Null => self.out.push_str("null"),
            V::Bool(b) => self.out.push_str(&b.to_string()),
            V::Number(n) => self.number(n),
            V::String(s) => self.string(s),
            V::Array(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.blank();
                    self.value(item);
                }
                self.blank();
                self.out.push(']');
            }
            V::Object(map) => {
                self.out.push('{');
                let mut first = true;
                for (k, item) in map {
                    let times = if self.how.duplicate && self.how.odd && !self.duplicated {
                        self.duplicated = true;
                        2
                    } else {
                        1
                    };
                    for _ in 0..times {
                        if !first {
                            self.out.push(',');
                        }
                        first = false;
                        self.blank();
                        self.string(k);
                        self.blank_before_colon();
                        self.out.push(':');
                        self.blank();
                        self.value(item);
                    }
                }
                self.blank();
                self.out.push('}');
            }
        }
    }
}

/// An example as a JSON tree, in the file's order of keys.
fn tree(yaml: &str) -> serde_json::Value {
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    // serde_json keeps no order without `preserve_order`; the writer walks this tree, and
    // the order of keys does not change what either path accepts.
    serde_json::to_value(value).unwrap()
}

fn write(value: &serde_json::Value, how: &Spelling) -> String {
    let mut w = Writer {
        how,
        out: String::new(),
        n_blank: 0,
        n_char: 0,
        n_number: 0,
        duplicated: false,
    };
    w.value(value);
    w.out
}

/// The property, on one text.
fn agrees(text: &str) -> Result<bool, TestCaseError> {
    let Some(fast) = tradeready::parse::json::assessment(text) else {
        return Ok(false);
    };
    let slow = slow(text);
    prop_assert!(
        slow.is_ok(),
        "the fast path accepted what the YAML path refuses: {:?}\n{text}",
        slow.err()
    );
    prop_assert_eq!(Some(fast), slow.ok());
    Ok(true)
}

#[test]
fn plain_json_takes_the_fast_path_and_gives_what_the_yaml_path_gives() {
    let catalogue = Catalogue::embedded();
    for example in EXAMPLES {
        let text = serde_json::to_string_pretty(&tree(example)).unwrap();
        assert!(
            agrees(&text).unwrap(),
            "a plain JSON example missed the fast path"
        );
        // Through a catalogue (fast path first) and through the YAML path: the same
        // diagnostics and the same scores.
        let fast = catalogue.load_assessment(&text);
        let yaml_path = {
            let raw = slow(&text).unwrap();
            let profile = catalogue
                .get(&raw.profile.id, raw.profile.version.as_str())
                .unwrap();
            tradeready::load_assessment(&text, &profile, Layers::default())
        };
        assert_eq!(fast.diagnostics, yaml_path.diagnostics);
        let (fast, yaml_path) = (fast.value.unwrap(), yaml_path.value.unwrap());
        assert_eq!(format!("{:?}", fast.assessment), format!("{yaml_path:?}"));
        assert_eq!(
            format!("{:?}", fast.scores),
            format!("{:?}", tradeready::score(&fast.profile, &yaml_path))
        );
    }
}

#[test]
fn duplicate_keys_and_what_yaml_reads_otherwise_leave_the_fast_path() {
    let text = serde_json::to_string(&tree(EXAMPLES[0])).unwrap();
    let duplicated = text.replacen(
        "{\"administration\":",
        "{\"cycle\":\"x\",\"administration\":",
        1,
    );
    assert!(duplicated.contains("\"cycle\":\"x\""));
    assert!(tradeready::parse::json::assessment(&duplicated).is_none());
    assert_eq!(slow(&duplicated).unwrap_err()[0].code, "duplicate-key");
    let surrogate = text.replacen("\"cycle\":\"", "\"cycle\":\"\\ud83d\\ude00", 1);
    assert!(tradeready::parse::json::assessment(&surrogate).is_none());
    // Characters YAML refuses in a file, which JSON takes in a string (DEL was found by
    // the json_fast_path fuzz target).
    for c in ['\u{7f}', '\u{80}', '\u{9f}', '\u{fffe}'] {
        let odd = text.replacen("\"cycle\":\"", &format!("\"cycle\":\"{c}"), 1);
        assert!(tradeready::parse::json::assessment(&odd).is_none(), "{c:?}");
        assert_eq!(slow(&odd).unwrap_err()[0].code, "yaml-syntax", "{c:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn the_fast_path_never_accepts_what_the_yaml_path_reads_otherwise(
        example in 0..EXAMPLES.len(),
        how in spelling(),
    ) {
        let text = write(&tree(EXAMPLES[example]), &how);
        agrees(&text)?;
    }
}
