//! The report in Markdown (`tradeready score --format md`): the text report's content, with
//! tables. Text from the files is escaped so that it stays text: a `|` does not break a
//! table, and markup or HTML written in a note or a name is shown, not interpreted.

use super::Report;
use std::fmt::Write;

/// Lays a report out as Markdown, in the report's language.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let w = &mut out;
    let n = report.lang;
    let words = report.words();
    let _ = writeln!(w, "# {}\n", esc(&report.administration));
    let _ = writeln!(
        w,
        "{} {} · {} {} · {}{}{} {} ({})\n",
        words.cycle,
        esc(&report.cycle),
        words.as_of,
        report.as_of,
        words.profile,
        words.colon,
        esc(&report.profile_id),
        esc(&report.profile_version),
        esc(&report.profile_title)
    );
    let o = &report.overall;
    let _ = writeln!(
        w,
        "**{}{}{}**{}{}\n",
        words.overall,
        words.colon,
        n.score(o.value),
        o.band
            .as_ref()
            .map(|b| format!(" ({})", esc(b)))
            .unwrap_or_default(),
        if o.capped {
            format!(", {}", words.capped)
        } else {
            String::new()
        }
    );
    if report.provisional() {
        let _ = writeln!(w, "*{}*\n", n.provisional(report.completeness));
    }
    let c = &report.counts;
    let _ = writeln!(
        w,
        "- {}{}{} ({})\n- {}{}{}\n",
        words.completeness,
        words.colon,
        n.percent(report.completeness),
        n.counts(c.answered, c.not_applicable, c.missing, c.indicators),
        words.evidence_coverage,
        words.colon,
        n.percent(report.evidence_coverage)
    );

    let _ = writeln!(w, "## {}\n", words.domains);
    let _ = writeln!(
        w,
        "| {} | {} | {} |\n|---|---:|---|",
        words.domain, words.score, words.band
    );
    for d in &report.domains {
        let mut band = d.score.band.as_deref().map(esc).unwrap_or_default();
        if d.score.capped {
            band.push_str(&format!(" ({})", words.capped));
        }
        let _ = writeln!(
            w,
            "| {} | {} | {} |",
            esc(&d.title),
            n.score(d.score.value),
            band
        );
    }
    let holding: Vec<_> = report.holding().collect();
    if !holding.is_empty() {
        let _ = writeln!(w, "\n## {}\n", words.caps_holding);
        for cap in holding {
            let _ = writeln!(w, "- {}.", esc(&cap.sentence));
        }
    }
    if !report.phases.is_empty() {
        let _ = writeln!(w, "\n## {}\n", words.phases);
        let _ = writeln!(w, "| | {} |\n|---|---:|", words.score);
        for p in &report.phases {
            let _ = writeln!(w, "| {} | {} |", p.name, n.score(p.score.value));
        }
    }
    if !report.scenarios.is_empty() {
        let _ = writeln!(w, "\n## {}\n", words.scenarios);
        let _ = writeln!(w, "| | {} | {} |\n|---|---:|---|", words.score, words.band);
        for s in &report.scenarios {
            let _ = writeln!(
                w,
                "| {} | {} | {} |",
                esc(&s.title),
                n.score(s.score.value),
                s.score.band.as_deref().map(esc).unwrap_or_default()
            );
        }
    }
    let _ = writeln!(w, "\n## {}\n", n.action_plan_heading(report.actions.len()));
    for (i, a) in report.actions.iter().enumerate() {
        let _ = writeln!(
            w,
            "{}. **{}**{} — {} {} · {}{}{} → {}{}{}",
            i + 1,
            esc(&a.indicator.title),
            if a.critical {
                format!(" ({})", words.critical)
            } else {
                String::new()
            },
            words.priority,
            n.score(Some(a.priority)),
            words.now,
            words.colon,
            n.percent(a.score),
            words.target,
            words.colon,
            n.percent(a.target)
        );
        let _ = writeln!(w, "   `{}` · {}", a.indicator.id, esc(&a.domain.title));
        if let Some(r) = &a.recommendation {
            let _ = writeln!(w, "   {}", esc(r));
        }
        if let Some(x) = &a.adopted {
            let _ = writeln!(w, "   {}{}{}", words.adopted, words.colon, esc(&x.line(n)));
        }
        if !a.refs.is_empty() {
            let _ = writeln!(
                w,
                "   {}{}{}",
                words.refs,
                words.colon,
                esc(&a.refs.join(", "))
            );
        }
    }
    if report.provisional() {
        let _ = writeln!(
            w,
            "\n## {} ({})\n",
            words.unanswered,
            report.unanswered.len()
        );
        for i in &report.unanswered {
            let _ = writeln!(w, "- {} (`{}`)", esc(&i.title), i.id);
        }
    }
    out
}

/// Text from a file, made inert in Markdown: characters with a meaning there are
/// backslash-escaped, `<` and `&` written as entities (so that no HTML passes), and line
/// breaks become spaces (a table cell or a list item is one line).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '~' | '>' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn file_text_stays_text() {
        assert_eq!(
            esc("<script>alert(1)</script>"),
            "&lt;script\\>alert(1)&lt;/script\\>"
        );
        assert_eq!(esc("a | b"), "a \\| b");
        assert_eq!(esc("**bold** [x](y)"), "\\*\\*bold\\*\\* \\[x\\](y)");
        assert_eq!(esc("two\nlines"), "two lines");
        assert_eq!(esc("R&D"), "R&amp;D");
    }
}
