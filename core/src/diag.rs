//! Diagnostics: what is wrong with a file, as data.
//!
//! The core never prints and never stops at the first problem. Every check produces
//! [`Diagnostic`]s that carry a stable code, a message, the JSON Pointer of the offending
//! node and, once [`locate`](crate::parse::locate) has run, its 1-based line and column.
//! Rendering (`FILE:LINE:COLUMN: message`) happens at the edge, in the command line or the
//! web app.

use serde::Serialize;
use std::fmt;

/// How bad a diagnostic is. Only errors make a file invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file is rejected.
    Error,
    /// The file is accepted, but something is probably not what the author meant.
    Warning,
}

/// One problem found in a file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, machine-readable code such as `yaml-syntax` or `unknown-indicator`.
    pub code: &'static str,
    /// A sentence for the person who wrote the file.
    pub message: String,
    /// JSON Pointer (RFC 6901) to the offending node; empty for the whole document.
    pub pointer: String,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// 1-based column (in characters), when known.
    pub column: Option<u32>,
    /// Suggestions for fixing the problem.
    pub hints: Vec<String>,
}

impl Diagnostic {
    /// An error at a JSON Pointer; its position is filled in later from the source.
    pub fn error(
        code: &'static str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            pointer: pointer.into(),
            line: None,
            column: None,
            hints: Vec::new(),
        }
    }

    /// A warning at a JSON Pointer.
    pub fn warning(
        code: &'static str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, pointer, message)
        }
    }

    /// Sets the 1-based line and column.
    #[must_use]
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = u32::try_from(line).ok();
        self.column = u32::try_from(column).ok();
        self
    }

    /// Adds a hint.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Whether this diagnostic makes the file invalid.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic the way compilers do: `FILE:LINE:COLUMN: message`, or
    /// `FILE: message` where no position is known, followed by the hints.
    pub fn render(&self, file: &str) -> String {
        let mut out = match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{file}:{line}:{column}: "),
            (Some(line), None) => format!("{file}:{line}: "),
            _ => format!("{file}: "),
        };
        if self.severity == Severity::Warning {
            out.push_str("warning: ");
        }
        out.push_str(&self.message);
        for hint in &self.hints {
            out.push_str("\n  hint: ");
            out.push_str(hint);
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("<input>"))
    }
}

/// A diagnostic about one of several files handed in together (`aggregate`, `merge`): the
/// index of the file, in the order given, and what is wrong with it. The caller names the
/// file and places the diagnostic in its text.
#[derive(Clone, Debug, PartialEq)]
pub struct InFile {
    /// Which file, 0-based, in the order given.
    pub file: usize,
    /// What is wrong.
    pub diagnostic: Diagnostic,
}

/// Appends one segment to a JSON Pointer, escaping `~` and `/` as RFC 6901 requires.
pub fn pointer_push(base: &str, segment: impl fmt::Display) -> String {
    use fmt::Write;
    let mut out = String::with_capacity(base.len() + 24);
    out.push_str(base);
    out.push('/');
    let start = out.len();
    let _ = write!(out, "{segment}");
    if out[start..].contains(['~', '/']) {
        let escaped = out[start..].replace('~', "~0").replace('/', "~1");
        out.truncate(start);
        out.push_str(&escaped);
    }
    out
}

/// The segments of a JSON Pointer, unescaped (the inverse of [`pointer_push`]); none for
/// the whole document, `""`.
pub fn pointer_segments(pointer: &str) -> impl Iterator<Item = String> + '_ {
    pointer
        .strip_prefix('/')
        .into_iter()
        .flat_map(|rest| rest.split('/'))
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
}

/// Whether any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_segments_undo_pointer_push() {
        let pointer = pointer_push(&pointer_push(&pointer_push("", "answers"), "a/b~c"), 0);
        assert_eq!(pointer, "/answers/a~1b~0c/0");
        assert_eq!(
            pointer_segments(&pointer).collect::<Vec<_>>(),
            ["answers", "a/b~c", "0"]
        );
        assert_eq!(pointer_segments("").count(), 0);
    }
}
