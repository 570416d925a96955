//! The meaning layer: lowering raw files into checked model types.
//!
//! Every rule of DESIGN.md "Validation" that a JSON Schema cannot express lives here, and
//! every broken rule becomes a [`Diagnostic`] with the JSON Pointer of the node at fault.
//! Lowering never stops at the first problem, and never returns a half-built value: either
//! the whole file is valid, or the caller gets every error found.

use crate::diag::{Diagnostic, has_errors, pointer_push};
use crate::model::raw;
use crate::model::{
    Answer, AnswerValue, Assessment, Band, Cap, CapLimit, Domain, Indicator, IndicatorKind,
    LocalizedText, Profile, Response, ScaleLevel, Scenario, Value,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use time::{Date, Month};

/// The file-format major version this build reads.
pub const FORMAT: u32 = 1;

/// Result of lowering: the checked value (when there is no error) and every diagnostic,
/// warnings included.
pub type Lowered<T> = (Option<T>, Vec<Diagnostic>);

/// Checks a decoded profile and lowers it.
pub fn lower_profile(raw: raw::Profile) -> Lowered<Profile> {
    let mut c = Checker::default();
    let profile = c.profile(raw);
    let diags = c.diags;
    if has_errors(&diags) {
        (None, diags)
    } else {
        (Some(profile), diags)
    }
}

/// Checks a decoded assessment against its profile and lowers it.
pub fn lower_assessment(raw: raw::Assessment, profile: &Profile) -> Lowered<Assessment> {
    let mut c = Checker {
        languages: profile.languages.clone(),
        ..Checker::default()
    };
    let assessment = c.assessment(raw, profile);
    let diags = c.diags;
    match assessment {
        Some(a) if !has_errors(&diags) => (Some(a), diags),
        _ => (None, diags),
    }
}

/// Parses a date written `YYYY-MM-DD`, and only that.
pub fn parse_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let year: i32 = text[0..4].parse().ok()?;
    let month: u8 = text[5..7].parse().ok()?;
    let day: u8 = text[8..10].parse().ok()?;
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// Whether `id` is of the form `[a-z0-9-]+`.
pub fn is_simple_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `id` is one or more `[a-z0-9-]+` parts joined by dots (`governance.oga-roles`).
pub fn is_indicator_id(id: &str) -> bool {
    id.split('.').all(is_simple_id)
}

#[derive(Default)]
struct Checker {
    diags: Vec<Diagnostic>,
    languages: Vec<String>,
}

impl Checker {
    fn error(
        &mut self,
        code: &'static str,
        pointer: &str,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(code, pointer, message));
        self.diags.last_mut().expect("just pushed")
    }

    /// An error about an unknown name, with the closest known one as a hint.
    fn error_with_suggestion<'a>(
        &mut self,
        code: &'static str,
        pointer: &str,
        message: String,
        wanted: &str,
        known: impl Iterator<Item = &'a str>,
    ) -> &mut Diagnostic {
        let hint = closest(wanted, known);
        let d = self.error(code, pointer, message);
        if let Some(h) = hint {
            d.hints.push(format!("did you mean `{h}`?"));
        }
        d
    }

    fn warning(&mut self, code: &'static str, pointer: &str, message: impl Into<String>) {
        self.diags.push(Diagnostic::warning(code, pointer, message));
    }

    fn format(&mut self, format: u32) {
        if format != FORMAT {
            self.error(
                "format",
                "/format",
                format!("format {format} is not supported: this version of TradeReady reads format {FORMAT}"),
            )
            .hints
            .push("a newer TradeReady may read this file".into());
        }
    }

    fn simple_id(&mut self, id: &str, pointer: &str, what: &str) {
        if !is_simple_id(id) {
            self.error(
                "id-form",
                pointer,
                format!(
                    "{what} id {id:?} must be lowercase letters, digits and dashes ([a-z0-9-]+)"
                ),
            );
        }
    }

    fn version(&mut self, version: &raw::Profile, pointer: &str) -> semver::Version {
        self.semver(version.version.as_str(), pointer)
    }

    fn semver(&mut self, text: &str, pointer: &str) -> semver::Version {
        match semver::Version::parse(text) {
            Ok(v) => v,
            Err(_) => {
                self.error(
                    "version-form",
                    pointer,
                    format!("version {text:?} is not a semantic version such as 1.0.0"),
                );
                semver::Version::new(0, 0, 0)
            }
        }
    }

    /// Checks a text: not blank when required, languages declared, default language present.
    fn text(&mut self, text: &LocalizedText, pointer: &str, what: &str) {
        if text.is_blank() {
            self.error("empty-text", pointer, format!("{what} is empty"));
            return;
        }
        if let LocalizedText::Translated(map) = text {
            for (lang, value) in map.iter() {
                if !self.languages.iter().any(|l| l == lang) {
                    self.error(
                        "unknown-language",
                        &pointer_push(pointer, lang),
                        format!(
                            "language `{lang}` is not among the profile's languages [{}]",
                            self.languages.join(", ")
                        ),
                    );
                } else if value.trim().is_empty() {
                    self.error(
                        "empty-text",
                        &pointer_push(pointer, lang),
                        format!("{what} is empty in `{lang}`"),
                    );
                }
            }
            if let Some(default) = self.languages.first()
                && map.get(default.as_str()).is_none()
            {
                let default = default.clone();
                self.error(
                    "missing-translation",
                    pointer,
                    format!("{what} has no text in `{default}`, the profile's default language"),
                );
            }
        }
    }

    fn unit_interval(&mut self, value: f64, pointer: &str, what: &str) {
        if !(0.0..=1.0).contains(&value) {
            self.error(
                "out-of-range",
                pointer,
                format!("{what} {value} is outside [0, 1]"),
            );
        }
    }

    fn positive(&mut self, value: f64, pointer: &str, what: &str) {
        if !(value.is_finite() && value > 0.0) {
            self.error(
                "not-positive",
                pointer,
                format!("{what} must be a number greater than 0, found {value}"),
            );
        }
    }

    fn profile(&mut self, p: raw::Profile) -> Profile {
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
        let mut index = HashMap::new();
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
            self.text(
                &domain.title,
                &pointer_push(&dptr, "title"),
                "the domain title",
            );
            if let Some(desc) = &domain.description {
                self.text(desc, &pointer_push(&dptr, "description"), "the description");
            }
            self.positive(
                domain.weight,
                &pointer_push(&dptr, "weight"),
                "a domain weight",
            );
            if domain.indicators.is_empty() {
                self.error(
                    "no-indicators",
                    &pointer_push(&dptr, "indicators"),
                    format!("domain `{}` has no indicator", domain.id),
                );
            }
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
            raw: p,
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
            self.text(
                &source.title,
                &pointer_push(&sptr, "title"),
                "the source title",
            );
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
                    self.text(
                        &clause.title,
                        &pointer_push(&cptr, "title"),
                        "the clause title",
                    );
                    if let Some(text) = &clause.text {
                        self.text(text, &pointer_push(&cptr, "text"), "the clause text");
                    }
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
            if scale.levels.is_empty() {
                self.error(
                    "no-levels",
                    &pointer_push(&sptr, "levels"),
                    format!("scale `{key}` has no level"),
                );
            }
            let mut values = HashSet::new();
            let mut levels = Vec::new();
            for (l, level) in scale.levels.iter().enumerate() {
                let lptr = pointer_push(&pointer_push(&sptr, "levels"), l);
                if !values.insert(level.value) {
                    self.error(
                        "duplicate-id",
                        &pointer_push(&lptr, "value"),
                        format!("level {} appears twice in scale `{key}`", level.value),
                    );
                }
                self.unit_interval(
                    level.score,
                    &pointer_push(&lptr, "score"),
                    "the level score",
                );
                self.text(
                    &level.label,
                    &pointer_push(&lptr, "label"),
                    "the level label",
                );
                if let Some(desc) = &level.description {
                    self.text(
                        desc,
                        &pointer_push(&lptr, "description"),
                        "the level description",
                    );
                }
                levels.push(ScaleLevel {
                    value: level.value,
                    label: level.label.clone(),
                    score: level.score,
                });
            }
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

    fn indicator(
        &mut self,
        ind: &raw::Indicator,
        ptr: &str,
        scales: &HashMap<String, Vec<ScaleLevel>>,
        sources: &[raw::Source],
        clause_ids: &HashMap<String, Option<HashSet<String>>>,
    ) -> Indicator {
        use raw::IndicatorKind as K;
        let field = |name: &str| pointer_push(ptr, name);
        if !is_indicator_id(&ind.id) {
            self.error(
                "id-form",
                &field("id"),
                format!("indicator id {:?} must be parts of [a-z0-9-]+ joined by dots (governance.oga-roles)", ind.id),
            );
        }
        self.text(&ind.text, &field("text"), "the question");
        for (name, text) in [
            ("title", &ind.title),
            ("help", &ind.help),
            ("recommendation", &ind.recommendation),
        ] {
            if let Some(t) = text {
                self.text(t, &field(name), &format!("the {name}"));
            }
        }
        self.positive(ind.weight, &field("weight"), "an indicator weight");

        // Fields that belong to other kinds are mistakes, not decorations.
        let kind = ind.kind;
        let foreign: [(&str, bool, K); 8] = [
            ("scale", ind.scale.is_some(), K::Scale),
            ("levels", ind.levels.is_some(), K::Scale),
            ("points", ind.points.is_some(), K::Ratio),
            ("unit", ind.unit.is_some(), K::Number),
            ("baseline", ind.baseline.is_some(), K::Number),
            ("target", ind.target.is_some(), K::Number),
            ("fresh_days", ind.fresh_days.is_some(), K::Date),
            ("stale_days", ind.stale_days.is_some(), K::Date),
        ];
        for (name, present, owner) in foreign {
            if present && owner != kind {
                self.error(
                    "kind-field",
                    &field(name),
                    format!(
                        "`{name}` applies to {} indicators, not to {} ones",
                        owner.as_str(),
                        kind.as_str()
                    ),
                );
            }
        }
        let checked_kind = match kind {
            K::Scale => {
                let levels = match &ind.scale {
                    None => {
                        self.error(
                            "missing-field",
                            ptr,
                            format!(
                                "scale indicator `{}` needs `scale`, the key of one of `scales`",
                                ind.id
                            ),
                        );
                        Vec::new()
                    }
                    Some(key) => match scales.get(key) {
                        Some(levels) => levels.clone(),
                        None => {
                            let known: Vec<&str> = scales.keys().map(String::as_str).collect();
                            self.error(
                                "unknown-scale",
                                &field("scale"),
                                format!(
                                    "unknown scale `{key}`; the profile defines [{}]",
                                    known.join(", ")
                                ),
                            );
                            Vec::new()
                        }
                    },
                };
                if let Some(descriptors) = &ind.levels {
                    for (value, text) in descriptors.iter() {
                        let lptr = pointer_push(&field("levels"), value);
                        if !levels.is_empty() && !levels.iter().any(|l| l.value == value.0) {
                            self.error(
                                "unknown-level",
                                &lptr,
                                format!(
                                    "level {value} is not a level of scale `{}`",
                                    ind.scale.as_deref().unwrap_or("")
                                ),
                            );
                        }
                        self.text(text, &lptr, "the level descriptor");
                    }
                }
                IndicatorKind::Scale {
                    scale: ind.scale.clone().unwrap_or_default(),
                    levels,
                }
            }
            K::Boolean => IndicatorKind::Boolean,
            K::Ratio => {
                let points: Vec<(f64, f64)> = match &ind.points {
                    None => vec![(0.0, 0.0), (1.0, 1.0)],
                    Some(points) => points.iter().map(|[x, y]| (*x, *y)).collect(),
                };
                if points.is_empty() {
                    self.error(
                        "points",
                        &field("points"),
                        "`points` needs at least one [x, score] pair",
                    );
                }
                for (n, (x, y)) in points.iter().enumerate() {
                    let pptr = pointer_push(&field("points"), n);
                    self.unit_interval(*x, &pointer_push(&pptr, 0), "the ratio point");
                    self.unit_interval(*y, &pointer_push(&pptr, 1), "the point score");
                    if n > 0 && *x <= points[n - 1].0 {
                        self.error(
                            "points",
                            &pointer_push(&pptr, 0),
                            "ratio points must have strictly increasing x",
                        );
                    }
                }
                IndicatorKind::Ratio { points }
            }
            K::Number => {
                let mut get = |name: &str, v: Option<f64>| match v {
                    Some(v) if v.is_finite() => v,
                    Some(v) => {
                        self.error(
                            "not-finite",
                            &field(name),
                            format!("`{name}` must be a finite number, found {v}"),
                        );
                        0.0
                    }
                    None => {
                        self.error(
                            "missing-field",
                            ptr,
                            format!("number indicator `{}` needs `{name}`", ind.id),
                        );
                        f64::NAN
                    }
                };
                let baseline = get("baseline", ind.baseline);
                let target = get("target", ind.target);
                if baseline == target {
                    self.error("baseline-target", &field("target"), format!("`baseline` and `target` are both {baseline}: the score would divide by zero"));
                }
                if let Some(unit) = &ind.unit {
                    self.text(unit, &field("unit"), "the unit");
                }
                IndicatorKind::Number {
                    unit: ind.unit.clone(),
                    baseline,
                    target,
                }
            }
            K::Date => {
                let mut get = |name: &str, v: Option<u32>| {
                    v.unwrap_or_else(|| {
                        self.error(
                            "missing-field",
                            ptr,
                            format!("date indicator `{}` needs `{name}`", ind.id),
                        );
                        0
                    })
                };
                let fresh_days = get("fresh_days", ind.fresh_days);
                let stale_days = get("stale_days", ind.stale_days);
                if ind.fresh_days.is_some() && ind.stale_days.is_some() && fresh_days >= stale_days
                {
                    self.error(
                        "fresh-stale",
                        &field("stale_days"),
                        format!("`fresh_days` ({fresh_days}) must be less than `stale_days` ({stale_days})"),
                    );
                }
                IndicatorKind::Date {
                    fresh_days,
                    stale_days,
                }
            }
        };

        let mut phases = Vec::new();
        for (n, phase) in ind.phases.iter().enumerate() {
            if phases.contains(phase) {
                self.error(
                    "duplicate-phase",
                    &pointer_push(&field("phases"), n),
                    format!("phase `{}` is listed twice", phase.as_str()),
                );
            } else {
                phases.push(*phase);
            }
        }
        for (n, r) in ind.refs.iter().enumerate() {
            self.reference(r, &pointer_push(&field("refs"), n), sources, clause_ids);
        }
        for (n, e) in ind.evidence.iter().enumerate() {
            self.text(e, &pointer_push(&field("evidence"), n), "an evidence item");
        }
        Indicator {
            id: ind.id.clone(),
            text: ind.text.clone(),
            title: ind.title.clone().unwrap_or_else(|| ind.text.clone()),
            kind: checked_kind,
            weight: ind.weight,
            critical: ind.critical,
            phases,
            refs: ind.refs.clone(),
            recommendation: ind.recommendation.clone(),
            help: ind.help.clone(),
            level_descriptors: ind
                .levels
                .iter()
                .flat_map(|levels| levels.iter().map(|(k, v)| (k.0, v.clone())))
                .collect(),
            evidence: ind.evidence.clone(),
        }
    }

    fn reference(
        &mut self,
        r: &str,
        ptr: &str,
        sources: &[raw::Source],
        clause_ids: &HashMap<String, Option<HashSet<String>>>,
    ) {
        let source_id = r.split('.').next().unwrap_or("");
        match clause_ids.get(source_id) {
            None => {
                let known: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
                self.error(
                    "unknown-source",
                    ptr,
                    format!(
                        "ref `{r}` does not start with a declared source id [{}]",
                        known.join(", ")
                    ),
                );
            }
            Some(Some(clauses)) if !clauses.contains(r) => {
                self.error_with_suggestion(
                    "unknown-clause",
                    ptr,
                    format!("ref `{r}` names no clause of source `{source_id}`"),
                    r,
                    clauses.iter().map(String::as_str),
                );
            }
            Some(_) => {}
        }
    }

    fn caps(
        &mut self,
        caps: &[raw::Cap],
        index: &HashMap<String, (usize, usize)>,
        domains: &HashMap<&str, usize>,
    ) -> Vec<Cap> {
        let mut out = Vec::new();
        for (n, cap) in caps.iter().enumerate() {
            let ptr = pointer_push("/caps", n);
            if !index.contains_key(&cap.indicator) {
                self.unknown_indicator(&cap.indicator, &pointer_push(&ptr, "if"), index);
            }
            self.unit_interval(cap.below, &pointer_push(&ptr, "below"), "the cap threshold");
            let lptr = pointer_push(&ptr, "cap");
            let limit = match (&cap.cap.domain, cap.cap.max, cap.cap.overall) {
                (Some(domain), Some(max), None) => {
                    if !domains.contains_key(domain.as_str()) {
                        self.error(
                            "unknown-domain",
                            &pointer_push(&lptr, "domain"),
                            format!("cap names unknown domain `{domain}`"),
                        );
                    }
                    self.percent(max, &pointer_push(&lptr, "max"));
                    CapLimit::Domain {
                        domain: domain.clone(),
                        max,
                    }
                }
                (None, None, Some(max)) => {
                    self.percent(max, &pointer_push(&lptr, "overall"));
                    CapLimit::Overall(max)
                }
                _ => {
                    self.error(
                        "cap-form",
                        &lptr,
                        "a cap is either {domain: D, max: M} or {overall: M}",
                    );
                    CapLimit::Overall(100.0)
                }
            };
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
                format!("cap maximum {v} is outside 0-100"),
            );
        }
    }

    fn scenarios(
        &mut self,
        scenarios: &[raw::Scenario],
        index: &HashMap<String, (usize, usize)>,
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
            self.text(&s.title, &pointer_push(&ptr, "title"), "the scenario title");
            let mut weights = BTreeMap::new();
            for (id, m) in s.weights.iter() {
                let wptr = pointer_push(&pointer_push(&ptr, "weights"), id);
                if !domains.contains_key(id.as_str()) && !index.contains_key(id) {
                    self.error("unknown-id", &wptr, format!("scenario weight names `{id}`, which is neither a domain nor an indicator"));
                }
                self.positive(*m, &wptr, "a scenario multiplier");
                weights.insert(id.clone(), *m);
            }
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

    fn unknown_indicator(
        &mut self,
        id: &str,
        ptr: &str,
        index: &HashMap<String, (usize, usize)>,
    ) -> &mut Diagnostic {
        self.error_with_suggestion(
            "unknown-indicator",
            ptr,
            format!("`{id}` is not an indicator of the profile"),
            id,
            index.keys().map(String::as_str),
        )
    }

    fn assessment(&mut self, a: raw::Assessment, profile: &Profile) -> Option<Assessment> {
        self.format(a.format);
        let version = self.semver(a.profile.version.as_str(), "/profile/version");
        if a.profile.id != profile.id || version != profile.version {
            self.error(
                "profile-mismatch",
                "/profile",
                format!(
                    "the assessment answers profile {} {}, but the profile given is {} {}",
                    a.profile.id, a.profile.version, profile.id, profile.version
                ),
            );
            return None;
        }
        if a.administration.name.trim().is_empty() {
            self.error(
                "empty-text",
                "/administration/name",
                "the administration's name is empty",
            );
        }
        if a.cycle.as_str().trim().is_empty() {
            self.error("empty-text", "/cycle", "the cycle label is empty");
        }
        let as_of = parse_date(&a.as_of);
        if as_of.is_none() {
            self.error(
                "date-form",
                "/as_of",
                format!("`as_of` {:?} is not a date written YYYY-MM-DD", a.as_of),
            );
        }
        for (n, who) in a.assessors.iter().enumerate() {
            if who.trim().is_empty() {
                self.error(
                    "empty-text",
                    &pointer_push("/assessors", n),
                    "an assessor is empty",
                );
            }
        }
        let capped: HashSet<&str> = profile.caps.iter().map(|c| c.indicator.as_str()).collect();
        let mut answers = BTreeMap::new();
        for (id, answer) in a.answers.iter() {
            let ptr = pointer_push("/answers", id);
            let Some((_, indicator)) = profile.indicator(id) else {
                let d = self.unknown_indicator(id, &ptr, &profile.index);
                if let Some(new) = profile.replaces.get(id) {
                    d.hints = vec![format!(
                        "`{id}` was replaced by `{new}` in this version of the profile"
                    )];
                }
                continue;
            };
            for (n, e) in answer.evidence.iter().enumerate() {
                if e.trim().is_empty() {
                    self.error(
                        "empty-text",
                        &pointer_push(&pointer_push(&ptr, "evidence"), n),
                        "an evidence item is empty",
                    );
                }
            }
            let response = match (&answer.value, &answer.na) {
                (Some(_), Some(_)) => {
                    self.error(
                        "value-and-na",
                        &ptr,
                        format!("`{id}` has both `value` and `na`: give exactly one"),
                    );
                    continue;
                }
                (None, None) => {
                    self.error("no-value", &ptr, format!("`{id}` has neither `value` nor `na`"))
                        .hints
                        .push("fill in the value, write `na: <reason>`, or delete the entry to leave it unanswered".into());
                    continue;
                }
                (None, Some(reason)) => {
                    if reason.trim().is_empty() {
                        self.error(
                            "empty-na",
                            &pointer_push(&ptr, "na"),
                            format!("`{id}` is marked not applicable without a reason"),
                        );
                        continue;
                    }
                    if capped.contains(id.as_str()) {
                        self.error(
                            "na-on-cap",
                            &pointer_push(&ptr, "na"),
                            format!("`{id}` cannot be not applicable: a cap depends on it, and not applicable would dodge the cap"),
                        );
                        continue;
                    }
                    Response::NotApplicable(reason.clone())
                }
                (Some(value), None) => {
                    match self.value(value, indicator, &pointer_push(&ptr, "value"), as_of, false) {
                        Some(v) => Response::Value(v),
                        None => continue,
                    }
                }
            };
            answers.insert(
                id.clone(),
                Answer {
                    response,
                    evidence: answer.evidence.clone(),
                },
            );
        }
        let mut targets = BTreeMap::new();
        for (id, value) in a.targets.iter() {
            let ptr = pointer_push("/targets", id);
            let Some((_, indicator)) = profile.indicator(id) else {
                self.unknown_indicator(id, &ptr, &profile.index);
                continue;
            };
            if matches!(indicator.kind, IndicatorKind::Date { .. }) {
                self.error("date-target", &ptr, format!("`{id}` is a date indicator, and targets are set for scale, boolean, ratio and number indicators only"));
                continue;
            }
            if let Some(v) = self.value(value, indicator, &ptr, as_of, true) {
                targets.insert(id.clone(), v);
            }
        }
        Some(Assessment {
            profile_id: a.profile.id.clone(),
            profile_version: version,
            administration: a.administration.name.clone(),
            code: a.administration.code.as_ref().map(|c| c.0.clone()),
            cycle: a.cycle.0.clone(),
            as_of: as_of.unwrap_or(Date::MIN),
            answers,
            targets,
            raw: a,
        })
    }

    /// Checks an answer or target value against its indicator.
    fn value(
        &mut self,
        value: &AnswerValue,
        indicator: &Indicator,
        ptr: &str,
        as_of: Option<Date>,
        target: bool,
    ) -> Option<Value> {
        let id = &indicator.id;
        let what = if target { "target" } else { "answer" };
        let found = value.describe();
        match &indicator.kind {
            IndicatorKind::Scale { scale, levels } => {
                let allowed: Vec<String> = levels.iter().map(|l| l.value.to_string()).collect();
                match value {
                    AnswerValue::Int(v) if levels.iter().any(|l| l.value == *v) => {
                        Some(Value::Level(*v))
                    }
                    _ => {
                        self.error(
                            "bad-level",
                            ptr,
                            format!("the {what} for `{id}` must be a level of scale `{scale}` ({}), found {found}", allowed.join(", ")),
                        );
                        None
                    }
                }
            }
            IndicatorKind::Boolean => match value {
                AnswerValue::Bool(b) => Some(Value::Bool(*b)),
                _ => {
                    let d = self.error(
                        "wrong-type",
                        ptr,
                        format!("the {what} for `{id}` must be true or false, found {found}"),
                    );
                    if let AnswerValue::Text(t) = value
                        && says_yes_or_no(t)
                    {
                        d.hints.push("write true or false".into());
                    }
                    None
                }
            },
            IndicatorKind::Ratio { .. } => {
                match value.as_f64() {
                    Some(v) if (0.0..=1.0).contains(&v) => Some(Value::Ratio(v)),
                    Some(v) => {
                        let d = self.error("out-of-range", ptr, format!("the {what} for `{id}` is a share and must be within [0, 1], found {v}"));
                        if (1.0..=100.0).contains(&v) {
                            d.hints.push(format!(
                                "a percentage is written as a share: {}% is {}",
                                v,
                                v / 100.0
                            ));
                        }
                        None
                    }
                    None => {
                        self.error(
                            "wrong-type",
                            ptr,
                            format!(
                                "the {what} for `{id}` must be a share in [0, 1], found {found}"
                            ),
                        );
                        None
                    }
                }
            }
            IndicatorKind::Number { .. } => match value.as_f64() {
                Some(v) if v.is_finite() => Some(Value::Number(v)),
                _ => {
                    self.error(
                        "wrong-type",
                        ptr,
                        format!("the {what} for `{id}` must be a finite number, found {found}"),
                    );
                    None
                }
            },
            IndicatorKind::Date { .. } => {
                let AnswerValue::Text(text) = value else {
                    self.error(
                        "wrong-type",
                        ptr,
                        format!(
                            "the {what} for `{id}` must be a date written YYYY-MM-DD, found {found}"
                        ),
                    );
                    return None;
                };
                let Some(date) = parse_date(text) else {
                    self.error("date-form", ptr, format!("the {what} for `{id}` must be a real date written YYYY-MM-DD, found {text:?}"));
                    return None;
                };
                if let Some(as_of) = as_of
                    && date > as_of
                {
                    self.error("date-after-as-of", ptr, format!("the date {text} for `{id}` is after the assessment's as_of date {as_of}"));
                    return None;
                }
                Some(Value::Date(date))
            }
        }
    }
}

/// The candidate closest to `wanted`, if one is close enough to be a likely typo.
fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::levenshtein(wanted, c), c))
        .filter(|(d, _)| *d <= 3.max(wanted.len() / 5))
        .min()
        .map(|(_, c)| c)
}

/// Whether a text answer is a yes or a no in words (English, French or Spanish), in any
/// case. Compared without str::to_lowercase, whose Unicode tables would cost the web app
/// 7 KB; "sí" is the one word here beyond ASCII.
fn says_yes_or_no(text: &str) -> bool {
    ["yes", "no", "y", "n", "oui", "non", "si"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(text))
        || ["sí", "Sí", "SÍ"].contains(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_in_words() {
        for word in ["yes", "No", "Y", "OUI", "non", "si", "Sí", "SÍ"] {
            assert!(says_yes_or_no(word), "{word}");
        }
        for word in ["yess", "maybe", "true", "", "ja"] {
            assert!(!says_yes_or_no(word), "{word}");
        }
    }

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2024-02-29").is_some());
        for bad in [
            "2023-02-29",
            "2024-2-01",
            "24-02-01",
            "2024/02/01",
            "2024-13-01",
            "2024-02-01T00:00",
            "",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn id_forms() {
        assert!(is_simple_id("wco-resilience"));
        assert!(!is_simple_id("WCO"));
        assert!(!is_simple_id("a.b"));
        assert!(is_indicator_id("governance.oga-roles"));
        assert!(!is_indicator_id("governance..x"));
        assert!(!is_indicator_id(".x"));
    }

    #[test]
    fn closest_suggests_typos_only() {
        let ids = ["governance.oga-roles", "exercises.last-test"];
        assert_eq!(
            closest("governance.oga-role", ids.into_iter()),
            Some("governance.oga-roles")
        );
        assert_eq!(closest("something.else", ids.into_iter()), None);
    }
}
