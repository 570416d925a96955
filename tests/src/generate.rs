//! Generated assessments: many valid files of one profile with varied answers, for the
//! budgets and benchmarks. Deterministic: the same seed gives the same files.

use std::fmt::Write;
use tradeready::Profile;
use tradeready::model::IndicatorKind;

/// A small deterministic generator (SplitMix64), so that no test depends on a random crate.
#[derive(Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in [0, n).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The `n`-th generated assessment of `profile`: about 8% of indicators left missing, 4%
/// not applicable (never one a cap names), the rest answered with a valid value, some with
/// evidence, and a few targets.
pub fn assessment(profile: &Profile, n: usize, rng: &mut Rng) -> String {
    let capped: Vec<&str> = profile.caps.iter().map(|c| c.indicator.as_str()).collect();
    let year = 2020 + (n % 6);
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "kind: assessment\nformat: 1");
    let _ = writeln!(
        w,
        "profile: {{id: {}, version: \"{}\"}}",
        profile.id, profile.version
    );
    let _ = writeln!(
        w,
        "administration: {{name: \"Generated Customs Administration {n}\", code: \"G{n}\"}}"
    );
    let _ = writeln!(w, "cycle: \"{year}\"\nas_of: {year}-06-30");
    let _ = writeln!(w, "assessors: [Generated directorate]");
    let _ = writeln!(w, "answers:");
    let mut targets = Vec::new();
    for (_, indicator) in profile.indicators() {
        let roll = rng.below(100);
        if roll < 8 {
            continue;
        }
        if roll < 12 && !capped.contains(&indicator.id.as_str()) {
            let _ = writeln!(
                w,
                "  {}: {{na: Not in the mandate of this administration}}",
                indicator.id
            );
            continue;
        }
        let value = match &indicator.kind {
            IndicatorKind::Scale { levels, .. } => {
                let level = &levels[rng.below(levels.len() as u64) as usize];
                if rng.below(10) == 0 {
                    targets.push((
                        indicator.id.clone(),
                        levels[levels.len() - 1].value.to_string(),
                    ));
                }
                level.value.to_string()
            }
            IndicatorKind::Boolean => (rng.below(2) == 0).to_string(),
            IndicatorKind::Ratio { .. } => format!("{:.3}", rng.unit()),
            IndicatorKind::Number {
                baseline, target, ..
            } => {
                let (lo, hi) = if baseline < target {
                    (*baseline, *target)
                } else {
                    (*target, *baseline)
                };
                format!("{:.1}", lo + (hi - lo) * 1.2 * rng.unit())
            }
            IndicatorKind::Date { stale_days, .. } => {
                let days = rng.below(u64::from(*stale_days) + 200);
                let date = time::Date::from_calendar_date(year as i32, time::Month::June, 30)
                    .expect("a real date")
                    - time::Duration::days(days as i64);
                tradeready::format_date(date)
            }
        };
        if rng.below(3) == 0 {
            let _ = writeln!(
                w,
                "  {}: {{value: {value}, evidence: [\"Generated evidence {n}-{}\"]}}",
                indicator.id,
                rng.below(1000)
            );
        } else {
            let _ = writeln!(w, "  {}: {{value: {value}}}", indicator.id);
        }
    }
    if !targets.is_empty() {
        let _ = writeln!(w, "targets:");
        for (id, value) in targets {
            let _ = writeln!(w, "  {id}: {value}");
        }
    }
    out
}
