//! Typed decoding from the tree the syntax layer has already built.
//!
//! Reading the text a second time with serde_yaml's own deserializer would parse it twice,
//! and that deserializer, generic over every type it fills, is the heaviest code in the
//! browser's wasm. Walking the tree instead costs one small function per type, and notes
//! on the way out of an error the path to the node that caused it, so that the error can
//! be placed by [`super::locate`].
//!
//! It is as strict as the JSON Schema where serde_yaml's reader was lenient: a number or a
//! boolean is not a string, and null (or an empty value) is not an empty mapping or list.

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};
use serde_yaml::{Error, Value};
use std::cell::{Cell, RefCell};

/// Where a decoding error arose.
#[derive(Debug)]
pub(super) struct Failure {
    /// What went wrong, without a position.
    pub error: Error,
    /// JSON Pointer of the node, or of the mapping key, at fault.
    pub pointer: String,
    /// Whether the key itself is at fault (an unknown field) rather than its value.
    pub at_key: bool,
}

/// The path of the first error, gathered innermost first as the error goes up the tree.
///
/// This holds because every error ends the decoding: no model type catches an error and
/// tries another reading (serde's untagged enums would, and the model has none), which
/// would leave the failed attempt's segments behind.
#[derive(Default)]
struct Trail {
    segments: RefCell<Vec<String>>,
    at_key: Cell<bool>,
}

/// Where a child node stands in its parent.
#[derive(Clone, Copy)]
enum Step<'a> {
    /// A mapping key itself.
    Key(&'a Value),
    /// The value of a mapping key.
    ValueOf(&'a Value),
    /// An item of a list.
    Index(usize),
}

impl Trail {
    fn note(&self, step: Step<'_>) {
        let mut segments = self.segments.borrow_mut();
        if segments.is_empty() {
            self.at_key.set(matches!(step, Step::Key(_)));
        }
        segments.push(match step {
            Step::Key(key) | Step::ValueOf(key) => segment(key),
            Step::Index(index) => index.to_string(),
        });
    }
}

/// Decodes a raw model type from a document tree.
pub(super) fn decode<T: DeserializeOwned>(value: &Value) -> Result<T, Failure> {
    let trail = Trail::default();
    T::deserialize(Node {
        value,
        trail: &trail,
    })
    .map_err(|error| Failure {
        error,
        pointer: trail
            .segments
            .borrow()
            .iter()
            .rev()
            .fold(String::new(), |p, s| crate::diag::pointer_push(&p, s)),
        at_key: trail.at_key.get(),
    })
}

/// A mapping key as a pointer segment, spelt as the `locate` walk spells it, or the walk
/// would not find it: numbers as Rust writes them (`1.0` is `1`), booleans and null as
/// written, a complex key `?`.
fn segment(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (None, Some(u), _) => u.to_string(),
            (None, None, Some(f)) => f.to_string(),
            (None, None, None) => n.to_string(),
        },
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".to_owned(),
        _ => "?".to_owned(),
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Unexpected::Signed(i),
            (None, Some(f)) => Unexpected::Float(f),
            (None, None) => Unexpected::Other("number"),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Sequence(_) => Unexpected::Seq,
        Value::Mapping(_) => Unexpected::Map,
        Value::Tagged(_) => Unexpected::Enum,
    }
}

#[derive(Clone, Copy)]
struct Node<'a> {
    value: &'a Value,
    trail: &'a Trail,
}

impl<'a> Node<'a> {
    /// Decodes a child node, noting on the trail where it stands if that fails. Inlined:
    /// a call of its own for every type decoded costs the browser 0.7 KB.
    #[inline(always)]
    fn child<S: DeserializeSeed<'a>>(
        trail: &'a Trail,
        value: &'a Value,
        seed: S,
        step: Step<'_>,
    ) -> Result<S::Value, Error> {
        seed.deserialize(Node { value, trail })
            .inspect_err(|_| trail.note(step))
    }

    fn wrong<V: Visitor<'a>, T>(self, visitor: &V) -> Result<T, Error> {
        Err(de::Error::invalid_type(unexpected(self.value), visitor))
    }

    fn map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Mapping(m) => visitor.visit_map(Map {
                entries: m.iter(),
                value: None,
                trail: self.trail,
            }),
            _ => self.wrong(&visitor),
        }
    }

    fn seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Sequence(s) => visitor.visit_seq(Seq {
                items: s.iter().enumerate(),
                trail: self.trail,
            }),
            _ => self.wrong(&visitor),
        }
    }
}

/// Scalars are read by serde_yaml's own tree deserializer.
macro_rules! scalar {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
                self.value.$method(visitor)
            }
        )*
    };
}

impl<'a> Deserializer<'a> for Node<'a> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Mapping(_) => self.map(visitor),
            Value::Sequence(_) => self.seq(visitor),
            other => other.deserialize_any(visitor),
        }
    }

    scalar! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_char deserialize_str deserialize_string deserialize_bytes
        deserialize_byte_buf deserialize_unit deserialize_identifier
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.value.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.seq(visitor)
    }

    fn deserialize_tuple<V: Visitor<'a>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.seq(visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        self.map(visitor)
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.map(visitor)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            // The model's enums are names (`kind: profile`, `missing: zero`).
            Value::String(_) => self.value.deserialize_enum(name, variants, visitor),
            _ => self.wrong(&visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

struct Map<'a> {
    entries: serde_yaml::mapping::Iter<'a>,
    value: Option<(&'a Value, &'a Value)>,
    trail: &'a Trail,
}

impl<'a> MapAccess<'a> for Map<'a> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        Node::child(self.trail, key, seed, Step::Key(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, value) = self.value.take().ok_or_else(|| {
            <Error as de::Error>::custom("a mapping value was read before its key")
        })?;
        Node::child(self.trail, value, seed, Step::ValueOf(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Seq<'a> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Value>>,
    trail: &'a Trail,
}

impl<'a> SeqAccess<'a> for Seq<'a> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some((index, value)) = self.items.next() else {
            return Ok(None);
        };
        Node::child(self.trail, value, seed, Step::Index(index)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
        #[serde(default)]
        tags: BTreeMap<String, u32>,
        #[serde(default)]
        note: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        #[serde(default)]
        pairs: Vec<(f64, f64)>,
    }

    fn fail(yaml: &str) -> Failure {
        let value: Value = serde_yaml::from_str(yaml).unwrap();
        decode::<Doc>(&value).unwrap_err()
    }

    #[test]
    fn a_good_document_decodes() {
        let value: Value =
            serde_yaml::from_str("items:\n  - id: a\n    pairs: [[0, 0], [1, 0.5]]\nnote: ~\n")
                .unwrap();
        let doc: Doc = decode(&value).unwrap();
        assert_eq!(doc.items[0].pairs, vec![(0.0, 0.0), (1.0, 0.5)]);
        assert_eq!(doc.note, None);
    }

    #[test]
    fn the_pointer_names_the_node_at_fault_past_good_siblings() {
        let f = fail("items:\n  - id: a\n  - id: b\n    pairs: [[1, 2], [3, x]]\n");
        assert_eq!(f.pointer, "/items/1/pairs/1/1");
        assert!(!f.at_key);
        assert!(
            f.error
                .to_string()
                .contains("invalid type: string \"x\", expected f64"),
            "{}",
            f.error
        );
    }

    #[test]
    fn an_unknown_field_is_placed_at_its_key() {
        let f = fail("items:\n  - id: a\n    colour: red\n");
        assert_eq!(f.pointer, "/items/0/colour");
        assert!(f.at_key);
        assert!(f.error.to_string().starts_with("unknown field `colour`"));
    }

    #[test]
    fn a_missing_field_names_its_mapping_and_a_top_level_one_the_document() {
        let f = fail("items:\n  - {}\n");
        assert_eq!(f.pointer, "/items/0");
        assert_eq!(f.error.to_string(), "missing field `id`");
        assert_eq!(fail("note: x\n").pointer, "");
    }

    #[test]
    fn keys_are_escaped_in_the_pointer() {
        assert_eq!(
            fail("items: []\ntags: {a/b~c: x}\n").pointer,
            "/tags/a~1b~0c"
        );
    }

    #[test]
    fn a_number_key_is_spelt_as_the_locate_walk_finds_it() {
        let text = "items: []\ntags: {1.0: 2}\n";
        let f = fail(text);
        assert_eq!(f.pointer, "/tags/1");
        assert!(f.at_key);
        assert_eq!(super::super::key_position(text, &f.pointer), Some((2, 8)));
    }

    #[test]
    fn numbers_and_null_are_not_texts_mappings_or_lists() {
        let f = fail("items:\n  - id: 42\n");
        assert_eq!(f.pointer, "/items/0/id");
        assert!(f.error.to_string().contains("integer `42`"), "{}", f.error);
        let f = fail("items:\n");
        assert_eq!(f.pointer, "/items");
        assert!(
            f.error.to_string().contains("expected a sequence"),
            "{}",
            f.error
        );
        assert_eq!(fail("items: [~]\n").pointer, "/items/0");
        assert_eq!(fail("items: []\ntags:\n").pointer, "/tags");
    }
}
