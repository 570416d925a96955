//! The action plan as CSV (DESIGN.md "Reports"): one row per gap, UTF-8 with a byte-order
//! mark so that spreadsheets show accents, CRLF line ends, RFC 4180 quoting, and a cell
//! that begins with `=`, `+`, `-`, `@`, a tab or a carriage return prefixed with `'` so that
//! no spreadsheet runs it as a formula.
//!
//! Numbers are written with a decimal point in every language (the file is data, read
//! back by programs as well as people); the header row is in the report's language.

use super::{Report, round_half_away};

/// The action plan of a report as CSV bytes.
pub fn render(report: &Report) -> Vec<u8> {
    let w = report.words();
    let mut out = String::from("\u{feff}");
    let header = [
        w.priority.to_owned(),
        w.id.to_owned(),
        w.domain.to_owned(),
        w.indicator.to_owned(),
        format!("{} %", w.score),
        format!("{} %", capitalised(w.target)),
        capitalised(w.critical),
        w.recommendation.to_owned(),
        capitalised(w.refs),
        w.owner.to_owned(),
        w.due.to_owned(),
        w.status.to_owned(),
    ];
    row(&mut out, header.iter().map(String::as_str));
    for a in &report.actions {
        let adopted = a.adopted.as_ref();
        let cells = [
            format!("{:.1}", round_half_away(a.priority, 1)),
            a.indicator.id.clone(),
            a.domain.title.clone(),
            a.indicator.title.clone(),
            percent(a.score),
            percent(a.target),
            (if a.critical { w.yes } else { w.no }).to_owned(),
            a.recommendation.clone().unwrap_or_default(),
            a.refs.join(" "),
            adopted.and_then(|x| x.owner.clone()).unwrap_or_default(),
            adopted.and_then(|x| x.due.clone()).unwrap_or_default(),
            adopted.map(|x| x.status.clone()).unwrap_or_default(),
        ];
        row(&mut out, cells.iter().map(String::as_str));
    }
    out.into_bytes()
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn percent(share: f64) -> String {
    format!("{:.0}", round_half_away(share * 100.0, 0))
}

fn row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    let cells: Vec<String> = cells.map(cell).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One cell: defused when a spreadsheet would read it as a formula, then quoted when it
/// holds a comma, a quote or a line break (quotes doubled).
pub fn cell(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("+33 1 23"), "'+33 1 23");
        assert_eq!(cell("-5"), "'-5");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(
            cell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
    }
}
