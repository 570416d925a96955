//! Numbers typed by the user: read with a decimal point or a decimal comma, checked against
//! what the box takes, and never clamped or dropped without a word. A refused entry is not
//! saved; the caller shows why beside the box and keeps the value saved before.

/// Why a typed entry was not saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a number (letters, two decimal separators, a lone sign...).
    NotANumber,
    /// A percentage below 0 or over 100.
    PercentOutOfRange,
    /// A negative number where the indicator counts something that cannot be negative.
    Negative,
}

/// A percentage accepted from the box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Percent {
    /// The share saved: the percentage divided by 100.
    pub share: f64,
    /// For an entry strictly between 0 and 1 (0.45, as if a share had been written): the
    /// percentage it would be as a share (45), offered to the user, never applied unasked.
    pub did_you_mean: Option<f64>,
}

/// A decimal number as typed: digits with at most one decimal separator, a point or a comma
/// (45.5 or 45,5), an optional sign, and spaces between groups of digits (1 000). None for a
/// blank entry, which clears the value.
pub fn read_decimal(raw: &str) -> Result<Option<f64>, Refusal> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let mut text = String::with_capacity(trimmed.len());
    let mut chars = trimmed.chars().peekable();
    if let Some(&sign) = chars.peek()
        && matches!(sign, '+' | '-' | '\u{2212}')
    {
        text.push(if sign == '+' { '+' } else { '-' });
        chars.next();
    }
    let (mut digits, mut separators, mut after_digit) = (0, 0, false);
    while let Some(c) = chars.next() {
        match c {
            '0'..='9' => {
                digits += 1;
                after_digit = true;
                text.push(c);
            }
            '.' | ',' => {
                separators += 1;
                after_digit = false;
                text.push('.');
            }
            // A space (or a no-break space, as French writes 1 000) between digits only.
            ' ' | '\u{a0}' | '\u{202f}'
                if after_digit && chars.peek().is_some_and(char::is_ascii_digit) => {}
            _ => return Err(Refusal::NotANumber),
        }
    }
    if digits == 0 || separators > 1 {
        return Err(Refusal::NotANumber);
    }
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or(Refusal::NotANumber)
}

/// A percentage typed in a box that takes 0 to 100 (a trailing % sign is allowed), as the
/// share saved.
pub fn read_percent(raw: &str) -> Result<Option<Percent>, Refusal> {
    let raw = raw.trim();
    let raw = raw.strip_suffix('%').unwrap_or(raw);
    let Some(p) = read_decimal(raw)? else {
        return Ok(None);
    };
    if !(0.0..=100.0).contains(&p) {
        return Err(Refusal::PercentOutOfRange);
    }
    Ok(Some(Percent {
        share: share_of(p),
        did_you_mean: (p > 0.0 && p < 1.0).then(|| tidy(p * 100.0)),
    }))
}

/// The share a percentage stands for, as the decimal number written with the point moved two
/// places (0.45 % is 0.0045, not 0.45 / 100 = 0.0045000000000000005).
pub fn share_of(percent: f64) -> f64 {
    format!("{percent}e-2").parse().unwrap_or(percent / 100.0)
}

/// A number typed for a number indicator; `non_negative` refuses a value below 0.
pub fn read_number(raw: &str, non_negative: bool) -> Result<Option<f64>, Refusal> {
    match read_decimal(raw)? {
        Some(v) if non_negative && v < 0.0 => Err(Refusal::Negative),
        v => Ok(v),
    }
}

/// Whether a number indicator refuses negative values: when its unit is hours or days (a
/// duration), or when its baseline and target are both 0 or more, so that its whole scale
/// lies at or above 0 (counts, durations, scores, ratios of rates). Below 0 such an entry
/// means nothing the scoring could tell from 0, and is far more likely a slip.
pub fn refuses_negative(unit_en: Option<&str>, baseline: f64, target: f64) -> bool {
    let duration = unit_en.is_some_and(|u| {
        let u = u.trim().to_ascii_lowercase();
        u.starts_with("hour") || u.starts_with("day")
    });
    duration || (baseline >= 0.0 && target >= 0.0)
}

/// A number without the noise of binary fractions (0.45 × 100 = 45.00000000000001 → 45).
pub fn tidy(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// A number as written in the language: a decimal comma in French and Spanish.
pub fn written(v: f64, lang: &str) -> String {
    let text = tidy(v).to_string();
    if lang == "en" {
        text
    } else {
        text.replace('.', ",")
    }
}

/// A score with one decimal, as written in the language (61.3, or 61,3 in French and
/// Spanish), rounded as the reports round it.
pub fn one_decimal(v: f64, lang: &str) -> String {
    let text = tradeready::report::score_text(Some(v));
    if lang == "en" {
        text
    } else {
        text.replace('.', ",")
    }
}

/// Whether profile help text tells the user to write a share from 0 to 1: a box that takes a
/// percentage must not show it.
pub fn speaks_of_share(sentence: &str) -> bool {
    // ASCII lowercasing only: Unicode's tables would cost the web app 7 KB.
    let s = sentence.to_ascii_lowercase();
    [
        "0 to 1",
        "0 and 1",
        "de 0 à 1",
        "entre 0 et 1",
        "de 0 a 1",
        "entre 0 y 1",
    ]
    .iter()
    .any(|p| s.contains(p))
}

/// Profile help for a percentage box, without its sentences that tell the user to write a
/// share from 0 to 1 (the box takes 0 to 100; the app shows its own hint beside it).
pub fn help_for_percent_box(help: &str) -> String {
    let mut kept = Vec::new();
    let mut rest = help;
    while !rest.is_empty() {
        // A sentence ends at ". " (or the end); a "0.42" inside it is no end.
        let end = rest.find(". ").map_or(rest.len(), |i| i + 1);
        let (sentence, tail) = rest.split_at(end);
        if !speaks_of_share(sentence) {
            kept.push(sentence.trim());
        }
        rest = tail.trim_start();
    }
    kept.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_with_a_point_or_a_comma() {
        assert_eq!(read_decimal("45.5"), Ok(Some(45.5)));
        assert_eq!(read_decimal("45,5"), Ok(Some(45.5)));
        assert_eq!(read_decimal(" 45,5 "), Ok(Some(45.5)));
        assert_eq!(read_decimal(",5"), Ok(Some(0.5)));
        assert_eq!(read_decimal("12"), Ok(Some(12.0)));
        assert_eq!(read_decimal("-3"), Ok(Some(-3.0)));
        assert_eq!(read_decimal("\u{2212}3,5"), Ok(Some(-3.5)));
        assert_eq!(read_decimal("+7"), Ok(Some(7.0)));
        assert_eq!(read_decimal("1 000"), Ok(Some(1000.0)));
        assert_eq!(read_decimal("1\u{202f}000,5"), Ok(Some(1000.5)));
        assert_eq!(read_decimal(""), Ok(None));
        assert_eq!(read_decimal("   "), Ok(None));
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for raw in [
            "abc", "12abc", "4 5 x", "1,000.5", "1.2.3", "-", ".", ",", "1e5", "inf", "NaN",
            "45 %", "1  000", " 1 ,5", "1 ,5",
        ] {
            assert_eq!(read_decimal(raw), Err(Refusal::NotANumber), "{raw:?}");
        }
    }

    #[test]
    fn percentages_from_0_to_100_are_shares() {
        assert_eq!(
            read_percent("45,5"),
            Ok(Some(Percent {
                share: 0.455,
                did_you_mean: None
            }))
        );
        assert_eq!(
            read_percent("100").map(|p| p.map(|p| p.share)),
            Ok(Some(1.0))
        );
        assert_eq!(read_percent("0").map(|p| p.map(|p| p.share)), Ok(Some(0.0)));
        assert_eq!(
            read_percent("62 %").map(|p| p.map(|p| p.share)),
            Ok(Some(0.62))
        );
        assert_eq!(read_percent(""), Ok(None));
    }

    #[test]
    fn percentages_out_of_range_or_not_numbers_are_refused() {
        assert_eq!(read_percent("100.1"), Err(Refusal::PercentOutOfRange));
        assert_eq!(read_percent("150"), Err(Refusal::PercentOutOfRange));
        assert_eq!(read_percent("-1"), Err(Refusal::PercentOutOfRange));
        assert_eq!(read_percent("-0,5"), Err(Refusal::PercentOutOfRange));
        assert_eq!(read_percent("forty"), Err(Refusal::NotANumber));
    }

    #[test]
    fn a_share_typed_as_told_is_saved_as_typed_with_a_question() {
        let p = read_percent("0.45").unwrap().unwrap();
        assert_eq!(p.share, 0.0045);
        assert_eq!(share_of(45.0), 0.45);
        assert_eq!(share_of(12.345), 0.12345);
        assert_eq!(p.did_you_mean, Some(45.0));
        assert_eq!(
            read_percent("0,455").unwrap().unwrap().did_you_mean,
            Some(45.5)
        );
        assert_eq!(read_percent("1").unwrap().unwrap().did_you_mean, None);
        assert_eq!(read_percent("0").unwrap().unwrap().did_you_mean, None);
    }

    #[test]
    fn negative_numbers_are_refused_only_where_asked() {
        assert_eq!(read_number("-4", true), Err(Refusal::Negative));
        assert_eq!(read_number("-4", false), Ok(Some(-4.0)));
        assert_eq!(read_number("0", true), Ok(Some(0.0)));
        assert_eq!(read_number("48,5", true), Ok(Some(48.5)));
        assert_eq!(read_number("x", false), Err(Refusal::NotANumber));
        assert_eq!(read_number("", true), Ok(None));
    }

    #[test]
    fn which_number_indicators_refuse_negatives() {
        assert!(refuses_negative(Some("hours"), 72.0, 4.0));
        assert!(refuses_negative(Some("days"), -10.0, 1.0));
        assert!(refuses_negative(Some("score out of 5"), 1.0, 4.5));
        assert!(refuses_negative(None, 0.0, 12.0));
        assert!(!refuses_negative(Some("percent change"), -20.0, 10.0));
        assert!(!refuses_negative(None, 5.0, -5.0));
    }

    #[test]
    fn numbers_are_written_in_the_language() {
        assert_eq!(written(45.5, "en"), "45.5");
        assert_eq!(written(45.5, "fr"), "45,5");
        assert_eq!(written(0.45 * 100.0, "es"), "45");
        assert_eq!(one_decimal(61.25, "fr"), "61,3");
        assert_eq!(one_decimal(60.0, "en"), "60.0");
    }

    #[test]
    fn help_loses_only_its_share_sentence() {
        assert_eq!(help_for_percent_box("Write the share from 0 to 1."), "");
        assert_eq!(
            help_for_percent_box(
                "Over the last twelve months. Write the share from 0 to 1 (0.42 for 42 percent). TradeReady gives half the score at 25 percent and the full score from 60 percent."
            ),
            "Over the last twelve months. TradeReady gives half the score at 25 percent and the full score from 60 percent."
        );
        assert_eq!(
            help_for_percent_box(
                "Write the share from 0 to 1. Not applicable, with the reason, if no such measures were taken."
            ),
            "Not applicable, with the reason, if no such measures were taken."
        );
        assert_eq!(
            help_for_percent_box("Écrivez la part de 0 à 1. Comptez chaque site."),
            "Comptez chaque site."
        );
        let kept =
            "1 means AEOs were treated like everyone else (score 0); 0.25 or less means a quarter.";
        assert_eq!(help_for_percent_box(kept), kept);
    }
}
