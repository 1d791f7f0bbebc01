//! `--format json`: one object, stable from version 1 on. Offsets are bytes into the
//! decoded UTF-8 text (a BOM not counted), end exclusive; lines and columns 1-based,
//! columns in Unicode scalar values. Diagnostics are written one by one as they are
//! serialised, so no document tree is built in memory.

use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, Located};
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
    write!(
        out,
        "{{\n  \"version\": 1,\n  \"tool\": {{\"name\": \"zhqa\", \"version\": \"{}\"}},\n  \"files_checked\": {files_checked},\n  \"diagnostics\": [",
        env!("CARGO_PKG_VERSION")
    )?;
    let mut first = true;
    for r in reports {
        for l in r.located() {
            let item = DiagnosticOut::new(&r.source.path, &l);
            out.write_all(if first { b"\n    " } else { b",\n    " })?;
            first = false;
            serde_json::to_writer(&mut *out, &item)?;
        }
    }
    out.write_all(if first { b"]\n}\n" } else { b"\n  ]\n}\n" })
}
