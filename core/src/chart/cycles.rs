//! Charts of one administration across review cycles, from the cycles (scored under one
//! profile, in `as_of` order) and their [`Comparison`](crate::compare::Comparison):
//!
//! - [`TrendChart`]: the overall and each domain across the cycles, as small multiples (one
//!   panel each, a line with a point and its value per cycle), so that no line has to be
//!   told from another by its colour and the chart reads the same printed in grey.
//! - [`ChangeChart`]: the change of each domain from the first cycle to the last, as a
//!   diverging bar chart: a fall to the left of the zero line, a rise to the right, the
//!   signed value written at the end of each bar.
//!
//! Each is plain data built by one function and drawn by one function generic over
//! plotters' `DrawingBackend`, with a [`summary`](TrendChart::summary) sentence and a data
//! table for the page. Numbers are written in the chart's language.

use super::{BAND_COLOURS, Frame, LABEL_GREY, RULE_GREY, Threshold, band_index};
use crate::compare::Comparison;
use crate::load::Scored;
use crate::model::Profile;
use crate::report::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;
use serde::Serialize;

/// The overall and each domain across cycles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrendChart {
    /// Title, in the chosen language.
    pub title: String,
    /// The cycles' labels, in `as_of` order.
    pub cycles: Vec<String>,
    /// The overall first, then each domain in profile order.
    pub series: Vec<Series>,
    /// Band boundaries, drawn as faint horizontal rules in every panel.
    pub thresholds: Vec<Threshold>,
    /// The language of the numbers.
    pub lang: Lang,
}

/// One panel of the trend chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    /// `overall` or a domain id.
    pub id: String,
    /// Its title, in the chosen language.
    pub label: String,
    /// Its 0-100 score in each cycle (None where nothing counted).
    pub values: Vec<Option<f64>>,
    /// The band of each value (0 = lowest), for the colour of its point.
    pub bands: Vec<Option<usize>>,
}

/// Panels per row of the trend chart.
pub const TREND_COLUMNS: usize = 3;
const TREND_TOP: f64 = 30.0;
const PANEL_HEIGHT: f64 = 92.0;
/// Within a panel: its label, then the plot, then the cycles' labels.
const PANEL_LABEL: f64 = 16.0;
const PANEL_AXIS: f64 = 14.0;
const PANEL_GAP: f64 = 14.0;
/// The band boundaries in the panels: fainter than the zero line, so that they read as
/// guides, not data (one solid line: a dashed one is dozens of SVG elements).
const BAND_RULE: RGBColor = RGBColor(205, 205, 205);

/// The trend chart of `cycles` (scored under `profile`, in `as_of` order); `overall` is
/// the label of the overall's panel. Labels are in `lang` where the profile has it.
pub fn trend(
    profile: &Profile,
    cycles: &[&Scored],
    lang: &str,
    title: &str,
    overall: &str,
) -> TrendChart {
    let default = profile.default_language();
    let series_of = |id: &str, label: String, values: Vec<Option<f64>>| Series {
        id: id.to_owned(),
        label,
        bands: values
            .iter()
            .map(|v| v.and_then(|v| band_index(profile, v)))
            .collect(),
        values,
    };
    let mut series = vec![series_of(
        "overall",
        overall.to_owned(),
        cycles.iter().map(|c| c.scores.overall).collect(),
    )];
    for (d, domain) in profile.domains.iter().enumerate() {
        series.push(series_of(
            &domain.id,
            domain.title.get(lang, default).to_owned(),
            cycles
                .iter()
                .map(|c| c.scores.domains.get(d).and_then(|s| s.score))
                .collect(),
        ));
    }
    TrendChart {
        title: title.to_owned(),
        cycles: cycles.iter().map(|c| c.scores.cycle.clone()).collect(),
        series,
        thresholds: super::bar::thresholds(profile, lang),
        lang: Lang::from_code(lang).unwrap_or_default(),
    }
}

impl TrendChart {
    /// The height in pixels (at scale 1): the title, then rows of [`TREND_COLUMNS`] panels.
    pub fn height(&self) -> u32 {
        let rows = self.series.len().div_ceil(TREND_COLUMNS).max(1);
        (TREND_TOP + PANEL_HEIGHT * rows as f64) as u32
    }

    /// A one-sentence text alternative, for an aria-label: every series with its values
    /// from the first cycle to the last.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .series
            .iter()
            .map(|s| {
                let values: Vec<String> = s.values.iter().map(|v| self.lang.score(*v)).collect();
                format!("{} {}", s.label, values.join(" → "))
            })
            .collect();
        format!(
            "{} ({}): {}.",
            self.title,
            self.cycles.join(", "),
            parts.join("; ")
        )
    }

    /// The chart as a table: a header row (the word given for the first column, then each
    /// cycle), then one row per series with its scores to one decimal.
    pub fn table(&self, first: &str) -> Vec<Vec<String>> {
        let mut header = vec![first.to_owned()];
        header.extend(self.cycles.iter().cloned());
        super::table(
            header,
            self.series.iter().map(|s| {
                let values = s.values.iter().map(|v| self.lang.score(*v)).collect();
                (s.label.as_str(), values)
            }),
        )
    }

    /// Where the panel of series `index` stands, in pixels at scale 1 for a chart `width`
    /// wide: its left, top, right and bottom.
    pub fn panel(&self, index: usize, width: u32) -> (f64, f64, f64, f64) {
        let w = f64::from(width);
        let col_w = (w - 8.0) / TREND_COLUMNS as f64;
        let (row, col) = (index / TREND_COLUMNS, index % TREND_COLUMNS);
        let left = 8.0 + col_w * col as f64;
        let top = TREND_TOP + PANEL_HEIGHT * row as f64;
        (
            left,
            top,
            left + col_w - PANEL_GAP,
            top + PANEL_HEIGHT - 8.0,
        )
    }

    /// The x of cycle `i` and the y of score `v` within a panel (left, top, right, bottom):
    /// the cycles spread evenly with a margin for their values, 0 at the plot's bottom and
    /// 100 at its top.
    pub fn point(&self, panel: (f64, f64, f64, f64), i: usize, v: f64) -> (f64, f64) {
        let (left, top, right, bottom) = panel;
        let (x0, x1) = (left + 18.0, right - 18.0);
        let n = self.cycles.len();
        let x = if n <= 1 {
            (x0 + x1) / 2.0
        } else {
            x0 + (x1 - x0) * i as f64 / (n - 1) as f64
        };
        let (y_top, y_bottom) = (top + PANEL_LABEL + 12.0, bottom - PANEL_AXIS);
        let y = y_bottom - (y_bottom - y_top) * v.clamp(0.0, 100.0) / 100.0;
        (x, y)
    }
}

/// Draws a trend chart on any plotters backend, filling the whole area; `scale` multiplies
/// every length, as [`super::draw_scaled`] does.
pub fn draw_trend<DB: DrawingBackend>(
    chart: &TrendChart,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let f = Frame::new(area, scale);
    f.start(area, &chart.title, 16.0)?;
    let width = (f64::from(f.w) / f.scale).round() as u32;
    let at = |p: (f64, f64)| (f.px(p.0), f.px(p.1));
    for (i, s) in chart.series.iter().enumerate() {
        let panel = chart.panel(i, width);
        let (left, top, right, bottom) = panel;
        area.draw(&Text::new(
            s.label.clone(),
            (f.px(left), f.px(top + PANEL_LABEL / 2.0)),
            f.font(if i == 0 { 12.0 } else { 11.0 }, BLACK, HPos::Left),
        ))?;
        // The plot's frame: its 0 line, and the band boundaries as faint rules.
        let (_, y0) = chart.point(panel, 0, 0.0);
        area.draw(&PathElement::new(
            vec![(f.px(left), f.px(y0)), (f.px(right), f.px(y0))],
            RULE_GREY.stroke_width(f.stroke(1.0)),
        ))?;
        for t in &chart.thresholds {
            let (_, y) = chart.point(panel, 0, t.value);
            area.draw(&PathElement::new(
                vec![(f.px(left), f.px(y)), (f.px(right), f.px(y))],
                BAND_RULE.stroke_width(f.stroke(1.0)),
            ))?;
        }
        for (c, label) in chart.cycles.iter().enumerate() {
            let (x, _) = chart.point(panel, c, 0.0);
            area.draw(&Text::new(
                label.clone(),
                (f.px(x), f.px(bottom - PANEL_AXIS / 2.0 + 2.0)),
                f.font(9.0, LABEL_GREY, HPos::Center),
            ))?;
        }
        // The line joins consecutive cycles that both have a score.
        let points: Vec<Option<(f64, f64)>> = s
            .values
            .iter()
            .enumerate()
            .map(|(c, v)| v.map(|v| chart.point(panel, c, v)))
            .collect();
        let line = if i == 0 { 3.0 } else { 2.0 };
        for pair in points.windows(2) {
            if let [Some(a), Some(b)] = pair {
                area.draw(&PathElement::new(
                    vec![at(*a), at(*b)],
                    BLACK.stroke_width(f.stroke(line)),
                ))?;
            }
        }
        for (c, p) in points.iter().enumerate() {
            let text = chart.lang.score(s.values[c]);
            let (x, y) = match p {
                Some(p) => {
                    let colour = BAND_COLOURS[s.bands[c].unwrap_or(0).min(BAND_COLOURS.len() - 1)];
                    area.draw(&Circle::new(at(*p), f.px(4.0), colour.filled()))?;
                    area.draw(&Circle::new(
                        at(*p),
                        f.px(4.0),
                        BLACK.stroke_width(f.stroke(1.0)),
                    ))?;
                    *p
                }
                None => chart.point(panel, c, 0.0),
            };
            area.draw(&Text::new(
                text,
                (f.px(x), f.px(y - 10.0)),
                f.font(10.0, BLACK, HPos::Center),
            ))?;
        }
    }
    area.present()
}

/// The change of each domain from the first cycle to the last.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChangeChart {
    /// Title, in the chosen language.
    pub title: String,
    /// The first and the last cycle's labels.
    pub from: String,
    /// The last cycle's label.
    pub to: String,
    /// One bar per domain, in profile order.
    pub bars: Vec<ChangeBar>,
    /// The language of the numbers.
    pub lang: Lang,
}

/// One domain's change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChangeBar {
    /// Domain id.
    pub id: String,
    /// Domain title, in the chosen language.
    pub label: String,
    /// Its score in the first cycle.
    pub from: Option<f64>,
    /// Its score in the last cycle.
    pub to: Option<f64>,
    /// to − from, None when either is None.
    pub change: Option<f64>,
}

/// The chart of the change per domain of a comparison.
pub fn change(profile: &Profile, comparison: &Comparison, lang: &str, title: &str) -> ChangeChart {
    let default = profile.default_language();
    ChangeChart {
        title: title.to_owned(),
        from: comparison.cycles.first().cloned().unwrap_or_default(),
        to: comparison.cycles.last().cloned().unwrap_or_default(),
        bars: comparison
            .domains
            .iter()
            .map(|d| ChangeBar {
                id: d.id.clone(),
                label: profile
                    .domains
                    .iter()
                    .find(|x| x.id == d.id)
                    .map_or_else(|| d.id.clone(), |x| x.title.get(lang, default).to_owned()),
                from: d.change.from,
                to: d.change.to,
                change: d.change.change,
            })
            .collect(),
        lang: Lang::from_code(lang).unwrap_or_default(),
    }
}

const CHANGE_TOP: f64 = 40.0;
const CHANGE_ROW: f64 = 24.0;

impl ChangeChart {
    /// The height in pixels (at scale 1): the title and the axis, then one row per domain.
    pub fn height(&self) -> u32 {
        (CHANGE_TOP + CHANGE_ROW * self.bars.len() as f64 + 6.0) as u32
    }

    /// The half-width of the axis in points: the largest change rounded up to a multiple
    /// of 10, at least 10, so that the zero line stays in the middle and a small change
    /// is not drawn as a large one.
    pub fn extent(&self) -> f64 {
        let largest = self
            .bars
            .iter()
            .filter_map(|b| b.change)
            .map(f64::abs)
            .fold(0.0, f64::max);
        ((largest / 10.0).ceil() * 10.0).clamp(10.0, 100.0)
    }

    /// The x of the zero line and of a change `v`, in pixels at scale 1 for a chart
    /// `width` wide: the bars take the three fifths right of the labels, less room for
    /// the values on both sides.
    pub fn x_of(&self, width: u32, v: f64) -> f64 {
        let w = f64::from(width);
        let (left, right) = (w * 2.0 / 5.0 + 52.0, w - 52.0);
        let zero = (left + right) / 2.0;
        let extent = self.extent();
        zero + (right - zero) * v.clamp(-extent, extent) / extent
    }

    /// A one-sentence text alternative: each domain's change, signed.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .bars
            .iter()
            .map(|b| format!("{} {}", b.label, self.lang.change(b.change)))
            .collect();
        format!(
            "{} ({} → {}): {}.",
            self.title,
            self.from,
            self.to,
            parts.join(", ")
        )
    }

    /// The chart as a table: domain, first score, last score, signed change.
    pub fn rows(&self) -> Vec<[String; 4]> {
        self.bars
            .iter()
            .map(|b| {
                [
                    b.label.clone(),
                    self.lang.score(b.from),
                    self.lang.score(b.to),
                    self.lang.change(b.change),
                ]
            })
            .collect()
    }
}

/// Draws a change chart on any plotters backend, filling the whole area: a fall as a bar
/// to the left of the zero line (hatched by its outline only, so that grey print tells it
/// from a rise), a rise as a filled bar to the right.
pub fn draw_change<DB: DrawingBackend>(
    chart: &ChangeChart,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let f = Frame::new(area, scale);
    f.start(area, &chart.title, 16.0)?;
    let width = (f64::from(f.w) / f.scale).round() as u32;
    let x = |v: f64| f.px(chart.x_of(width, v));
    let extent = chart.extent();
    let top = f.px(CHANGE_TOP);
    let bottom = f.h - f.px(4.0);
    // The axis: −extent, 0 and +extent above the bars, and the zero line through them.
    for v in [-extent, 0.0, extent] {
        area.draw(&Text::new(
            chart.lang.change(Some(v)),
            (x(v), top - f.px(8.0)),
            f.font(10.0, LABEL_GREY, HPos::Center),
        ))?;
    }
    area.draw(&PathElement::new(
        vec![(x(0.0), top - f.px(2.0)), (x(0.0), bottom)],
        BLACK.stroke_width(f.stroke(1.0)),
    ))?;
    let label_right = super::label_column(
        chart.bars.iter().map(|b| b.label.as_str()),
        11.0 * f.scale,
        f.px(8.0),
        f.w,
        (2, 5),
        (11, 20),
    );
    for (i, b) in chart.bars.iter().enumerate() {
        let y0 = top + f.px(CHANGE_ROW) * i32::try_from(i).unwrap_or(0);
        let mid = y0 + f.px(CHANGE_ROW / 2.0);
        super::draw_label(
            area,
            &b.label,
            (label_right, mid),
            11.0 * f.scale,
            f64::from(label_right - f.px(8.0)),
            BLACK,
        )?;
        let text = chart.lang.change(b.change);
        let Some(v) = b.change else {
            area.draw(&Text::new(
                text,
                (x(0.0) + f.px(4.0), mid),
                f.font(11.0, BLACK, HPos::Left),
            ))?;
            continue;
        };
        let (b0, b1) = (y0 + f.px(5.0), y0 + f.px(CHANGE_ROW - 5.0));
        let (zero, end) = (x(0.0), x(v));
        if v < 0.0 {
            area.draw(&Rectangle::new(
                [(end.min(zero - 1), b0), (zero, b1)],
                BAND_COLOURS[0].mix(0.35).filled(),
            ))?;
            area.draw(&Rectangle::new(
                [(end.min(zero - 1), b0), (zero, b1)],
                BAND_COLOURS[0].stroke_width(f.stroke(1.5)),
            ))?;
            area.draw(&Text::new(
                text,
                (end.min(zero - 1) - f.px(4.0), mid),
                f.font(11.0, BLACK, HPos::Right),
            ))?;
        } else {
            area.draw(&Rectangle::new(
                [(zero, b0), (end.max(zero + 1), b1)],
                BAND_COLOURS[3].filled(),
            ))?;
            area.draw(&Text::new(
                text,
                (end.max(zero + 1) + f.px(4.0), mid),
                f.font(11.0, BLACK, HPos::Left),
            ))?;
        }
    }
    area.present()
}

#[cfg(test)]
mod tests {
    use super::super::workshop::svg;
    use super::*;

    fn trend_chart() -> TrendChart {
        let s = |id: &str, values: Vec<Option<f64>>| Series {
            id: id.into(),
            label: id.to_uppercase(),
            bands: values
                .iter()
                .map(|v| v.map(|v| (v / 30.0) as usize))
                .collect(),
            values,
        };
        TrendChart {
            title: "Trend".into(),
            cycles: vec!["2023".into(), "2024".into(), "2025".into()],
            series: vec![
                s("overall", vec![Some(40.0), Some(52.25), Some(61.0)]),
                s("gov", vec![Some(20.0), Some(80.0), Some(75.0)]),
                s("risk", vec![None, Some(10.0), Some(30.0)]),
                s("aeo", vec![Some(0.0), Some(100.0), None]),
            ],
            thresholds: vec![Threshold {
                value: 60.0,
                label: "Established".into(),
            }],
            lang: Lang::Fr,
        }
    }

    fn change_chart() -> ChangeChart {
        let b = |id: &str, from: Option<f64>, to: Option<f64>| ChangeBar {
            id: id.into(),
            label: id.to_uppercase(),
            from,
            to,
            change: from.zip(to).map(|(f, t)| t - f),
        };
        ChangeChart {
            title: "Change".into(),
            from: "2023".into(),
            to: "2025".into(),
            bars: vec![
                b("gov", Some(20.0), Some(43.5)),
                b("risk", Some(50.0), Some(41.0)),
                b("aeo", None, Some(30.0)),
            ],
            lang: Lang::En,
        }
    }

    #[test]
    fn trend_panels_tile_the_chart_without_overlapping() {
        let chart = trend_chart();
        let width = 720;
        // Four series: three panels on the first row, one on the second.
        assert_eq!(chart.height(), (TREND_TOP + 2.0 * PANEL_HEIGHT) as u32);
        let panels: Vec<_> = (0..4).map(|i| chart.panel(i, width)).collect();
        for (i, p) in panels.iter().enumerate() {
            assert!(p.0 >= 0.0 && p.2 <= f64::from(width), "{p:?}");
            assert!(p.3 <= f64::from(chart.height()), "{p:?}");
            for q in &panels[i + 1..] {
                let apart = p.2 <= q.0 || q.2 <= p.0 || p.3 <= q.1 || q.3 <= p.1;
                assert!(apart, "{p:?} overlaps {q:?}");
            }
        }
        assert_eq!(panels[3].0, panels[0].0);
        assert!(panels[3].1 > panels[0].3);
    }

    #[test]
    fn trend_points_go_left_to_right_in_cycle_order_and_up_with_the_score() {
        let chart = trend_chart();
        let panel = chart.panel(1, 720);
        let (x0, y0) = chart.point(panel, 0, 0.0);
        let (x1, y50) = chart.point(panel, 1, 50.0);
        let (x2, y100) = chart.point(panel, 2, 100.0);
        assert!(x0 < x1 && x1 < x2);
        assert!((x1 - (x0 + x2) / 2.0).abs() < 1e-9, "evenly spaced");
        assert!(y100 < y50 && y50 < y0, "higher scores higher up");
        assert!((y50 - (y0 + y100) / 2.0).abs() < 1e-9, "a linear axis");
        assert!(x0 >= panel.0 && x2 <= panel.2 && y100 >= panel.1 && y0 <= panel.3);
        // Values off the scale stay in the panel.
        assert_eq!(chart.point(panel, 0, 140.0).1, y100);
    }

    #[test]
    fn the_trend_svg_has_a_point_per_score_and_segments_between_scored_cycles() {
        let chart = trend_chart();
        let svg = svg(720, chart.height(), |a| draw_trend(&chart, a, 1.0));
        // 10 scores, each a filled dot and its outline.
        assert_eq!(svg.matches("<circle").count(), 20, "{svg}");
        // Segments: 2 + 2 + 1 (risk starts unscored) + 1 (aeo ends unscored); the 0 line
        // and the band boundary of each panel are polylines too.
        assert_eq!(svg.matches("<polyline").count(), 6 + 4 * 2, "{svg}");
        for text in ["Trend", "OVERALL", "RISK", "52,3", "s.o.", "2024"] {
            assert!(svg.contains(text), "{text} missing");
        }
    }

    #[test]
    fn the_trend_text_alternatives_give_every_value() {
        let chart = trend_chart();
        assert_eq!(
            chart.summary(),
            "Trend (2023, 2024, 2025): OVERALL 40,0 → 52,3 → 61,0; GOV 20,0 → 80,0 → 75,0; \
             RISK s.o. → 10,0 → 30,0; AEO 0,0 → 100,0 → s.o.."
        );
        let table = chart.table("Domaine");
        assert_eq!(table[0], ["Domaine", "2023", "2024", "2025"]);
        assert_eq!(table[3], ["RISK", "s.o.", "10,0", "30,0"]);
    }

    #[test]
    fn change_bars_diverge_from_a_centred_zero() {
        let chart = change_chart();
        assert_eq!(chart.extent(), 30.0, "23.5 rounds up to 30");
        let zero = chart.x_of(720, 0.0);
        let (left, right) = (chart.x_of(720, -30.0), chart.x_of(720, 30.0));
        assert!((zero - (left + right) / 2.0).abs() < 1e-9);
        assert!(left > 720.0 * 2.0 / 5.0, "bars start right of the labels");
        assert!(right < 720.0);
        assert!(chart.x_of(720, -9.0) < zero && chart.x_of(720, 23.5) > zero);
        assert!(
            (chart.x_of(720, 15.0) - zero - (right - zero) / 2.0).abs() < 1e-9,
            "a linear axis"
        );
        let empty = ChangeChart {
            bars: Vec::new(),
            ..change_chart()
        };
        assert_eq!(empty.extent(), 10.0);
    }

    #[test]
    fn the_change_svg_draws_a_fall_left_and_a_rise_right() {
        let chart = change_chart();
        let svg = svg(720, chart.height(), |a| draw_change(&chart, a, 1.0));
        // Background; the rise filled; the fall filled and outlined.
        assert_eq!(svg.matches("<rect").count(), 4, "{svg}");
        let rects: Vec<(f64, f64)> = svg
            .split("<rect")
            .skip(2)
            .map(|r| {
                let attr = |name: &str| -> f64 {
                    let start = r.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                    r[start..].split('"').next().unwrap().parse().unwrap()
                };
                (attr("x"), attr("x") + attr("width"))
            })
            .collect();
        let zero = chart.x_of(720, 0.0).round();
        assert!(
            (rects[0].0 - zero).abs() <= 1.0 && rects[0].1 > zero,
            "{rects:?}"
        );
        assert!(
            (rects[1].1 - zero).abs() <= 1.0 && rects[1].0 < zero,
            "{rects:?}"
        );
        for text in ["+23.5", "−9.0", "n/a", "GOV", "+30.0", "−30.0"] {
            assert!(svg.contains(text), "{text} missing");
        }
        assert_eq!(
            chart.summary(),
            "Change (2023 → 2025): GOV +23.5, RISK −9.0, AEO n/a."
        );
        assert_eq!(chart.rows()[1], ["RISK", "50.0", "41.0", "−9.0"]);
    }
}
