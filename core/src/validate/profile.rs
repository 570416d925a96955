//! Profile-level checks: ids, version, languages, sources, scales, bands, domains, caps,
//! scenarios and replaced ids.

use super::Checker;
use crate::diag::pointer_push;
use crate::model::raw;
use crate::model::{Band, Cap, CapLimit, Domain, Profile, ScaleLevel, Scenario};
use std::collections::{BTreeMap, HashMap, HashSet};

impl Checker {
    pub(super) fn profile(&mut self, p: raw::Profile) -> Profile {
        self.format(p.format);
        self.simple_id(&p.id, "/id", "profile");
        let version = self.version(&p, "/version");

        // Languages first: every text is checked against them.
        if p.languages.is_empty() {
            self.error(
                "no-languages",
                "/languages",
                "list at least one language; the first is the default",
            );
        }
        let mut seen = HashSet::new();
        for (i, lang) in p.languages.iter().enumerate() {
            let ptr = pointer_push("/languages", i);
            if lang.trim().is_empty() {
                self.error("empty-text", &ptr, "a language code is empty");
            } else if !seen.insert(lang.as_str()) {
                self.error(
                    "duplicate-id",
                    &ptr,
                    format!("language `{lang}` is listed twice"),
                );
            }
        }
        self.languages = p.languages.clone();
        self.text(&p.title, "/title", "the profile title");
        if let Some(d) = &p.description {
            self.text(d, "/description", "the description");
        }

        let clause_ids = self.sources(&p.sources);
        let scales = self.scales(&p.scales);
        let bands = self.bands(&p.bands);

        if p.domains.is_empty() {
            self.error(
                "no-domains",
                "/domains",
                "a profile needs at least one domain",
            );
        }
        let mut domain_ids: HashMap<&str, usize> = HashMap::new();
        let mut index = crate::model::Index::default();
        let mut domains = Vec::new();
        for (d, domain) in p.domains.iter().enumerate() {
            let dptr = pointer_push("/domains", d);
            self.simple_id(&domain.id, &pointer_push(&dptr, "id"), "domain");
            if domain_ids.insert(&domain.id, d).is_some() {
                self.error(
                    "duplicate-id",
                    &pointer_push(&dptr, "id"),
                    format!("domain id `{}` is used twice", domain.id),
                );
            }
            self.about(format!("domain `{}`", domain.id), |c| {
                c.text(&domain.title, &pointer_push(&dptr, "title"), "the title");
                if let Some(desc) = &domain.description {
                    c.text(desc, &pointer_push(&dptr, "description"), "the description");
                }
                c.positive(domain.weight, &pointer_push(&dptr, "weight"), "the weight");
                if let Some(basis) = &domain.basis {
                    c.text(basis, &pointer_push(&dptr, "basis"), "the basis");
                }
                if domain.indicators.is_empty() {
                    c.error(
                        "no-indicators",
                        &pointer_push(&dptr, "indicators"),
                        "it has no indicator; list at least one",
                    );
                }
            });
            let mut indicators = Vec::new();
            for (i, ind) in domain.indicators.iter().enumerate() {
                let iptr = pointer_push(&pointer_push(&dptr, "indicators"), i);
                if index.contains_key(&ind.id) {
                    self.error(
                        "duplicate-id",
                        &pointer_push(&iptr, "id"),
                        format!("indicator id `{}` is used twice", ind.id),
                    );
                } else {
                    index.insert(ind.id.clone(), (d, indicators.len()));
                }
                indicators.push(self.indicator(ind, &iptr, &scales, &p.sources, &clause_ids));
            }
            domains.push(Domain {
                id: domain.id.clone(),
                title: domain.title.clone(),
                weight: domain.weight,
                basis: domain.basis.clone(),
                indicators,
            });
        }
        // Scenario weights name domains or indicators, so the two must never share an id.
        for (id, &d) in &domain_ids {
            if index.contains_key(*id) {
                self.error(
                    "duplicate-id",
                    &pointer_push(&pointer_push("/domains", d), "id"),
                    format!("`{id}` is both a domain id and an indicator id"),
                );
            }
        }
        let caps = self.caps(&p.caps, &index, &domain_ids);
        let scenarios = self.scenarios(&p.scenarios, &index, &domain_ids);
        let mut replaces = BTreeMap::new();
        for (old, new) in p.replaces.iter() {
            let ptr = pointer_push("/replaces", old);
            if !index.contains_key(new.as_str()) {
                self.error(
                    "unknown-indicator",
                    &ptr,
                    format!(
                        "`{old}` is replaced by `{new}`, which is not an indicator of this profile"
                    ),
                );
            }
            if index.contains_key(old) {
                self.error(
                    "replaced-id-present",
                    &ptr,
                    format!(
                        "`{old}` is listed as replaced but is still an indicator of this profile"
                    ),
                );
            }
            replaces.insert(old.clone(), new.0.clone());
        }
        let migrations = self.migrations(&p.migrations, &version, &domains, &index, &replaces);
        self.uncited_clauses(&p);

        Profile {
            id: p.id.clone(),
            version,
            languages: p.languages.clone(),
            title: p.title.clone(),
            sources: p.sources.clone(),
            bands,
            missing: p.missing,
            domains,
            caps,
            scenarios,
            replaces,
            migrations,
            sha256: None,
            index,
        }
    }

    /// Checks sources and their clauses; returns, per source id, its clause ids when listed.
    fn sources(&mut self, sources: &[raw::Source]) -> HashMap<String, Option<HashSet<String>>> {
        let mut out = HashMap::new();
        let mut all_clauses = HashSet::new();
        for (s, source) in sources.iter().enumerate() {
            let sptr = pointer_push("/sources", s);
            if source.id.is_empty()
                || source.id.contains('.')
                || source.id.contains(char::is_whitespace)
            {
                self.error(
                    "id-form",
                    &pointer_push(&sptr, "id"),
                    format!(
                        "source id {:?} must be non-empty, without dots or spaces",
                        source.id
                    ),
                );
            }
            self.about(format!("source `{}`", source.id), |c| {
                c.text(&source.title, &pointer_push(&sptr, "title"), "the title");
            });
            let clauses = source.clauses.as_ref().map(|clauses| {
                let mut ids = HashSet::new();
                for (c, clause) in clauses.iter().enumerate() {
                    let cptr = pointer_push(&pointer_push(&sptr, "clauses"), c);
                    let prefix = format!("{}.", source.id);
                    if !clause.id.starts_with(&prefix) || clause.id.len() == prefix.len() {
                        self.error(
                            "clause-id",
                            &pointer_push(&cptr, "id"),
                            format!(
                                "clause id `{}` must start with `{prefix}`, the id of its source",
                                clause.id
                            ),
                        );
                    }
                    if !all_clauses.insert(clause.id.clone()) {
                        self.error(
                            "duplicate-id",
                            &pointer_push(&cptr, "id"),
                            format!("clause id `{}` is used twice", clause.id),
                        );
                    }
                    ids.insert(clause.id.clone());
                    self.about(format!("clause `{}`", clause.id), |c| {
                        c.text(&clause.title, &pointer_push(&cptr, "title"), "the title");
                        if let Some(text) = &clause.text {
                            c.text(text, &pointer_push(&cptr, "text"), "the text");
                        }
                    });
                }
                ids
            });
            if out.insert(source.id.clone(), clauses).is_some() {
                self.error(
                    "duplicate-id",
                    &pointer_push(&sptr, "id"),
                    format!("source id `{}` is used twice", source.id),
                );
            }
        }
        out
    }

    fn scales(
        &mut self,
        scales: &crate::model::UniqueMap<String, raw::Scale>,
    ) -> HashMap<String, Vec<ScaleLevel>> {
        let mut out = HashMap::new();
        for (key, scale) in scales.iter() {
            let sptr = pointer_push("/scales", key);
            let levels = self.about(format!("scale `{key}`"), |c| {
                if scale.levels.is_empty() {
                    c.error(
                        "no-levels",
                        &pointer_push(&sptr, "levels"),
                        "it has no level; list at least one",
                    );
                }
                let mut values = HashSet::new();
                let mut levels = Vec::new();
                for (l, level) in scale.levels.iter().enumerate() {
                    let lptr = pointer_push(&pointer_push(&sptr, "levels"), l);
                    if !values.insert(level.value) {
                        c.error(
                            "duplicate-id",
                            &pointer_push(&lptr, "value"),
                            format!("level {} appears twice", level.value),
                        );
                    }
                    let what = format!("level {}", level.value);
                    c.unit_interval(
                        level.score,
                        &pointer_push(&lptr, "score"),
                        &format!("{what}'s score"),
                    );
                    c.text(
                        &level.label,
                        &pointer_push(&lptr, "label"),
                        &format!("the label of {what}"),
                    );
                    if let Some(desc) = &level.description {
                        c.text(
                            desc,
                            &pointer_push(&lptr, "description"),
                            &format!("the description of {what}"),
                        );
                    }
                    levels.push(ScaleLevel {
                        value: level.value,
                        label: level.label.clone(),
                        score: level.score,
                    });
                }
                levels
            });
            out.insert(key.clone(), levels);
        }
        out
    }

    fn bands(&mut self, bands: &[raw::Band]) -> Vec<Band> {
        if bands.is_empty() {
            self.error(
                "no-bands",
                "/bands",
                "list at least one band, the first with min: 0",
            );
        }
        for (b, band) in bands.iter().enumerate() {
            let ptr = pointer_push("/bands", b);
            if b == 0 && band.min != 0.0 {
                self.error(
                    "bands",
                    &pointer_push(&ptr, "min"),
                    format!("the first band must start at 0, not {}", band.min),
                );
            }
            if !(0.0..=100.0).contains(&band.min) {
                self.error(
                    "out-of-range",
                    &pointer_push(&ptr, "min"),
                    format!("band minimum {} is outside 0-100", band.min),
                );
            }
            if b > 0 && band.min <= bands[b - 1].min {
                self.error(
                    "bands",
                    &pointer_push(&ptr, "min"),
                    "bands must be listed by strictly increasing min",
                );
            }
            self.text(&band.label, &pointer_push(&ptr, "label"), "the band label");
        }
        bands
            .iter()
            .map(|b| Band {
                min: b.min,
                label: b.label.clone(),
            })
            .collect()
    }

    fn caps(
        &mut self,
        caps: &[raw::Cap],
        index: &crate::model::Index,
        domains: &HashMap<&str, usize>,
    ) -> Vec<Cap> {
        let mut out = Vec::new();
        for (n, cap) in caps.iter().enumerate() {
            let ptr = pointer_push("/caps", n);
            let limit = self.about(format!("cap on `{}`", cap.indicator), |c| {
                if let Some(basis) = &cap.basis {
                    c.text(basis, &pointer_push(&ptr, "basis"), "the basis");
                }
                if !index.contains_key(&cap.indicator) {
                    c.unknown_indicator(&cap.indicator, &pointer_push(&ptr, "if"), index);
                }
                c.unit_interval(
                    cap.below,
                    &pointer_push(&ptr, "below"),
                    "the threshold `below`",
                );
                let lptr = pointer_push(&ptr, "cap");
                match (&cap.cap.domain, cap.cap.max, cap.cap.overall) {
                    (Some(domain), Some(max), None) => {
                        if !domains.contains_key(domain.as_str()) {
                            c.error(
                                "unknown-domain",
                                &pointer_push(&lptr, "domain"),
                                format!("it names unknown domain `{domain}`"),
                            );
                        }
                        c.percent(max, &pointer_push(&lptr, "max"));
                        CapLimit::Domain {
                            domain: domain.clone(),
                            max,
                        }
                    }
                    (None, None, Some(max)) => {
                        c.percent(max, &pointer_push(&lptr, "overall"));
                        CapLimit::Overall(max)
                    }
                    _ => {
                        c.error(
                            "cap-form",
                            &lptr,
                            "a cap is either {domain: D, max: M} or {overall: M}",
                        );
                        CapLimit::Overall(100.0)
                    }
                }
            });
            out.push(Cap {
                indicator: cap.indicator.clone(),
                below: cap.below,
                limit,
            });
        }
        out
    }

    fn percent(&mut self, v: f64, ptr: &str) {
        if !(0.0..=100.0).contains(&v) {
            self.error(
                "out-of-range",
                ptr,
                format!("the maximum {v} is outside 0-100"),
            );
        }
    }

    fn scenarios(
        &mut self,
        scenarios: &[raw::Scenario],
        index: &crate::model::Index,
        domains: &HashMap<&str, usize>,
    ) -> Vec<Scenario> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (n, s) in scenarios.iter().enumerate() {
            let ptr = pointer_push("/scenarios", n);
            self.simple_id(&s.id, &pointer_push(&ptr, "id"), "scenario");
            if !seen.insert(s.id.as_str()) {
                self.error(
                    "duplicate-id",
                    &pointer_push(&ptr, "id"),
                    format!("scenario id `{}` is used twice", s.id),
                );
            }
            let weights = self.about(format!("scenario `{}`", s.id), |c| {
                c.text(&s.title, &pointer_push(&ptr, "title"), "the title");
                if let Some(basis) = &s.basis {
                    c.text(basis, &pointer_push(&ptr, "basis"), "the basis");
                }
                let mut weights = BTreeMap::new();
                for (id, m) in s.weights.iter() {
                    let wptr = pointer_push(&pointer_push(&ptr, "weights"), id);
                    if !domains.contains_key(id.as_str()) && !index.contains_key(id) {
                        c.error(
                            "unknown-id",
                            &wptr,
                            format!("the weight `{id}` names neither a domain nor an indicator"),
                        );
                    }
                    c.positive(*m, &wptr, &format!("the multiplier of `{id}`"));
                    weights.insert(id.clone(), *m);
                }
                weights
            });
            out.push(Scenario {
                id: s.id.clone(),
                title: s.title.clone(),
                weights,
            });
        }
        out
    }

    fn uncited_clauses(&mut self, p: &raw::Profile) {
        let cited: HashSet<&str> = p
            .domains
            .iter()
            .flat_map(|d| &d.indicators)
            .flat_map(|i| &i.refs)
            .map(String::as_str)
            .collect();
        for (s, source) in p.sources.iter().enumerate() {
            for (c, clause) in source.clauses.iter().flatten().enumerate() {
                if clause.assess && !cited.contains(clause.id.as_str()) {
                    self.warning(
                        "uncited-clause",
                        &pointer_push(&pointer_push(&pointer_push("/sources", s), "clauses"), c),
                        format!("clause `{}` is cited by no indicator (mark it `assess: false` if that is intended)", clause.id),
                    );
                }
            }
        }
    }
}
