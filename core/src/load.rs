//! The one loading pipeline: text in, a checked value out, every diagnostic located.
//!
//! Every caller that reads a file (the command line, the web app, the tests) goes through
//! here. A [`Catalogue`] holds the profiles an assessment can name: the embedded ones,
//! each parsed the first time it is needed and never again, and the profile files the
//! caller hands in. [`Catalogue::load`] takes text of either kind through the three layers
//! of DESIGN.md "Validation" (YAML syntax, the JSON Schema or typed decoding, meaning) and
//! gives back a profile, or an assessment with its profile and its scores. Diagnostics get
//! their line and column at one exit point, [`finish`], and a file with an error gives no
//! value at all: it is never half-loaded.

use crate::diag::{Diagnostic, has_errors};
use crate::embedded::{self, EmbeddedProfile};
use crate::model::{Assessment, Profile, raw};
use crate::parse::{self, FileKind};
use crate::score::{ScoreReport, score};
use crate::validate;
use std::sync::{Arc, OnceLock};

/// What loading a file gave: the checked value when there is no error, and every
/// diagnostic (warnings included) with its line and column where the text has one.
#[derive(Debug)]
#[must_use]
pub struct Loaded<T> {
    /// The checked value; `None` when any diagnostic is an error.
    pub value: Option<T>,
    /// Errors and warnings, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Loaded<T> {
    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// Whether any diagnostic is an error (and so there is no value).
    pub fn is_invalid(&self) -> bool {
        has_errors(&self.diagnostics)
    }

    fn map<U>(self, f: impl FnOnce(T) -> U) -> Loaded<U> {
        Loaded {
            value: self.value.map(f),
            diagnostics: self.diagnostics,
        }
    }
}

/// The one exit point: places every diagnostic in `text`, and keeps the value only when
/// nothing is an error.
fn finish<T>(value: Option<T>, mut diagnostics: Vec<Diagnostic>, text: &str) -> Loaded<T> {
    parse::locate(&mut diagnostics, text);
    let value = if has_errors(&diagnostics) {
        None
    } else {
        value
    };
    Loaded { value, diagnostics }
}

/// Which validation layers to run.
#[derive(Clone, Copy, Debug)]
pub struct Layers {
    /// Check the JSON Schema before typed decoding. Available in native builds only; the
    /// browser relies on typed decoding, which the differential test keeps as strict.
    pub json_schema: bool,
}

// Natively the schema layer runs; on wasm32 the same expression is `false`, which clippy
// would turn into a derive that is wrong for native builds.
#[allow(clippy::derivable_impls)]
impl Default for Layers {
    fn default() -> Self {
        Layers {
            json_schema: cfg!(not(target_arch = "wasm32")),
        }
    }
}

/// The first layers (syntax, kind, JSON Schema, typed decoding) for a file expected to be
/// of `kind`. The diagnostics are not located yet.
pub fn decode<T: serde::de::DeserializeOwned>(
    text: &str,
    kind: FileKind,
    layers: Layers,
) -> Result<T, Vec<Diagnostic>> {
    let parsed = Parsed::new(text).map_err(|d| vec![d])?;
    parsed.decode(kind, layers)
}

/// A text through the syntax layer, with the kind it says it is: parsed once, whatever
/// follows.
struct Parsed<'a> {
    text: &'a str,
    value: serde_yaml::Value,
    kind: FileKind,
}

impl<'a> Parsed<'a> {
    fn new(text: &'a str) -> Result<Self, Diagnostic> {
        let value = parse::syntax(text)?;
        let kind = parse::kind_of(&value)?;
        Ok(Parsed { text, value, kind })
    }

    /// The schema layer and typed decoding, for a file expected to be of `kind`.
    fn decode<T: serde::de::DeserializeOwned>(
        &self,
        kind: FileKind,
        layers: Layers,
    ) -> Result<T, Vec<Diagnostic>> {
        if self.kind != kind {
            return Err(vec![Diagnostic::error(
                "wrong-kind",
                "/kind",
                format!(
                    "this file is {} {}, where {} {} was expected",
                    article(self.kind),
                    self.kind.as_str(),
                    article(kind),
                    kind.as_str()
                ),
            )]);
        }
        if layers.json_schema {
            schema_layer(kind, &self.value)?;
        }
        parse::decode_tree_all(self.text, &self.value)
    }

    fn profile(&self, layers: Layers) -> Loaded<Profile> {
        match self.decode::<raw::Profile>(FileKind::Profile, layers) {
            Ok(raw) => {
                let (value, diagnostics) = validate::lower_profile(raw);
                finish(value, diagnostics, self.text)
            }
            Err(diagnostics) => finish(None, diagnostics, self.text),
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn schema_layer(kind: FileKind, value: &serde_yaml::Value) -> Result<(), Vec<Diagnostic>> {
    let json = parse::to_json(value).map_err(|d| vec![d])?;
    let errors = crate::schema::check(kind, &json);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(target_arch = "wasm32")]
fn schema_layer(_: FileKind, _: &serde_yaml::Value) -> Result<(), Vec<Diagnostic>> {
    Ok(())
}

fn article(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Profile => "a",
        FileKind::Assessment => "an",
    }
}

/// Reads a profile through every layer. It is not added to any catalogue.
pub fn profile(text: &str, layers: Layers) -> Loaded<Profile> {
    match Parsed::new(text) {
        Ok(parsed) => parsed.profile(layers),
        Err(d) => finish(None, vec![d], text),
    }
}

/// Reads an assessment through every layer against the profile given (no look-up: the
/// meaning layer says when the assessment names another profile). Not scored.
pub fn assessment(text: &str, profile: &Profile, layers: Layers) -> Loaded<Assessment> {
    match decode::<raw::Assessment>(text, FileKind::Assessment, layers) {
        Ok(raw) => {
            let (value, diagnostics) = validate::lower_assessment(&raw, profile);
            finish(value, diagnostics, text)
        }
        Err(diagnostics) => finish(None, diagnostics, text),
    }
}

/// Checks an assessment already decoded (a draft held in memory, with no text of its own)
/// against a profile: the meaning layer alone. Diagnostics carry pointers, no positions.
pub fn check(raw: raw::Assessment, profile: &Profile) -> Loaded<Assessment> {
    let (value, diagnostics) = validate::lower_assessment(&raw, profile);
    finish(value, diagnostics, "")
}

/// A checked assessment with the profile it answers and its scores.
#[derive(Clone, Debug)]
pub struct Scored {
    /// The profile the answers were checked and scored against.
    pub profile: Arc<Profile>,
    /// The checked answers.
    pub assessment: Assessment,
    /// The scores.
    pub scores: ScoreReport,
}

impl Scored {
    fn new(profile: Arc<Profile>, assessment: Assessment) -> Self {
        let scores = score(&profile, &assessment);
        Scored {
            profile,
            assessment,
            scores,
        }
    }
}

/// A checked assessment together with the file's own form, for callers that keep editing
/// it (the web app's drafts).
#[derive(Clone, Debug)]
pub struct Imported {
    /// The file as decoded.
    pub raw: raw::Assessment,
    /// The same, checked and scored.
    pub scored: Scored,
}

/// A loaded file of either kind.
#[derive(Clone, Debug)]
pub enum Document {
    /// A profile, checked.
    Profile(Arc<Profile>),
    /// An assessment, checked and scored.
    Assessment(Box<Scored>),
}

/// What scores a profile, without its text: a language pack must match its profile in all
/// of it (see [`Catalogue::translate`]).
fn shape(p: &Profile) -> String {
    let mut out = format!("{:?}|{:?}|{:?}|", p.missing, p.caps, p.replaces);
    for d in &p.domains {
        out.push_str(&format!("{}:{}[", d.id, d.weight));
        for i in &d.indicators {
            out.push_str(&format!(
                "{}:{}:{}:{:?}:{:?};",
                i.id,
                i.weight,
                i.critical,
                i.phases,
                kind_shape(&i.kind)
            ));
        }
        out.push(']');
    }
    for b in &p.bands {
        out.push_str(&format!("{};", b.min));
    }
    for s in &p.scenarios {
        out.push_str(&format!("{}:{:?};", s.id, s.weights));
    }
    out
}

fn kind_shape(kind: &crate::model::IndicatorKind) -> String {
    use crate::model::IndicatorKind as K;
    match kind {
        K::Scale { scale, levels } => {
            let levels: Vec<(i64, f64)> = levels.iter().map(|l| (l.value, l.score)).collect();
            format!("scale {scale} {levels:?}")
        }
        K::Boolean => "boolean".to_owned(),
        K::Ratio { points } => format!("ratio {points:?}"),
        K::Number {
            baseline, target, ..
        } => format!("number {baseline} {target}"),
        K::Date {
            fresh_days,
            stale_days,
        } => format!("date {fresh_days} {stale_days}"),
    }
}

/// An embedded profile and, once asked for, what loading it gave.
#[derive(Debug)]
struct Slot {
    embedded: &'static EmbeddedProfile,
    loaded: OnceLock<Result<Arc<Profile>, String>>,
}

/// Where a profile of the catalogue comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Built into the library.
    Embedded,
    /// Handed in by the caller (a profile file, a profile of the user's own).
    Given,
}

/// One profile the catalogue offers, for listings.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Profile id.
    pub id: String,
    /// Version.
    pub version: String,
    /// Where it comes from.
    pub origin: Origin,
}

/// The profiles an assessment may name, and the loading of files against them.
#[derive(Debug)]
pub struct Catalogue {
    layers: Layers,
    embedded: Vec<Slot>,
    given: Vec<Arc<Profile>>,
    /// When set, every assessment is checked against this profile, whatever it names
    /// (`--profile FILE` on the command line).
    pinned: Option<Arc<Profile>>,
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue::embedded()
    }
}

impl Catalogue {
    /// The embedded profiles, none parsed yet, with the default layers.
    pub fn embedded() -> Self {
        Catalogue {
            layers: Layers::default(),
            embedded: embedded::PROFILES
                .iter()
                .map(|embedded| Slot {
                    embedded,
                    loaded: OnceLock::new(),
                })
                .collect(),
            given: Vec::new(),
            pinned: None,
        }
    }

    /// No profile at all: only those handed in with [`Catalogue::add`].
    pub fn empty() -> Self {
        Catalogue {
            embedded: Vec::new(),
            ..Catalogue::embedded()
        }
    }

    /// The same catalogue with other validation layers.
    pub fn with_layers(mut self, layers: Layers) -> Self {
        self.layers = layers;
        self
    }

    /// The layers files are loaded with.
    pub fn layers(&self) -> Layers {
        self.layers
    }

    /// Adds a checked profile; it is found before an embedded one of the same id and
    /// version. Returns the shared profile.
    pub fn add(&mut self, profile: Profile) -> Arc<Profile> {
        let profile = Arc::new(profile);
        self.given
            .retain(|p| !(p.id == profile.id && p.version == profile.version));
        self.given.push(Arc::clone(&profile));
        profile
    }

    /// Reads a profile file and, when it is valid, adds it.
    pub fn add_text(&mut self, text: &str) -> Loaded<Arc<Profile>> {
        let loaded = profile(text, self.layers);
        let Loaded { value, diagnostics } = loaded;
        Loaded {
            value: value.map(|p| self.add(p)),
            diagnostics,
        }
    }

    /// Checks every assessment against this profile, whatever profile it names; the
    /// meaning layer then says when the two differ.
    pub fn pin(&mut self, profile: Profile) -> Arc<Profile> {
        let profile = self.add(profile);
        self.pinned = Some(Arc::clone(&profile));
        profile
    }

    /// Puts a language pack (see [`crate::pack`]) in place of an embedded profile's text:
    /// the profile with the pack's id and version then speaks the pack's language. The pack
    /// must be that profile to the letter but for its text: the same domains, indicators,
    /// weights, scales, caps and scenarios, else it is refused with an error and nothing
    /// changes.
    pub fn translate(&mut self, text: &str) -> Loaded<Arc<Profile>> {
        let loaded = profile(text, self.layers);
        let Some(mut pack) = loaded.value else {
            return Loaded {
                value: None,
                diagnostics: loaded.diagnostics,
            };
        };
        let fail = |message: String| Loaded {
            value: None,
            diagnostics: vec![Diagnostic::error("invalid-pack", "", message)],
        };
        let version = pack.version.to_string();
        let Some(index) = self
            .embedded
            .iter()
            .position(|s| s.embedded.id == pack.id && s.embedded.version == version)
        else {
            return fail(format!(
                "no embedded profile {} {version} for this language pack",
                pack.id
            ));
        };
        let original = match self.slot(&self.embedded[index]) {
            Ok(p) => p,
            Err(message) => return fail(message),
        };
        if shape(&original) != shape(&pack) {
            return fail(format!(
                "this language pack of {} {version} does not match the embedded profile",
                pack.id
            ));
        }
        pack.sha256 = original.sha256.clone();
        let pack = Arc::new(pack);
        let slot = &mut self.embedded[index];
        slot.loaded = OnceLock::from(Ok(Arc::clone(&pack)));
        Loaded {
            value: Some(pack),
            diagnostics: loaded.diagnostics,
        }
    }

    /// Every profile on offer: the embedded ones, then those handed in.
    pub fn entries(&self) -> Vec<Entry> {
        let mut out: Vec<Entry> = self
            .embedded
            .iter()
            .map(|s| Entry {
                id: s.embedded.id.to_owned(),
                version: s.embedded.version.to_owned(),
                origin: Origin::Embedded,
            })
            .collect();
        out.extend(self.given.iter().map(|p| Entry {
            id: p.id.clone(),
            version: p.version.to_string(),
            origin: Origin::Given,
        }));
        out
    }

    fn slot(&self, slot: &Slot) -> Result<Arc<Profile>, String> {
        slot.loaded
            .get_or_init(|| {
                embedded_json(slot.embedded)
                    .or_else(|| profile(slot.embedded.text, self.layers).value)
                    .map(|mut p| {
                        p.sha256 = Some(slot.embedded.sha256.to_owned());
                        Arc::new(p)
                    })
                    .ok_or_else(|| {
                        format!(
                            "the embedded profile {} {} is invalid",
                            slot.embedded.id, slot.embedded.version
                        )
                    })
            })
            .clone()
    }

    /// The profile with this id and version: one handed in, else an embedded one (parsed
    /// now if it was not yet). The error is a diagnostic at the assessment's `/profile`.
    pub fn get(&self, id: &str, version: &str) -> Result<Arc<Profile>, Diagnostic> {
        if let Some(p) = self
            .given
            .iter()
            .find(|p| p.id == id && p.version.to_string() == version)
        {
            return Ok(Arc::clone(p));
        }
        match self
            .embedded
            .iter()
            .find(|s| s.embedded.id == id && s.embedded.version == version)
        {
            Some(slot) => self
                .slot(slot)
                .map_err(|message| Diagnostic::error("invalid-profile", "/profile", message)),
            None => Err(self.unknown(id, version)),
        }
    }

    /// The newest version of a profile id on offer.
    pub fn latest(&self, id: &str) -> Result<Arc<Profile>, Diagnostic> {
        let newest = self
            .entries()
            .into_iter()
            .filter(|e| e.id == id)
            .filter_map(|e| Some((semver::Version::parse(&e.version).ok()?, e)))
            .max_by(|(a, _), (b, _)| a.cmp(b));
        match newest {
            Some((_, e)) => self.get(&e.id, &e.version),
            None => Err(self.unknown(id, "")),
        }
    }

    /// The profile on offer when every entry is of one profile id: its newest version
    /// (older versions are there for the files that answer them, not for new ones).
    pub fn only(&self) -> Option<Result<Arc<Profile>, Diagnostic>> {
        let entries = self.entries();
        let first = entries.first()?;
        entries
            .iter()
            .all(|e| e.id == first.id)
            .then(|| self.latest(&first.id))
    }

    fn unknown(&self, id: &str, version: &str) -> Diagnostic {
        let available: Vec<String> = self
            .entries()
            .iter()
            .map(|e| format!("{} {}", e.id, e.version))
            .collect();
        let what = if version.is_empty() {
            id.to_owned()
        } else {
            format!("{id} {version}")
        };
        Diagnostic::error(
            "unknown-profile",
            "/profile",
            format!(
                "no profile {what} is available (available: {})",
                if available.is_empty() {
                    "none".to_owned()
                } else {
                    available.join(", ")
                }
            ),
        )
        .hint("load that profile first (on the command line: --profile FILE)")
    }

    /// The profile an assessment is checked against.
    fn profile_for(&self, reference: &raw::ProfileRef) -> Result<Arc<Profile>, Diagnostic> {
        match &self.pinned {
            Some(p) => Ok(Arc::clone(p)),
            None => self.get(&reference.id, reference.version.as_str()),
        }
    }

    /// Loads text of either kind: a profile on its own (not added to the catalogue), an
    /// assessment against the profile it names, then scored.
    pub fn load(&self, text: &str) -> Loaded<Document> {
        if let Some(fast) = self.fast(text) {
            return fast.map(|i| Document::Assessment(Box::new(i.scored)));
        }
        match Parsed::new(text) {
            Ok(parsed) => self.load_parsed(&parsed),
            Err(d) => finish(None, vec![d], text),
        }
    }

    fn load_parsed(&self, parsed: &Parsed) -> Loaded<Document> {
        match parsed.kind {
            FileKind::Profile => parsed
                .profile(self.layers)
                .map(|p| Document::Profile(Arc::new(p))),
            FileKind::Assessment => self
                .import_parsed(parsed)
                .map(|i| Document::Assessment(Box::new(i.scored))),
        }
    }

    /// The fast path of an assessment in JSON ([`parse::json`]), natively and with every
    /// layer: the file loaded when it is valid, else `None` (the caller takes the usual
    /// path, which gives the diagnostics).
    fn fast(&self, text: &str) -> Option<Loaded<Imported>> {
        self.fast_lowered(text).map(|loaded| loaded.map(scored))
    }

    /// As [`Catalogue::fast`], not scored.
    fn fast_lowered(&self, text: &str) -> Option<Loaded<Lowered>> {
        #[cfg(not(target_arch = "wasm32"))]
        if self.layers.json_schema {
            let raw = parse::json::assessment(text)?;
            let loaded = self.lower(raw, text);
            return (!loaded.is_invalid()).then_some(loaded);
        }
        let _ = text;
        None
    }

    /// Checks several texts of either kind, as `tradeready validate` does: every layer,
    /// no scores, the diagnostics of each text in the order given. The valid profiles
    /// among them are added, in order, so that an assessment finds a profile given beside
    /// it whatever the order. On native targets on every core.
    ///
    /// Each text is checked once against the catalogue as it is, keeping nothing but its
    /// diagnostics (so that a thousand files take the memory of a few); then the profiles
    /// found are added, and only an assessment whose result they could change (one that
    /// names a profile of the same id and version, or a profile not found) is checked
    /// again. The result is the same as checking every assessment after adding them.
    pub fn check_all(&mut self, texts: &[&str]) -> Vec<Vec<Diagnostic>> {
        let nothing_to_read = |_: &&str, _: &mut Vec<u8>| Ok::<_, std::convert::Infallible>(());
        self.check_each(texts, nothing_to_read, |text, _| Ok(text))
            .into_iter()
            .map(|checked| match checked {
                Ok(diagnostics) => diagnostics,
                Err(never) => match never {},
            })
            .collect()
    }

    /// As [`Catalogue::check_all`], for files the caller reads: `read` appends a file's
    /// bytes to the buffer it is given (which is empty), and the bytes are taken as
    /// [`parse::text_from_bytes`] takes them. Each thread reads into a buffer of its own,
    /// used again from one file to the next, so that a thousand files are never held in
    /// memory at once; a file checked again is read again. A file that cannot be read
    /// gives the caller's error in its place.
    pub fn check_files<T: Sync, E: Send>(
        &mut self,
        files: &[T],
        read: impl Fn(&T, &mut Vec<u8>) -> Result<(), E> + Sync,
    ) -> Vec<Result<Vec<Diagnostic>, E>> {
        self.check_each(files, read, |_, bytes| parse::text_from_bytes(bytes))
    }

    /// [`Catalogue::check_all`] and [`Catalogue::check_files`]: `fill` puts an item's
    /// bytes in the buffer (or nothing, for an item that is text already), `text` gives
    /// the item's text from the item and the buffer.
    fn check_each<T: Sync, E: Send>(
        &mut self,
        items: &[T],
        fill: impl Fn(&T, &mut Vec<u8>) -> Result<(), E> + Sync,
        text: impl for<'a> Fn(&'a T, &'a [u8]) -> Result<&'a str, Diagnostic> + Sync,
    ) -> Vec<Result<Vec<Diagnostic>, E>> {
        let check = |this: &Self, item: &T, buffer: &mut Vec<u8>| {
            buffer.clear();
            fill(item, buffer)?;
            Ok(match text(item, buffer) {
                Ok(text) => this.check_one(text),
                Err(d) => Checked::Other {
                    diagnostics: vec![d],
                    named: None,
                },
            })
        };
        let this = &*self;
        let first = each_buffered(items, |buffer, item| check(this, item, buffer));
        let mut added: Vec<Arc<Profile>> = Vec::new();
        let mut pending = Vec::with_capacity(first.len());
        for checked in first {
            pending.push(checked.map(|checked| match checked {
                Checked::Profile(loaded) => {
                    let Loaded { value, diagnostics } = *loaded;
                    if let Some(p) = value {
                        added.push(self.add(p));
                    }
                    (diagnostics, None)
                }
                Checked::Other { diagnostics, named } => (diagnostics, named),
            }));
        }
        let this = &*self;
        let again = |diagnostics: &[Diagnostic], named: &Option<raw::ProfileRef>| {
            let Some(named) = named else {
                return false;
            };
            this.pinned.is_none()
                && !added.is_empty()
                && (diagnostics.iter().any(|d| d.code == "unknown-profile")
                    || added.iter().any(|p| {
                        p.id == named.id && p.version.to_string() == named.version.as_str()
                    }))
        };
        let todo: Vec<_> = pending.into_iter().zip(items).collect();
        each_owned_buffered(todo, |buffer, (first, item)| {
            let (diagnostics, named) = first?;
            if !again(&diagnostics, &named) {
                return Ok(diagnostics);
            }
            Ok(match check(this, item, buffer)? {
                Checked::Profile(loaded) => loaded.diagnostics,
                Checked::Other { diagnostics, .. } => diagnostics,
            })
        })
    }

    /// One text through every layer against the catalogue as it is, not scored.
    fn check_one(&self, text: &str) -> Checked {
        if let Some(fast) = self.fast_lowered(text) {
            let named = fast.value.as_ref().map(|(raw, _, _)| raw.profile.clone());
            return Checked::Other {
                diagnostics: fast.diagnostics,
                named,
            };
        }
        let parsed = match Parsed::new(text) {
            Ok(parsed) => parsed,
            Err(d) => {
                return Checked::Other {
                    diagnostics: finish::<()>(None, vec![d], text).diagnostics,
                    named: None,
                };
            }
        };
        match parsed.kind {
            FileKind::Profile => Checked::Profile(Box::new(parsed.profile(self.layers))),
            FileKind::Assessment => {
                match parsed.decode::<raw::Assessment>(FileKind::Assessment, self.layers) {
                    Ok(raw) => {
                        let named = Some(raw.profile.clone());
                        Checked::Other {
                            diagnostics: self.lower(raw, text).diagnostics,
                            named,
                        }
                    }
                    Err(diagnostics) => Checked::Other {
                        diagnostics: finish::<()>(None, diagnostics, text).diagnostics,
                        named: None,
                    },
                }
            }
        }
    }

    /// Loads several assessments as [`Catalogue::load_assessment`] does, one result a
    /// text, in the order given; on native targets on every core.
    pub fn load_assessments(&self, texts: &[&str]) -> Vec<Loaded<Scored>> {
        each(texts, |text| self.load_assessment(text))
    }

    /// Loads an assessment against the profile it names, and scores it.
    pub fn load_assessment(&self, text: &str) -> Loaded<Scored> {
        self.import(text).map(|i| i.scored)
    }

    /// As [`Catalogue::load_assessment`], keeping the file's own form too.
    pub fn import(&self, text: &str) -> Loaded<Imported> {
        if let Some(fast) = self.fast(text) {
            return fast;
        }
        match Parsed::new(text) {
            Ok(parsed) => self.import_parsed(&parsed),
            Err(d) => finish(None, vec![d], text),
        }
    }

    fn import_parsed(&self, parsed: &Parsed) -> Loaded<Imported> {
        let text = parsed.text;
        let raw = match parsed.decode::<raw::Assessment>(FileKind::Assessment, self.layers) {
            Ok(raw) => raw,
            Err(diagnostics) => return finish(None, diagnostics, text),
        };
        self.lower(raw, text).map(scored)
    }

    /// The meaning layer of a decoded assessment, against the profile it names.
    fn lower(&self, raw: raw::Assessment, text: &str) -> Loaded<Lowered> {
        let profile = match self.profile_for(&raw.profile) {
            Ok(p) => p,
            Err(d) => return finish(None, vec![d], text),
        };
        let (value, diagnostics) = validate::lower_assessment(&raw, &profile);
        let value = value.map(|assessment| (raw, profile, assessment));
        finish(value, diagnostics, text)
    }
}

/// An assessment through the meaning layer: the file as decoded, its profile, the answers
/// checked.
type Lowered = (raw::Assessment, Arc<Profile>, Assessment);

/// A lowered assessment, scored, with the file's own form.
fn scored((raw, profile, assessment): Lowered) -> Imported {
    Imported {
        raw,
        scored: Scored::new(profile, assessment),
    }
}

/// What [`Catalogue::check_all`] keeps of a text on its first pass.
enum Checked {
    /// A profile, to be added.
    Profile(Box<Loaded<Profile>>),
    /// Anything else: its diagnostics, and for an assessment that was decoded, the profile
    /// it names.
    Other {
        diagnostics: Vec<Diagnostic>,
        named: Option<raw::ProfileRef>,
    },
}

/// An assessment carried to a later version, checked against it and scored.
#[derive(Clone, Debug)]
pub struct MigratedFile {
    /// The migrated file as written.
    pub raw: raw::Assessment,
    /// What became of every old answer.
    pub report: crate::migrate::MigrationReport,
    /// The migrated file checked and scored under the new version.
    pub scored: Scored,
    /// The version the file answered before.
    pub answered: String,
}

impl MigratedFile {
    /// The administration the file is of, as [`crate::model::Who`] compares it.
    pub fn who(&self) -> crate::model::Who<'_> {
        self.raw.administration.who()
    }
}

impl Catalogue {
    /// Reads an assessment through syntax, schema and typed decoding only.
    pub fn decode_assessment(&self, text: &str) -> Loaded<raw::Assessment> {
        match decode::<raw::Assessment>(text, FileKind::Assessment, self.layers) {
            Ok(raw) => finish(Some(raw), Vec::new(), text),
            Err(diagnostics) => finish(None, diagnostics, text),
        }
    }

    /// The profile a file of profile `id` is carried to: the pinned one, else version `to`,
    /// else the newest version of `id` on offer.
    pub fn migration_target(&self, id: &str, to: Option<&str>) -> Result<Arc<Profile>, Diagnostic> {
        match (&self.pinned, to) {
            (Some(p), _) => Ok(Arc::clone(p)),
            (None, Some(version)) => self.get(id, version),
            (None, None) => self.latest(id),
        }
    }

    /// Carries an assessment to `to` (see [`Catalogue::migration_target`]), checks the
    /// result against that profile like any assessment, and scores it. An error about a
    /// carried entry is placed at the old entry in `text` and names the old id.
    pub fn migrate(&self, text: &str, to: Option<&str>) -> Loaded<MigratedFile> {
        let decoded = self.decode_assessment(text);
        let Some(old) = decoded.value else {
            return Loaded {
                value: None,
                diagnostics: decoded.diagnostics,
            };
        };
        let profile = match self.migration_target(&old.profile.id, to) {
            Ok(p) => p,
            Err(d) => return finish(None, vec![d], text),
        };
        self.migrate_to(&old, text, &profile)
    }

    /// As [`Catalogue::migrate`], for a file already decoded, to a profile already chosen.
    pub fn migrate_to(
        &self,
        old: &raw::Assessment,
        text: &str,
        profile: &Arc<Profile>,
    ) -> Loaded<MigratedFile> {
        let migrated = match crate::migrate::migrate(old, profile) {
            Ok(m) => m,
            Err(d) => return finish(None, vec![d], text),
        };
        let (value, mut diagnostics) = validate::lower_assessment(&migrated.assessment, profile);
        for d in &mut diagnostics {
            let Some((new_ptr, old_ptr)) = migrated
                .origins
                .iter()
                .filter(|(new, _)| d.pointer == **new || d.pointer.starts_with(&format!("{new}/")))
                .max_by_key(|(new, _)| new.len())
            else {
                continue;
            };
            if new_ptr != old_ptr {
                let old_id = old_ptr.rsplit('/').next().unwrap_or_default();
                d.message = format!(
                    "`{old_id}` of {} {}, carried to `{}`: {}",
                    old.profile.id,
                    old.profile.version,
                    new_ptr.rsplit('/').next().unwrap_or_default(),
                    d.message
                );
                d.pointer = format!("{old_ptr}{}", &d.pointer[new_ptr.len()..]);
            }
        }
        let value = value.map(|assessment| MigratedFile {
            raw: migrated.assessment,
            report: migrated.report,
            scored: Scored::new(Arc::clone(profile), assessment),
            answered: old.profile.version.to_string(),
        });
        finish(value, diagnostics, text)
    }
}

/// Natively, an embedded profile read from the JSON the build converted its YAML to: the
/// same profile in a tenth of the time (a test checks that the two are the same, and the
/// YAML text goes through every layer in the tests). `None` when there is no JSON (the web
/// build) or it does not load without error; the YAML is then read as any profile.
#[cfg(not(target_arch = "wasm32"))]
fn embedded_json(embedded: &EmbeddedProfile) -> Option<Profile> {
    if embedded.json.is_empty() {
        return None;
    }
    let raw: raw::Profile = serde_json::from_str(embedded.json).ok()?;
    let (value, diagnostics) = validate::lower_profile(raw);
    value.filter(|_| !has_errors(&diagnostics))
}

/// In the web build there is no JSON (and no JSON decoder for profiles: it would cost the
/// first load).
#[cfg(target_arch = "wasm32")]
fn embedded_json(_: &EmbeddedProfile) -> Option<Profile> {
    None
}

/// `f` of every item, in order: on native targets spread over the cores (rayon), in the
/// browser one after the other. Nothing `f` does may depend on the order it is called in.
fn each<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(target_arch = "wasm32")]
    {
        items.iter().map(f).collect()
    }
}

/// As [`each`], with a buffer for each thread (natively) that the items' work may use
/// again from one item to the next.
fn each_buffered<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&mut Vec<u8>, &T) -> R + Sync + Send,
) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        items.par_iter().map_init(Vec::new, f).collect()
    }
    #[cfg(target_arch = "wasm32")]
    {
        let mut buffer = Vec::new();
        items.iter().map(|item| f(&mut buffer, item)).collect()
    }
}

/// As [`each_buffered`], taking the items.
fn each_owned_buffered<T: Send, R: Send>(
    items: Vec<T>,
    f: impl Fn(&mut Vec<u8>, T) -> R + Sync + Send,
) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        items.into_par_iter().map_init(Vec::new, f).collect()
    }
    #[cfg(target_arch = "wasm32")]
    {
        let mut buffer = Vec::new();
        items.into_iter().map(|item| f(&mut buffer, item)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO: &str = include_str!("../../tests/data/profiles/demo.yaml");

    #[test]
    fn an_embedded_profile_is_parsed_once() {
        let catalogue = Catalogue::embedded();
        let Some(first) = catalogue.entries().into_iter().next() else {
            return;
        };
        let a = catalogue.get(&first.id, &first.version).unwrap();
        let b = catalogue.get(&first.id, &first.version).unwrap();
        assert!(
            Arc::ptr_eq(&a, &b),
            "the second look-up parsed the profile again"
        );
    }

    #[test]
    fn an_embedded_profile_from_its_json_is_the_profile_its_yaml_gives() {
        for embedded in embedded::PROFILES {
            let from_yaml = profile(embedded.text, Layers::default());
            assert!(!from_yaml.is_invalid(), "{:?}", from_yaml.diagnostics);
            let from_yaml = from_yaml.value.unwrap();
            #[cfg(not(target_arch = "wasm32"))]
            {
                let mut from_json = embedded_json(embedded).expect("natively the JSON is embedded");
                let mut from_yaml = from_yaml.clone();
                // The index is a hash map, which prints in no fixed order.
                let sorted = |p: &Profile| {
                    let mut index: Vec<_> = p.index.iter().map(|(k, v)| (k.clone(), *v)).collect();
                    index.sort();
                    index
                };
                assert_eq!(sorted(&from_json), sorted(&from_yaml));
                from_json.index.clear();
                from_yaml.index.clear();
                assert_eq!(format!("{from_json:?}"), format!("{from_yaml:?}"));
            }
            let _ = from_yaml;
        }
    }

    #[test]
    fn an_unknown_profile_is_a_located_diagnostic() {
        let catalogue = Catalogue::empty();
        let text = "kind: assessment\nformat: 1\nprofile: {id: nowhere, version: 9.9.9}\n\
                    administration: {name: X}\ncycle: c\nas_of: 2025-01-01\n";
        let loaded = catalogue.load(text);
        assert!(loaded.value.is_none());
        let [d] = loaded.diagnostics.as_slice() else {
            panic!("{:?}", loaded.diagnostics)
        };
        assert_eq!(d.code, "unknown-profile");
        assert_eq!((d.line, d.column), (Some(3), Some(10)));
        assert!(d.message.contains("nowhere 9.9.9"), "{}", d.message);
    }

    #[test]
    fn a_profile_handed_in_is_found_and_scores_its_assessments() {
        let mut catalogue = Catalogue::empty();
        let added = catalogue.add_text(DEMO);
        let profile = added.value.expect("the demo profile is valid");
        let text = format!(
            "kind: assessment\nformat: 1\nprofile: {{id: {}, version: {}}}\n\
             administration: {{name: X}}\ncycle: c\nas_of: 2025-01-01\n",
            profile.id, profile.version
        );
        let scored = catalogue.load_assessment(&text).value.expect("valid");
        assert!(Arc::ptr_eq(&scored.profile, &profile));
        assert_eq!(scored.scores.profile.id, profile.id);
        assert!(matches!(
            catalogue.load(&text).value,
            Some(Document::Assessment(_))
        ));
        assert!(matches!(
            catalogue.load(DEMO).value,
            Some(Document::Profile(_))
        ));
    }
}
