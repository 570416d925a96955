//! A profile's `migrations`: each `from` an earlier version listed once, each entry well
//! formed, every `to` an indicator of this profile and every mapped value valid there, and
//! no old id given two fates (in one migration and in `replaces`).

use super::Checker;
use crate::diag::pointer_push;
use crate::model::raw::{self, IdList, MigrationEntry};
use crate::model::{Domain, Migration, MigrationRule};
use std::collections::{BTreeMap, HashSet};

impl Checker {
    pub(super) fn migrations(
        &mut self,
        migrations: &[raw::Migration],
        version: &semver::Version,
        domains: &[Domain],
        index: &crate::model::Index,
        replaces: &BTreeMap<String, String>,
    ) -> Vec<Migration> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for (m, migration) in migrations.iter().enumerate() {
            let mptr = pointer_push("/migrations", m);
            let fptr = pointer_push(&mptr, "from");
            let from = migration.from.as_str();
            let Ok(from_version) = semver::Version::parse(from) else {
                self.error(
                    "version-form",
                    &fptr,
                    format!("migration `from` {from:?} is not a semantic version such as 1.0.0"),
                );
                continue;
            };
            if from_version >= *version {
                self.error(
                    "migration-from",
                    &fptr,
                    format!("a migration from {from_version} must come from a version lower than this profile's own, {version}"),
                );
            }
            if !seen.insert(from_version.clone()) {
                self.error(
                    "duplicate-id",
                    &fptr,
                    format!("the migration from {from_version} is listed twice"),
                );
            }
            let indicators = self.about(format!("migration from {from_version}"), |c| {
                c.migration_entries(migration, &mptr, domains, index, replaces)
            });
            out.push(Migration {
                from: from_version,
                indicators,
            });
        }
        out
    }

    fn migration_entries(
        &mut self,
        migration: &raw::Migration,
        mptr: &str,
        domains: &[Domain],
        index: &crate::model::Index,
        replaces: &BTreeMap<String, String>,
    ) -> BTreeMap<String, MigrationRule> {
        let mut rules = BTreeMap::new();
        for (old, entry) in migration.indicators.iter() {
            let ptr = pointer_push(&pointer_push(mptr, "indicators"), old);
            if !super::is_indicator_id(old) {
                self.error(
                    "id-form",
                    &ptr,
                    format!(
                        "old id {old:?} is not an indicator id (parts of [a-z0-9-]+ joined by dots)"
                    ),
                );
            }
            if replaces.contains_key(old) {
                self.error(
                    "duplicate-id",
                    &ptr,
                    format!("`{old}` is listed twice: here and in `replaces`; keep one"),
                );
            }
            let rule = match entry {
                MigrationEntry::Drop { reason } => {
                    if reason.trim().is_empty() {
                        self.error(
                            "empty-text",
                            &pointer_push(&ptr, "drop"),
                            format!("`{old}` is dropped without a reason"),
                        );
                    }
                    MigrationRule::Drop(reason.clone())
                }
                MigrationEntry::To { to, values } => {
                    let to_ptr = match entry {
                        MigrationEntry::To {
                            to: IdList::One(_),
                            values: None,
                        } => ptr.clone(),
                        _ => pointer_push(&ptr, "to"),
                    };
                    let ids = to.ids();
                    if ids.is_empty() {
                        self.error(
                            "no-indicators",
                            &to_ptr,
                            format!("`{old}` is carried to an empty list; name at least one id or drop it"),
                        );
                    }
                    let mut targets = Vec::new();
                    for (n, id) in ids.iter().enumerate() {
                        let iptr = match to {
                            IdList::One(_) => to_ptr.clone(),
                            IdList::Many(_) => pointer_push(&to_ptr, n),
                        };
                        if targets.iter().any(|t: &String| t == id) {
                            self.error(
                                "duplicate-id",
                                &iptr,
                                format!("`{old}` is carried to `{id}` twice"),
                            );
                            continue;
                        }
                        if !index.contains_key(*id) {
                            self.error_with_suggestion(
                                "unknown-indicator",
                                &iptr,
                                format!("`{old}` is carried to `{id}`, which is not an indicator of this profile"),
                                id,
                                index.keys().map(String::as_str),
                            );
                            continue;
                        }
                        targets.push((*id).to_owned());
                    }
                    let values = values.as_ref().map(|values| {
                        let vptr = pointer_push(&ptr, "values");
                        let what = match &self.context {
                            Some(outer) => format!("{outer}, `{old}`"),
                            None => format!("`{old}`"),
                        };
                        self.about(what, |c| {
                            for (key, value) in values.iter() {
                                let kptr = pointer_push(&vptr, key.to_string());
                                for id in &targets {
                                    let &(d, i) = &index[id];
                                    let indicator = &domains[d].indicators[i];
                                    c.value(value, indicator, &|| kptr.clone(), None, false);
                                }
                            }
                        });
                        values.iter().map(|(k, v)| (*k, v.clone())).collect()
                    });
                    MigrationRule::To {
                        to: targets,
                        values,
                    }
                }
            };
            rules.insert(old.clone(), rule);
        }
        rules
    }
}
