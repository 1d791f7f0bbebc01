//! Small helpers the checks share: character classes and neighbour look-ups on runs.

use crate::document::{Document, Paragraph};
use crate::scan::{Kind, Run};

/// Full-width (Chinese) punctuation: the marks of GB/T 15834 in their full-width forms.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '「'
            | '」'
            | '『'
            | '』'
            | '…'
            | '—'
            | '·'
            | '～'
            | '〖'
            | '〗'
            | '．'
            | '［'
            | '］'
            | '｛'
            | '｝'
    )
}

/// Han or full-width punctuation: what makes a neighbour "Chinese".
pub fn is_chinese_side(run: Option<&Run>) -> bool {
    match run.map(|r| r.kind) {
        Some(Kind::Han) => true,
        Some(Kind::Punct(c)) => is_cjk_punct(c) && c != '·',
        _ => false,
    }
}

/// Index of the previous run in the paragraph that is not a space.
pub fn prev_solid(doc: &Document, p: &Paragraph, i: usize) -> Option<usize> {
    (p.runs.start..i).rev().find(|&j| doc.runs[j].kind != Kind::Space)
}

/// Index of the next run in the paragraph that is not a space.
pub fn next_solid(doc: &Document, p: &Paragraph, i: usize) -> Option<usize> {
    (i + 1..p.runs.end).find(|&j| doc.runs[j].kind != Kind::Space)
}

/// The run before `i` in the paragraph, if any.
pub fn prev_run<'d>(doc: &'d Document, p: &Paragraph, i: usize) -> Option<&'d Run> {
    (i > p.runs.start).then(|| &doc.runs[i - 1])
}

/// The run after `i` in the paragraph, if any.
pub fn next_run<'d>(doc: &'d Document, p: &Paragraph, i: usize) -> Option<&'d Run> {
    (i + 1 < p.runs.end).then(|| &doc.runs[i + 1])
}

/// A name for a mark that tells look-alikes apart in messages.
pub fn mark_name(c: char) -> String {
    let name = match c {
        '—' => "U+2014 一字线",
        '-' => "U+002D 英文连字符",
        '–' => "U+2013 短横",
        '―' => "U+2015 水平线",
        '─' => "U+2500 制表线",
        '－' => "U+FF0D 全角连字符",
        _ => return format!("“{c}”"),
    };
    format!("“{c}”（{name}）")
}

/// A `?` that is not a question mark but a character lost in an encoding conversion: it
/// follows a space, the start of the line, or a full-width mark (`。?此次`), or more
/// of them follow after a space (`简评? ? ?`).
pub fn is_lost_question(doc: &Document, p: &Paragraph, i: usize) -> bool {
    if doc.runs[i].mark() != Some('?') {
        return false;
    }
    // `简评? ? ?`: more question marks follow after a space.
    let followed = next_run(doc, p, i).is_some_and(|r| r.kind == Kind::Space)
        && next_solid(doc, p, i).is_some_and(|k| doc.runs[k].mark() == Some('?'));
    followed
        || match prev_run(doc, p, i).map(|r| r.kind) {
            None | Some(Kind::Space) => true,
            Some(Kind::Punct(c)) => {
                matches!(c, '。' | '，' | '、' | '；' | '：' | '！' | '？' | '…' | '）' | '】')
            }
            _ => false,
        }
}
