//! Reviewdog Diagnostic Format: `--format rdjson` writes one `DiagnosticResult` object
//! (for `reviewdog -f=rdjson`), `--format rdjsonl` one `Diagnostic` per line (for
//! `reviewdog -f=rdjsonl`). Positions follow that format: lines 1-based, columns 1-based
//! counted in UTF-8 bytes, end exclusive. The fix of each diagnostic, when it has one,
//! is given as suggestions, which reviewdog turns into "apply suggestion" review comments.

use std::io::{self, Write};

use serde::Serialize;

use super::FileReport;
use crate::diagnostic::Severity;
use crate::document::LineIndex;

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct Named<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
}

#[derive(Serialize)]
struct Suggestion<'a> {
    range: Range,
    text: &'a str,
}

#[derive(Serialize)]
struct Line<'a> {
    message: &'a str,
    location: Location<'a>,
    severity: &'static str,
    source: Named<'a>,
    code: Named<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion<'a>>,
}

fn position(index: &LineIndex, offset: usize) -> Position {
    let line = index.line_of(offset);
    Position { line: line + 1, column: offset - index.line_start(line) + 1 }
}

fn range(index: &LineIndex, start: usize, end: usize) -> Range {
    Range { start: position(index, start), end: position(index, end) }
}

/// Every diagnostic of every report, converted, in order.
fn each(reports: &[FileReport], mut f: impl FnMut(&Line) -> io::Result<()>) -> io::Result<()> {
    for r in reports {
        if r.diagnostics.is_empty() {
            continue;
        }
        let index = LineIndex::new(&r.source.text);
        for d in &r.diagnostics {
            let line = Line {
                message: &d.message,
                location: Location { path: &r.source.path, range: range(&index, d.start, d.end) },
                severity: match d.severity {
                    Severity::Error => "ERROR",
                    Severity::Warning => "WARNING",
                    Severity::Info => "INFO",
                },
                source: Named { name: Some("zhqa"), value: None },
                code: Named { name: None, value: Some(d.rule) },
                suggestions: d
                    .fix
                    .iter()
                    .flat_map(|f| &f.edits)
                    .map(|e| Suggestion { range: range(&index, e.start, e.end), text: &e.replacement })
                    .collect(),
            };
            f(&line)?;
        }
    }
    Ok(())
}

/// `--format rdjsonl`: one diagnostic per line.
pub fn render_lines(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    each(reports, |line| {
        serde_json::to_writer(&mut *out, line)?;
        out.write_all(b"\n")
    })
}

/// `--format rdjson`: one `DiagnosticResult`, diagnostics written one by one.
pub fn render_result(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"{\"source\":{\"name\":\"zhqa\"},\"diagnostics\":[")?;
    let mut first = true;
    each(reports, |line| {
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        out.write_all(b"\n")?;
        Ok(serde_json::to_writer(&mut *out, line)?)
    })?;
    out.write_all(b"\n]}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_utf8_bytes_and_one_based() {
        let text = "甲乙\n丙,丁";
        let index = LineIndex::new(text);
        let comma = text.find(',').unwrap();
        let p = position(&index, comma);
        assert_eq!((p.line, p.column), (2, 4));
        let p = position(&index, 0);
        assert_eq!((p.line, p.column), (1, 1));
    }
}
