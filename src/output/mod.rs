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

/// One checked file and what was found in it — or one segment of a file read in pieces
/// (see `input::Segments`), whose spans are the file's and whose text is the segment's.
pub struct FileReport {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
    /// Where `source.text` begins in the file: its byte offset and the number of lines
    /// before it (both 0 for a whole file).
    pub offset: usize,
    pub lines_before: usize,
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
    /// A whole file's report.
    pub fn new(source: Source, diagnostics: Vec<Diagnostic>) -> Self {
        FileReport { source, diagnostics, offset: 0, lines_before: 0 }
    }

    /// Line and column of every diagnostic, computed in one sweep over the text.
    pub fn located(&self) -> Vec<Located<'_>> {
        if self.diagnostics.is_empty() {
            return Vec::new();
        }
        let text = &self.source.text;
        let index = LineIndex::new(text);
        let offsets: Vec<usize> =
            self.diagnostics.iter().flat_map(|d| [d.start, d.end]).map(|o| o - self.offset).collect();
        let pos = index.positions(text, &offsets);
        let line = |k: usize| pos[k].0 + self.lines_before;
        self.diagnostics
            .iter()
            .enumerate()
            .map(|(k, d)| Located {
                d,
                line: line(2 * k),
                column: pos[2 * k].1,
                end_line: line(2 * k + 1),
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

/// Whether `format`'s output is a concatenation of independent per-file parts (json,
/// concise), which `prerender` renders on the worker that checked the file.
pub fn renders_per_file(format: Format) -> bool {
    matches!(format, Format::Json | Format::Concise)
}

/// A file's part of the output, rendered by the worker that checked it, for the formats
/// of `renders_per_file`; `None` for the others, which are rendered whole at the end.
/// The report may be one segment of a file read in pieces: its parts, in order, make the
/// file's.
pub fn prerender(format: Format, report: &FileReport) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    match format {
        Format::Json => json::render_file(report, &mut out).ok()?,
        Format::Concise => concise::render(std::slice::from_ref(report), &mut out).ok()?,
        _ => return None,
    }
    Some(out)
}

/// A file's part of the output: in memory or, once it is larger than `Part::SPILL_ABOVE`
/// (a large file with many findings), in an unnamed temporary file, so that memory stays
/// bounded whatever the number of findings.
#[derive(Default)]
pub struct Part {
    memory: Vec<u8>,
    spilled: Option<std::fs::File>,
}

impl Part {
    pub const SPILL_ABOVE: usize = 8 << 20;

    pub fn push(&mut self, bytes: &[u8]) -> io::Result<()> {
        match &mut self.spilled {
            Some(file) => file.write_all(bytes),
            None if self.memory.len() + bytes.len() > Self::SPILL_ABOVE => {
                let mut file = tempfile::tempfile()?;
                file.write_all(&self.memory)?;
                file.write_all(bytes)?;
                self.memory = Vec::new();
                self.spilled = Some(file);
                Ok(())
            }
            None => {
                self.memory.extend_from_slice(bytes);
                Ok(())
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.spilled.is_none() && self.memory.is_empty()
    }

    /// Write the part out, leaving out its first `skip` bytes.
    fn write_to(&mut self, skip: usize, out: &mut dyn Write) -> io::Result<()> {
        match &mut self.spilled {
            None => out.write_all(&self.memory[skip.min(self.memory.len())..]),
            Some(file) => {
                use std::io::{Seek, SeekFrom};
                file.seek(SeekFrom::Start(skip as u64))?;
                io::copy(file, out).map(drop)
            }
        }
    }
}

impl From<Vec<u8>> for Part {
    fn from(memory: Vec<u8>) -> Self {
        Part { memory, spilled: None }
    }
}

/// The output of a format `prerender` supports, from the files' parts in order.
pub fn render_parts(
    format: Format,
    parts: &mut [Part],
    files_checked: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::render_parts(parts, files_checked, out),
        _ => parts.iter_mut().try_for_each(|p| p.write_to(0, out)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_part_spills_to_a_file_and_comes_back_whole() {
        let mut part = Part::default();
        assert!(part.is_empty());
        let chunk: Vec<u8> = (0..=255u8).cycle().take(1 << 20).collect();
        for _ in 0..10 {
            part.push(&chunk).unwrap();
        }
        assert!(part.spilled.is_some() && part.memory.is_empty(), "10 MiB is past SPILL_ABOVE");
        let mut out = Vec::new();
        part.write_to(1, &mut out).unwrap();
        assert_eq!(out.len(), (10 << 20) - 1);
        assert_eq!(&out[..255], &chunk[1..256]);
        let mut small = Part::from(b",abc".to_vec());
        let mut out = Vec::new();
        small.write_to(1, &mut out).unwrap();
        assert_eq!(out, b"abc");
    }
}
