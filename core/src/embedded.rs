//! The profiles built into the library (every `assessments/profiles/<id>/<version>.yaml`).

use crate::model::text::{LocalizedText, Str, UniqueMap};

/// A profile embedded at build time.
#[derive(Clone, Copy, Debug)]
pub struct EmbeddedProfile {
    /// Profile id (the folder name).
    pub id: &'static str,
    /// Version (the file name).
    pub version: &'static str,
    /// SHA-256, in lowercase hex, of the file as released (before its comment lines were
    /// left out for embedding), computed at build time.
    pub sha256: &'static str,
    /// Its languages, the default first (the profile's `languages`).
    pub languages: &'static [&'static str],
    /// Its title in each language it is written in, from the file as released (the web
    /// build's text holds the default language only), so that the list of profiles on
    /// offer needs no parse: see [`EmbeddedProfile::title`].
    pub title: &'static [(&'static str, &'static str)],
    /// The YAML text.
    pub text: &'static str,
    /// Natively, the same text in JSON, converted at build time, which loads about ten
    /// times faster; empty in the web build.
    pub json: &'static str,
}

impl EmbeddedProfile {
    /// The title as the profile gives it (`title`), read at build time.
    pub fn title(&self) -> LocalizedText {
        match self.title {
            [("", plain)] => LocalizedText::Plain((*plain).to_owned()),
            pairs => {
                let mut map = UniqueMap::new();
                for (lang, text) in pairs {
                    map.insert((*lang).to_owned(), Str((*text).to_owned()));
                }
                LocalizedText::Translated(map)
            }
        }
    }

    /// The default language.
    pub fn default_language(&self) -> &'static str {
        self.languages.first().copied().unwrap_or("en")
    }
}

/// Every embedded profile, sorted by id and version.
pub const PROFILES: &[EmbeddedProfile] =
    include!(concat!(env!("OUT_DIR"), "/embedded_profiles.rs"));

/// The profiles under `assessments/profiles/` that this build does not embed, by id and
/// version: none natively; in the web build, the earlier versions of each profile
/// ([`crate::pack::on_the_web`]). The web app's files beside the page hold each of them as
/// released (`profile-<id>-<version>.yaml`), for the pages that read files of earlier
/// versions (a workshop, a comparison, a consensus), which fetch them when first opened.
pub const LEFT_OUT: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/left_out.rs"));

/// The embedded profile with this id and version.
pub fn find(id: &str, version: &str) -> Option<&'static EmbeddedProfile> {
    PROFILES.iter().find(|p| p.id == id && p.version == version)
}

/// The newest embedded version of a profile id.
pub fn latest(id: &str) -> Option<&'static EmbeddedProfile> {
    PROFILES
        .iter()
        .filter(|p| p.id == id)
        .max_by_key(|p| semver::Version::parse(p.version).ok())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_title_and_languages_read_at_build_time_are_the_profiles() {
        let catalogue = crate::Catalogue::embedded();
        for embedded in super::PROFILES {
            let profile = catalogue.get(embedded.id, embedded.version).unwrap();
            assert_eq!(embedded.title(), profile.title, "{}", embedded.id);
            assert_eq!(embedded.languages, profile.languages.as_slice());
            assert_eq!(embedded.default_language(), profile.default_language());
        }
    }
}
