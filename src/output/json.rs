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
        serde_json::to_writer(&mut *out, &DiagnosticOut::new(&r.source.path, &l))?;
    }
    Ok(())
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
