//! The one-page HTML report (DESIGN.md "Reports"): self-contained, with inline CSS and SVG
//! charts, no script and nothing fetched, laid out to print on A4. Every piece of text from
//! a file is escaped.
//!
//! The charts come in as SVG from the caller (`chart::to_svg` natively), so that this module
//! stays free of any drawing backend.

use super::{Lang, Report};
use crate::chart::BarChart;
use crate::model::{LocalizedText, Profile};
use std::fmt::Write;

/// The stylesheet of the report: readable on screen, and on A4 with page breaks between
/// sections and no chart or action cut in two.
// Below 600 px a chart's figure scrolls sideways, so every chart figure takes the keyboard's
// focus (`tabindex="0"`): the arrow keys then scroll it.
const STYLE: &str = "\
@page{size:A4;margin:12mm 12mm 13mm}\
*{box-sizing:border-box}\
body{font:10.5pt/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:#1b1f24;margin:0 auto;max-width:190mm;padding:8mm}\
header{border-bottom:2px solid #1f5f8b;padding-bottom:6px;margin-bottom:10px}\
.kicker{margin:0;color:#1f5f8b;font-weight:600;text-transform:uppercase;letter-spacing:.04em;font-size:8.5pt}\
h1{margin:2px 0;font-size:18pt}\
h2{font-size:13pt;margin:12px 0 4px;color:#1f5f8b;break-after:avoid}\
.meta{color:#4a5561;margin:0}\
.summary{display:flex;flex-wrap:wrap;gap:10px 28px;align-items:flex-end}\
.summary div{display:flex;flex-direction:column}\
.label{color:#4a5561;font-size:9pt}\
.figure{font-size:16pt;font-weight:700}\
.overall .figure{font-size:26pt;color:#1f5f8b}\
.badge{display:inline-block;margin-left:6px;padding:0 5px;border:1px solid #8a4b00;border-radius:3px;color:#8a4b00;font-size:8pt;text-transform:uppercase;vertical-align:middle}\
.provisional{margin:8px 0;padding:6px 10px;border-left:4px solid #8a4b00;background:#fff4e5}\
figure{margin:4px 0;break-inside:avoid}\
figure svg{width:100%;height:auto;max-width:170mm}\
table{border-collapse:collapse;width:100%;margin:4px 0;break-inside:auto}\
th{white-space:nowrap}th,td{border-bottom:1px solid #d5dbe1;padding:3px 6px;text-align:left;vertical-align:top}\
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\
ol.plan{padding-left:20px}\
table.plan{font-size:8.5pt;line-height:1.2}table.plan td{padding:1px 4px}\
table.plan tr{break-inside:avoid}\
table.plan th{font-size:8.5pt;color:#4a5561;font-weight:600}\
.plan .what{font-weight:600}\
.plan .domain,.plan .refs,.plan .adopted{color:#4a5561;font-size:7.5pt}\
.plan .rec{margin:1px 0}\
.plan code{font-size:7.5pt}\
ul.caps li{margin-bottom:3px}\
section{break-inside:auto}\
h3{font-size:10.5pt;margin:8px 0 2px}\
h2.part{font-size:15pt;color:#1b1f24;border-top:2px solid #1f5f8b;padding-top:6px;margin-top:18px;break-before:page}\
table.data,table.moves{font-size:9pt;line-height:1.3}table.data td,table.moves td{padding:1px 5px}\
table.data tr,table.moves tr{break-inside:avoid}\
.spreads{display:flex;flex-wrap:wrap;gap:0 8px}.spreads figure{width:49%}\
section.chart-section{break-before:auto}\
@media print{body{padding:0;max-width:none;font-size:10pt}a{color:inherit;text-decoration:none}}\
@media screen and (max-width:600px){section.chart-section figure{overflow-x:auto}\
section.chart-section figure svg{min-width:560px}.spreads figure{width:100%}\
section.chart-section figure::before{content:var(--swipe);display:block;position:sticky;left:0;\
width:max-content;color:#4a5561;font-size:9pt;margin-bottom:2px}}\
";

/// The width, in pixels, charts are laid out for: their labels take two fifths of it, up
/// to eleven twentieths for long ones (`chart::label_column`).
pub(crate) const CHART_WIDTH: u32 = 720;

/// Lays a report out as one HTML page, in the report's language; `svg` draws a chart laid
/// out for a width in pixels. `profile` is the one the report was assembled from: the
/// header shows its short hash, and profile text shown in another language than the
/// report's (a field without a translation) is marked with its own `lang`.
pub fn render(
    report: &Report,
    profile: &Profile,
    svg: &dyn Fn(&BarChart, u32) -> String,
) -> String {
    let words = report.words();
    let mut out = head(
        report.lang,
        &format!(
            "{} — {} {}",
            report.administration, words.cycle, report.cycle
        ),
    );
    let w = &mut out;
    header(
        w,
        words.report_title,
        "",
        &esc(&report.administration),
        &format!(
            "{} {} · {} {} · {}",
            words.cycle,
            esc(&report.cycle),
            words.as_of,
            esc(&report.as_of),
            profile_line(report, profile),
        ),
    );
    body(w, report, profile, svg);
    foot(w);
    out
}

/// The start of a page in `lang`, up to and including `<body>`: the title (escaped here)
/// and the stylesheet.
pub(crate) fn head(lang: Lang, title: &str) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}:root,:host{{--swipe:\"{}\"}}</style>\n</head>\n<body>\n",
        lang.code(),
        esc(title),
        // On a phone, a chart keeps a legible size and scrolls sideways, and says so.
        lang.words().swipe,
    );
    out
}

/// A page's header: the kicker above the heading, then a line of facts, each given as
/// markup (escaped already); `h1_attrs` goes inside the heading's tag (a ` lang`).
pub(crate) fn header(w: &mut String, kicker: &str, h1_attrs: &str, heading: &str, meta: &str) {
    let _ = write!(
        w,
        "<header>\n<p class=\"kicker\">{kicker}</p>\n<h1{h1_attrs}>{heading}</h1>\n<p class=\"meta\">{meta}</p>\n</header>\n",
    );
}

/// The end of a page.
pub(crate) fn foot(w: &mut String) {
    let _ = writeln!(w, "</body>\n</html>");
}

/// "Profile: wco-resilience 1.0.0 · 0123456789ab (title)": the profile's id, version, short
/// hash (DESIGN.md "Provenance": 12 hex digits) when it has one, and title, escaped.
pub(crate) fn profile_line(report: &Report, profile: &Profile) -> String {
    let words = report.words();
    let hash = short_hash(profile);
    format!(
        "{}{}{} {}{hash} (<span{}>{}</span>)",
        words.profile,
        words.colon,
        esc(&report.profile_id),
        esc(&report.profile_version),
        lang_attr(profile, &profile.title, report.lang),
        esc(&report.profile_title),
    )
}

/// " · <code>0123456789ab</code>": the profile's short hash (DESIGN.md "Provenance": 12
/// hex digits) when it has one, escaped; else nothing.
pub(crate) fn short_hash(profile: &Profile) -> String {
    profile
        .sha256
        .as_deref()
        .and_then(|h| h.get(..12))
        .map(|h| format!(" · <code>{}</code>", esc(h)))
        .unwrap_or_default()
}

/// ` lang="en"` when `text` shows in another language than `lang` (the profile has no
/// translation of it); else nothing. Plain text is taken to be in the profile's default
/// language.
pub(crate) fn lang_attr(profile: &Profile, text: &LocalizedText, lang: Lang) -> String {
    let default = profile.default_language();
    let shown = match text {
        LocalizedText::Plain(_) => default,
        LocalizedText::Translated(_) => {
            let given = text.languages();
            if given.contains(&lang.code()) {
                lang.code()
            } else if given.contains(&default) {
                default
            } else {
                given.first().copied().unwrap_or(default)
            }
        }
    };
    if shown == lang.code() {
        String::new()
    } else {
        format!(" lang=\"{}\"", esc(shown))
    }
}

/// The sections of one assessment's report: the figures, the caps holding scores down,
/// the charts, the action plan and what is not answered yet.
pub(crate) fn body(
    w: &mut String,
    report: &Report,
    profile: &Profile,
    svg: &dyn Fn(&BarChart, u32) -> String,
) {
    let n = report.lang;
    let words = report.words();
    let title_lang = |id: &str| {
        profile
            .indicator(id)
            .map(|(_, i)| lang_attr(profile, &i.title, n))
            .unwrap_or_default()
    };
    let o = &report.overall;
    let band_lang = o
        .band_index
        .and_then(|b| profile.bands.get(b))
        .map(|b| lang_attr(profile, &b.label, n))
        .unwrap_or_default();
    let _ = write!(
        w,
        "<section class=\"summary\">\n<div class=\"overall\"><span class=\"label\">{}</span><span class=\"figure\">{}</span><span><span{band_lang}>{}</span>{}</span></div>\n\
         <div><span class=\"label\">{}</span><span class=\"figure\">{}</span></div>\n\
         <div><span class=\"label\">{}</span><span class=\"figure\">{}</span></div>\n</section>\n",
        words.overall,
        n.score(o.value),
        o.band.as_deref().map(esc).unwrap_or_default(),
        if o.capped {
            format!("<span class=\"badge\">{}</span>", words.capped)
        } else {
            String::new()
        },
        words.completeness,
        n.percent(report.completeness),
        words.evidence_coverage,
        n.percent(report.evidence_coverage),
    );
    if report.provisional() {
        let c = &report.counts;
        let _ = writeln!(
            w,
            "<p class=\"provisional\"><strong>{}</strong> ({})</p>",
            n.provisional(report.completeness),
            n.counts(c.answered, c.not_applicable, c.missing, c.indicators)
        );
    }
    let holding: Vec<_> = report.holding().collect();
    if !holding.is_empty() {
        let _ = writeln!(
            w,
            "<section>\n<h2>{}</h2>\n<ul class=\"caps\">",
            words.caps_holding
        );
        for cap in holding {
            let _ = writeln!(w, "<li>{}.</li>", esc(&cap.sentence));
        }
        let _ = writeln!(w, "</ul>\n</section>");
    }

    // Every chart at the full width: side by side at half width, the labels of long
    // phase and scenario names were cut (Spanish, printed).
    chart_section(w, &report.domain_chart(), CHART_WIDTH, svg);
    if !report.phases.is_empty() {
        chart_section(w, &report.phase_chart(), CHART_WIDTH, svg);
    }
    if !report.scenarios.is_empty() {
        chart_section(w, &report.scenario_chart(), CHART_WIDTH, svg);
    }

    // The action plan as a table: a long plan stays a few pages, its header repeated on
    // each printed page, and no entry cut in two.
    let _ = writeln!(
        w,
        "<section>\n<h2>{}</h2>\n<table class=\"plan\">\n<thead><tr><th>{}</th><th>{}</th><th class=\"n\">{} → {}</th></tr></thead>\n<tbody>",
        esc(&n.action_plan_heading(report.actions.len())),
        words.priority,
        words.indicator,
        words.now,
        words.target,
    );
    for a in &report.actions {
        let rec_lang = profile
            .indicator(&a.indicator.id)
            .and_then(|(_, i)| i.recommendation.as_ref())
            .map(|r| lang_attr(profile, r, n))
            .unwrap_or_default();
        let _ = write!(
            w,
            "<tr><td class=\"n\">{}</td><td><span class=\"what\"{}>{}</span>{} <span class=\"domain\"><code>{}</code>{}</span>",
            n.score(Some(a.priority)),
            title_lang(&a.indicator.id),
            esc(&a.indicator.title),
            if a.critical {
                format!("<span class=\"badge\">{}</span>", words.critical)
            } else {
                String::new()
            },
            esc(&a.indicator.id),
            if a.refs.is_empty() {
                String::new()
            } else {
                format!(
                    " · {}{}{}",
                    words.refs,
                    words.colon,
                    esc(&a.refs.join(", "))
                )
            },
        );
        if let Some(r) = &a.recommendation {
            let _ = write!(w, "<div class=\"rec\"{rec_lang}>{}</div>", esc(r));
        }
        if let Some(x) = &a.adopted {
            let _ = write!(
                w,
                "<div class=\"adopted\">{}{}{}</div>",
                words.adopted,
                words.colon,
                esc(&x.line(n))
            );
        }
        let _ = writeln!(
            w,
            "</td><td class=\"n\">{} → {}</td></tr>",
            n.percent(a.score),
            n.percent(a.target),
        );
    }
    let _ = writeln!(w, "</tbody>\n</table>\n</section>");

    if report.provisional() {
        let _ = writeln!(
            w,
            "<section>\n<h2>{} ({})</h2>\n<ul>",
            words.unanswered,
            report.unanswered.len()
        );
        for i in &report.unanswered {
            let _ = writeln!(
                w,
                "<li><span{}>{}</span> <code>{}</code></li>",
                title_lang(&i.id),
                esc(&i.title),
                esc(&i.id)
            );
        }
        let _ = writeln!(w, "</ul>\n</section>");
    }
}

/// A chart in a section of its own. The chart draws its title (a heading above it said it
/// twice, and cost the printed report a page) and writes each value beside its bar; its
/// text alternative (every value, in words) is the figure's label.
pub(crate) fn chart_section(
    w: &mut String,
    chart: &BarChart,
    width: u32,
    svg: &dyn Fn(&BarChart, u32) -> String,
) {
    let _ = writeln!(
        w,
        "<section class=\"chart-section\">\n<figure role=\"img\" tabindex=\"0\" aria-label=\"{}\">{}</figure>",
        esc(&chart.summary()),
        svg(chart, width)
    );
    let _ = writeln!(w, "</section>");
}

/// Text made safe in HTML content and in quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Lang, esc, lang_attr};
    use crate::model::LocalizedText;

    #[test]
    fn text_shown_in_another_language_is_marked_with_it() {
        let text = include_str!("../../../tests/data/profiles/demo.yaml");
        let profile = crate::load::profile(text, crate::load::Layers::default())
            .value
            .expect("the demo profile is valid");
        assert_eq!(profile.languages, ["en", "fr"]);
        let plain = LocalizedText::from("Agree a protocol");
        assert_eq!(lang_attr(&profile, &plain, Lang::Fr), " lang=\"en\"");
        assert_eq!(lang_attr(&profile, &plain, Lang::En), "");
        // The title has a French text; Spanish falls back to the default, English.
        assert_eq!(lang_attr(&profile, &profile.title, Lang::Fr), "");
        assert_eq!(
            lang_attr(&profile, &profile.title, Lang::Es),
            " lang=\"en\""
        );
    }

    #[test]
    fn markup_stays_text() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
