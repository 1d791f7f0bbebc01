//! `--format human`: rustc-style diagnostics rendered by codespan-reporting — the rule
//! id, the message, the source line with the span underlined (wide characters counted
//! as two columns), and a `help:` line with the suggested fix.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};
use unicode_segmentation::UnicodeSegmentation;

use super::{Counts, FileReport};
use crate::diagnostic::{Applicability, Diagnostic, Severity};

pub fn render(
    reports: &[FileReport],
    files_checked: usize,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let config = term::Config::default();
    let styles = term::Styles::default();
    let mut buffer = if color { termcolor::Buffer::ansi() } else { termcolor::Buffer::no_color() };
    for r in reports {
        let file = SimpleFile::new(r.source.path.as_str(), r.source.text.as_str());
        for d in &r.diagnostics {
            let cs = convert(d, &r.source.text);
            let mut w = term::StylesWriter::new(&mut buffer, &styles);
            term::emit_to_write_style(&mut w, &config, &file, &cs).map_err(io::Error::other)?;
        }
    }
    out.write_all(buffer.as_slice())?;
    let c = Counts::of(reports);
    let total = c.error + c.warning + c.info;
    if total == 0 {
        writeln!(out, "检查了 {files_checked} 个文件，没有发现问题。")
    } else {
        writeln!(
            out,
            "检查了 {files_checked} 个文件，发现 {total} 处问题：{} 个错误，{} 个警告，{} 个提示。",
            c.error, c.warning, c.info
        )
    }
}

fn convert(d: &Diagnostic, text: &str) -> CsDiagnostic<()> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    };
    let mut labels = vec![Label::primary((), d.start..d.end)];
    for l in &d.labels {
        labels.push(Label::secondary((), l.start..l.end).with_message(l.message.clone()));
    }
    let mut notes = Vec::new();
    if let Some(f) = &d.fix {
        let tag = match f.applicability {
            Applicability::Safe => "",
            Applicability::Unsafe => "（需人工确认）",
        };
        let preview = if f.edits.len() > 1 { preview(text, f) } else { String::new() };
        notes.push(format!("help{tag}: {}{preview}", f.title));
    }
    CsDiagnostic::new(severity)
        .with_code(d.rule)
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

/// The text around a multi-edit fix as it reads after the fix, shortened in the middle.
fn preview(text: &str, f: &crate::diagnostic::Fix) -> String {
    let first = f.edits.iter().map(|e| e.start).min().unwrap_or(0);
    let last = f.edits.iter().map(|e| e.end).max().unwrap_or(0);
    let line_start = text[..first].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[last..].find('\n').map_or(text.len(), |i| last + i);
    // A few characters of context on each side, within the line.
    let start =
        text[line_start..first].char_indices().rev().nth(7).map_or(line_start, |(i, _)| line_start + i);
    let end = text[last..line_end].char_indices().nth(8).map_or(line_end, |(i, _)| last + i);
    let mut edits = f.edits.clone();
    edits.sort_by_key(|e| e.start);
    let mut s = String::new();
    let mut at = start;
    for e in &edits {
        s.push_str(&text[at..e.start]);
        s.push_str(&e.replacement);
        at = e.end;
    }
    s.push_str(&text[at..end]);
    // Shortened by grapheme clusters, so that no accent or emoji is cut in half.
    let g: Vec<&str> = s.trim().graphemes(true).collect();
    let shown = if g.len() > 40 {
        format!("{} … {}", g[..16].concat(), g[g.len() - 16..].concat())
    } else {
        g.concat()
    };
    format!("：{shown}")
}
