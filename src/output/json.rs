//! `--format json`: one object, stable from version 1 on. Offsets are bytes into the
//! decoded UTF-8 text (a BOM not counted), end exclusive; lines and columns 1-based,
//! columns in Unicode scalar values.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::FileReport;

pub fn render(reports: &[FileReport], files_checked: usize, out: &mut dyn Write) -> io::Result<()> {
    let mut diagnostics = Vec::new();
    for r in reports {
        for l in r.located() {
            let d = l.d;
            let fix = match &d.fix {
                Some(f) => json!({
                    "applicability": f.applicability,
                    "title": f.title,
                    "edits": f.edits,
                }),
                None => Value::Null,
            };
            diagnostics.push(json!({
                "path": r.source.path,
                "rule": d.rule,
                "severity": d.severity,
                "message": d.message,
                "start": d.start,
                "end": d.end,
                "line": l.line,
                "column": l.column,
                "end_line": l.end_line,
                "end_column": l.end_column,
                "fix": fix,
            }));
        }
    }
    let doc = json!({
        "version": 1,
        "tool": {"name": "zhqa", "version": env!("CARGO_PKG_VERSION")},
        "files_checked": files_checked,
        "diagnostics": diagnostics,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
