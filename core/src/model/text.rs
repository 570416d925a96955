//! Small value types of the file format that serde cannot derive the way the format wants:
//! localized text, labels that may look like numbers, maps that reject duplicate keys, and
//! answer values whose type depends on the indicator.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
#[cfg(not(target_arch = "wasm32"))]
use std::collections::HashSet;
use std::fmt;
#[cfg(not(target_arch = "wasm32"))]
use std::hash::BuildHasher;
use std::hash::Hash;
use std::marker::PhantomData;

/// Text in one language (a plain string) or in several (`{en: ..., fr: ...}`).
#[derive(Clone, Debug, PartialEq)]
pub enum LocalizedText {
    /// The same text whatever the language.
    Plain(String),
    /// Text per language code, in file order.
    Translated(UniqueMap<String, Str>),
}

impl LocalizedText {
    /// The text in `lang`, else in `default_lang`, else the first one given.
    pub fn get<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        match self {
            LocalizedText::Plain(text) => text,
            LocalizedText::Translated(map) => map
                .get(lang)
                .or_else(|| map.get(default_lang))
                .or_else(|| map.iter().next().map(|(_, v)| v))
                .map_or("", |s| s.as_str()),
        }
    }

    /// The languages this text is given in (none for plain text).
    pub fn languages(&self) -> Vec<&str> {
        match self {
            LocalizedText::Plain(_) => Vec::new(),
            LocalizedText::Translated(map) => map.keys().map(String::as_str).collect(),
        }
    }

    /// Whether every variant of the text is empty or blank.
    pub fn is_blank(&self) -> bool {
        match self {
            LocalizedText::Plain(text) => text.trim().is_empty(),
            LocalizedText::Translated(map) => map.iter().all(|(_, v)| v.trim().is_empty()),
        }
    }
}

impl From<&str> for LocalizedText {
    fn from(text: &str) -> Self {
        LocalizedText::Plain(text.to_owned())
    }
}

impl Serialize for LocalizedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            LocalizedText::Plain(text) => serializer.serialize_str(text),
            LocalizedText::Translated(map) => map.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for LocalizedText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = LocalizedText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a map of language codes to texts")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(LocalizedText::Plain(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                UniqueMapVisitor::<String, Str>::new()
                    .visit_map(map)
                    .map(LocalizedText::Translated)
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

impl JsonSchema for LocalizedText {
    fn schema_name() -> Cow<'static, str> {
        "LocalizedText".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A text, or a map of language codes to texts ({en: ..., fr: ...}).",
            "anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": {"type": "string"}}
            ]
        })
    }
}

/// Text that must be written as text. serde_yaml hands any scalar to a `String` field
/// (`name: 42` would read as "42", `id: null` as "null"), where the JSON Schema says
/// `type: string`; this type and [`strict`] accept real strings only, so that typed
/// decoding is never more lenient than the schema.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct Str(pub String);

impl std::ops::Deref for Str {
    type Target = String;
    fn deref(&self) -> &String {
        &self.0
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

struct StrVisitor;

impl Visitor<'_> for StrVisitor {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text (put numbers, true, false and null in quotes to use them as text)")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrVisitor).map(Str)
    }
}

impl JsonSchema for Str {
    fn schema_name() -> Cow<'static, str> {
        "String".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string"})
    }
}

/// `deserialize_with` functions that accept real strings only (see [`Str`]).
pub mod strict {
    use super::{Str, StrVisitor};
    use serde::{Deserialize, Deserializer};

    /// A string.
    pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        d.deserialize_any(StrVisitor)
    }

    /// A list of strings.
    pub fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        Ok(Vec::<Str>::deserialize(d)?
            .into_iter()
            .map(|s| s.0)
            .collect())
    }

    /// An optional string (null or absent is None).
    pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(Option::<Str>::deserialize(d)?.map(|s| s.0))
    }
}

/// A short label that the format defines as text even when it looks like a number:
/// `cycle: 2024` is the text "2024", and so is a `version` or an administration `code`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Label(pub String);

impl Label {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LabelVisitor;
        impl Visitor<'_> for LabelVisitor {
            type Value = Label;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Label, E> {
                Ok(Label(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Label, E> {
                Ok(Label(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Label, E> {
                Ok(Label(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Label, E> {
                // Debug keeps the decimal point: `version: 1.0` reads as "1.0", not "1".
                Ok(Label(format!("{v:?}")))
            }
        }
        deserializer.deserialize_any(LabelVisitor)
    }
}

impl JsonSchema for Label {
    fn schema_name() -> Cow<'static, str> {
        "Label".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text; a number written here is read as its text (cycle: 2024 is \"2024\").",
            "type": ["string", "number"]
        })
    }
}

/// A map that keeps file order and rejects duplicate keys, where serde's maps would let
/// the last one win silently.
#[derive(Clone, Debug, PartialEq)]
pub struct UniqueMap<K, V>(Vec<(K, V)>);

#[cfg(test)]
mod unique_map_tests {
    use super::UniqueMap;

    #[test]
    fn set_keeps_order_and_remove_takes_out() {
        let mut m: UniqueMap<String, i32> = [("a".to_owned(), 1), ("b".to_owned(), 2)]
            .into_iter()
            .collect();
        m.set("a".to_owned(), 3);
        m.set("c".to_owned(), 4);
        assert_eq!(
            m.iter().map(|(k, v)| format!("{k}{v}")).collect::<Vec<_>>(),
            ["a3", "b2", "c4"]
        );
        assert_eq!(m.remove("b"), Some(2));
        assert_eq!(m.len(), 2);
        *m.get_mut("c").unwrap() = 5;
        m.retain(|_, v| *v > 3);
        assert_eq!(m.keys().collect::<Vec<_>>(), ["c"]);
    }
}

impl<K, V> Default for UniqueMap<K, V> {
    fn default() -> Self {
        UniqueMap(Vec::new())
    }
}

impl<K: PartialEq, V> UniqueMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        UniqueMap(Vec::new())
    }

    /// Adds an entry; returns false (and changes nothing) when the key is already there.
    pub fn insert(&mut self, key: K, value: V) -> bool {
        if self.0.iter().any(|(k, _)| *k == key) {
            return false;
        }
        self.0.push((key, value));
        true
    }

    /// The value for `key`.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        self.0
            .iter()
            .find(|(k, _)| k.borrow() == key)
            .map(|(_, v)| v)
    }

    /// The value for `key`, mutable.
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: std::borrow::Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        self.0
            .iter_mut()
            .find(|(k, _)| k.borrow() == key)
            .map(|(_, v)| v)
    }

    /// Sets the value for `key`, keeping its place when it is already there.
    pub fn set(&mut self, key: K, value: V) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// Removes `key` and returns its value.
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        let at = self.0.iter().position(|(k, _)| k.borrow() == key)?;
        Some(self.0.remove(at).1)
    }

    /// Keeps the entries for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &V) -> bool) {
        self.0.retain(|(k, v)| keep(k, v));
    }

    /// Entries in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Keys in file order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: PartialEq, V> FromIterator<(K, V)> for UniqueMap<K, V> {
    /// Collects entries; a repeated key keeps its first value.
    fn from_iter<T: IntoIterator<Item = (K, V)>>(iter: T) -> Self {
        let mut map = UniqueMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<K: Serialize, V: Serialize> Serialize for UniqueMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

struct UniqueMapVisitor<K, V>(PhantomData<(K, V)>);

impl<K, V> UniqueMapVisitor<K, V> {
    fn new() -> Self {
        UniqueMapVisitor(PhantomData)
    }
}

impl<'de, K, V> Visitor<'de> for UniqueMapVisitor<K, V>
where
    K: Deserialize<'de> + PartialEq + Hash + fmt::Display,
    V: Deserialize<'de>,
{
    type Value = UniqueMap<K, V>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        // `answers:` with every entry still commented out is an empty map, not an error.
        Ok(UniqueMap::new())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut map = UniqueMap::new();
        let mut seen = Seen::default();
        while let Some(key) = access.next_key::<K>()? {
            if seen.again(&map, &key) {
                return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
            }
            let value = access.next_value::<V>()?;
            map.0.push((key, value));
        }
        Ok(map)
    }
}

/// The keys of a map being read, to find a duplicate.
///
/// Natively, by their hashes: a key is compared with the earlier ones only when its hash is
/// among theirs, not with every one (an answers map has a hundred keys, and `validate` reads
/// a thousand files). In the browser, which reads one file at a time, by comparing each key
/// with the earlier ones: the hashing would cost the first load more than it saves there.
#[derive(Default)]
struct Seen {
    #[cfg(not(target_arch = "wasm32"))]
    hashes: HashSet<u64, foldhash::fast::RandomState>,
}

impl Seen {
    /// Whether `key` is already in `map`; notes it.
    fn again<K: PartialEq + Hash, V>(&mut self, map: &UniqueMap<K, V>, key: &K) -> bool {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let hash = self.hashes.hasher().hash_one(key);
            !self.hashes.insert(hash) && map.get(key).is_some()
        }
        #[cfg(target_arch = "wasm32")]
        {
            map.get(key).is_some()
        }
    }
}

impl<'de, K, V> Deserialize<'de> for UniqueMap<K, V>
where
    K: Deserialize<'de> + PartialEq + Hash + fmt::Display,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueMapVisitor::new())
    }
}

impl<K: JsonSchema, V: JsonSchema> JsonSchema for UniqueMap<K, V> {
    fn schema_name() -> Cow<'static, str> {
        format!("Map_of_{}_to_{}", K::schema_name(), V::schema_name()).into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let value = generator.subschema_for::<V>();
        let key = K::json_schema(generator);
        let mut schema = json_schema!({
            "type": ["object", "null"],
            "additionalProperties": value,
        });
        if let Some(pattern) = key.get("pattern") {
            schema.insert(
                "propertyNames".into(),
                serde_json::json!({ "pattern": pattern }),
            );
        }
        schema
    }
}

/// A key of a scale's `levels` map: an integer, written bare in YAML (`2:`) or quoted as
/// JSON requires (`"2":`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LevelKey(pub i64);

impl fmt::Display for LevelKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Serialize for LevelKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for LevelKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = LevelKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a level value (an integer)")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<LevelKey, E> {
                Ok(LevelKey(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<LevelKey, E> {
                i64::try_from(v)
                    .map(LevelKey)
                    .map_err(|_| E::custom("level value too large"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LevelKey, E> {
                v.trim()
                    .parse()
                    .map(LevelKey)
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_any(KeyVisitor)
    }
}

impl JsonSchema for LevelKey {
    fn schema_name() -> Cow<'static, str> {
        "LevelKey".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "pattern": "^-?[0-9]+$"})
    }
}

/// An answer or target value as written. Its meaning (a level, a share, a KPI value, a
/// date) depends on the indicator, so it is checked against the profile when lowered.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerValue {
    /// `true` or `false`.
    Bool(bool),
    /// A whole number (a scale level, or a number that happens to be whole).
    Int(i64),
    /// A number with a fractional part.
    Float(f64),
    /// Text: a date for date indicators, otherwise a mistake.
    Text(String),
}

impl AnswerValue {
    /// The value as a number, if it is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            AnswerValue::Int(v) => Some(*v as f64),
            AnswerValue::Float(v) => Some(*v),
            _ => None,
        }
    }

    /// How the value reads in a message.
    pub fn describe(&self) -> String {
        match self {
            AnswerValue::Bool(v) => format!("the boolean {v}"),
            AnswerValue::Int(v) => format!("the number {v}"),
            AnswerValue::Float(v) => format!("the number {v}"),
            AnswerValue::Text(v) => format!("the text {v:?}"),
        }
    }
}

impl Serialize for AnswerValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AnswerValue::Bool(v) => serializer.serialize_bool(*v),
            AnswerValue::Int(v) => serializer.serialize_i64(*v),
            AnswerValue::Float(v) => serializer.serialize_f64(*v),
            AnswerValue::Text(v) => serializer.serialize_str(v),
        }
    }
}

impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl Visitor<'_> for ValueVisitor {
            type Value = AnswerValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a level, true or false, a number or a date")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<AnswerValue, E> {
                Ok(i64::try_from(v).map_or(AnswerValue::Float(v as f64), AnswerValue::Int))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Float(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Text(v.to_owned()))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

impl JsonSchema for AnswerValue {
    fn schema_name() -> Cow<'static, str> {
        "AnswerValue".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A scale level, true or false, a share in [0, 1], a number, or a date (YYYY-MM-DD), as the indicator's kind requires.",
            "type": ["boolean", "number", "string"]
        })
    }
}
