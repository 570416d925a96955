//! Workshop charts: several administrations at once, from an
//! [`AggregateReport`](crate::aggregate::AggregateReport).
//!
//! - [`HeatMap`]: administrations (rows) against domains (columns), each cell coloured by
//!   the band of its score and carrying the score as text.
//! - [`Distribution`]: a strip plot of the administrations' scores per domain, with the
//!   range and the median.
//! - [`LevelSpread`]: how many administrations chose each level of one scale indicator.
//!
//! Each is plain data built by one function and drawn by one function generic over
//! plotters' `DrawingBackend`, as the bar charts are. Labels are whatever the report holds,
//! so an anonymised report gives charts with A, B, C and no name.

use super::bar::thresholds;
use super::{
    BAND_COLOURS, BAND_TINTS, EMPTY_CELL, Frame, LABEL_GREY, RULE_GREY, Threshold, band_index,
};
use crate::aggregate::AggregateReport;
use crate::model::{IndicatorKind, Profile};
use crate::report::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;
use serde::Serialize;

/// Administrations against domains.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeatMap {
    /// Title, in the chosen language.
    pub title: String,
    /// The domains, in profile order; drawn as numbered columns with a legend.
    pub columns: Vec<Column>,
    /// One row per administration, in the order given.
    pub rows: Vec<HeatRow>,
    /// The language of the numbers and of the chart's own words.
    pub lang: Lang,
}

/// A column of the heat map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    /// Domain id.
    pub id: String,
    /// Domain title, in the chosen language.
    pub label: String,
}

/// One administration's row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeatRow {
    /// The administration's label (a name, or A, B, C when anonymised).
    pub label: String,
    /// Its overall score.
    pub overall: Cell,
    /// Its domain scores, one per column.
    pub cells: Vec<Cell>,
}

/// One score of the heat map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    /// 0-100, or None where nothing counted.
    pub value: Option<f64>,
    /// The band of the value (0 = lowest), for colour.
    pub band_index: Option<usize>,
}

fn cell(profile: &Profile, value: Option<f64>) -> Cell {
    Cell {
        value,
        band_index: value.and_then(|v| band_index(profile, v)),
    }
}

fn domain_label(profile: &Profile, id: &str, lang: &str) -> String {
    let default = profile.default_language();
    profile
        .domains
        .iter()
        .find(|d| d.id == id)
        .map_or_else(|| id.to_owned(), |d| d.title.get(lang, default).to_owned())
}

/// The heat map of a workshop.
pub fn heat_map(profile: &Profile, report: &AggregateReport, lang: &str, title: &str) -> HeatMap {
    HeatMap {
        title: title.to_owned(),
        columns: report
            .domains
            .iter()
            .map(|d| Column {
                id: d.id.clone(),
                label: domain_label(profile, &d.id, lang),
            })
            .collect(),
        rows: report
            .administrations
            .iter()
            .map(|a| HeatRow {
                label: a.label.clone(),
                overall: cell(profile, a.overall),
                cells: a.domains.iter().map(|d| cell(profile, d.score)).collect(),
            })
            .collect(),
        lang: Lang::from_code(lang).unwrap_or_default(),
    }
}

const HEAT_TOP: f64 = 56.0;
const HEAT_ROW: f64 = 26.0;
const LEGEND_ROW: f64 = 18.0;

impl HeatMap {
    /// The height in pixels (at scale 1): title, header, one row per administration, and
    /// the legend of the numbered columns in two columns.
    pub fn height(&self) -> u32 {
        let legend = self.columns.len().div_ceil(2);
        (HEAT_TOP + HEAT_ROW * self.rows.len() as f64 + 12.0 + LEGEND_ROW * legend as f64 + 8.0)
            as u32
    }

    /// A one-sentence text alternative, for an aria-label.
    pub fn summary(&self) -> String {
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|r| format!("{} {}", r.label, self.lang.score(r.overall.value)))
            .collect();
        let (rows_n, columns_n) = (self.rows.len(), self.columns.len());
        let rows = rows.join(", ");
        match self.lang {
            Lang::En => format!(
                "{}: {rows_n} administrations by {columns_n} domains; overall {rows}.",
                self.title
            ),
            Lang::Fr => format!(
                "{}\u{a0}: {rows_n} administrations sur {columns_n} domaines\u{a0}; global {rows}.",
                self.title
            ),
            Lang::Es => format!(
                "{}: {rows_n} administraciones en {columns_n} dominios; global {rows}.",
                self.title
            ),
        }
    }

    /// The chart as a table: a header row (administration, overall, each domain), then one
    /// row per administration with scores to one decimal (or n/a).
    pub fn table(&self) -> Vec<Vec<String>> {
        let [administration, overall] = self.lang.heat_words();
        let mut header = vec![administration.to_owned(), overall.to_owned()];
        header.extend(self.columns.iter().map(|c| c.label.clone()));
        super::table(
            header,
            self.rows.iter().map(|r| {
                let cells = std::iter::once(&r.overall)
                    .chain(&r.cells)
                    .map(|c| self.lang.score(c.value))
                    .collect();
                (r.label.as_str(), cells)
            }),
        )
    }
}

const INK: RGBColor = RGBColor(0, 0, 0);

/// Draws a heat map on any plotters backend, filling the whole area.
pub fn draw_heat_map<DB: DrawingBackend>(
    chart: &HeatMap,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let f = Frame::new(area, scale);
    f.start(area, &chart.title, 18.0)?;
    // The administrations' names: three tenths of the width, up to two fifths for long ones
    // (the grid needs the rest); a name longer still takes two lines.
    let label_right = super::label_column(
        chart.rows.iter().map(|r| r.label.as_str()),
        12.0 * f.scale,
        f.px(8.0),
        f.w,
        (3, 10),
        (2, 5),
    );
    let grid_left = label_right + f.px(8.0);
    let grid_right = (f.w - f.px(8.0)).max(grid_left + 1);
    // The overall, then one column per domain.
    let n = i32::try_from(chart.columns.len() + 1).unwrap_or(1);
    let col = ((grid_right - grid_left) / n).max(1);
    let top = f.px(HEAT_TOP);
    let row = f.px(HEAT_ROW);
    let header_y = top - f.px(12.0);
    for c in 0..n {
        let x = grid_left + col * c + col / 2;
        let text = if c == 0 {
            chart.lang.heat_words()[1].to_owned()
        } else {
            c.to_string()
        };
        area.draw(&Text::new(
            text,
            (x, header_y),
            f.font(11.0, INK, HPos::Center),
        ))?;
    }
    for (i, r) in chart.rows.iter().enumerate() {
        let y0 = top + row * i32::try_from(i).unwrap_or(0);
        super::draw_label(
            area,
            &r.label,
            (label_right, y0 + row / 2),
            12.0 * f.scale,
            f64::from(label_right - f.px(8.0)),
            INK,
        )?;
        for (c, cell) in std::iter::once(&r.overall).chain(&r.cells).enumerate() {
            let x0 = grid_left + col * i32::try_from(c).unwrap_or(0);
            let fill = match cell.band_index {
                Some(b) => BAND_TINTS[b.min(BAND_TINTS.len() - 1)],
                None => EMPTY_CELL,
            };
            area.draw(&Rectangle::new(
                [(x0 + 1, y0 + 1), (x0 + col - 1, y0 + row - 1)],
                fill.filled(),
            ))?;
            area.draw(&Text::new(
                chart.lang.score(cell.value),
                (x0 + col / 2, y0 + row / 2),
                f.font(11.0, INK, HPos::Center),
            ))?;
        }
    }
    // The legend of the numbered columns, in two columns.
    let legend_top = top + row * i32::try_from(chart.rows.len()).unwrap_or(0) + f.px(12.0);
    let half = chart.columns.len().div_ceil(2);
    for (i, c) in chart.columns.iter().enumerate() {
        let (x, line) = if i < half {
            (f.px(8.0), i)
        } else {
            (f.w / 2, i - half)
        };
        let y = legend_top + f.px(LEGEND_ROW) * i32::try_from(line).unwrap_or(0) + f.px(9.0);
        area.draw(&Text::new(
            format!("{}  {}", i + 1, c.label),
            (x, y),
            f.font(11.0, INK, HPos::Left),
        ))?;
    }
    area.present()
}

/// The administrations' scores per domain.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Distribution {
    /// Title, in the chosen language.
    pub title: String,
    /// One row per domain, in profile order.
    pub rows: Vec<Strip>,
    /// Band boundaries drawn as vertical rules (the bands above 0).
    pub thresholds: Vec<Threshold>,
    /// The language of the numbers.
    pub lang: Lang,
}

/// One domain's scores.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Strip {
    /// Domain id.
    pub id: String,
    /// Domain title, in the chosen language.
    pub label: String,
    /// Each administration's score where it has one, in the order given.
    pub values: Vec<f64>,
    /// The median across the group.
    pub median: Option<f64>,
}

/// The distribution of scores per domain.
pub fn distribution(
    profile: &Profile,
    report: &AggregateReport,
    lang: &str,
    title: &str,
) -> Distribution {
    Distribution {
        title: title.to_owned(),
        rows: report
            .domains
            .iter()
            .enumerate()
            .map(|(d, stats)| Strip {
                id: stats.id.clone(),
                label: domain_label(profile, &stats.id, lang),
                values: report
                    .administrations
                    .iter()
                    .filter_map(|a| a.domains.get(d).and_then(|c| c.score))
                    .collect(),
                median: stats.stats.median,
            })
            .collect(),
        thresholds: thresholds(profile, lang),
        lang: Lang::from_code(lang).unwrap_or_default(),
    }
}

impl Distribution {
    /// The height in pixels (at scale 1) that gives every domain a row of its own.
    pub fn height(&self) -> u32 {
        48 + 28 * u32::try_from(self.rows.len()).unwrap_or(0)
    }

    /// The chart as a table: domain, n, min, median, max (one decimal, or n/a).
    pub fn rows(&self) -> Vec<[String; 5]> {
        self.rows
            .iter()
            .map(|s| {
                let min = s.values.iter().copied().reduce(f64::min);
                let max = s.values.iter().copied().reduce(f64::max);
                [
                    s.label.clone(),
                    s.values.len().to_string(),
                    self.lang.score(min),
                    self.lang.score(s.median),
                    self.lang.score(max),
                ]
            })
            .collect()
    }
}

/// Draws a distribution on any plotters backend, filling the whole area: per domain the
/// range as a line, each administration as a dot coloured by its band, and the median as a
/// black tick with its value.
pub fn draw_distribution<DB: DrawingBackend>(
    chart: &Distribution,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let f = Frame::new(area, scale);
    f.start(area, &chart.title, 18.0)?;
    let top = f.px(36.0);
    let label_right = super::label_column(
        chart.rows.iter().map(|r| r.label.as_str()),
        12.0 * f.scale,
        f.px(8.0),
        f.w,
        (2, 5),
        (11, 20),
    );
    let left = label_right + f.px(12.0);
    let right = (f.w - f.px(64.0)).max(left + 1);
    let x_of = |v: f64| left + ((right - left) as f64 * v.clamp(0.0, 100.0) / 100.0).round() as i32;
    // A value's band, from the thresholds: the number of thresholds at or below it.
    let band_of = |v: f64| {
        chart
            .thresholds
            .iter()
            .filter(|t| t.value <= v + 1e-9)
            .count()
    };
    for t in &chart.thresholds {
        let x = x_of(t.value);
        area.draw(&PathElement::new(
            vec![(x, top - f.px(4.0)), (x, f.h - f.px(4.0))],
            RULE_GREY.stroke_width(f.stroke(1.0)),
        ))?;
        area.draw(&Text::new(
            t.label.clone(),
            (x - f.px(3.0), top - f.px(8.0)),
            f.font(10.0, LABEL_GREY, HPos::Right),
        ))?;
    }
    let n = i32::try_from(chart.rows.len().max(1)).unwrap_or(1);
    let row = ((f.h - top - f.px(4.0)) / n).max(1);
    for (i, strip) in chart.rows.iter().enumerate() {
        let mid = top + row * i32::try_from(i).unwrap_or(0) + row / 2;
        super::draw_label(
            area,
            &strip.label,
            (label_right, mid),
            12.0 * f.scale,
            f64::from(label_right - f.px(8.0)),
            INK,
        )?;
        let min = strip.values.iter().copied().reduce(f64::min);
        let max = strip.values.iter().copied().reduce(f64::max);
        if let (Some(min), Some(max)) = (min, max) {
            area.draw(&PathElement::new(
                vec![(x_of(min), mid), (x_of(max), mid)],
                RULE_GREY.stroke_width(f.stroke(2.0)),
            ))?;
        }
        for &v in &strip.values {
            let colour = BAND_COLOURS[band_of(v).min(BAND_COLOURS.len() - 1)];
            area.draw(&Circle::new(
                (x_of(v), mid),
                f.px(5.0),
                colour.mix(0.8).filled(),
            ))?;
            area.draw(&Circle::new(
                (x_of(v), mid),
                f.px(5.0),
                INK.stroke_width(f.stroke(1.0)),
            ))?;
        }
        let text = match strip.median {
            Some(m) => {
                let x = x_of(m);
                area.draw(&PathElement::new(
                    vec![(x, mid - row / 3), (x, mid + row / 3)],
                    INK.stroke_width(f.stroke(3.0)),
                ))?;
                chart.lang.score(Some(m))
            }
            None => chart.lang.score(None),
        };
        area.draw(&Text::new(
            text,
            (right + f.px(10.0), mid),
            f.font(12.0, INK, HPos::Left),
        ))?;
    }
    area.present()
}

/// How many administrations chose each level of one scale indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelSpread {
    /// Title, in the chosen language.
    pub title: String,
    /// Indicator id.
    pub id: String,
    /// Every level of the indicator's scale, in scale order, chosen or not.
    pub levels: Vec<LevelBar>,
    /// Administrations at no level (not applicable or not answered).
    pub other: usize,
    /// All administrations.
    pub n: usize,
    /// The language of the chart's own words.
    pub lang: Lang,
}

/// One level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelBar {
    /// The level's value.
    pub value: i64,
    /// The level's label, in the chosen language.
    pub label: String,
    /// How many administrations chose it.
    pub count: usize,
}

/// The spread of one indicator's levels across the group; None when the indicator is not
/// a scale indicator of the profile.
pub fn level_spread(
    profile: &Profile,
    report: &AggregateReport,
    indicator: &str,
    lang: &str,
    title: &str,
) -> Option<LevelSpread> {
    let (_, ind) = profile.indicator(indicator)?;
    let IndicatorKind::Scale { levels, .. } = &ind.kind else {
        return None;
    };
    let counts = report
        .indicators
        .iter()
        .find(|i| i.id == indicator)
        .and_then(|i| i.levels.as_ref());
    let default = profile.default_language();
    let bars: Vec<LevelBar> = levels
        .iter()
        .map(|l| LevelBar {
            value: l.value,
            label: l.label.get(lang, default).to_owned(),
            count: counts
                .and_then(|c| c.0.iter().find(|(v, _)| *v == l.value))
                .map_or(0, |(_, n)| *n),
        })
        .collect();
    let chosen: usize = bars.iter().map(|b| b.count).sum();
    Some(LevelSpread {
        title: title.to_owned(),
        id: indicator.to_owned(),
        levels: bars,
        other: report.n.saturating_sub(chosen),
        n: report.n,
        lang: Lang::from_code(lang).unwrap_or_default(),
    })
}

impl LevelSpread {
    /// The height in pixels (at scale 1): one row per level, and one for the others.
    pub fn height(&self) -> u32 {
        48 + 28 * u32::try_from(self.levels.len() + 1).unwrap_or(0)
    }

    /// A one-sentence text alternative, for an aria-label.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .levels
            .iter()
            .map(|l| format!("{} {}: {}", l.value, l.label, l.count))
            .collect();
        let (at, n, parts, other) = (self.n - self.other, self.n, parts.join(", "), self.other);
        match self.lang {
            Lang::En => format!(
                "{}: {at} of {n} administrations; {parts}; no level: {other}.",
                self.title
            ),
            Lang::Fr => format!(
                "{}\u{a0}: {at} administrations sur {n}\u{a0}; {parts}\u{a0}; sans niveau\u{a0}: {other}.",
                self.title
            ),
            Lang::Es => format!(
                "{}: {at} de {n} administraciones; {parts}; sin nivel: {other}.",
                self.title
            ),
        }
    }
}

/// The label of the row of administrations at no level, in English.
pub const NO_LEVEL: &str = "n/a or not answered";

/// The label of the row of administrations at no level, in each language.
fn no_level(lang: Lang) -> &'static str {
    match lang {
        Lang::En => NO_LEVEL,
        Lang::Fr => "s.o. ou sans réponse",
        Lang::Es => "n/d o sin respuesta",
    }
}

/// Draws a level spread on any plotters backend, filling the whole area: one bar per
/// level, its length the share of administrations, the count written beside it.
pub fn draw_level_spread<DB: DrawingBackend>(
    chart: &LevelSpread,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let f = Frame::new(area, scale);
    f.start(area, &chart.title, 18.0)?;
    let top = f.px(36.0);
    let label_right = f.w * 2 / 5;
    let left = label_right + f.px(8.0);
    let right = (f.w - f.px(48.0)).max(left + 1);
    let n = chart.n.max(1) as f64;
    let rows = i32::try_from(chart.levels.len() + 1).unwrap_or(1);
    let row = ((f.h - top - f.px(4.0)) / rows).max(1);
    let last = chart.levels.len().saturating_sub(1).max(1);
    let bars = chart
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            // Levels spread over the band colours, lowest red, highest green.
            let colour = BAND_COLOURS[(i * (BAND_COLOURS.len() - 1) + last / 2) / last];
            (format!("{} {}", l.value, l.label), l.count, colour)
        })
        .chain(std::iter::once((
            no_level(chart.lang).to_owned(),
            chart.other,
            RULE_GREY,
        )));
    for (i, (label, count, colour)) in bars.enumerate() {
        let y0 = top + row * i32::try_from(i).unwrap_or(0);
        let mid = y0 + row / 2;
        super::draw_label(
            area,
            &label,
            (label_right, mid),
            12.0 * f.scale,
            f64::from(label_right - f.px(8.0)),
            INK,
        )?;
        let x1 = left + ((right - left) as f64 * count as f64 / n).round() as i32;
        if count > 0 {
            area.draw(&Rectangle::new(
                [(left, y0 + row / 5), (x1.max(left + 1), y0 + row - row / 5)],
                colour.filled(),
            ))?;
        }
        area.draw(&Text::new(
            count.to_string(),
            (x1 + f.px(4.0), mid),
            f.font(12.0, INK, HPos::Left),
        ))?;
    }
    area.present()
}

/// Draws a chart to a standalone SVG document `width` wide and `height` high.
pub fn svg(
    width: u32,
    height: u32,
    draw: impl FnOnce(
        &DrawingArea<SVGBackend, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<std::io::Error>>,
) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        // The SVG backend writes into a String and cannot fail.
        let _ = draw(&root);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heat() -> HeatMap {
        let c = |v: Option<f64>, b: Option<usize>| Cell {
            value: v,
            band_index: b,
        };
        HeatMap {
            lang: Lang::En,
            title: "Heat".into(),
            columns: vec![
                Column {
                    id: "g".into(),
                    label: "Governance".into(),
                },
                Column {
                    id: "r".into(),
                    label: "Risk".into(),
                },
                Column {
                    id: "x".into(),
                    label: "Exercises".into(),
                },
            ],
            rows: vec![
                HeatRow {
                    label: "A".into(),
                    overall: c(Some(61.25), Some(2)),
                    cells: vec![
                        c(Some(81.0), Some(3)),
                        c(Some(12.0), Some(0)),
                        c(None, None),
                    ],
                },
                HeatRow {
                    label: "B".into(),
                    overall: c(Some(45.0), Some(1)),
                    cells: vec![
                        c(Some(45.0), Some(1)),
                        c(Some(45.0), Some(1)),
                        c(Some(45.0), Some(1)),
                    ],
                },
            ],
        }
    }

    #[test]
    fn the_heat_map_draws_a_cell_per_score_and_a_legend() {
        let chart = heat();
        let svg = svg(600, chart.height(), |a| draw_heat_map(&chart, a, 1.0));
        // Background, then (1 overall + 3 domains) cells for each of 2 rows.
        assert_eq!(svg.matches("<rect").count(), 1 + 8, "{svg}");
        for text in [
            "Heat",
            "Overall",
            "61.3",
            "n/a",
            "1  Governance",
            "3  Exercises",
        ] {
            assert!(svg.contains(text), "{text} missing: {svg}");
        }
        assert_eq!(chart.table()[1], ["A", "61.3", "81.0", "12.0", "n/a"]);
        assert_eq!(
            chart.summary(),
            "Heat: 2 administrations by 3 domains; overall A 61.3, B 45.0."
        );
    }

    #[test]
    fn the_distribution_draws_a_dot_per_administration() {
        let chart = Distribution {
            lang: Lang::En,
            title: "Spread".into(),
            rows: vec![
                Strip {
                    id: "g".into(),
                    label: "Governance".into(),
                    values: vec![20.0, 70.0, 90.0],
                    median: Some(70.0),
                },
                Strip {
                    id: "r".into(),
                    label: "Risk".into(),
                    values: vec![],
                    median: None,
                },
            ],
            thresholds: vec![Threshold {
                value: 60.0,
                label: "Established".into(),
            }],
        };
        let svg = svg(600, chart.height(), |a| draw_distribution(&chart, a, 1.0));
        // Each value a filled dot and its outline.
        assert_eq!(svg.matches("<circle").count(), 6, "{svg}");
        for text in ["Spread", "Governance", "Risk", "70.0", "n/a", "Established"] {
            assert!(svg.contains(text), "{text} missing");
        }
        assert_eq!(chart.rows()[0], ["Governance", "3", "20.0", "70.0", "90.0"]);
        assert_eq!(chart.rows()[1], ["Risk", "0", "n/a", "n/a", "n/a"]);
    }

    #[test]
    fn the_level_spread_draws_a_bar_per_level_chosen() {
        let chart = LevelSpread {
            lang: Lang::En,
            title: "Roles".into(),
            id: "g.roles".into(),
            levels: vec![
                LevelBar {
                    value: 0,
                    label: "None".into(),
                    count: 1,
                },
                LevelBar {
                    value: 1,
                    label: "Some".into(),
                    count: 0,
                },
                LevelBar {
                    value: 2,
                    label: "All".into(),
                    count: 3,
                },
            ],
            other: 1,
            n: 5,
        };
        let svg = svg(600, chart.height(), |a| draw_level_spread(&chart, a, 1.0));
        // Background and three bars: levels 0 and 2, and the administrations at no level.
        assert_eq!(svg.matches("<rect").count(), 4, "{svg}");
        for text in ["0 None", "1 Some", "2 All", NO_LEVEL] {
            assert!(svg.contains(text), "{text} missing");
        }
        assert_eq!(
            chart.summary(),
            "Roles: 4 of 5 administrations; 0 None: 1, 1 Some: 0, 2 All: 3; no level: 1."
        );
    }

    #[test]
    fn workshop_charts_are_deterministic_and_scale() {
        let chart = heat();
        let one = svg(600, chart.height(), |a| draw_heat_map(&chart, a, 1.0));
        assert_eq!(
            one,
            svg(600, chart.height(), |a| draw_heat_map(&chart, a, 1.0))
        );
        let two = svg(1200, chart.height() * 2, |a| draw_heat_map(&chart, a, 2.0));
        assert_eq!(one.matches("<rect").count(), two.matches("<rect").count());
        assert_eq!(one.matches("<text").count(), two.matches("<text").count());
        assert_ne!(one, two);
    }
}
