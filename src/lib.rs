//! zhqa — a linter for Chinese editorial copy.
//!
//! The modules follow the data: `input` reads and decodes files, `document` and `scan`
//! turn the text into paragraphs, chunks and classified runs in one pass, `rules` checks
//! them and reports `diagnostic`s, `fix` applies their edits, and `output` renders them.
//! The library never prints and never exits; the binary decides the exit status.

pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod input;
pub mod output;
pub mod rules;
pub mod scan;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
pub use rules::Selection;

/// Check a text and return its diagnostics, sorted by position.
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
