//! The page of `tradeready report` (DESIGN.md "Reports"): one self-contained HTML page of
//! one or several assessments, built by one pure function, [`render`], that the command
//! line and the browser both call, so that they give the same bytes.
//!
//! The files decide the view ([`view`]): one file is its report; several cycles of one
//! administration (the same `code`, or the same `name` where a file has no code) add the
//! comparison before the latest cycle's report; several administrations are a workshop
//! (heat map, distributions, spreads), with neutral labels under `anonymize`. Inline CSS
//! and SVG, no script, nothing fetched; every piece of user text escaped.
//!
//! The inputs are cycles as [`Catalogue::migrate_to`](crate::load::Catalogue::migrate_to)
//! gives them (a file of the profile's own version migrates to itself); [`load`] does that
//! for a set of texts the way the command line does.

use super::html::{self, CHART_WIDTH, esc, lang_attr};
use super::{Lang, Report};
use crate::aggregate::{self, AggregateReport};
use crate::chart::{self, cycles, workshop};
use crate::compare::{self, Comparison, Trend};
use crate::diag::Diagnostic;
use crate::load::{Catalogue, Loaded, MigratedFile, Scored};
use crate::model::Profile;
use std::fmt::Write;

/// How the page is made.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// A language of the profile; None: its first.
    pub lang: Option<String>,
    /// In a workshop, label the administrations A, B, C... in the order given and leave
    /// every name and code out of the page.
    pub anonymize: bool,
}

/// What the files make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// One assessment.
    One,
    /// Several review cycles of one administration.
    Cycles,
    /// Several administrations, each once.
    Workshop,
}

/// Why no page: a diagnostic about one of the files (by index, in the order given), or
/// about the request as a whole (`file` None: the language asked for, say).
#[derive(Clone, Debug, PartialEq)]
pub struct PageError {
    /// The file it is about, 0-based, if it is about one.
    pub file: Option<usize>,
    /// What is wrong.
    pub diagnostic: Diagnostic,
}

impl PageError {
    fn at(file: usize, code: &'static str, pointer: &str, message: String) -> Box<PageError> {
        Box::new(PageError {
            file: Some(file),
            diagnostic: Diagnostic::error(code, pointer, message),
        })
    }
}

/// Loads assessment texts for one page: each decoded, then carried to the newest profile
/// version among them (its own version when all answer one), checked and scored, as
/// `tradeready compare` does. One [`Loaded`] per text, in the order given; the page can be
/// made when none is invalid.
pub fn load(catalogue: &Catalogue, texts: &[&str]) -> Vec<Loaded<MigratedFile>> {
    let decoded: Vec<_> = texts
        .iter()
        .map(|t| catalogue.decode_assessment(t))
        .collect();
    let Some(first) = decoded.iter().find_map(|d| d.value.clone()) else {
        return decoded
            .into_iter()
            .map(|d| Loaded {
                value: None,
                diagnostics: d.diagnostics,
            })
            .collect();
    };
    let newest = decoded
        .iter()
        .filter_map(|d| d.value.as_ref())
        .filter(|raw| raw.profile.id == first.profile.id)
        .filter_map(|raw| semver::Version::parse(raw.profile.version.as_str()).ok())
        .max()
        .map(|v| v.to_string());
    let target = catalogue.migration_target(&first.profile.id, newest.as_deref());
    decoded
        .into_iter()
        .zip(texts)
        .map(|(d, text)| {
            let Some(raw) = d.value else {
                return Loaded {
                    value: None,
                    diagnostics: d.diagnostics,
                };
            };
            if raw.profile.id != first.profile.id {
                let mut diagnostics = vec![Diagnostic::error(
                    "different-profile",
                    "/profile/id",
                    format!(
                        "this file answers profile {}, where the first file answers {}: a report takes files of one profile id",
                        raw.profile.id, first.profile.id
                    ),
                )];
                crate::parse::locate(&mut diagnostics, text);
                return Loaded {
                    value: None,
                    diagnostics,
                };
            }
            match &target {
                Ok(profile) => {
                    let mut loaded = catalogue.migrate_to(&raw, text, profile);
                    let mut diagnostics = d.diagnostics;
                    diagnostics.append(&mut loaded.diagnostics);
                    loaded.diagnostics = diagnostics;
                    loaded
                }
                Err(e) => {
                    let mut diagnostics = vec![e.clone()];
                    crate::parse::locate(&mut diagnostics, text);
                    Loaded {
                        value: None,
                        diagnostics,
                    }
                }
            }
        })
        .collect()
}

/// The view the files make, or why they make none: files of several profile ids, or a
/// mixture of cycles and administrations (some administration twice among others).
pub fn view(files: &[MigratedFile]) -> Result<View, Box<PageError>> {
    let Some(first) = files.first() else {
        return Err(Box::new(PageError {
            file: None,
            diagnostic: Diagnostic::error("report-empty", "", "a report needs an assessment"),
        }));
    };
    for (i, f) in files.iter().enumerate() {
        let (p, q) = (&first.scored.profile, &f.scored.profile);
        if p.id != q.id || p.version != q.version {
            return Err(PageError::at(
                i,
                "different-profile",
                "/profile",
                format!(
                    "this file is scored under {} {}, where the first is scored under {} {}: a report takes files of one profile",
                    q.id, q.version, p.id, p.version
                ),
            ));
        }
    }
    if files.len() == 1 {
        return Ok(View::One);
    }
    if files.iter().all(|f| first.who().is(f.who())) {
        return Ok(View::Cycles);
    }
    for (i, f) in files.iter().enumerate() {
        if let Some(j) = files[..i].iter().position(|e| e.who().is(f.who())) {
            return Err(PageError::at(
                i,
                "report-mixed",
                "/administration",
                format!(
                    "this file is of the same administration as file {} ({}), and other files are of other administrations: \
                     a report takes one file, the cycles of one administration, or one file per administration (a workshop)",
                    j + 1,
                    f.raw.administration.name
                ),
            ));
        }
    }
    // A workshop compares administrations on one yardstick: one version as answered.
    for (i, f) in files.iter().enumerate() {
        if f.answered != first.answered {
            return Err(PageError::at(
                i,
                "different-profile",
                "/profile/version",
                format!(
                    "this file answers version {}, where the first file answers {}: the files of a workshop must answer one profile version",
                    f.answered, first.answered
                ),
            ));
        }
    }
    Ok(View::Workshop)
}

/// The page of `files` (see the module's documentation), in `options.lang`.
pub fn render(files: &[MigratedFile], options: &Options) -> Result<String, Box<PageError>> {
    let view = view(files)?;
    let profile: &Profile = &files[0].scored.profile;
    let lang = match &options.lang {
        Some(l) if !profile.languages.iter().any(|p| p == l) => {
            return Err(Box::new(PageError {
                file: None,
                diagnostic: Diagnostic::error(
                    "report-language",
                    "",
                    format!(
                        "profile {} {} is not written in `{l}`; its languages are {}",
                        profile.id,
                        profile.version,
                        profile.languages.join(", ")
                    ),
                ),
            }));
        }
        Some(l) => l.clone(),
        None => profile.default_language().to_owned(),
    };
    if options.anonymize && view != View::Workshop {
        return Err(Box::new(PageError {
            file: None,
            diagnostic: Diagnostic::error(
                "report-anonymize",
                "",
                "--anonymize labels the administrations of a workshop; these files are of one administration",
            ),
        }));
    }
    let report_of =
        |s: &Scored| Report::new(&s.profile, &s.scores, &lang).with_actions(&s.assessment.actions);
    Ok(match view {
        View::One => html::render(&report_of(&files[0].scored), profile, &chart::to_svg),
        View::Cycles => {
            let comparison = compare::compare(files).map_err(|d| {
                Box::new(PageError {
                    file: None,
                    diagnostic: d,
                })
            })?;
            let mut ordered: Vec<&MigratedFile> = files.iter().collect();
            ordered.sort_by_key(|c| c.scored.assessment.as_of);
            let latest = report_of(&ordered[ordered.len() - 1].scored);
            cycles_page(&ordered, &comparison, &latest, profile, &lang)
        }
        View::Workshop => {
            let scored: Vec<&Scored> = files.iter().map(|f| &f.scored).collect();
            let group = aggregate::aggregate(&scored, options.anonymize).map_err(|e| {
                Box::new(PageError {
                    file: Some(e.file),
                    diagnostic: e.diagnostic,
                })
            })?;
            workshop_page(&scored, &group, profile, &lang, options.anonymize)
        }
    })
}

/// Several cycles: the comparison, then the latest cycle's report.
fn cycles_page(
    ordered: &[&MigratedFile],
    comparison: &Comparison,
    latest: &Report,
    profile: &Profile,
    lang: &str,
) -> String {
    let n = latest.lang;
    let words = latest.words();
    let p = PageWords::of(n);
    let cycles_text = comparison.cycles.join(" → ");
    let mut out = html::head(
        n,
        &format!("{} — {} {cycles_text}", latest.administration, words.cycle),
    );
    let w = &mut out;
    html::header(
        w,
        p.cycles_kicker,
        "",
        &esc(&latest.administration),
        &format!(
            "{} {} · {}",
            p.cycles,
            esc(&cycles_text),
            html::profile_line(latest, profile),
        ),
    );
    let o = &comparison.overall;
    let _ = writeln!(
        w,
        "<section class=\"summary\">\n<div class=\"overall\"><span class=\"label\">{}</span><span class=\"figure\">{} → {}</span><span>{}</span></div>\n</section>",
        words.overall,
        n.score(o.from),
        n.score(o.to),
        n.change(o.change),
    );

    let scored: Vec<&Scored> = ordered.iter().map(|c| &c.scored).collect();
    let trend = cycles::trend(profile, &scored, lang, p.trend_title, words.overall);
    let _ = writeln!(
        w,
        "<section class=\"chart-section\">\n<figure role=\"img\" tabindex=\"0\" aria-label=\"{}\">{}</figure>\n</section>",
        esc(&trend.summary()),
        workshop::svg(CHART_WIDTH, trend.height(), |a| cycles::draw_trend(
            &trend, a, 1.0
        )),
    );
    let change = cycles::change(profile, comparison, lang, p.change_title);
    let _ = writeln!(
        w,
        "<section class=\"chart-section\">\n<figure role=\"img\" tabindex=\"0\" aria-label=\"{}\">{}</figure>",
        esc(&change.summary()),
        workshop::svg(CHART_WIDTH, change.height(), |a| cycles::draw_change(
            &change, a, 1.0
        )),
    );
    // The figures of both charts in one table: every cycle, then the change.
    let _ = write!(
        w,
        "<table class=\"data\">\n<thead><tr><th>{}</th>",
        words.domain
    );
    for c in &comparison.cycles {
        let _ = write!(w, "<th class=\"n\">{}</th>", esc(c));
    }
    let _ = writeln!(w, "<th class=\"n\">{}</th></tr></thead>\n<tbody>", p.change);
    for (i, s) in trend.series.iter().enumerate() {
        let title_lang = profile
            .domains
            .iter()
            .find(|d| d.id == s.id)
            .map(|d| lang_attr(profile, &d.title, n))
            .unwrap_or_default();
        let _ = write!(w, "<tr><td{title_lang}>{}</td>", esc(&s.label));
        for v in &s.values {
            let _ = write!(w, "<td class=\"n\">{}</td>", n.score(*v));
        }
        let delta = if i == 0 {
            o.change
        } else {
            change.bars.get(i - 1).and_then(|b| b.change)
        };
        let _ = writeln!(w, "<td class=\"n\">{}</td></tr>", n.change(delta));
    }
    let _ = writeln!(w, "</tbody>\n</table>\n</section>");

    // What moved, largest moves first (equal moves keep profile order).
    let title = |id: &str| {
        profile.indicator(id).map_or_else(
            || (String::new(), esc(id)),
            |(_, i)| {
                (
                    lang_attr(profile, &i.title, n),
                    esc(i.title.get(lang, profile.default_language())),
                )
            },
        )
    };
    let pct = |v: Option<f64>| v.map_or_else(|| n.score(None), |v| n.percent(v));
    let _ = writeln!(w, "<section>\n<h2>{}</h2>", p.what_moved);
    let mut any = false;
    for (heading, trend) in [
        (p.improved, Trend::Improved),
        (p.regressed, Trend::Regressed),
        (p.new, Trend::New),
        (p.dropped, Trend::Dropped),
    ] {
        let mut listed: Vec<_> = comparison
            .indicators
            .iter()
            .filter(|i| i.trend == trend)
            .collect();
        if listed.is_empty() {
            continue;
        }
        any = true;
        listed.sort_by(|a, b| {
            let (a, b) = (
                a.change.change.unwrap_or(0.0),
                b.change.change.unwrap_or(0.0),
            );
            b.abs().total_cmp(&a.abs())
        });
        let _ = writeln!(
            w,
            "<h3>{heading} ({})</h3>\n<table class=\"moves\">\n<tbody>",
            listed.len()
        );
        for i in listed {
            let (attr, text) = title(&i.id);
            let _ = writeln!(
                w,
                "<tr><td><span{attr}>{text}</span> <code>{}</code></td><td class=\"n\">{} → {}</td></tr>",
                esc(&i.id),
                pct(i.change.from),
                pct(i.change.to),
            );
        }
        let _ = writeln!(w, "</tbody>\n</table>");
    }
    if !any {
        let _ = writeln!(w, "<p>{}</p>", p.nothing_moved);
    }
    if !comparison.unmatched.is_empty() {
        let _ = writeln!(w, "<h3>{}</h3>\n<ul>", p.unmatched);
        for u in &comparison.unmatched {
            let side = if u.only_in == "earlier" {
                p.only_earlier
            } else {
                p.only_later
            };
            let _ = writeln!(w, "<li><code>{}</code> ({side})</li>", esc(&u.id));
        }
        let _ = writeln!(w, "</ul>");
    }
    let _ = writeln!(w, "</section>");

    if !comparison.actions.is_empty() {
        let first = comparison
            .cycles
            .first()
            .map(String::as_str)
            .unwrap_or_default();
        let last = comparison
            .cycles
            .last()
            .map(String::as_str)
            .unwrap_or_default();
        let _ = writeln!(
            w,
            "<section>\n<h2>{} {}</h2>\n<table class=\"moves\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            p.actions_followed,
            esc(first),
            words.indicator,
            esc(first),
            esc(last),
            p.indicator_trend,
        );
        for a in &comparison.actions {
            let (attr, text) = title(&a.id);
            let _ = writeln!(
                w,
                "<tr><td><span{attr}>{text}</span> <code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&a.id),
                a.from,
                a.to.unwrap_or(p.not_listed),
                p.trend(a.trend),
            );
        }
        let _ = writeln!(w, "</tbody>\n</table>\n</section>");
    }

    let _ = writeln!(
        w,
        "<h2 class=\"part\">{} {} {} · {} {}</h2>",
        p.latest,
        words.cycle,
        esc(&latest.cycle),
        words.as_of,
        esc(&latest.as_of)
    );
    html::body(w, latest, profile, &chart::to_svg);
    html::foot(w);
    out
}

/// Several administrations: the heat map, the distribution per domain, and the spread of
/// the indicators where they differ most.
fn workshop_page(
    scored: &[&Scored],
    group: &AggregateReport,
    profile: &Profile,
    lang: &str,
    anonymize: bool,
) -> String {
    let n = Lang::from_code(lang).unwrap_or_default();
    let words = n.words();
    let p = PageWords::of(n);
    let default = profile.default_language();
    let kicker = p.workshop(group.n);
    let mut out = html::head(
        n,
        &format!("{kicker} — {}", profile.title.get(lang, default)),
    );
    let w = &mut out;
    // Under anonymize, the cycles stay out too: a cycle's label is free text and may name
    // the administration.
    let mut cycles: Vec<&str> = Vec::new();
    if !anonymize {
        for s in scored {
            if !cycles.contains(&s.scores.cycle.as_str()) {
                cycles.push(&s.scores.cycle);
            }
        }
    }
    html::header(
        w,
        &esc(&kicker),
        &lang_attr(profile, &profile.title, n),
        &esc(profile.title.get(lang, default)),
        &format!(
            "{}{}{} {}{}{}",
            words.profile,
            words.colon,
            esc(&profile.id),
            esc(&profile.version.to_string()),
            html::short_hash(profile),
            if cycles.is_empty() {
                String::new()
            } else {
                format!(" · {} {}", words.cycle, esc(&cycles.join(", ")))
            },
        ),
    );
    let o = &group.overall;
    let _ = writeln!(
        w,
        "<section class=\"summary\">\n<div class=\"overall\"><span class=\"label\">{} ({})</span><span class=\"figure\">{}</span><span>{} {} – {}</span></div>\n</section>",
        words.overall,
        p.median,
        n.score(o.median),
        p.range,
        n.score(o.min),
        n.score(o.max),
    );

    let heat = workshop::heat_map(profile, group, lang, p.heat_title);
    let _ = writeln!(
        w,
        "<section class=\"chart-section\">\n<figure role=\"img\" tabindex=\"0\" aria-label=\"{}\">{}</figure>",
        esc(&heat.summary()),
        workshop::svg(CHART_WIDTH, heat.height(), |a| workshop::draw_heat_map(
            &heat, a, 1.0
        )),
    );
    let _ = writeln!(w, "</section>");

    let dist = workshop::distribution(profile, group, lang, p.distribution_title);
    let _ = writeln!(
        w,
        "<section class=\"chart-section\">\n<figure role=\"img\" tabindex=\"0\" aria-label=\"{}\">{}</figure>",
        esc(&format!(
            "{}: {}.",
            dist.title,
            dist.rows()
                .iter()
                .map(|[label, n, min, median, max]| format!(
                    "{label} (n {n}) {median}, {min}–{max}"
                ))
                .collect::<Vec<_>>()
                .join("; ")
        )),
        workshop::svg(CHART_WIDTH, dist.height(), |a| workshop::draw_distribution(
            &dist, a, 1.0
        )),
    );
    let _ = writeln!(
        w,
        "<table class=\"data\">\n<thead><tr><th>{}</th><th class=\"n\">n</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead>\n<tbody>",
        words.domain, p.min, p.median, p.max
    );
    for (s, stats) in dist.rows.iter().zip(&group.domains) {
        let st = &stats.stats;
        let _ = writeln!(
            w,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&s.label),
            st.n,
            n.score(st.min),
            n.score(st.median),
            n.score(st.max),
        );
    }
    let _ = writeln!(w, "</tbody>\n</table>\n</section>");

    // Where the administrations differ most: the table of the widest spreads, then the
    // levels chosen for the scale indicators among them.
    let widest = aggregate::widest_spreads(group, aggregate::WIDEST_SPREADS);
    let _ = writeln!(w, "<section>\n<h2>{}</h2>", p.spread_title);
    if widest.is_empty() {
        let _ = writeln!(w, "<p>{}</p>", p.no_spread);
    } else {
        let _ = writeln!(
            w,
            "<table class=\"data\">\n<thead><tr><th>{}</th><th class=\"n\">n</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead>\n<tbody>",
            words.indicator, p.min, p.median, p.max
        );
        for &i in &widest {
            let stats = &group.indicators[i];
            let (attr, title) = profile.indicator(&stats.id).map_or_else(
                || (String::new(), stats.id.clone()),
                |(_, ind)| {
                    (
                        lang_attr(profile, &ind.title, n),
                        ind.title.get(lang, default).to_owned(),
                    )
                },
            );
            let st = &stats.stats;
            let _ = writeln!(
                w,
                "<tr><td><span{attr}>{}</span> <code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                esc(&title),
                esc(&stats.id),
                st.n,
                st.min.map_or_else(|| n.score(None), |v| n.percent(v)),
                st.median.map_or_else(|| n.score(None), |v| n.percent(v)),
                st.max.map_or_else(|| n.score(None), |v| n.percent(v)),
            );
        }
        let _ = writeln!(w, "</tbody>\n</table>\n<div class=\"spreads\">");
        for &i in &widest {
            let id = &group.indicators[i].id;
            let title = profile.indicator(id).map_or_else(
                || id.clone(),
                |(_, ind)| ind.title.get(lang, default).to_owned(),
            );
            if let Some(spread) = workshop::level_spread(profile, group, id, lang, &title) {
                let _ = writeln!(
                    w,
                    "<figure role=\"img\" tabindex=\"0\" aria-label=\"{}\">{}</figure>",
                    esc(&spread.summary()),
                    workshop::svg(CHART_WIDTH / 2 + 60, spread.height(), |a| {
                        workshop::draw_level_spread(&spread, a, 1.0)
                    }),
                );
            }
        }
        let _ = writeln!(w, "</div>");
    }
    let _ = writeln!(w, "</section>");
    html::foot(w);
    out
}

/// The words of the cycles and workshop pages.
struct PageWords {
    cycles_kicker: &'static str,
    cycles: &'static str,
    trend_title: &'static str,
    change_title: &'static str,
    change: &'static str,
    what_moved: &'static str,
    improved: &'static str,
    regressed: &'static str,
    new: &'static str,
    dropped: &'static str,
    nothing_moved: &'static str,
    unmatched: &'static str,
    only_earlier: &'static str,
    only_later: &'static str,
    actions_followed: &'static str,
    indicator_trend: &'static str,
    not_listed: &'static str,
    latest: &'static str,
    heat_title: &'static str,
    distribution_title: &'static str,
    spread_title: &'static str,
    no_spread: &'static str,
    min: &'static str,
    median: &'static str,
    max: &'static str,
    range: &'static str,
    trends: [&'static str; 6],
    lang: Lang,
}

impl PageWords {
    fn of(lang: Lang) -> &'static PageWords {
        match lang {
            Lang::En => &PAGE_EN,
            Lang::Fr => &PAGE_FR,
            Lang::Es => &PAGE_ES,
        }
    }

    fn trend(&self, trend: Trend) -> &'static str {
        let i = match trend {
            Trend::Improved => 0,
            Trend::Regressed => 1,
            Trend::Unchanged => 2,
            Trend::New => 3,
            Trend::Dropped => 4,
            Trend::None => 5,
        };
        self.trends[i]
    }

    fn workshop(&self, n: usize) -> String {
        match self.lang {
            Lang::En => format!("Workshop: {n} administrations"),
            Lang::Fr => format!("Atelier\u{a0}: {n} administrations"),
            Lang::Es => format!("Taller: {n} administraciones"),
        }
    }
}

static PAGE_EN: PageWords = PageWords {
    cycles_kicker: "Progress across review cycles",
    cycles: "Cycles",
    trend_title: "Scores across cycles",
    change_title: "Change per domain",
    change: "Change",
    what_moved: "What moved",
    improved: "Improved",
    regressed: "Regressed",
    new: "Newly counted",
    dropped: "No longer counted",
    nothing_moved: "No indicator moved.",
    unmatched: "Not matched across profile versions",
    only_earlier: "only in the earlier cycles",
    only_later: "only in the later version",
    actions_followed: "Actions adopted in",
    indicator_trend: "Its indicator",
    not_listed: "not listed",
    latest: "Latest report:",
    heat_title: "Administrations against domains",
    distribution_title: "Scores per domain across the group",
    spread_title: "Where the administrations differ most",
    no_spread: "The administrations do not differ on any indicator.",
    min: "min",
    median: "median",
    max: "max",
    range: "range",
    trends: [
        "improved",
        "regressed",
        "unchanged",
        "newly counted",
        "no longer counted",
        "not counted",
    ],
    lang: Lang::En,
};

static PAGE_FR: PageWords = PageWords {
    cycles_kicker: "Progrès d'un cycle d'évaluation à l'autre",
    cycles: "Cycles",
    trend_title: "Scores d'un cycle à l'autre",
    change_title: "Évolution par domaine",
    change: "Évolution",
    what_moved: "Ce qui a bougé",
    improved: "En progrès",
    regressed: "En recul",
    new: "Nouvellement comptés",
    dropped: "Plus comptés",
    nothing_moved: "Aucun indicateur n'a bougé.",
    unmatched: "Sans correspondance entre versions du profil",
    only_earlier: "seulement dans les cycles antérieurs",
    only_later: "seulement dans la version récente",
    actions_followed: "Actions adoptées en",
    indicator_trend: "Son indicateur",
    not_listed: "non reprise",
    latest: "Dernier rapport\u{a0}:",
    heat_title: "Administrations par domaine",
    distribution_title: "Scores par domaine dans le groupe",
    spread_title: "Là où les administrations diffèrent le plus",
    no_spread: "Les administrations ne diffèrent sur aucun indicateur.",
    min: "min.",
    median: "médiane",
    max: "max.",
    range: "étendue",
    trends: [
        "en progrès",
        "en recul",
        "inchangé",
        "nouvellement compté",
        "plus compté",
        "non compté",
    ],
    lang: Lang::Fr,
};

static PAGE_ES: PageWords = PageWords {
    cycles_kicker: "Avance entre ciclos de evaluación",
    cycles: "Ciclos",
    trend_title: "Puntuaciones por ciclo",
    change_title: "Cambio por dominio",
    change: "Cambio",
    what_moved: "Qué cambió",
    improved: "Mejoraron",
    regressed: "Retrocedieron",
    new: "Contados por primera vez",
    dropped: "Ya no contados",
    nothing_moved: "Ningún indicador cambió.",
    unmatched: "Sin correspondencia entre versiones del perfil",
    only_earlier: "solo en los ciclos anteriores",
    only_later: "solo en la versión reciente",
    actions_followed: "Acciones adoptadas en",
    indicator_trend: "Su indicador",
    not_listed: "no figura",
    latest: "Último informe:",
    heat_title: "Administraciones por dominio",
    distribution_title: "Puntuaciones por dominio en el grupo",
    spread_title: "Donde más difieren las administraciones",
    no_spread: "Las administraciones no difieren en ningún indicador.",
    min: "mín.",
    median: "mediana",
    max: "máx.",
    range: "rango",
    trends: [
        "mejoró",
        "retrocedió",
        "sin cambio",
        "contado por primera vez",
        "ya no contado",
        "no contado",
    ],
    lang: Lang::Es,
};

#[cfg(test)]
mod tests {
    use super::*;

    const DEMO: &str = include_str!("../../../tests/data/profiles/demo.yaml");
    const Y2024: &str = include_str!("../../../tests/data/cycles/demo-2024.yaml");
    const Y2025: &str = include_str!("../../../tests/data/assessments/demo-2025.yaml");
    const ADMIN: &str = "name: Customs Administration of Examplestan, code: XE";

    fn files(texts: &[&str]) -> Vec<MigratedFile> {
        let mut catalogue = Catalogue::empty();
        assert!(catalogue.add_text(DEMO).value.is_some());
        load(&catalogue, texts)
            .into_iter()
            .map(|l| l.value.unwrap_or_else(|| panic!("{:?}", l.diagnostics)))
            .collect()
    }

    fn of(name: &str, code: &str) -> String {
        Y2025.replace(ADMIN, &format!("name: {name}, code: {code}"))
    }

    #[test]
    fn the_files_decide_the_view() {
        assert_eq!(view(&files(&[Y2025])), Ok(View::One));
        assert_eq!(view(&files(&[Y2025, Y2024])), Ok(View::Cycles));
        let (b, c) = (of("Borovia", "XB"), of("Caldera", "XC"));
        assert_eq!(view(&files(&[Y2025, &b, &c])), Ok(View::Workshop));
        // The same code under another name is the same administration.
        let renamed = of("Examplestan Customs", "XE");
        assert_eq!(view(&files(&[Y2024, &renamed])), Ok(View::Cycles));
        // Two cycles of Examplestan beside Borovia: neither.
        let mixed = view(&files(&[Y2024, &b, Y2025])).unwrap_err();
        assert_eq!(mixed.file, Some(2));
        assert_eq!(mixed.diagnostic.code, "report-mixed");
        assert!(
            mixed.diagnostic.message.contains("as file 1"),
            "{}",
            mixed.diagnostic.message
        );
        assert_eq!(view(&[]).unwrap_err().diagnostic.code, "report-empty");
    }

    #[test]
    fn a_language_the_profile_lacks_and_anonymize_outside_a_workshop_are_refused() {
        let one = files(&[Y2025]);
        let options = |lang: Option<&str>, anonymize| Options {
            lang: lang.map(str::to_owned),
            anonymize,
        };
        let e = render(&one, &options(Some("es"), false)).unwrap_err();
        assert_eq!((e.file, e.diagnostic.code), (None, "report-language"));
        assert!(e.diagnostic.message.ends_with("its languages are en, fr"));
        let e = render(&one, &options(None, true)).unwrap_err();
        assert_eq!(e.diagnostic.code, "report-anonymize");
        let fr = render(&one, &options(Some("fr"), false)).unwrap();
        assert!(fr.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        // The same inputs give the same bytes.
        assert_eq!(
            fr,
            render(&files(&[Y2025]), &options(Some("fr"), false)).unwrap()
        );
    }

    #[test]
    fn an_anonymized_workshop_holds_no_name_code_or_cycle() {
        let b = of("Borovia Revenue", "XB").replace("2025-H1", "Borovia round");
        let page = render(
            &files(&[Y2025, &b]),
            &Options {
                lang: None,
                anonymize: true,
            },
        )
        .unwrap();
        for banned in ["Examplestan", "Borovia", ">XE<", ">XB<", "2025-H1"] {
            assert!(!page.contains(banned), "{banned} is in the page");
        }
        assert!(page.contains("Workshop: 2 administrations"));
        let named = render(&files(&[Y2025, &b]), &Options::default()).unwrap();
        assert!(
            named.contains("Borovia Revenue") && named.contains("cycle 2025-H1, Borovia round")
        );
    }

    #[test]
    fn cycles_put_the_comparison_before_the_latest_report() {
        let page = render(&files(&[Y2025, Y2024]), &Options::default()).unwrap();
        let (moved, latest) = (
            page.find("<h2>What moved</h2>").unwrap(),
            page.find("Latest report: cycle 2025-H1").unwrap(),
        );
        assert!(moved < latest);
        assert!(
            page.contains("Cycles 2024 → 2025-H1"),
            "as_of order, whatever the order given"
        );
        assert_eq!(page.matches("<svg").count(), 2 + 3);
    }
}
