//! Results for people. [`Report`] is the one model of what a report says, assembled in
//! one language from a [`ScoreReport`](crate::ScoreReport); [`words`] holds the report's
//! own words in English, French and Spanish; [`text`] lays it out as plain text; [`page`]
//! makes the page of `tradeready report` (one file, cycles or a workshop). JSON is
//! the `ScoreReport`'s own serialization.

pub mod csv;
pub mod html;
pub mod markdown;
pub mod model;
pub mod page;
pub mod text;
pub mod words;
pub mod xlsx;

pub use model::{ActionLine, Adopted, CapLine, Line, Named, PhaseLine, Report, Score};
pub use words::{Lang, Words};

/// Rounds half away from zero to `decimals` places (DESIGN.md: text outputs round this way).
pub fn round_half_away(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    let rounded = (value * factor).round() / factor;
    // Never print "-0.0".
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// A 0-100 score with one decimal, or "n/a": [`Lang::score`] in English.
pub fn score_text(score: Option<f64>) -> String {
    Lang::En.score(score)
}

/// A 0-1 figure as a whole percentage: [`Lang::percent`] in English.
pub fn percent_text(value: f64) -> String {
    Lang::En.percent(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(score_text(Some(62.25)), "62.3");
        assert_eq!(score_text(Some(62.35)), "62.4");
        assert_eq!(score_text(Some(-0.04)), "0.0");
        assert_eq!(score_text(Some(-0.05)), "-0.1");
        assert_eq!(score_text(None), "n/a");
        assert_eq!(percent_text(0.125), "13%");
        assert_eq!(percent_text(0.5), "50%");
        assert_eq!(percent_text(0.005), "1%");
        assert_eq!(percent_text(1.0), "100%");
    }
}
