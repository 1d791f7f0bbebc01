//! zhqa — a linter for Chinese editorial copy.
//!
//! The modules follow the data: `input` reads and decodes files (and `config` finds the
//! publication's settings), `format` masks what is not prose, `document` and `scan` turn
//! the text into paragraphs, chunks and classified runs in one pass, `rules` checks them
//! and reports `diagnostic`s, `fix` applies their edits, and `output` renders them. The
//! library never prints and never exits; the binary decides the exit status.

pub mod input;
pub mod config;
pub mod format;
pub mod document;
pub mod scan;
pub mod rules;
pub mod suppress;
pub mod diagnostic;
pub mod fix;
pub mod output;
pub mod lsp;
pub mod serve;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
pub use format::Format;
pub use rules::Selection;

/// Check a file's text in its format (only the prose of Markdown is read); spans point
/// into `text` itself.
pub fn check_as(text: &str, format: Format, selection: &Selection) -> Vec<Diagnostic> {
    let prose = format::prose(text, format);
    let mut found = check_prose(&prose, selection);
    if let Some(house) = &selection.house {
        found.extend(house.check(&prose, |id| selection.house_on(id), |id, d| selection.severity_of(id, d)));
        found.sort_by(|a, b| (a.start, a.end, a.rule).cmp(&(b.start, b.end, b.rule)));
    }
    match format {
        Format::Plain => found,
        _ => suppress::apply(text, found, selection.is_on(suppress::UNUSED)),
    }
}

/// Check prose: in one piece, or, when it is longer than `document::SEGMENTED_ABOVE`
/// (an archive, a corpus dump), segment by segment (`document::segment_end`), so that
/// the runs and chunks of only one segment are in memory at a time. What the rules judge
/// over a whole document (the Han–Latin spacing most of it uses, its register, names
/// glossed earlier) is then judged per segment of about 1 MiB — hundreds of articles'
/// worth, ending at a paragraph break.
fn check_prose(prose: &str, selection: &Selection) -> Vec<Diagnostic> {
    if prose.len() <= document::SEGMENTED_ABOVE {
        return rules::check(&document::Document::new(prose), selection);
    }
    let mut found = Vec::new();
    let mut at = 0;
    while at < prose.len() {
        let end = at + document::segment_end(&prose.as_bytes()[at..], true).expect("the whole text is given");
        let mut part = rules::check(&document::Document::new(&prose[at..end]), selection);
        part.iter_mut().for_each(|d| d.shift(at));
        found.append(&mut part);
        at = end;
    }
    found
}

/// Check a plain text and return its diagnostics, sorted by position.
///
/// ```
/// use zhqa::{check_text, Selection};
///
/// let text = "因此，‘中亚+’合作模式愈发具有吸引力。";
/// let found = check_text(text, &Selection::default());
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].rule, "quote/nesting");
/// assert_eq!(&text[found[0].start..found[0].end], "‘");
/// ```
pub fn check_text(text: &str, selection: &Selection) -> Vec<Diagnostic> {
    let doc = document::Document::new(text);
    rules::check(&doc, selection)
}
