//! The document: the text, its runs, and what is built from the runs once — paragraphs
//! (one per line) and chunks (stretches of Latin-like material between spaces, Han and
//! full-width marks) — plus the line index that turns byte offsets into line/column.

use std::ops::Range;

use unicode_script::Script;

use crate::scan::{self, Kind, Run};

/// A paragraph: one line of the text, without its line break.
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// Indices into `Document::runs`.
    pub runs: Range<usize>,
    /// Written in Japanese: more kana than Han characters (a quoted original, a page of
    /// another language). Not Chinese copy: the rules leave it alone.
    pub japanese: bool,
}

/// A stretch of non-space, non-Han material that is not full-width punctuation:
/// a Latin word, a number, a URL, a model number, `COVID-19`, `Tokayev)`.
#[derive(Clone, Debug)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    /// Indices into `Document::runs`.
    pub runs: Range<usize>,
    pub has_letter: bool,
    pub has_digit: bool,
    /// A URL, e-mail address, @handle, #tag, path or file name: not prose.
    pub is_code: bool,
}

pub struct Document<'a> {
    pub text: &'a str,
    pub runs: Vec<Run>,
    pub paragraphs: Vec<Paragraph>,
    pub chunks: Vec<Chunk>,
    /// For each run, the index of the chunk it belongs to (`usize::MAX` if none).
    pub chunk_of_run: Vec<usize>,
}

/// Marks that may sit inside a Latin chunk (ASCII punctuation and a few others).
fn is_chunk_mark(c: char) -> bool {
    c.is_ascii() || matches!(c, '’' | '‘' | '–' | '²' | '³' | '°' | '‰' | 'µ')
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        let runs = scan::runs(text, crate::rules::catalog::catalog().han_table());
        let mut paragraphs = Vec::new();
        let mut chunks: Vec<Chunk> = Vec::new();
        let mut chunk_of_run = vec![usize::MAX; runs.len()];

        let mut para_start_run = 0;
        let mut para_start = 0;
        let mut chunk_start: Option<usize> = None;
        let (mut han, mut kana) = (0, 0);
        for (i, run) in runs.iter().enumerate() {
            match run.kind {
                Kind::Han => han += run.chars,
                Kind::OtherScript(Script::Hiragana | Script::Katakana) => kana += run.chars,
                _ => {}
            }
            let in_chunk = match run.kind {
                Kind::Latin | Kind::Digit | Kind::Cyrillic | Kind::OtherScript(_) | Kind::FullwidthAlnum => {
                    true
                }
                Kind::Punct(c) => is_chunk_mark(c),
                _ => false,
            };
            if in_chunk {
                chunk_start.get_or_insert(i);
            } else if let Some(s) = chunk_start.take() {
                push_chunk(text, &runs, s..i, &mut chunks, &mut chunk_of_run);
            }
            if run.kind == Kind::Newline {
                let japanese = kana > han;
                paragraphs.push(Paragraph {
                    start: para_start,
                    end: run.start,
                    runs: para_start_run..i,
                    japanese,
                });
                (han, kana) = (0, 0);
                para_start_run = i + 1;
                para_start = run.end;
            }
        }
        if let Some(s) = chunk_start.take() {
            push_chunk(text, &runs, s..runs.len(), &mut chunks, &mut chunk_of_run);
        }
        if para_start < text.len() || paragraphs.is_empty() {
            paragraphs.push(Paragraph {
                start: para_start,
                end: text.len(),
                runs: para_start_run..runs.len(),
                japanese: kana > han,
            });
        }
        Document { text, runs, paragraphs, chunks, chunk_of_run }
    }

    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[start..end]
    }

    pub fn run_text(&self, i: usize) -> &'a str {
        let r = &self.runs[i];
        &self.text[r.start..r.end]
    }

    pub fn chunk_text(&self, c: &Chunk) -> &'a str {
        &self.text[c.start..c.end]
    }

    /// The chunk run `i` belongs to.
    pub fn chunk_at(&self, i: usize) -> Option<&Chunk> {
        self.chunks.get(*self.chunk_of_run.get(i)?)
    }

    /// The chunks of paragraph `p` (binary search).
    pub fn chunks_of(&self, p: &Paragraph) -> &[Chunk] {
        let from = self.chunks.partition_point(|c| c.runs.start < p.runs.start);
        let to = self.chunks.partition_point(|c| c.runs.start < p.runs.end);
        &self.chunks[from..to]
    }

    /// Index of the run that holds byte `offset` (binary search).
    pub fn run_at(&self, offset: usize) -> usize {
        self.runs.partition_point(|r| r.end <= offset)
    }

    /// The paragraph's runs without leading and trailing spaces.
    pub fn trimmed_runs(&self, p: &Paragraph) -> Range<usize> {
        let mut r = p.runs.clone();
        while r.start < r.end && self.runs[r.start].kind == Kind::Space {
            r.start += 1;
        }
        while r.end > r.start && self.runs[r.end - 1].kind == Kind::Space {
            r.end -= 1;
        }
        r
    }

    /// The indices of the runs in `range` that `want` accepts: the way a check finds the few
    /// runs it looks at (a slice walked without bounds checks; this runs for every run).
    pub fn runs_where<'s>(
        &'s self,
        range: Range<usize>,
        want: impl Fn(&Run) -> bool + 's,
    ) -> impl Iterator<Item = usize> + 's {
        let from = range.start;
        self.runs[range].iter().enumerate().filter(move |(_, r)| want(r)).map(move |(k, _)| from + k)
    }

    /// Whether the paragraph holds any Han character.
    pub fn has_han(&self, p: &Paragraph) -> bool {
        self.runs[p.runs.clone()].iter().any(Run::is_han)
    }
}

fn push_chunk(
    text: &str,
    runs: &[Run],
    range: Range<usize>,
    chunks: &mut Vec<Chunk>,
    chunk_of_run: &mut [usize],
) {
    let rs = &runs[range.clone()];
    let start = rs[0].start;
    let end = rs[rs.len() - 1].end;
    let has_letter = rs.iter().any(|r| r.kind.is_letter());
    let has_digit = rs.iter().any(|r| r.kind == Kind::Digit);
    let s = &text[start..end];
    let is_code = has_letter && looks_like_code(s);
    let idx = chunks.len();
    for slot in &mut chunk_of_run[range.clone()] {
        *slot = idx;
    }
    chunks.push(Chunk { start, end, runs: range, has_letter, has_digit, is_code });
}

/// URLs, e-mail addresses, handles, tags, paths and file names.
fn looks_like_code(s: &str) -> bool {
    let t = s.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '"', '\'']);
    if t.contains("://") || t.starts_with("www.") || t.contains('/') || t.contains('\\') {
        return true;
    }
    if t.starts_with('@') || t.starts_with('#') || t.contains('_') || t.contains('=') || is_entity(t) {
        return true;
    }
    // A variable of a shell or a template, `$time`, `${name}`; `$5` is money.
    if t.strip_prefix('$').is_some_and(|v| v.starts_with(|c: char| c.is_ascii_alphabetic() || c == '{')) {
        return true;
    }
    if let Some(at) = t.find('@') {
        return t[at..].contains('.');
    }
    // A dotted name ending in a letter-only part: example.com, news.cn, index.html, a.b.
    // Abbreviations with a dot after every letter (U.S.) are prose, not code.
    let parts: Vec<&str> = t.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| !p.is_empty())
        && parts.iter().any(|p| p.len() >= 2)
        && parts.last().is_some_and(|p| p.chars().all(|c| c.is_ascii_alphabetic()))
        && parts[0].chars().any(|c| c.is_ascii_alphabetic())
}

/// An HTML entity left in the text (`&nbsp`, `&rdquo;`); AT&T is a name, not an entity.
fn is_entity(t: &str) -> bool {
    t.match_indices('&').any(|(i, _)| t[i + 1..].starts_with(|c: char| c.is_ascii_lowercase() || c == '#'))
}

/// Texts longer than this are checked in segments (see `segment_end`).
pub const SEGMENTED_ABOVE: usize = 4 << 20;
/// The length a segment reaches before it looks for its end.
pub const SEGMENT: usize = 1 << 20;

/// Where the segment that begins at `b[0]` ends: after the first blank line (`\n\n`,
/// `\r\n\r\n`) within the `SEGMENT` bytes that follow its first `SEGMENT` bytes; failing
/// one, after the first line break past them; failing that, at the end — a segment ends
/// at a paragraph break, or is the rest of the text. `complete` says whether `b` holds all
/// the rest of the text; `None` when it does not and the answer needs bytes past `b`.
/// Reading a file in pieces and checking a long text cut the same way.
pub fn segment_end(b: &[u8], complete: bool) -> Option<usize> {
    if b.len() <= SEGMENT {
        return complete.then_some(b.len());
    }
    if b.len() < 2 * SEGMENT && !complete {
        return None;
    }
    let window = &b[SEGMENT..b.len().min(2 * SEGMENT)];
    let blank = memchr::memchr_iter(b'\n', window).find_map(|i| match &window[i + 1..] {
        [b'\n', ..] => Some(i + 2),
        [b'\r', b'\n', ..] => Some(i + 3),
        _ => None,
    });
    if let Some(i) = blank {
        return Some(SEGMENT + i);
    }
    match memchr::memchr(b'\n', &b[SEGMENT..]) {
        Some(i) => Some(SEGMENT + i + 1),
        None => complete.then_some(b.len()),
    }
}

/// Byte offsets → 1-based line and column (column in Unicode scalar values).
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let b = text.as_bytes();
        // memchr skips the bytes between line ends many at a time.
        for i in memchr::memchr2_iter(b'\n', b'\r', b) {
            if b[i] == b'\n' || b.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// Line (0-based) holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based (line, column) of each offset. Offsets are visited in sorted order and
    /// characters counted incrementally, so a long line is walked once, not once per
    /// offset.
    pub fn positions(&self, text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![(0, 0); offsets.len()];
        let (mut line, mut at, mut col) = (usize::MAX, 0usize, 0usize);
        for i in order {
            let off = offsets[i].min(text.len());
            let l = self.line_of(off);
            if l != line {
                line = l;
                at = self.starts[l];
                col = 0;
            }
            col += text[at..off].chars().count();
            at = off;
            out[i] = (l + 1, col + 1);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_lines() {
        let d = Document::new("第一段。\n\n第二段。\r\n第三段");
        let p: Vec<&str> = d.paragraphs.iter().map(|p| d.slice(p.start, p.end)).collect();
        assert_eq!(p, vec!["第一段。", "", "第二段。", "第三段"]);
    }

    #[test]
    fn chunks_and_code() {
        let d = Document::new("访问www.example.com或写信给a@b.cn，型号C919，Kassym-Jomart Tokayev）");
        let c: Vec<(&str, bool)> = d.chunks.iter().map(|c| (d.chunk_text(c), c.is_code)).collect();
        assert_eq!(
            c,
            vec![
                ("www.example.com", true),
                ("a@b.cn", true),
                ("C919", false),
                ("Kassym-Jomart", false),
                ("Tokayev", false)
            ]
        );
        assert!(!looks_like_code("U.S."));
        assert!(looks_like_code("index.html"));
        assert!(!looks_like_code("3.5"));
        assert!(looks_like_code("$time"));
        assert!(!looks_like_code("$5"));
    }

    #[test]
    fn segments_end_at_a_blank_line_else_a_line_break_else_the_end() {
        let line = "一行文字。\n".repeat(SEGMENT * 3 / 64);
        // A blank line after the first SEGMENT bytes: the segment ends after it.
        let text = format!("{line}{line}\n{line}");
        let b = text.as_bytes();
        let blank = 2 * line.len() + 1;
        assert!(blank > SEGMENT && blank < 2 * SEGMENT);
        assert_eq!(segment_end(b, true), Some(blank));
        assert_eq!(segment_end(&b[..blank + 10], false), None, "the window is not all there yet");
        assert_eq!(segment_end(b, false), Some(blank));
        // \r\n\r\n counts as a blank line too.
        let crlf = format!("{}\r\n\r\n尾", "字".repeat(SEGMENT / 3 + 10));
        assert_eq!(segment_end(crlf.as_bytes(), true), Some(crlf.len() - 3));
        // No blank line: the first line break past SEGMENT bytes.
        let text = format!("{line}{line}{line}");
        let end = segment_end(text.as_bytes(), true).unwrap();
        assert!(end > SEGMENT && end <= SEGMENT + 16 && text[..end].ends_with('\n'));
        // No line break at all: the rest of the text; a short text is one segment.
        let one = "字".repeat(SEGMENT);
        assert_eq!(segment_end(one.as_bytes(), true), Some(one.len()));
        assert_eq!(segment_end(one.as_bytes(), false), None);
        assert_eq!(segment_end(b"short", true), Some(5));
        assert_eq!(segment_end(b"", true), Some(0));
    }

    #[test]
    fn positions_count_scalar_values() {
        let text = "第一行\n中文abc，错误\n";
        let li = LineIndex::new(text);
        let off = text.find('，').unwrap();
        assert_eq!(li.positions(text, &[off, 0, text.len()]), vec![(2, 6), (1, 1), (3, 1)]);
    }
}
