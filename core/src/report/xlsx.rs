//! The workbook of `tradeready score --format xlsx` and of the web app's "Download workbook
//! (XLSX)" (DESIGN.md "Reports"): the sheets Summary, Domains, Indicators (answers, scores,
//! evidence, notes) and Action plan, each with its header row frozen and its columns sized;
//! shares formatted as percentages. The same function makes both, so the browser's
//! workbook is the command line's, byte for byte.
//!
//! Every piece of text from a file is written as a string cell, never as a formula, so a
//! name or a note that begins with `=` stays text in every spreadsheet.
//!
//! The clock: rust_xlsxwriter reads it as it makes a workbook's properties (on wasm32 with
//! its `wasm` feature, `Date.now()`), and [`render`] at once replaces that date with the
//! assessment's `as_of`. No byte of the workbook depends on the clock; this is the one place
//! a dependency of the library reads it, and nothing it reads is kept.

use crate::Scored;
use crate::model::{IndicatorKind, Response, Value};
use crate::report::{Lang, Report, round_half_away};
use crate::score::Status;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

/// The names of the sheets, in order (the same in every language, so that scripts find
/// them).
pub const SHEETS: [&str; 4] = ["Summary", "Domains", "Indicators", "Action plan"];

/// The workbook of one scored assessment, as the bytes of an .xlsx file; `report` is the
/// assessment's report in the language wanted.
pub fn render(scored: &Scored, report: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // Dated as of the assessment, never by the clock: the date rust_xlsxwriter read from the
    // clock in `Workbook::new` is overwritten here, so the same file gives the same bytes.
    let d = scored.assessment.as_of;
    let created = ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        u8::from(d.month()),
        d.day(),
    )?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let header = Format::new()
        .set_bold()
        .set_background_color(0x00DDE7EF)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let percent = Format::new().set_num_format("0%");
    let score = Format::new().set_num_format("0.0");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let w = report.words();
    let n = report.lang;
    let lang = n.code();
    let profile = &scored.profile;
    let default = profile.default_language();

    {
        let sheet = book.add_worksheet().set_name(SHEETS[0])?;
        // The header row is the first line of the summary: what it is about.
        start(
            sheet,
            &[(w.report_title, 28.0), (&report.administration, 60.0)],
            &header,
        )?;
        let hash = profile
            .sha256
            .as_deref()
            .and_then(|h| h.get(..12))
            .unwrap_or_default();
        let texts = [
            (capital(w.cycle), report.cycle.clone()),
            (capital(w.as_of), report.as_of.clone()),
            (
                w.profile.to_owned(),
                format!(
                    "{} {} {hash} ({})",
                    report.profile_id, report.profile_version, report.profile_title
                ),
            ),
        ];
        let mut row = 1;
        for (label, value) in texts {
            sheet.write_string(row, 0, label)?;
            sheet.write_string(row, 1, value)?;
            row += 1;
        }
        sheet.write_string(row, 0, w.overall)?;
        write_score(sheet, row, 1, report.overall.value, &score, n)?;
        row += 1;
        sheet.write_string(row, 0, w.band)?;
        sheet.write_string(row, 1, report.overall.band.clone().unwrap_or_default())?;
        row += 1;
        sheet.write_string(row, 0, w.completeness)?;
        sheet.write_number_with_format(row, 1, report.completeness, &percent)?;
        row += 1;
        sheet.write_string(row, 0, w.evidence_coverage)?;
        sheet.write_number_with_format(row, 1, report.evidence_coverage, &percent)?;
        row += 1;
        for cap in report.holding() {
            sheet.write_string(row, 0, w.caps_holding)?;
            sheet.write_string_with_format(row, 1, &cap.sentence, &wrap)?;
            row += 1;
        }
    }

    {
        let sheet = book.add_worksheet().set_name(SHEETS[1])?;
        let capped = capital(w.capped);
        start(
            sheet,
            &[
                (w.id, 22.0),
                (w.domain, 44.0),
                (w.score, 10.0),
                (w.band, 16.0),
                (&capped, 10.0),
            ],
            &header,
        )?;
        for (i, d) in report.domains.iter().enumerate() {
            let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
            sheet.write_string(row, 0, &d.id)?;
            sheet.write_string(row, 1, &d.title)?;
            write_score(sheet, row, 2, d.score.value, &score, n)?;
            sheet.write_string(row, 3, d.score.band.clone().unwrap_or_default())?;
            sheet.write_string(row, 4, if d.score.capped { w.yes } else { w.no })?;
        }
    }

    {
        let sheet = book.add_worksheet().set_name(SHEETS[2])?;
        start(
            sheet,
            &[
                (w.id, 30.0),
                (w.domain, 28.0),
                (w.indicator, 40.0),
                (w.status, 12.0),
                (ANSWER[n as usize], 24.0),
                (w.score, 9.0),
                (w.evidence, 44.0),
                (NOTE[n as usize], 44.0),
            ],
            &header,
        )?;
        let (answers, gathered) = (&scored.assessment.answers, &scored.assessment.gathered);
        for (i, ((domain, ind), s)) in profile
            .indicators()
            .zip(&scored.scores.indicators)
            .enumerate()
        {
            let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
            sheet.write_string(row, 0, &ind.id)?;
            sheet.write_string(row, 1, domain.title.get(lang, default))?;
            sheet.write_string_with_format(row, 2, ind.title.get(lang, default), &wrap)?;
            sheet.write_string(
                row,
                3,
                match s.status {
                    Status::Answered => "answered",
                    Status::Missing => "missing",
                    Status::Na => "na",
                },
            )?;
            let answer = scored
                .assessment
                .answers
                .get(&ind.id)
                .map(|a| match &a.response {
                    Response::NotApplicable(reason) => format!("n/a: {reason}"),
                    Response::Value(v) => value_text(v, &ind.kind, lang, default, n),
                });
            sheet.write_string_with_format(row, 4, answer.unwrap_or_default(), &wrap)?;
            if let Some(v) = s.score {
                sheet.write_number_with_format(row, 5, v, &percent)?;
            }
            let held = match (answers.get(&ind.id), gathered.get(&ind.id)) {
                (Some(a), _) => Some((&a.evidence, &a.note)),
                (None, Some(g)) => Some((&g.evidence, &g.note)),
                (None, None) => None,
            };
            let evidence = held.map(|(e, _)| e.join("\n")).unwrap_or_default();
            sheet.write_string_with_format(row, 6, evidence, &wrap)?;
            let note = held.and_then(|(_, n)| n.clone()).unwrap_or_default();
            sheet.write_string_with_format(row, 7, note, &wrap)?;
        }
    }

    {
        let sheet = book.add_worksheet().set_name(SHEETS[3])?;
        let target = capital(w.target);
        let critical = capital(w.critical);
        let refs = capital(w.refs);
        start(
            sheet,
            &[
                (w.priority, 9.0),
                (w.id, 30.0),
                (w.domain, 28.0),
                (w.indicator, 36.0),
                (w.score, 9.0),
                (&target, 9.0),
                (&critical, 9.0),
                (w.recommendation, 50.0),
                (&refs, 24.0),
                (w.adopted, 40.0),
                (w.owner, 20.0),
                (w.due, 12.0),
                (w.status, 12.0),
            ],
            &header,
        )?;
        for (i, a) in report.actions.iter().enumerate() {
            let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
            sheet.write_number_with_format(row, 0, round_half_away(a.priority, 1), &score)?;
            sheet.write_string(row, 1, &a.indicator.id)?;
            sheet.write_string(row, 2, &a.domain.title)?;
            sheet.write_string_with_format(row, 3, &a.indicator.title, &wrap)?;
            sheet.write_number_with_format(row, 4, a.score, &percent)?;
            sheet.write_number_with_format(row, 5, a.target, &percent)?;
            sheet.write_string(row, 6, if a.critical { w.yes } else { w.no })?;
            sheet.write_string_with_format(
                row,
                7,
                a.recommendation.clone().unwrap_or_default(),
                &wrap,
            )?;
            sheet.write_string(row, 8, a.refs.join(" "))?;
            if let Some(x) = &a.adopted {
                sheet.write_string_with_format(
                    row,
                    9,
                    x.what.clone().unwrap_or_default(),
                    &wrap,
                )?;
                sheet.write_string(row, 10, x.owner.clone().unwrap_or_default())?;
                sheet.write_string(row, 11, x.due.clone().unwrap_or_default())?;
                sheet.write_string(row, 12, &x.status)?;
            }
        }
    }
    book.save_to_buffer()
}

/// "Answer" and "Note" in each language (the report's own words have neither).
const ANSWER: [&str; 3] = ["Answer", "Réponse", "Respuesta"];
const NOTE: [&str; 3] = ["Note", "Note", "Nota"];

/// Writes the header row, freezes it and sets the column widths.
fn start(sheet: &mut Worksheet, columns: &[(&str, f64)], header: &Format) -> Result<(), XlsxError> {
    for (c, (title, width)) in columns.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, c, *title, header)?;
        sheet.set_column_width(c, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// A 0-100 score as a number with one decimal, or the word for "no score".
fn write_score(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<f64>,
    format: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    match value {
        Some(v) => sheet.write_number_with_format(row, col, v, format)?,
        None => sheet.write_string(row, col, lang.words().none)?,
    };
    Ok(())
}

fn value_text(value: &Value, kind: &IndicatorKind, lang: &str, default: &str, n: Lang) -> String {
    match value {
        Value::Level(l) => match kind {
            IndicatorKind::Scale { levels, .. } => {
                levels.iter().find(|x| x.value == *l).map_or_else(
                    || l.to_string(),
                    |x| format!("{l} — {}", x.label.get(lang, default)),
                )
            }
            _ => l.to_string(),
        },
        Value::Bool(b) => (if *b { n.words().yes } else { n.words().no }).to_owned(),
        Value::Ratio(r) => n.percent(*r),
        Value::Number(x) => match kind {
            IndicatorKind::Number { unit: Some(u), .. } => format!("{x} {}", u.get(lang, default)),
            _ => x.to_string(),
        },
        Value::Date(d) => crate::format_date(*d),
    }
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
