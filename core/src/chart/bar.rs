//! Bar charts of one score report: a pure [`BarChart`] model (domains, phases or
//! scenarios) and one [`draw`] function generic over plotters' `DrawingBackend`.
//!
//! The model also gives the chart its text alternative ([`BarChart::summary`] for an
//! aria-label, [`BarChart::rows`] for a data table).

use super::{BAND_COLOURS, LABEL_GREY, RULE_GREY};
use crate::model::Profile;
use crate::report::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
// Deserialize: the web app hands a chart to its views module, which draws it to SVG.
use serde::{Deserialize, Serialize};

/// A horizontal bar chart of 0-100 scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BarChart {
    /// Title, in the chosen language.
    pub title: String,
    /// One bar per domain, phase or scenario, in report order.
    pub bars: Vec<Bar>,
    /// Band boundaries drawn as vertical rules (the bands above 0).
    pub thresholds: Vec<Threshold>,
    /// The language of the numbers and of the word "capped" in labels and text
    /// alternatives.
    pub lang: Lang,
}

/// One bar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    /// Domain, phase or scenario id.
    pub id: String,
    /// Label, in the chosen language.
    pub label: String,
    /// 0-100, or None where nothing counted.
    pub value: Option<f64>,
    /// Band label of the value.
    pub band: Option<String>,
    /// Position of the band among the profile's bands (0 = lowest), for colour.
    pub band_index: Option<usize>,
    /// Whether a cap lowered the value.
    pub capped: bool,
}

/// A band boundary.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    /// Where, on the 0-100 axis.
    pub value: f64,
    /// The band that starts there.
    pub label: String,
}

impl BarChart {
    /// The height in pixels (at scale 1) that gives every bar a row of its own under the title.
    pub fn height(&self) -> u32 {
        48 + 28 * u32::try_from(self.bars.len()).unwrap_or(0)
    }

    /// A one-sentence text alternative, for an aria-label.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .rows()
            .into_iter()
            .map(|[label, value, band]| {
                if band.is_empty() {
                    format!("{label} {value}")
                } else {
                    format!("{label} {value} ({band})")
                }
            })
            .collect();
        format!("{}: {}.", self.title, parts.join(", "))
    }

    /// The chart as a table: label, score with one decimal (or n/a), band (with "capped").
    pub fn rows(&self) -> Vec<[String; 3]> {
        self.bars
            .iter()
            .map(|b| {
                let mut band = b.band.clone().unwrap_or_default();
                if b.capped {
                    if !band.is_empty() {
                        band.push_str(", ");
                    }
                    band.push_str(self.lang.words().capped);
                }
                [b.label.clone(), self.lang.score(b.value), band]
            })
            .collect()
    }
}

/// The band boundaries above 0 of a profile, labelled in `lang`.
pub(super) fn thresholds(profile: &Profile, lang: &str) -> Vec<Threshold> {
    let default = profile.default_language();
    profile
        .bands
        .iter()
        .filter(|b| b.min > 0.0)
        .map(|b| Threshold {
            value: b.min,
            label: b.label.get(lang, default).to_owned(),
        })
        .collect()
}

/// Draws a chart on any plotters backend, filling the whole area.
pub fn draw<DB: DrawingBackend>(
    chart: &BarChart,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_scaled(chart, area, 1.0)
}

/// Draws a chart with every length (margins, fonts, strokes) multiplied by `scale`: a
/// canvas with two device pixels per CSS pixel draws at scale 2 on an area twice
/// [`BarChart::height`] high and twice the width shown, and stays sharp on high-density
/// screens and on paper.
pub fn draw_scaled<DB: DrawingBackend>(
    chart: &BarChart,
    area: &DrawingArea<DB, Shift>,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        1.0
    };
    let px = |v: f64| (v * scale).round() as i32;
    let (width, height) = area.dim_in_pixel();
    let (w, h) = (
        i32::try_from(width).unwrap_or(i32::MAX),
        i32::try_from(height).unwrap_or(i32::MAX),
    );
    area.fill(&WHITE)?;
    let top = px(36.0);
    // The labels' column: two fifths of the width, more where the longest label needs it.
    let label_left = px(8.0);
    let label_right = super::label_column(
        chart.bars.iter().map(|b| b.label.as_str()),
        12.0 * scale,
        label_left,
        w,
        (2, 5),
        (11, 20),
    );
    let bar_left = label_right + px(8.0);
    let bar_right = (w - px(64.0)).max(bar_left + 1);
    let x_of = |v: f64| {
        bar_left + ((bar_right - bar_left) as f64 * v.clamp(0.0, 100.0) / 100.0).round() as i32
    };
    // The family as a value, not the name "sans-serif": plotters reads a name through
    // str::to_lowercase, whose Unicode tables would cost the web app 7 KB.
    let face = |size: f64| (FontFamily::SansSerif, size * scale).into_font();
    let font = |size: f64| face(size).color(&BLACK);
    let stroke = |width: f64| (width * scale).round().max(1.0) as u32;

    area.draw(&Text::new(
        chart.title.clone(),
        (px(8.0), px(18.0)),
        font(16.0).pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    let grey = LABEL_GREY;
    for t in &chart.thresholds {
        let x = x_of(t.value);
        area.draw(&PathElement::new(
            vec![(x, top - px(4.0)), (x, h - px(4.0))],
            RULE_GREY.stroke_width(stroke(1.0)),
        ))?;
        // Band names stand just left of their rule, so that neighbouring ones do not overlap.
        area.draw(&Text::new(
            t.label.clone(),
            (x - px(3.0), top - px(8.0)),
            face(10.0)
                .color(&grey)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    let n = i32::try_from(chart.bars.len().max(1)).unwrap_or(1);
    let row = ((h - top - px(4.0)) / n).max(1);
    for (i, bar) in chart.bars.iter().enumerate() {
        let y0 = top + row * i32::try_from(i).unwrap_or(0);
        let mid = y0 + row / 2;
        super::draw_label(
            area,
            &bar.label,
            (label_right, mid),
            12.0 * scale,
            f64::from(label_right - label_left),
            BLACK,
        )?;
        let text = match bar.value {
            Some(v) => {
                let colour = BAND_COLOURS[bar.band_index.unwrap_or(0).min(BAND_COLOURS.len() - 1)];
                let (b0, b1) = (y0 + row / 5, y0 + row - row / 5);
                area.draw(&Rectangle::new(
                    [(bar_left, b0), (x_of(v).max(bar_left + 1), b1)],
                    colour.filled(),
                ))?;
                if bar.capped {
                    area.draw(&Rectangle::new(
                        [(bar_left, b0), (x_of(v).max(bar_left + 1), b1)],
                        BLACK.stroke_width(stroke(2.0)),
                    ))?;
                }
                format!(
                    "{}{}",
                    chart.lang.score(Some(v)),
                    if bar.capped { " ▲" } else { "" }
                )
            }
            None => chart.lang.score(None),
        };
        let x = bar.value.map_or(bar_left, x_of) + px(4.0);
        area.draw(&Text::new(
            text,
            (x, mid),
            font(12.0).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    area.present()
}

/// The chart as a standalone SVG document.
pub fn to_svg(chart: &BarChart, width: u32) -> String {
    let height = chart.height();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        // The SVG backend writes into a String and cannot fail.
        let _ = draw(chart, &root);
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> BarChart {
        BarChart {
            title: "Domains".into(),
            bars: vec![
                Bar {
                    id: "a".into(),
                    label: "Alpha".into(),
                    value: Some(72.25),
                    band: Some("Established".into()),
                    band_index: Some(2),
                    capped: false,
                },
                Bar {
                    id: "b".into(),
                    label: "Beta".into(),
                    value: Some(50.0),
                    band: Some("Developing".into()),
                    band_index: Some(1),
                    capped: true,
                },
                Bar {
                    id: "c".into(),
                    label: "Gamma".into(),
                    value: None,
                    band: None,
                    band_index: None,
                    capped: false,
                },
            ],
            thresholds: vec![Threshold {
                value: 60.0,
                label: "Established".into(),
            }],
            lang: Lang::En,
        }
    }

    #[test]
    fn text_alternatives_say_what_the_bars_show() {
        assert_eq!(
            chart().summary(),
            "Domains: Alpha 72.3 (Established), Beta 50.0 (Developing, capped), Gamma n/a."
        );
        assert_eq!(
            chart().rows()[2],
            ["Gamma".to_owned(), "n/a".to_owned(), String::new()]
        );
    }

    #[test]
    fn svg_has_one_bar_per_scored_item_and_every_label() {
        let svg = to_svg(&chart(), 600);
        assert!(svg.starts_with("<svg"), "{svg}");
        for label in [
            "Domains",
            "Alpha",
            "Beta",
            "Gamma",
            "72.3",
            "n/a",
            "Established",
        ] {
            assert!(svg.contains(label), "{label} missing");
        }
        // Two filled bars, one outline for the capped bar, plus the background.
        assert_eq!(svg.matches("<rect").count(), 4, "{svg}");
    }

    fn svg_at(chart: &BarChart, width: u32, scale: u32) -> String {
        let mut svg = String::new();
        {
            let size = (width * scale, chart.height() * scale);
            let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            draw_scaled(chart, &root, f64::from(scale)).unwrap();
        }
        svg
    }

    /// The numbers in the attributes of every element of one tag, in order.
    fn numbers(svg: &str, tag: &str) -> Vec<f64> {
        svg.split(tag)
            .skip(1)
            .flat_map(|element| {
                let element = &element[..element.find('>').unwrap_or(element.len())];
                element
                    .split('"')
                    .skip(1)
                    .step_by(2)
                    .filter_map(|value| value.trim_end_matches("px").parse::<f64>().ok())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn a_scaled_chart_is_the_same_chart_with_every_length_multiplied() {
        let chart = chart();
        assert_eq!(svg_at(&chart, 600, 1), to_svg(&chart, 600));
        let (one, two) = (svg_at(&chart, 600, 1), svg_at(&chart, 600, 2));
        for tag in ["<rect", "<text", "<polyline"] {
            let (a, b) = (numbers(&one, tag), numbers(&two, tag));
            assert!(!a.is_empty(), "{tag} has numbers: {one}");
            assert_eq!(a.len(), b.len(), "{tag}");
            for (x, y) in a.iter().zip(&b) {
                // Rounding to whole pixels moves a scaled position by a pixel or two.
                assert!(
                    (2.0 * x - y).abs() <= 2.0,
                    "{tag}: {x} at scale 1, {y} at scale 2"
                );
            }
        }
    }

    #[test]
    fn svg_is_deterministic() {
        assert_eq!(to_svg(&chart(), 480), to_svg(&chart(), 480));
    }
}
