//! Charts: pure models (plain data) built from results, each drawn by one function generic
//! over plotters' `DrawingBackend`.
//!
//! The web app and the reports draw the models to SVG (the `to_svg` functions, on every
//! target: the web app's views module calls them). A model is plain data, so it is what tests
//! snapshot, and it gives every chart its text alternative.
//!
//! - [`bar`]: one score report's domains, phases or scenarios as bars, built by the
//!   report model ([`crate::report::Report::domain_chart`] and the like).
//! - [`cycles`]: one administration across review cycles: the trend of the overall and of
//!   each domain, and the change per domain from the first cycle to the last.
//! - [`workshop`]: several administrations at once, from an
//!   [`AggregateReport`](crate::aggregate::AggregateReport): the heat map of
//!   administrations against domains, the distribution of scores per domain, and the
//!   spread of one indicator's levels across the group.
//!
//! Drawing uses only rectangles, lines, circles and text anchored by the backend, never a
//! chart builder that measures fonts, so output does not depend on the fonts of the
//! machine.

pub mod bar;
pub mod cycles;
pub mod workshop;

pub use bar::to_svg;
pub use bar::{Bar, BarChart, Threshold, draw, draw_scaled};

use crate::model::Profile;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend, IntoFont, Text};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{BLACK, FontFamily, RGBColor, TextStyle, WHITE};

/// Bar colours by band, lowest first. Values are written beside the bars in black, never
/// on them.
pub const BAND_COLOURS: [RGBColor; 4] = [
    RGBColor(196, 69, 54),
    RGBColor(230, 145, 56),
    RGBColor(64, 145, 160),
    RGBColor(46, 125, 50),
];

/// Light tints of [`BAND_COLOURS`], for cells that carry their value in black text (the
/// heat map): each gives black text a contrast above 4.5:1 (a test checks it).
pub const BAND_TINTS: [RGBColor; 4] = [
    RGBColor(244, 190, 184),
    RGBColor(250, 214, 170),
    RGBColor(176, 218, 226),
    RGBColor(186, 222, 188),
];

/// A cell with no score.
pub const EMPTY_CELL: RGBColor = RGBColor(238, 238, 238);

/// Secondary text (band names by their rules, axis labels): contrast 5.7:1 on white, where
/// the lighter grey of the rules would not be legible.
pub const LABEL_GREY: RGBColor = RGBColor(105, 105, 105);

/// Rules and grid lines, which carry no text.
pub const RULE_GREY: RGBColor = RGBColor(150, 150, 150);

/// Lengths of one drawing at a scale (the charts of [`cycles`] and [`workshop`]).
pub(crate) struct Frame {
    pub(crate) scale: f64,
    pub(crate) w: i32,
    pub(crate) h: i32,
}

impl Frame {
    pub(crate) fn new<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, scale: f64) -> Frame {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        let (width, height) = area.dim_in_pixel();
        Frame {
            scale,
            w: i32::try_from(width).unwrap_or(i32::MAX),
            h: i32::try_from(height).unwrap_or(i32::MAX),
        }
    }

    pub(crate) fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }

    pub(crate) fn stroke(&self, width: f64) -> u32 {
        (width * self.scale).round().max(1.0) as u32
    }

    // The family as a value, not the name "sans-serif": plotters reads a name through
    // str::to_lowercase, whose Unicode tables would cost the web app 7 KB.
    pub(crate) fn font(&self, size: f64, colour: RGBColor, h: HPos) -> TextStyle<'static> {
        (FontFamily::SansSerif, size * self.scale)
            .into_font()
            .color(&colour)
            .pos(Pos::new(h, VPos::Center))
    }

    /// Fills the area white and writes the chart's title at the left, `y` from the top.
    pub(crate) fn start<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        title: &str,
        y: f64,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        area.fill(&WHITE)?;
        area.draw(&Text::new(
            title.to_owned(),
            (self.px(8.0), self.px(y)),
            self.font(16.0, BLACK, HPos::Left),
        ))
    }
}

/// The width in pixels that `text` takes in one line at plotters' font `size` (the SVG's
/// font-size is `size / 1.24`), estimated generously for the usual sans-serif faces: DejaVu
/// Sans, the widest of them, takes 0.52 to 0.57 em a character in the profile's domain
/// titles, Arial and Helvetica less; this counts 0.6. An estimate, not a measure, so that
/// the command line and the browser draw the same bytes.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size / 1.24 * 0.6
}

/// The right edge of a chart's label column, whose left edge is `left`, in a drawing `w`
/// wide: `least` of the width (a fraction, as numerator and denominator), more, up to
/// `most`, where the longest label at font `size` (scaled) needs it. A label longer still
/// is drawn in two lines by [`draw_label`].
pub(crate) fn label_column<'a>(
    labels: impl IntoIterator<Item = &'a str>,
    size: f64,
    left: i32,
    w: i32,
    least: (i32, i32),
    most: (i32, i32),
) -> i32 {
    let longest = labels
        .into_iter()
        .map(|l| text_width(l, size))
        .fold(0.0, f64::max);
    let (lo, hi) = (w * least.0 / least.1, w * most.0 / most.1);
    (left + longest.ceil() as i32).clamp(lo, hi.max(lo))
}

/// Draws a label right-aligned at `right`, centred on `mid`, in the `room` it has: one line,
/// or two a line apart (see [`fit`]). `size` is scaled.
pub(crate) fn draw_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    (right, mid): (i32, i32),
    size: f64,
    room: f64,
    colour: RGBColor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (lines, size) = fit(text, size, room);
    let line = (size / 1.24 * 1.15).round() as i32;
    let first = mid - line * (i32::try_from(lines.len()).unwrap_or(1) - 1) / 2;
    for (k, text) in lines.into_iter().enumerate() {
        area.draw(&Text::new(
            text,
            (right, first + line * i32::try_from(k).unwrap_or(0)),
            (FontFamily::SansSerif, size)
                .into_font()
                .color(&colour)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    Ok(())
}

/// `text` in the lines it is drawn in within `room` pixels at font `size`: one line where
/// it fits, else two, split at the space nearest the middle; and the size to draw them at,
/// smaller than `size` only where a line still does not fit (one long word), never below
/// two thirds of it.
pub(crate) fn fit(text: &str, size: f64, room: f64) -> (Vec<String>, f64) {
    if text_width(text, size) <= room {
        return (vec![text.to_owned()], size);
    }
    let half = text.chars().count() / 2;
    let split = text
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .min_by_key(|i| text[..*i].chars().count().abs_diff(half));
    let lines = match split {
        Some(i) => vec![text[..i].to_owned(), text[i + 1..].to_owned()],
        None => vec![text.to_owned()],
    };
    let widest = lines
        .iter()
        .map(|l| text_width(l, size))
        .fold(0.0, f64::max);
    let size = if widest > room && widest > 0.0 {
        (size * room / widest).max(size * 2.0 / 3.0)
    } else {
        size
    };
    (lines, size)
}

/// A chart's data table: the header row, then per row its label and its cells.
pub(crate) fn table<'a>(
    header: Vec<String>,
    rows: impl IntoIterator<Item = (&'a str, Vec<String>)>,
) -> Vec<Vec<String>> {
    let mut out = vec![header];
    for (label, cells) in rows {
        let mut row = vec![label.to_owned()];
        row.extend(cells);
        out.push(row);
    }
    out
}

/// The index of the band a 0-100 score falls in (0 = lowest).
pub fn band_index(profile: &Profile, score: f64) -> Option<usize> {
    profile.bands.iter().rposition(|b| b.min <= score + 1e-9)
}

/// The contrast ratio of two colours (WCAG 2: from 1 to 21), for checks that text is
/// legible on what it is drawn on.
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: RGBColor) -> f64 {
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::style::{BLACK, WHITE};

    #[test]
    fn a_label_is_split_in_two_lines_near_its_middle_only_where_it_does_not_fit() {
        let label = "Planes, procedimientos y continuidad de las operaciones";
        let wide = text_width(label, 12.0) + 1.0;
        assert_eq!(fit(label, 12.0, wide), (vec![label.to_owned()], 12.0));
        let (lines, size) = fit(label, 12.0, wide * 0.6);
        assert_eq!(
            lines,
            ["Planes, procedimientos y", "continuidad de las operaciones"]
        );
        assert_eq!(size, 12.0);
        assert!(lines.iter().all(|l| text_width(l, size) <= wide * 0.6));
        // One long word: drawn smaller to fit, but no smaller than two thirds.
        let word = "Interinstitucionalidad";
        let (lines, size) = fit(word, 12.0, text_width(word, 12.0) * 0.8);
        assert_eq!(lines, [word]);
        assert!((size - 12.0 * 0.8).abs() < 1e-9);
        assert_eq!(fit(word, 12.0, 1.0).1, 8.0);
    }

    #[test]
    fn contrast_is_that_of_wcag() {
        assert!((contrast(BLACK, WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn every_text_colour_is_legible_on_what_it_is_drawn_on() {
        assert!(contrast(LABEL_GREY, WHITE) >= 4.5);
        assert!(contrast(BLACK, EMPTY_CELL) >= 4.5);
        for tint in BAND_TINTS {
            assert!(contrast(BLACK, tint) >= 4.5, "{tint:?}");
        }
        // The rules' grey is not, which is why no text is drawn in it.
        assert!(contrast(RULE_GREY, WHITE) < 4.5);
    }
}
