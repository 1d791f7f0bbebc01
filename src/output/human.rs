//! `--format human`: rustc-style diagnostics rendered by codespan-reporting — the rule
//! id, the message, the source line with the span underlined (wide characters counted
//! as two columns), and a `help:` line with the suggested fix. A news paragraph is one
//! line of hundreds of characters, so a long line is shown as a window of it around the
//! span, cut with `…` (see `Excerpt`); line and column numbers stay the file's.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{Error as FilesError, Files, SimpleFile};
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
        let text = r.source.text.as_str();
        let lines = crate::document::LineIndex::new(text);
        let mut whole: Option<SimpleFile<&str, &str>> = None;
        for d in &r.diagnostics {
            let mut w = term::StylesWriter::new(&mut buffer, &styles);
            let cs = convert(d, text);
            match Excerpt::of(r.source.path.as_str(), text, &lines, &cs) {
                Some((excerpt, cs)) => term::emit_to_write_style(&mut w, &config, &excerpt, &cs),
                // Spans over several lines: the file as it is.
                None => {
                    let file = whole.get_or_insert_with(|| SimpleFile::new(r.source.path.as_str(), text));
                    term::emit_to_write_style(&mut w, &config, &*file, &cs)
                }
            }
            .map_err(io::Error::other)?;
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

/// Lines no longer than this (in characters) are shown whole.
const WHOLE_LINE: usize = 80;
/// Characters shown on each side of the spans of a longer line.
const CONTEXT: usize = 24;

/// What is shown of a file for one finding: each line its spans touch, cut to windows
/// around them when longer than `WHOLE_LINE` characters (`…` where the line is cut; the
/// opening and the closing marker of a long quotation get one window each); line and
/// column numbers are the file's.
struct Excerpt<'a> {
    name: &'a str,
    text: &'a str,
    source: String,
    /// For each line shown: where it starts in the excerpt, in the file, and its number.
    lines: Vec<(usize, usize, usize)>,
    /// Each stretch of the file shown: its start and end in the file, its start in the
    /// excerpt.
    shown: Vec<(usize, usize, usize)>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt for a diagnostic and the diagnostic with its spans moved into it;
    /// `None` when a span runs over a line break.
    fn of(
        name: &'a str,
        text: &'a str,
        lines: &crate::document::LineIndex,
        d: &CsDiagnostic<()>,
    ) -> Option<(Excerpt<'a>, CsDiagnostic<()>)> {
        let line_end = |o: usize| text[o..].find(['\n', '\r']).map_or(text.len(), |i| o + i);
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for l in &d.labels {
            let (s, e) = (l.range.start, l.range.end);
            if line_end(s) < e {
                return None;
            }
            spans.push((lines.line_of(s), s, e));
        }
        spans.sort_unstable();
        let mut x = Excerpt { name, text, source: String::new(), lines: Vec::new(), shown: Vec::new() };
        for on_line in spans.chunk_by(|a, b| a.0 == b.0) {
            let line = on_line[0].0;
            let (ls, le) = (lines.line_start(line), line_end(lines.line_start(line)));
            x.lines.push((x.source.len(), ls, line + 1));
            if text[ls..le].chars().nth(WHOLE_LINE).is_none() {
                x.show(ls, le);
                x.source.push('\n');
                continue;
            }
            // Spans far apart on the line get windows of their own.
            let mut windows: Vec<(usize, usize)> = Vec::new();
            for &(_, s, e) in on_line {
                match windows.last_mut() {
                    Some(w) if text[w.1..s.max(w.1)].chars().nth(2 * CONTEXT).is_none() => w.1 = w.1.max(e),
                    _ => windows.push((s, e)),
                }
            }
            let mut at = ls;
            for (s, e) in windows {
                let from = text[at..s].char_indices().rev().nth(CONTEXT - 1).map_or(at, |(i, _)| at + i);
                let to = text[e..le].char_indices().nth(CONTEXT).map_or(le, |(i, _)| e + i);
                if from > at {
                    x.source.push('…');
                }
                x.show(from, to);
                at = to;
            }
            if at < le {
                x.source.push('…');
            }
            x.source.push('\n');
        }
        let mut d = d.clone();
        for l in &mut d.labels {
            l.range = x.excerpt_offset(l.range.start)..x.excerpt_offset(l.range.end);
        }
        Some((x, d))
    }

    fn show(&mut self, from: usize, to: usize) {
        self.shown.push((from, to, self.source.len()));
        self.source.push_str(&self.text[from..to]);
    }

    fn excerpt_offset(&self, o: usize) -> usize {
        let &(from, _, at) = self.shown.iter().find(|s| s.0 <= o && o <= s.1).expect("every span is shown");
        at + (o - from)
    }
}

impl<'a> Files<'a> for Excerpt<'_> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.source)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.lines.partition_point(|l| l.0 <= byte_index).saturating_sub(1))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, FilesError> {
        Ok(self.lines[line_index].2)
    }

    /// The file's column: the excerpt's byte taken back to the file.
    fn column_number(&'a self, (): (), line_index: usize, byte_index: usize) -> Result<usize, FilesError> {
        let line_start = self.lines[line_index].1;
        let real = self
            .shown
            .iter()
            .find(|s| s.2 <= byte_index && byte_index <= s.2 + (s.1 - s.0))
            .map_or(line_start, |s| s.0 + (byte_index - s.2));
        Ok(1 + self.text[line_start..real.max(line_start)].chars().count())
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<std::ops::Range<usize>, FilesError> {
        let start = self
            .lines
            .get(line_index)
            .ok_or(FilesError::LineTooLarge { given: line_index, max: self.lines.len().saturating_sub(1) })?;
        let end = self.lines.get(line_index + 1).map_or(self.source.len(), |l| l.0);
        Ok(start.0..end)
    }
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
    // Shortened by grapheme clusters, so that no accent or emoji is cut in half: only
    // the clusters at the two ends are walked.
    let s = s.trim();
    if s.graphemes(true).nth(40).is_none() {
        return format!("：{s}");
    }
    let head: String = s.graphemes(true).take(16).collect();
    let mut tail: Vec<&str> = s.graphemes(true).rev().take(16).collect();
    tail.reverse();
    format!("：{head} … {}", tail.concat())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Encoding, Source};

    fn human(text: &str, diagnostics: Vec<Diagnostic>) -> String {
        let source = Source { path: "a.txt".into(), text: text.into(), encoding: Encoding::Utf8 };
        let mut out = Vec::new();
        render(&[FileReport::new(source, diagnostics)], 1, false, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_long_line_is_shown_around_its_spans_with_the_file_s_numbers() {
        let long = format!("{}，错,误{}", "一".repeat(100), "二".repeat(100));
        let text = format!("短行。\r\n{long}\n");
        let at = text.find(',').unwrap();
        let out = human(&text, vec![Diagnostic::new("punct/halfwidth", at, at + 1, "半角逗号".into())]);
        assert!(out.contains("a.txt:2:103"), "{out}");
        let shown = format!("…{}，错,误{}…", "一".repeat(CONTEXT - 2), "二".repeat(CONTEXT - 1));
        assert!(out.contains(&format!("2 │ {shown}\n")), "{out}");
        // The caret under the comma: 2 columns for each of the 24 wide characters before it.
        let caret = out.lines().find(|l| l.contains('^')).unwrap();
        assert_eq!(caret.find('^').unwrap() - caret.find('│').unwrap(), "│ ".len() + 1 + 2 * 24);

        // Two spans far apart on a line: a window each; a short line: whole.
        let (s, e) = (text.find('，').unwrap(), text.find('误').unwrap());
        let far = format!("{}{}", &text[..e + 3], "三".repeat(200));
        let end = far.len() - 3;
        let d = Diagnostic::new("quote/dash-speech", s, s + 3, "m".into()).with_label(end, far.len(), "收尾");
        let out = human(&far, vec![d]);
        assert!(out.contains(&format!("…{}，", "一".repeat(CONTEXT))), "{out}");
        assert!(
            out.contains(&format!("，错,误{}…{}\n", "三".repeat(CONTEXT - 3), "三".repeat(CONTEXT + 1))),
            "{out}"
        );
        let out = human(&text, vec![Diagnostic::new("x/y", 0, 3, "m".into())]);
        assert!(out.contains("1 │ 短行。\n"), "{out}");
    }

    #[test]
    fn a_fix_of_several_edits_is_previewed_whole_or_by_its_ends() {
        use crate::diagnostic::{Applicability, Edit, Fix};
        let edit = |start, end, r: &str| Edit { start, end, replacement: r.into() };
        // Short: the line as it reads after the fix, with a few characters around.
        let text = "他说：—好的，-他说。";
        let (dash, hyphen) = (text.find('—').unwrap(), text.find('-').unwrap());
        let f = Fix::new(
            Applicability::Unsafe,
            "t",
            vec![edit(hyphen, hyphen + 1, "”"), edit(dash, dash + 3, "“")],
        );
        assert_eq!(preview(text, &f), "：他说：“好的，”他说。");
        // Long: sixteen grapheme clusters at each end; an accent stays on its letter.
        let body = format!("e\u{301}{}", "中".repeat(60));
        let text = format!("—{body}-");
        let f = Fix::new(
            Applicability::Unsafe,
            "t",
            vec![edit(0, 3, "“"), edit(text.len() - 1, text.len(), "”")],
        );
        let want = format!("：“e\u{301}{} … {}”", "中".repeat(14), "中".repeat(15));
        assert_eq!(preview(&text, &f), want);
    }

    #[test]
    fn a_span_over_a_line_break_shows_the_file_as_it_is() {
        let text = format!("{}\n{}", "一".repeat(100), "二".repeat(100));
        let d = Diagnostic::new("x/y", 3, text.len() - 3, "m".into());
        let (cs, lines) = (convert(&d, &text), crate::document::LineIndex::new(&text));
        assert!(Excerpt::of("a.txt", &text, &lines, &cs).is_none());
        assert!(human(&text, vec![d]).contains(&"一".repeat(99)));
    }
}
