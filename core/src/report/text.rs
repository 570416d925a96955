//! The plain-text report of `tradeready score`: the [`Report`] laid out for a terminal.

use super::Report;
use std::fmt::Write;

/// Lays a report out as text, in the report's language.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let w = &mut out;
    let lang = report.lang;
    let words = report.words();
    let _ = writeln!(
        w,
        "{} — {} {}, {} {}",
        report.administration, words.cycle, report.cycle, words.as_of, report.as_of
    );
    let _ = writeln!(
        w,
        "{}{}{} {} ({})",
        words.profile, words.colon, report.profile_id, report.profile_version, report.profile_title
    );
    let _ = writeln!(w);
    let overall = &report.overall;
    let _ = writeln!(
        w,
        "{}{}{}{}{}",
        words.overall,
        words.colon,
        lang.score(overall.value),
        overall
            .band
            .as_ref()
            .map(|b| format!(" ({b})"))
            .unwrap_or_default(),
        if overall.capped {
            format!(", {}", words.capped)
        } else {
            String::new()
        }
    );
    if report.provisional() {
        let _ = writeln!(w, "  {}", lang.provisional(report.completeness));
    }
    let c = &report.counts;
    let _ = writeln!(
        w,
        "{}{}{} ({})",
        words.completeness,
        words.colon,
        lang.percent(report.completeness),
        lang.counts(c.answered, c.not_applicable, c.missing, c.indicators)
    );
    let _ = writeln!(
        w,
        "{}{}{}",
        words.evidence_coverage,
        words.colon,
        lang.percent(report.evidence_coverage)
    );

    let _ = writeln!(w, "\n{}", words.domains);
    let id_width = width(report.domains.iter().map(|d| d.id.as_str()));
    let band_width = width(
        report
            .domains
            .iter()
            .filter_map(|d| d.score.band.as_deref()),
    )
    .max(1);
    let capped_width = words.capped.chars().count() + 1;
    for d in &report.domains {
        let _ = writeln!(
            w,
            "  {:id_width$}  {:>5}  {:band_width$}  {:capped_width$}  {}",
            d.id,
            lang.score(d.score.value),
            d.score.band.as_deref().unwrap_or("-"),
            if d.score.capped { words.capped } else { "" },
            d.title,
        );
    }
    let mut holding = report.holding().peekable();
    if holding.peek().is_some() {
        let _ = writeln!(w, "\n{}", words.caps_holding);
        for cap in holding {
            let _ = writeln!(w, "  {}.", cap.sentence);
        }
    }
    if !report.phases.is_empty() {
        let _ = writeln!(w, "\n{}", words.phases);
        let id_width = width(report.phases.iter().map(|p| p.phase.as_str()));
        for p in &report.phases {
            let _ = writeln!(
                w,
                "  {:id_width$}  {:>5}  {}",
                p.phase.as_str(),
                lang.score(p.score.value),
                p.name
            );
        }
    }
    if !report.scenarios.is_empty() {
        let _ = writeln!(w, "\n{}", words.scenarios);
        let id_width = width(report.scenarios.iter().map(|s| s.id.as_str()));
        for s in &report.scenarios {
            let _ = writeln!(
                w,
                "  {:id_width$}  {:>5}  {}",
                s.id,
                lang.score(s.score.value),
                s.title
            );
        }
    }
    let _ = writeln!(w, "\n{}", lang.action_plan_heading(report.actions.len()));
    for (n, a) in report.actions.iter().enumerate() {
        let _ = writeln!(
            w,
            "  {:>2}. [{} {}] {}{} — {} {}, {} {}",
            n + 1,
            words.priority,
            lang.score(Some(a.priority)),
            a.indicator.id,
            if a.critical {
                format!(" ({})", words.critical)
            } else {
                String::new()
            },
            words.now,
            lang.percent(a.score),
            words.target,
            lang.percent(a.target),
        );
        let _ = writeln!(w, "      {}", a.indicator.title);
        if let Some(rec) = &a.recommendation {
            let _ = writeln!(w, "      → {rec}");
        }
        if let Some(x) = &a.adopted {
            let _ = writeln!(w, "      {}{}{}", words.adopted, words.colon, x.line(lang));
        }
        if !a.refs.is_empty() {
            let _ = writeln!(
                w,
                "      {}{}{}",
                words.refs,
                words.colon,
                a.refs.join(", ")
            );
        }
    }
    if report.provisional() {
        let _ = writeln!(w, "\n{} ({})", words.unanswered, report.unanswered.len());
        let id_width = width(report.unanswered.iter().map(|i| i.id.as_str()));
        for i in &report.unanswered {
            let _ = writeln!(w, "  {:id_width$}  {}", i.id, i.title);
        }
    }
    out
}

/// The widest of some texts, in characters.
fn width<'a>(texts: impl Iterator<Item = &'a str>) -> usize {
    texts.map(|t| t.chars().count()).max().unwrap_or(0)
}
