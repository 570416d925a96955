//! Where a node of a document starts, by JSON Pointer, found by serde_yaml itself.
//!
//! serde_yaml keeps no positions in its trees, but it stamps every error with the place of
//! the node being read when the error arose, and it never changes (0.9.34 is its last
//! release). So to find a node, a visitor walks the text down the pointer, skipping every
//! other branch, and raises an error on arriving: the error's location is the answer. A
//! pointer that leads nowhere stops at its nearest existing ancestor, which raises instead.
//! The same trick finds the second occurrence of a duplicate key.
//!
//! One walk per position, each stopping at its node, and only for diagnostics that need a
//! place: the browser then needs no second YAML parser (dropping saphyr-parser saved 14.5 KB of
//! gzip there). A test checks every node of every test file against saphyr's own events.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

/// The message of the error raised on arrival; never shown.
const HERE: &str = "tradeready: here";

/// 1-based line and column where the node at `pointer` starts, else its nearest ancestor.
/// With `key`, the position of the key that names the node, when there is one.
pub fn find(text: &str, pointer: &str, key: bool) -> Option<(usize, usize)> {
    let path: Vec<String> = crate::diag::pointer_segments(pointer).collect();
    let walk = Walk { path: &path, key };
    let error = walk
        .deserialize(serde_yaml::Deserializer::from_str(text))
        .err()?;
    if !error.to_string().contains(HERE) {
        // The text itself is broken before the node: no position is better than a wrong one.
        return None;
    }
    error.location().map(|l| (l.line(), l.column()))
}

/// The pointer and position of the first key that repeats an earlier key of its mapping.
pub fn first_duplicate(text: &str) -> Option<(String, (usize, usize))> {
    let found = RefCell::new(None);
    let error = Dups {
        pointer: String::new(),
        found: &found,
    }
    .deserialize(serde_yaml::Deserializer::from_str(text))
    .err()?;
    let pointer = found.into_inner()?;
    error.location().map(|l| (pointer, (l.line(), l.column())))
}

fn here<E: de::Error>() -> E {
    E::custom(HERE)
}

/// A mapping key as text (numbers and booleans as written; a complex key as `?`), handed
/// to the function it holds. A key the function refuses (returns `None` for) raises there
/// and then, so that the error carries the key's own position.
struct Key<F>(F);

impl<F: FnOnce(String) -> Option<String>> Key<F> {
    fn check<E: de::Error>(self, name: String) -> Result<String, E> {
        (self.0)(name).ok_or_else(here)
    }
}

impl<'de, F: FnOnce(String) -> Option<String>> DeserializeSeed<'de> for Key<F> {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, F: FnOnce(String) -> Option<String>> Visitor<'de> for Key<F> {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        self.check(v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        self.check(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        self.check(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        self.check(v.to_string())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        self.check(v.to_owned())
    }
    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        self.check("null".to_owned())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<String, A::Error> {
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok("?".to_owned())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<String, A::Error> {
        while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok("?".to_owned())
    }
}

/// Walks down `path`; raises at its end, or at the deepest node that exists on the way.
struct Walk<'a> {
    path: &'a [String],
    key: bool,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any node")
    }
    // A scalar is either the end of the path or, where the path goes on, the nearest
    // ancestor of a node that does not exist: either way, here.
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(here())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(here())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(here())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(here())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(here())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(here())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(here())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<(), A::Error> {
        let Some(first) = self.path.first() else {
            return Err(here());
        };
        let wanted = first.parse::<usize>().ok();
        let mut index = 0;
        loop {
            if Some(index) == wanted {
                a.next_element_seed(Walk {
                    path: &self.path[1..],
                    key: self.key,
                })?;
                // Reached only when the element does not exist.
                return Err(here());
            }
            if a.next_element::<IgnoredAny>()?.is_none() {
                return Err(here());
            }
            index += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<(), A::Error> {
        let Some(first) = self.path.first() else {
            return Err(here());
        };
        let last = self.path.len() == 1;
        let target = (self.key && last).then_some(first.as_str());
        while let Some(name) = a.next_key_seed(Key(|name: String| {
            (target != Some(name.as_str())).then_some(name)
        }))? {
            if name == *first {
                return a.next_value_seed(Walk {
                    path: &self.path[1..],
                    key: self.key,
                });
            }
            a.next_value::<IgnoredAny>()?;
        }
        Err(here())
    }
}

/// Walks the whole document; raises at the first key that repeats one of its mapping.
struct Dups<'a> {
    pointer: String,
    found: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Dups<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Dups<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any node")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, a: A) -> Result<(), A::Error> {
        // A tagged node (`!tag value`) is walked like any other. Left unread, serde_yaml
        // hands the same node to the sequence again, forever: a fuzzer found a 6 KB file
        // (a tag in a flow sequence, then a syntax error) that never finished loading.
        let (_, value) = a.variant::<IgnoredAny>()?;
        de::VariantAccess::newtype_variant_seed(value, self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        while a
            .next_element_seed(Dups {
                pointer: crate::diag::pointer_push(&self.pointer, index),
                found: self.found,
            })?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(name) = a.next_key_seed(Key(|name: String| {
            if seen.contains(&name) {
                *self.found.borrow_mut() = Some(crate::diag::pointer_push(&self.pointer, &name));
                None
            } else {
                seen.insert(name.clone());
                Some(name)
            }
        }))? {
            a.next_value_seed(Dups {
                pointer: crate::diag::pointer_push(&self.pointer, &name),
                found: self.found,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::first_duplicate;

    #[test]
    fn a_tagged_node_is_walked_once_for_duplicates_inside_it() {
        // The duplicate key inside a tagged mapping is found where it is.
        assert_eq!(
            first_duplicate("a: !T {x: 1, x: 2}\n"),
            Some(("/a/x".to_owned(), (1, 14)))
        );
    }

    #[test]
    fn a_tagged_item_of_a_broken_document_is_walked_once() {
        // A tagged item of a sequence, the document broken after it: the walk ends (it
        // went round the tagged item forever) and finds no duplicate.
        let broken = "  a: {v: 1, e: [!List of items, file F/2024/134\"]}\n    e:\n";
        assert_eq!(first_duplicate(broken), None);
    }
}
