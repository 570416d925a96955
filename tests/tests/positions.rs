//! Error positions come from serde_yaml's error marks (core/src/parse/locate.rs), which
//! spares the browser a second YAML parser. This test holds them to an independent
//! reference: saphyr-parser's events, for every node and every key of every YAML file under
//! assessments/ and tests/data/ that parses.

use saphyr_parser::{Event, Parser, ScalarStyle};
use std::collections::HashMap;
use std::path::Path;
use tradeready::diag::pointer_push;
use tradeready::parse;
use tradeready_tests::{data, root};

/// A node's position by saphyr's account, and whether it is a block scalar (`|`, `>`), which
/// saphyr places at its first line of content and libyaml at its indicator.
type Place = ((usize, usize), bool);

/// Every node in document order, and where each key starts.
struct Reference {
    values: Vec<(String, Place)>,
    keys: HashMap<String, (usize, usize)>,
}

/// Where each node and each key starts by saphyr's account, by JSON Pointer (first
/// occurrence only), in document order.
fn reference(text: &str) -> Reference {
    enum Frame {
        Map {
            pointer: String,
            key: Option<String>,
        },
        Seq {
            pointer: String,
            next: usize,
        },
    }
    let mut values = Vec::new();
    let mut keys = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(Ok((event, span))) = parser.next_event() {
        let at = (span.start.line(), span.start.col() + 1);
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::Alias(_)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
        );
        if !is_node {
            if matches!(event, Event::MappingEnd | Event::SequenceEnd) {
                stack.pop();
            }
            continue;
        }
        let pointer = match stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Seq { pointer, next }) => {
                *next += 1;
                Some(pointer_push(pointer, *next - 1))
            }
            Some(Frame::Map { pointer, key }) => match key.take() {
                Some(k) => Some(pointer_push(pointer, k)),
                None => {
                    let name = match &event {
                        Event::Scalar(s, ..) => s.to_string(),
                        _ => "?".to_owned(),
                    };
                    keys.entry(pointer_push(pointer, &name)).or_insert(at);
                    *key = Some(name);
                    None
                }
            },
        };
        let container = pointer.clone().unwrap_or_else(|| "\u{0}".to_owned());
        let block = matches!(
            event,
            Event::Scalar(_, ScalarStyle::Literal | ScalarStyle::Folded, ..)
        );
        if let Some(p) = pointer {
            values.push((p, (at, block)));
        }
        match event {
            Event::MappingStart(..) => stack.push(Frame::Map {
                pointer: container,
                key: None,
            }),
            Event::SequenceStart(..) => stack.push(Frame::Seq {
                pointer: container,
                next: 0,
            }),
            _ => {}
        }
    }
    Reference { values, keys }
}

fn yaml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn positions_agree_with_saphyr_on_every_node_and_key() {
    let mut files = Vec::new();
    yaml_files(&root().join("assessments"), &mut files);
    yaml_files(&data("."), &mut files);
    let mut compared = 0;
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        // Files the syntax layer refuses get no positions from either side that matter.
        if text.len() > 1_000_000 || parse::syntax(&text).is_err() {
            continue;
        }
        let Reference { values, keys } = reference(&text);
        // The bundled profile has thousands of nodes, each a walk of the text: sample it.
        let step = (values.len() / 300).max(1);
        let mut seen = std::collections::HashSet::new();
        for (pointer, (at, block)) in values.iter().step_by(step) {
            if pointer.contains('\u{0}') || !seen.insert(pointer.clone()) {
                continue;
            }
            let found = parse::position(&text, pointer);
            if *block {
                // At the indicator: after the key, before the first line of content.
                let found = found
                    .unwrap_or_else(|| panic!("{}: no position for {pointer}", path.display()));
                let key = keys.get(pointer).copied().unwrap_or((0, 0));
                assert!(
                    found.0 < at.0 && found > key,
                    "{}: block scalar {pointer} at {found:?}, content at {at:?}, key at {key:?}",
                    path.display()
                );
            } else {
                assert_eq!(found, Some(*at), "{}: node {pointer}", path.display());
            }
            if let Some(key_at) = keys.get(pointer) {
                assert_eq!(
                    parse::key_position(&text, pointer),
                    Some(*key_at),
                    "{}: key of {pointer}",
                    path.display()
                );
            }
            compared += 1;
        }
    }
    assert!(compared > 5000, "only {compared} nodes compared");
}

#[test]
fn an_absent_node_is_placed_at_its_nearest_ancestor() {
    let text = "a:\n  b: {c: 1}\n  d: [x, y]\n";
    assert_eq!(parse::position(text, "/a/b/zz"), Some((2, 6)));
    assert_eq!(parse::position(text, "/a/d/5"), Some((3, 6)));
    assert_eq!(parse::position(text, "/a/b/c/deeper"), Some((2, 10)));
    assert_eq!(parse::position(text, "/nothing/here"), Some((1, 1)));
}
