//! Input formats: which parts of a file are prose. Markdown is parsed (pulldown-cmark);
//! code blocks, inline code, HTML, link targets, markup and front matter are masked.
//!
//! Masking keeps every byte offset: each masked byte becomes [`MASK`] (line breaks stay),
//! so the checks read the prose in place and their spans point into the original file.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What a masked byte becomes: a control character the scanner classifies as masked.
pub const MASK: char = '\u{1f}';

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: every line a paragraph, all of it prose.
    Plain,
    /// Markdown: prose only.
    Markdown,
}

impl Format {
    /// The format a file's name says it has; anything else is plain text.
    pub fn of_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

/// The text the checks read: the prose of `text`, everything else masked.
pub fn prose(text: &str, format: Format) -> Cow<'_, str> {
    match format {
        Format::Plain => Cow::Borrowed(text),
        Format::Markdown => Cow::Owned(mask(text, &markdown_prose(text))),
    }
}

/// Byte ranges of the prose of a Markdown text: the text of paragraphs, headings, list
/// items, quotations and table cells, outside code blocks and front matter.
fn markdown_prose(text: &str) -> Vec<Range<usize>> {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut out = Vec::new();
    let mut skip = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_)) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_)) => skip = skip.saturating_sub(1),
            Event::Text(_) if skip == 0 => out.push(range),
            _ => {}
        }
    }
    out
}

/// Replace every byte outside `keep` by [`MASK`], keeping line breaks.
fn mask(text: &str, keep: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut at = 0;
    let blank = |from: usize, to: usize, bytes: &mut Vec<u8>| {
        for b in &mut bytes[from..to] {
            if *b != b'\n' && *b != b'\r' {
                *b = MASK as u8;
            }
        }
    };
    let mut keep: Vec<&Range<usize>> = keep.iter().collect();
    keep.sort_by_key(|r| r.start);
    for r in keep {
        if r.start > at {
            blank(at, r.start, &mut bytes);
        }
        at = at.max(r.end);
    }
    blank(at, text.len(), &mut bytes);
    // Whole characters are kept or masked, so the bytes are still UTF-8.
    String::from_utf8(bytes).expect("masking replaces whole characters")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_prose_and_offsets() {
        let text = "---\ntitle: date 2025\n---\n# 标题\n\n正文用`code`和[链接](http://x.cn/a,b)。\n\n```\nlet a = \"x\";\n```\n";
        let p = prose(text, Format::Markdown);
        assert_eq!(p.len(), text.len());
        assert_eq!(p.matches('\n').count(), text.matches('\n').count());
        assert!(p.contains("标题") && p.contains("正文用") && p.contains("和") && p.contains("链接"));
        for gone in ["title", "code", "http", "let a"] {
            assert!(!p.contains(gone), "{gone} should be masked: {p:?}");
        }
        assert_eq!(prose(text, Format::Plain), text);
    }
}
