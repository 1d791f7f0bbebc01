//! Output: the diagnostics of each checked file, rendered in one of the formats.

mod concise;
mod github;
mod human;
pub(crate) mod json;
mod junit;
mod rdjson;
mod sarif;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::LineIndex;
use crate::input::Source;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with the source line and the span underlined.
    Human,
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
    /// One JSON object with every diagnostic (stable, version 1).
    Json,
    /// GitHub Actions annotations (workflow commands).
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// JUnit XML, for CI systems that show test reports.
    Junit,
    /// Reviewdog Diagnostic Format, one result object, for `reviewdog -f=rdjson`.
    Rdjson,
    /// Reviewdog Diagnostic Format as JSON Lines, for `reviewdog -f=rdjsonl`.
    Rdjsonl,
}

/// One checked file and what was found in it.
pub struct FileReport {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
}

/// A diagnostic with its 1-based line and column (in Unicode scalar values).
pub struct Located<'a> {
    pub d: &'a Diagnostic,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl FileReport {
    /// Line and column of every diagnostic, computed in one sweep over the text.
    pub fn located(&self) -> Vec<Located<'_>> {
        if self.diagnostics.is_empty() {
            return Vec::new();
        }
        let text = &self.source.text;
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = self.diagnostics.iter().flat_map(|d| [d.start, d.end]).collect();
        let pos = index.positions(text, &offsets);
        self.diagnostics
            .iter()
            .enumerate()
            .map(|(k, d)| Located {
                d,
                line: pos[2 * k].0,
                column: pos[2 * k].1,
                end_line: pos[2 * k + 1].0,
                end_column: pos[2 * k + 1].1,
            })
            .collect()
    }
}

/// Counts by severity, for summaries.
#[derive(Default, Debug, Clone, Copy)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Counts {
    pub fn of(reports: &[FileReport]) -> Self {
        let mut c = Counts::default();
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            match d.severity {
                Severity::Error => c.error += 1,
                Severity::Warning => c.warning += 1,
                Severity::Info => c.info += 1,
            }
        }
        c
    }
}

/// A file's part of the output, rendered by the worker that checked it, for the formats
/// whose output is a concatenation of independent per-file parts (json, concise); `None`
/// for the others, which are rendered whole at the end.
pub fn prerender(format: Format, report: &FileReport) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    match format {
        Format::Json => json::render_file(report, &mut out).ok()?,
        Format::Concise => concise::render(std::slice::from_ref(report), &mut out).ok()?,
        _ => return None,
    }
    Some(out)
}

/// The output of a format `prerender` supports, from the files' parts in order.
pub fn render_parts(
    format: Format,
    parts: &[Vec<u8>],
    files_checked: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::render_parts(parts, files_checked, out),
        _ => parts.iter().try_for_each(|p| out.write_all(p)),
    }
}

pub fn render(
    format: Format,
    reports: &[FileReport],
    files_checked: usize,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(reports, files_checked, color, out),
        Format::Concise => concise::render(reports, out),
        Format::Json => json::render(reports, files_checked, out),
        Format::Github => github::render(reports, out),
        Format::Sarif => sarif::render(reports, out),
        Format::Junit => junit::render(reports, out),
        Format::Rdjson => rdjson::render_result(reports, out),
        Format::Rdjsonl => rdjson::render_lines(reports, out),
    }
}
