//! Input formats: which parts of a file are prose. Markdown is parsed (pulldown-cmark);
//! code blocks, inline code, HTML, link targets, markup and front matter are masked. In
//! HTML, tags, comments, character references and script, style and code elements are.
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
    /// HTML: text nodes only.
    Html,
}

impl Format {
    /// The format a file's name says it has; anything else is plain text.
    pub fn of_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Plain,
        }
    }
}

/// The text the checks read: the prose of `text`, everything else masked.
pub fn prose(text: &str, format: Format) -> Cow<'_, str> {
    match format {
        Format::Plain => Cow::Borrowed(text),
        Format::Markdown => Cow::Owned(mask(text, &markdown_prose(text))),
        Format::Html => Cow::Owned(mask(text, &html_prose(text))),
    }
}

/// Elements whose content is not prose.
const HTML_SKIPPED: &[&str] = &["script", "style", "pre", "code", "kbd", "samp", "textarea", "template"];

/// Byte ranges of the text nodes of an HTML text: outside tags, comments, character
/// references and the content of script, style and code elements. A small scanner is
/// enough here: only where the prose is matters, not the document tree.
fn html_prose(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let (mut i, mut start) = (0, 0);
    let push = |from: usize, to: usize, out: &mut Vec<Range<usize>>| {
        if from < to {
            out.push(from..to);
        }
    };
    while i < b.len() {
        match b[i] {
            b'<' if lower[i..].starts_with("<!--") => {
                push(start, i, &mut out);
                i = lower[i..].find("-->").map_or(b.len(), |k| i + k + 3);
                start = i;
            }
            b'<' if b
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?')) =>
            {
                push(start, i, &mut out);
                let end = tag_end(b, i);
                let name: String =
                    lower[i + 1..end].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
                i = end;
                // The content of a skipped element runs to its closing tag.
                if HTML_SKIPPED.contains(&name.as_str()) {
                    let close = format!("</{name}");
                    i = lower[i..].find(&close).map_or(b.len(), |k| tag_end(b, i + k));
                }
                start = i;
            }
            b'&' => {
                let len = b[i + 1..].iter().take(32).position(|&c| c == b';');
                let entity = len.is_some_and(|n| {
                    n > 0 && b[i + 1..i + 1 + n].iter().all(|c| c.is_ascii_alphanumeric() || *c == b'#')
                });
                if let (true, Some(n)) = (entity, len) {
                    push(start, i, &mut out);
                    i += n + 2;
                    start = i;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    push(start, b.len(), &mut out);
    out
}

/// The byte after the `>` that ends the tag starting at `from` (quoted values may hold `>`).
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &c) in b.iter().enumerate().skip(from + 1) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    b.len()
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

    #[test]
    fn html_keeps_text_nodes_only() {
        let text = "<html><head><style>p { a: \"x\" }</style><script>var s = \"总统,说\";</script></head>\n<body><p class=\"a>b\">总统表示,双方&nbsp;合作。<!-- 注释,说明 --></p><pre>代码,块</pre><a href=\"x,y\">链接</a></body></html>\n";
        let p = prose(text, Format::Html);
        assert_eq!(p.len(), text.len());
        assert!(p.contains("总统表示,双方") && p.contains("合作。") && p.contains("链接"));
        for gone in ["var s", "总统,说", "nbsp", "注释", "代码", "href", "class"] {
            assert!(!p.contains(gone), "{gone} should be masked: {p:?}");
        }
    }
}
