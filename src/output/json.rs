//! `--format json`: one object, stable from version 1 on. Offsets are bytes into the
//! decoded UTF-8 text (a BOM not counted), end exclusive; lines and columns 1-based,
//! columns in Unicode scalar values. Diagnostics are written one by one as they are
//! serialised, so no document tree is built in memory.

use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, Located, Part};
use crate::diagnostic::{Applicability, Edit};

#[derive(Serialize)]
struct FixOut<'a> {
    applicability: Applicability,
    title: &'a str,
    edits: &'a [Edit],
}

/// One diagnostic, its fields in the documented order (also the core of `zhqa serve`'s
/// answers).
#[derive(Serialize)]
pub(crate) struct DiagnosticOut<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    fix: Option<FixOut<'a>>,
}

impl<'a> DiagnosticOut<'a> {
    pub(crate) fn new(path: &'a str, l: &Located<'a>) -> DiagnosticOut<'a> {
        let d = l.d;
        DiagnosticOut {
            path,
            rule: d.rule,
            severity: d.severity.as_str(),
            message: &d.message,
            start: d.start,
            end: d.end,
            line: l.line,
            column: l.column,
            end_line: l.end_line,
            end_column: l.end_column,
            fix: d.fix.as_ref().map(|f| FixOut {
                applicability: f.applicability,
                title: &f.title,
                edits: &f.edits,
            }),
        }
    }
}

pub fn render(reports: &[FileReport], files_checked: usize, out: &mut dyn Write) -> io::Result<()> {
    let mut parts = Vec::with_capacity(reports.len());
    for r in reports {
        let mut part = Vec::new();
        render_file(r, &mut part)?;
        parts.push(Part::from(part));
    }
    render_parts(&mut parts, files_checked, out)
}

/// One file's diagnostics, each written as `,` + newline + the object: the part a worker
/// thread renders for the file it checked.
pub fn render_file(r: &FileReport, out: &mut Vec<u8>) -> io::Result<()> {
    for l in r.located() {
        out.extend_from_slice(b",\n    ");
        write_diagnostic(&DiagnosticOut::new(&r.source.path, &l), out);
    }
    Ok(())
}

/// A diagnostic as `serde_json::to_writer` writes `DiagnosticOut` (a test holds the two
/// to the same bytes), without serde: the keys are written as they are, and a string is
/// escaped only if it holds a byte that needs it. Serde escapes every key and string byte
/// by byte — most of the output's cost on a long file with many findings.
fn write_diagnostic(d: &DiagnosticOut, out: &mut Vec<u8>) {
    let strings = [("{\"path\":", d.path), (",\"rule\":", d.rule), (",\"severity\":", d.severity)];
    for (key, value) in strings.into_iter().chain([(",\"message\":", d.message)]) {
        out.extend_from_slice(key.as_bytes());
        string(value, out);
    }
    let numbers = [
        (",\"start\":", d.start),
        (",\"end\":", d.end),
        (",\"line\":", d.line),
        (",\"column\":", d.column),
        (",\"end_line\":", d.end_line),
        (",\"end_column\":", d.end_column),
    ];
    for (key, value) in numbers {
        out.extend_from_slice(key.as_bytes());
        number(value, out);
    }
    out.extend_from_slice(b",\"fix\":");
    let Some(fix) = &d.fix else {
        out.extend_from_slice(b"null}");
        return;
    };
    let applicability = match fix.applicability {
        Applicability::Safe => "{\"applicability\":\"safe\",\"title\":",
        Applicability::Unsafe => "{\"applicability\":\"unsafe\",\"title\":",
    };
    out.extend_from_slice(applicability.as_bytes());
    string(fix.title, out);
    out.extend_from_slice(b",\"edits\":[");
    for (k, e) in fix.edits.iter().enumerate() {
        out.extend_from_slice(if k == 0 { b"{\"start\":" } else { b",{\"start\":" });
        number(e.start, out);
        out.extend_from_slice(b",\"end\":");
        number(e.end, out);
        out.extend_from_slice(b",\"replacement\":");
        string(&e.replacement, out);
        out.push(b'}');
    }
    out.extend_from_slice(b"]}}");
}

/// A JSON string: as it is when nothing in it needs escaping, else as serde_json escapes it.
fn string(s: &str, out: &mut Vec<u8>) {
    // A fold over all the bytes rather than a search that stops: it compiles to SIMD.
    if s.bytes().fold(false, |any, b| any | (b < 0x20) | (b == b'"') | (b == b'\\')) {
        serde_json::to_writer(&mut *out, s).expect("a string serialises into memory");
    } else {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

fn number(n: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The object around the files' parts, in order (the first part's leading comma dropped).
pub fn render_parts(parts: &mut [Part], files_checked: usize, out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "{{\n  \"version\": 1,\n  \"tool\": {{\"name\": \"zhqa\", \"version\": \"{}\"}},\n  \"files_checked\": {files_checked},\n  \"diagnostics\": [",
        env!("CARGO_PKG_VERSION")
    )?;
    let mut first = true;
    for part in parts.iter_mut().filter(|p| !p.is_empty()) {
        part.write_to(usize::from(first), out)?;
        first = false;
    }
    out.write_all(if first { b"]\n}\n" } else { b"\n  ]\n}\n" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
    use crate::input::{Encoding, Source};
    use crate::rules::catalog::catalog;

    /// The direct writer writes what serde writes: for every finding on every case text
    /// of the rule catalogue, and for strings and numbers that need escaping or are large.
    #[test]
    fn writes_what_serde_writes() {
        let mut texts: Vec<String> =
            catalog().rules().flat_map(|r| r.cases.iter().map(|c| c.text.clone())).collect();
        texts.push("他说：“a\"b\\c\td\u{1}e”。".into());
        let mut compared = 0;
        for (k, text) in texts.iter().enumerate() {
            let mut found = crate::check_text(text, &crate::Selection::default());
            found.push(Diagnostic {
                rule: "quote/unbalanced",
                severity: Severity::Warning,
                message: format!("引号\"{text}\"\\\n"),
                start: 0,
                end: text.len(),
                fix: Some(Fix::new(
                    Applicability::Safe,
                    "删\u{7f}\"",
                    vec![
                        Edit { start: 0, end: 1, replacement: "\"\n".into() },
                        Edit { start: usize::MAX, end: 10, replacement: String::new() },
                    ],
                )),
                labels: Vec::new(),
            });
            let path = format!("dir \"{k}\"\\a.md");
            let source = Source { path: path.clone(), text: text.clone(), encoding: Encoding::Utf8 };
            let report = FileReport::new(source, found);
            for l in report.located() {
                let d = DiagnosticOut::new(&path, &l);
                let mut ours = Vec::new();
                write_diagnostic(&d, &mut ours);
                assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&d).unwrap());
                compared += 1;
            }
        }
        assert!(compared > 400, "{compared} findings compared");
    }
}
