//! The plain-text score report of `tradeready score`.

use super::{percent_text, round_half_away, score_text};
use crate::model::Profile;
use crate::score::{CapReason, CapScope, ScoreReport};
use std::fmt::Write;

/// Renders a score report as text, in the profile's default language.
pub fn render(profile: &Profile, report: &ScoreReport) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "{} — cycle {}, as of {}",
        report.administration, report.cycle, report.as_of
    );
    let _ = writeln!(
        w,
        "Profile: {} {} ({})",
        report.profile.id,
        report.profile.version,
        profile.text(&profile.title)
    );
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "Overall readiness: {}{}{}",
        score_text(report.overall),
        report
            .band
            .as_ref()
            .map(|b| format!(" ({b})"))
            .unwrap_or_default(),
        if report.overall_capped {
            ", capped"
        } else {
            ""
        }
    );
    let _ = writeln!(
        w,
        "Completeness: {} ({} answered, {} not applicable, {} missing of {})",
        percent_text(report.completeness),
        report.counts.answered,
        report.counts.not_applicable,
        report.counts.missing,
        report.counts.indicators
    );
    let _ = writeln!(
        w,
        "Evidence coverage: {}",
        percent_text(report.evidence_coverage)
    );

    let _ = writeln!(w, "\nDomains");
    let width = report.domains.iter().map(|d| d.id.len()).max().unwrap_or(0);
    for (d, domain) in report.domains.iter().zip(&profile.domains) {
        let _ = writeln!(
            w,
            "  {:width$}  {:>5}  {:12}{}  {}",
            d.id,
            score_text(d.score),
            d.band.as_deref().unwrap_or("-"),
            if d.capped { " capped" } else { "       " },
            profile.text(&domain.title),
        );
    }
    let holding: Vec<_> = report.caps.iter().filter(|c| c.lowered).collect();
    if !holding.is_empty() {
        let _ = writeln!(w, "\nCaps holding scores down");
        for cap in holding {
            let scope = match &cap.scope {
                CapScope::Domain(domain) => domain.as_str(),
                CapScope::Overall => "overall",
            };
            let why = match cap.reason {
                CapReason::Missing => "is not answered".to_owned(),
                CapReason::Below => format!("is below {}", percent_text(cap.below)),
            };
            let _ = writeln!(
                w,
                "  {scope} capped at {}: {} {why}",
                round_half_away(cap.max, 1),
                cap.indicator
            );
        }
    }
    if !report.phases.is_empty() {
        let _ = writeln!(w, "\nPhase readiness");
        for p in &report.phases {
            let _ = writeln!(w, "  {:12}  {:>5}", p.id, score_text(p.score));
        }
    }
    if !report.scenarios.is_empty() {
        let _ = writeln!(w, "\nScenario readiness");
        let width = report
            .scenarios
            .iter()
            .map(|s| s.id.len())
            .max()
            .unwrap_or(0);
        for (s, scenario) in report.scenarios.iter().zip(&profile.scenarios) {
            let _ = writeln!(
                w,
                "  {:width$}  {:>5}  {}",
                s.id,
                score_text(s.score),
                profile.text(&scenario.title)
            );
        }
    }
    let _ = writeln!(
        w,
        "\nAction plan ({} gaps, highest priority first)",
        report.gaps.len()
    );
    for (n, gap) in report.gaps.iter().enumerate() {
        let Some((_, indicator)) = profile.indicator(&gap.id) else {
            continue;
        };
        let _ = writeln!(
            w,
            "  {:>2}. [{}] {}{} — now {}, target {}",
            n + 1,
            score_text(Some(gap.priority)),
            gap.id,
            if gap.critical { " (critical)" } else { "" },
            percent_text(gap.score),
            percent_text(gap.target),
        );
        let _ = writeln!(w, "      {}", profile.text(&indicator.title));
        if let Some(rec) = &indicator.recommendation {
            let _ = writeln!(w, "      → {}", profile.text(rec));
        }
        if !indicator.refs.is_empty() {
            let _ = writeln!(w, "      refs: {}", indicator.refs.join(", "));
        }
    }
    out
}
