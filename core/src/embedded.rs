//! The profiles built into the library (every `assessments/profiles/<id>/<version>.yaml`).

use crate::{Layers, Loaded, Profile, load_profile};

/// A profile embedded at build time.
#[derive(Clone, Copy, Debug)]
pub struct EmbeddedProfile {
    /// Profile id (the folder name).
    pub id: &'static str,
    /// Version (the file name).
    pub version: &'static str,
    /// The YAML text.
    pub text: &'static str,
}

/// Every embedded profile, sorted by id and version.
pub const PROFILES: &[EmbeddedProfile] =
    include!(concat!(env!("OUT_DIR"), "/embedded_profiles.rs"));

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

impl EmbeddedProfile {
    /// Loads and checks the profile.
    pub fn load(&self) -> Loaded<Profile> {
        load_profile(self.text, Layers::default())
    }
}

/// Looks up an embedded profile and loads it, with a message listing what is available
/// when there is no such profile.
pub fn resolve(id: &str, version: &str) -> Result<Profile, String> {
    let Some(found) = find(id, version) else {
        let available: Vec<String> = PROFILES
            .iter()
            .map(|p| format!("{} {}", p.id, p.version))
            .collect();
        return Err(format!(
            "no embedded profile {id} {version} (available: {}); name a profile file with --profile",
            if available.is_empty() {
                "none".to_owned()
            } else {
                available.join(", ")
            }
        ));
    };
    found
        .load()
        .value
        .ok_or_else(|| format!("the embedded profile {id} {version} is invalid"))
}
