//! The fields of a saved object that this version does not know (written by a newer liseuse,
//! or a script): kept as they were read and written back at every save. Flattened into the
//! object that holds them, so they stay where they were in the file.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// Unknown fields by name. One pointer wide when there are none (the usual case): bookmarks
/// travel in the app's events and effects, which should stay small.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extra(Option<Box<Map<String, Value>>>);

impl Extra {
    /// No unknown field.
    pub fn new() -> Extra {
        Extra(None)
    }

    /// Whether there is no unknown field.
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|m| m.is_empty())
    }

    /// The unknown field `name`, as read.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.as_ref()?.get(name)
    }

    /// Every unknown field, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().flat_map(|m| m.iter())
    }

    /// Adds the fields of `other` this one lacks (another process's, merged on save).
    pub fn add_missing(&mut self, other: &Extra) {
        for (k, v) in other.iter() {
            if self.get(k).is_none() {
                self.0
                    .get_or_insert_with(Default::default)
                    .insert(k.clone(), v.clone());
            }
        }
    }
}

impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Extra, D::Error> {
        let map = Map::deserialize(d)?;
        Ok(Extra((!map.is_empty()).then(|| Box::new(map))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Holder {
        known: u32,
        #[serde(flatten)]
        extra: Extra,
    }

    #[test]
    fn unknown_fields_round_trip_and_none_cost_nothing() {
        let text = r#"{"known":1,"tags":["x"],"deep":{"a":[1,2]}}"#;
        let h: Holder = serde_json::from_str(text).unwrap();
        assert_eq!(h.extra.get("tags"), Some(&serde_json::json!(["x"])));
        let back: Value = serde_json::to_value(&h).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(text).unwrap());
        let plain: Holder = serde_json::from_str(r#"{"known":2}"#).unwrap();
        assert!(plain.extra.is_empty() && plain.extra.0.is_none());
        assert_eq!(serde_json::to_string(&plain).unwrap(), r#"{"known":2}"#);
        assert_eq!(std::mem::size_of::<Extra>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn add_missing_keeps_what_is_there() {
        let mut a: Holder = serde_json::from_str(r#"{"known":1,"x":1}"#).unwrap();
        let b: Holder = serde_json::from_str(r#"{"known":1,"x":2,"y":3}"#).unwrap();
        a.extra.add_missing(&b.extra);
        assert_eq!(a.extra.get("x"), Some(&serde_json::json!(1)));
        assert_eq!(a.extra.get("y"), Some(&serde_json::json!(3)));
    }
}
