//! A JSON document read in place, for the command line's JSON fast path ([`super::json`]).
//!
//! serde_json's own `Value` owns every key and string and keeps each object in a sorted
//! map (so that typed decoding had to read the text a second time, to keep the file's
//! order of answers); the two readings took most of the time of `tradeready validate` on
//! many files. A [`Doc`]
//! borrows its keys and strings from the text (owning only those with an escape in them),
//! keeps each object's members in a vector in the file's order, and refuses a duplicate
//! key, one longer than [`LONGEST_KEY`] or a number beyond 64 bits while it is read. The same one reading then serves
//! both later layers:
//! - the JSON Schema, through jsonschema's interface for a custom representation
//!   ([`DocJson`]; the `conformance` test below runs that crate's own contract check);
//! - typed decoding, through serde ([`Doc`] is a `Deserializer` that calls the visitor
//!   exactly as serde_json's `Value` does: the same numbers, the same order).
//!
//! It is natively compiled only, as the fast path is.

use jsonschema::JsonType;
use jsonschema::json::{Array, Json, Node, NodeIdentity, Object};
use serde::de::value::{MapAccessDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserialize, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;
use std::borrow::Cow;
use std::fmt;

/// The longest key kept on the fast path, in characters; a longer one is left to the YAML
/// path (a valid file's keys are field names and indicator ids, all far shorter).
pub(super) const LONGEST_KEY: usize = 100;

/// Below -2^63, a whole number is beyond `i64` (and above 2^64, beyond `u64`): a float
/// this large may have been written as a whole number, which YAML reads otherwise.
const BEYOND_64_BITS: f64 = -(i64::MIN as f64);

/// Above this many members, an object's keys are told apart by a hash set rather than
/// each against every other.
const FEW_MEMBERS: usize = 16;

/// One JSON value, its keys and strings borrowed from the text where they hold no escape.
#[derive(Debug, Clone, PartialEq)]
pub enum Doc<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Doc<'a>>),
    /// The members in the file's order; no two with the same key.
    Object(Vec<(Cow<'a, str>, Doc<'a>)>),
}

/// The error of typed decoding from a [`Doc`] (only whether there is one matters: the fast
/// path then leaves the file to the usual path, which words every diagnostic).
pub type Error = de::value::Error;

impl<'a> Doc<'a> {
    /// Reads a JSON text; `None` when it is not JSON, or has a duplicate or too long key,
    /// or a number beyond 64 bits.
    pub fn parse(text: &'a str) -> Option<Doc<'a>> {
        serde_json::from_str(text).ok()
    }

    /// The member of an object with this key.
    pub fn get(&self, key: &str) -> Option<&Doc<'a>> {
        match self {
            Doc::Object(members) => member(members, key),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Doc::String(s) => Some(s),
            _ => None,
        }
    }

    /// The same value as serde_json's own (for the cold paths of the JSON Schema).
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Doc::Null => Value::Null,
            Doc::Bool(b) => Value::Bool(*b),
            Doc::Number(n) => Value::Number(n.clone()),
            Doc::String(s) => Value::String(s.clone().into_owned()),
            Doc::Array(items) => Value::Array(items.iter().map(Doc::to_value).collect()),
            Doc::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone().into_owned(), v.to_value()))
                    .collect(),
            ),
        }
    }
}

/// The member of an object with this key (a walk: an object's members are few, or are
/// looked at all in turn).
fn member<'d, 'a>(members: &'d [(Cow<'a, str>, Doc<'a>)], key: &str) -> Option<&'d Doc<'a>> {
    members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Whether two members of an object share a key.
fn has_duplicate(members: &[(Cow<'_, str>, Doc<'_>)]) -> bool {
    if members.len() <= FEW_MEMBERS {
        return members
            .iter()
            .enumerate()
            .any(|(i, (key, _))| members[..i].iter().any(|(k, _)| k == key));
    }
    let mut seen: std::collections::HashSet<&str, foldhash::fast::RandomState> =
        std::collections::HashSet::with_capacity_and_hasher(members.len(), Default::default());
    !members.iter().all(|(key, _)| seen.insert(key))
}

impl<'de> Deserialize<'de> for Doc<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DocVisitor)
    }
}

struct DocVisitor;

impl<'de> Visitor<'de> for DocVisitor {
    type Value = Doc<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Doc<'de>, E> {
        Ok(Doc::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Doc<'de>, E> {
        Ok(Doc::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Doc<'de>, E> {
        Ok(Doc::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Doc<'de>, E> {
        // serde_json reads a whole number beyond 64 bits as a float; YAML refuses one that
        // fits in 128 bits. Any number of that size is left to the YAML path (found by the
        // `json_fast_path` fuzz target).
        if v.abs() >= BEYOND_64_BITS {
            return Err(E::custom("a number beyond 64 bits"));
        }
        Number::from_f64(v)
            .map(Doc::Number)
            .ok_or_else(|| E::custom("not a finite number"))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Doc<'de>, E> {
        Ok(Doc::String(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Doc<'de>, E> {
        Ok(Doc::String(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Doc<'de>, E> {
        Ok(Doc::String(Cow::Owned(v)))
    }

    fn visit_unit<E>(self) -> Result<Doc<'de>, E> {
        Ok(Doc::Null)
    }

    fn visit_none<E>(self) -> Result<Doc<'de>, E> {
        Ok(Doc::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Doc<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Doc::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Doc<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            if key.len() > LONGEST_KEY && key.chars().count() > LONGEST_KEY {
                return Err(de::Error::custom("a key too long for the fast path"));
            }
            members.push((key, map.next_value()?));
        }
        if has_duplicate(&members) {
            return Err(de::Error::custom("duplicate key"));
        }
        Ok(Doc::Object(members))
    }
}

/// A key, borrowed from the text where it holds no escape.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

// Typed decoding: the visitor is called as serde_json's `Value` calls it (`visit_u64` for a
// number that is one, `visit_i64` for a negative integer, `visit_f64` for any other; a
// string borrowed; `null` as unit, or none for an option).

impl<'de> IntoDeserializer<'de, Error> for &'de Doc<'_> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// A member's key for typed decoding.
struct KeyDe<'de>(&'de str);

impl<'de> IntoDeserializer<'de, Error> for KeyDe<'de> {
    type Deserializer = de::value::BorrowedStrDeserializer<'de, Error>;

    fn into_deserializer(self) -> Self::Deserializer {
        de::value::BorrowedStrDeserializer::new(self.0)
    }
}

type Members<'de, 'a> = std::iter::Map<
    std::slice::Iter<'de, (Cow<'a, str>, Doc<'a>)>,
    fn(&'de (Cow<'a, str>, Doc<'a>)) -> (KeyDe<'de>, &'de Doc<'a>),
>;

fn members<'de, 'a>(members: &'de [(Cow<'a, str>, Doc<'a>)]) -> Members<'de, 'a> {
    members.iter().map(|(k, v)| (KeyDe(k), v))
}

impl<'de> Deserializer<'de> for &'de Doc<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Doc::Null => visitor.visit_unit(),
            Doc::Bool(b) => visitor.visit_bool(*b),
            Doc::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    match n.as_f64() {
                        Some(f) => visitor.visit_f64(f),
                        None => Err(de::Error::custom("not a number")),
                    }
                }
            }
            Doc::String(s) => visitor.visit_borrowed_str(s),
            Doc::Array(items) => {
                let mut seq = SeqDeserializer::new(items.iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Doc::Object(entries) => {
                let mut map = MapDeserializer::new(members(entries));
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Doc::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self {
            Doc::String(s) => {
                visitor.visit_enum(de::value::BorrowedStrDeserializer::<Error>::new(s))
            }
            Doc::Object(entries) if entries.len() == 1 => visitor.visit_enum(
                MapAccessDeserializer::new(MapDeserializer::new(members(entries))),
            ),
            _ => Err(de::Error::custom("an enum is a string or a map of one key")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

/// [`Doc`] as jsonschema's custom representation of an instance.
#[derive(Debug)]
pub struct DocJson;

impl Json for DocJson {
    type Node<'a> = &'a Doc<'a>;
    type PreparedKey = String;
    type StringBuffer = ();
    // A lookup walks the members, as a pass over them does.
    const KEYS_PER_LOOKUP: usize = 8;
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>((): &mut (), string: &str, f: impl FnOnce(Self::Node<'_>) -> T) -> T {
        f(&Doc::String(Cow::Borrowed(string)))
    }
}

impl<'a> Node<'a, DocJson> for &'a Doc<'a> {
    type Object = &'a [(Cow<'a, str>, Doc<'a>)];
    type Array = &'a [Doc<'a>];
    type Number = &'a Number;

    fn as_object(&self) -> Option<Self::Object> {
        match self {
            Doc::Object(members) => Some(members),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<Self::Array> {
        match self {
            Doc::Array(items) => Some(items),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match self {
            Doc::String(s) => Some(Cow::Borrowed(s)),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<&'a Number> {
        match self {
            Doc::Number(n) => Some(n),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self {
            Doc::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, Doc::Null)
    }

    fn json_type(&self) -> JsonType {
        match self {
            Doc::Null => JsonType::Null,
            Doc::Bool(_) => JsonType::Boolean,
            Doc::Number(_) => JsonType::Number,
            Doc::String(_) => JsonType::String,
            Doc::Array(_) => JsonType::Array,
            Doc::Object(_) => JsonType::Object,
        }
    }

    fn to_value(&self) -> Cow<'a, serde_json::Value> {
        Cow::Owned(Doc::to_value(self))
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(std::ptr::from_ref::<Doc>(*self) as usize))
    }
}

impl<'a> Object<'a, DocJson> for &'a [(Cow<'a, str>, Doc<'a>)] {
    type Node = &'a Doc<'a>;
    type MemberName = &'a str;
    type MembersIter = std::iter::Map<
        std::slice::Iter<'a, (Cow<'a, str>, Doc<'a>)>,
        fn(&'a (Cow<'a, str>, Doc<'a>)) -> (&'a str, &'a Doc<'a>),
    >;

    fn len(&self) -> usize {
        <[_]>::len(self)
    }

    fn get(&self, key: &String) -> Option<&'a Doc<'a>> {
        member(self, key)
    }

    fn members(&self) -> Self::MembersIter {
        self.iter().map(|(k, v)| (k.as_ref(), v))
    }
}

impl<'a> Array<'a, DocJson> for &'a [Doc<'a>] {
    type Node = &'a Doc<'a>;
    type ElementsIter = std::slice::Iter<'a, Doc<'a>>;

    fn len(&self) -> usize {
        <[_]>::len(self)
    }

    fn elements(&self) -> Self::ElementsIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_and_too_long_keys_are_refused() {
        assert!(Doc::parse(r#"{"a": 1, "b": {"c": 1, "c": 2}}"#).is_none());
        assert!(Doc::parse(r#"{"a": 1, "\u0061": 2}"#).is_none());
        assert!(Doc::parse(r#"{"a": 1, "b": {"c": 1}}"#).is_some());
        // Past FEW_MEMBERS, the hash set tells them apart.
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}}}", many.join(", "));
        assert!(Doc::parse(&text).is_some());
        let text = format!("{{{}, \"k17\": 0}}", many.join(", "));
        assert!(Doc::parse(&text).is_none());
        let long = "x".repeat(LONGEST_KEY + 1);
        assert!(Doc::parse(&format!("{{\"{long}\": 1}}")).is_none());
        assert!(Doc::parse(&format!("{{\"{}\": 1}}", "é".repeat(LONGEST_KEY))).is_some());
    }

    #[test]
    fn numbers_beyond_64_bits_are_refused() {
        assert!(Doc::parse(r#"{"a": 18446744073709551615, "b": -9223372036854775808}"#).is_some());
        assert!(Doc::parse(r#"{"a": 9.2e18, "b": -9.2e18}"#).is_some());
        for text in [
            r#"{"a": 18446744073709551616}"#,
            r#"{"a": -9223372036854775809}"#,
            r#"{"a": 4222222222222222222222222222222222222}"#,
            r#"{"a": 1e19}"#,
        ] {
            assert!(Doc::parse(text).is_none(), "{text}");
        }
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let doc = Doc::parse(r#"{"plain": "text", "esc\u0061ped": "a\nb"}"#).unwrap();
        let Doc::Object(members) = &doc else { panic!() };
        assert!(matches!(members[0].0, Cow::Borrowed("plain")));
        assert!(matches!(members[0].1, Doc::String(Cow::Borrowed("text"))));
        assert!(matches!(&members[1].0, Cow::Owned(k) if k == "escaped"));
        assert!(matches!(&members[1].1, Doc::String(Cow::Owned(s)) if s == "a\nb"));
    }

    /// Typed decoding from a `Doc` gives what serde_json gives from the text, for every
    /// shape serde derives: numbers of each kind, options, enums, newtypes, maps in order.
    #[test]
    fn typed_decoding_gives_what_serde_json_gives() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Shape {
            u: u64,
            i: i64,
            f: f64,
            whole: f64,
            opt: Option<String>,
            none: Option<u8>,
            unit: Kind,
            tagged: Tagged,
            new: Wrapped,
            map: indexmap_like::Ordered,
            list: Vec<serde_json::Value>,
            #[serde(default)]
            missing: Vec<u8>,
        }
        #[derive(Debug, PartialEq, serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum Kind {
            Adopted,
        }
        #[derive(Debug, PartialEq, serde::Deserialize)]
        enum Tagged {
            Pair(u8, u8),
        }
        #[derive(Debug, PartialEq, serde::Deserialize)]
        struct Wrapped(String);
        mod indexmap_like {
            /// The keys in the order given.
            #[derive(Debug, PartialEq)]
            pub struct Ordered(pub Vec<String>);
            impl<'de> serde::Deserialize<'de> for Ordered {
                fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    struct Keys;
                    impl<'de> serde::de::Visitor<'de> for Keys {
                        type Value = Ordered;
                        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                            f.write_str("a map")
                        }
                        fn visit_map<A: serde::de::MapAccess<'de>>(
                            self,
                            mut map: A,
                        ) -> Result<Ordered, A::Error> {
                            let mut keys = Vec::new();
                            while let Some((k, serde::de::IgnoredAny)) = map.next_entry()? {
                                keys.push(k);
                            }
                            Ok(Ordered(keys))
                        }
                    }
                    d.deserialize_map(Keys)
                }
            }
        }
        let text = r#"{"u": 18446744073709551615, "i": -9223372036854775808, "f": 0.1,
            "whole": 2, "opt": "x", "none": null, "unit": "adopted", "tagged": {"Pair": [1, 2]},
            "new": "w", "map": {"z": 1, "a": 2}, "list": [1, -1, 1.5, "s", null, true, {}]}"#;
        let doc = Doc::parse(text).unwrap();
        let from_doc = Shape::deserialize(&doc).unwrap();
        let from_text: Shape = serde_json::from_str(text).unwrap();
        assert_eq!(from_doc, from_text);
        assert_eq!(from_doc.map.0, ["z", "a"]);
        assert_eq!(
            doc.to_value(),
            serde_json::from_str::<serde_json::Value>(text).unwrap()
        );
        // What one refuses, the other refuses.
        for bad in [
            r#"{"u": -1}"#,
            r#"{"u": 1.5}"#,
            r#"{"unit": "other"}"#,
            r#"{"new": 1}"#,
            r#"{"tagged": {"Pair": [1]}}"#,
            r#"{"tagged": {"Pair": [1, 2, 3]}}"#,
        ] {
            let doc = Doc::parse(bad).unwrap();
            assert!(Shape::deserialize(&doc).is_err(), "{bad}");
            assert!(serde_json::from_str::<Shape>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_representation_meets_jsonschemas_contract() {
        let text = jsonschema::json::conformance::document().to_string();
        let doc = Doc::parse(&text).unwrap();
        jsonschema::json::conformance::assert_conformance::<DocJson>(&&doc);
    }
}
