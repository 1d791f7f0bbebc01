//! pair/*: brackets and title marks — unmatched, opened full-width and closed
//! half-width, 《 nested directly in 《》, and pairs left empty after an edit.

use super::common::{ends_cut, escaped, wraps_to_close};
use super::Context;
use crate::diagnostic::{Applicability, Edit, Fix, Label};
use crate::document::Paragraph;
use crate::scan::{Kind, Run};

pub const UNBALANCED: &str = "pair/unbalanced";
pub const MIXED_WIDTH: &str = "pair/mixed-width";
pub const TITLE_NESTING: &str = "pair/title-nesting";
pub const EMPTY: &str = "pair/empty";
pub const RULES: &[&str] = &[UNBALANCED, MIXED_WIDTH, TITLE_NESTING, EMPTY];

/// Opening mark → closing mark.
const PAIRS: &[(char, char)] =
    &[('（', '）'), ('(', ')'), ('《', '》'), ('〈', '〉'), ('【', '】'), ('〔', '〕'), ('［', '］')];

/// How deep into the stack of open marks a closing mark looks for its partner.
const MAX_SEARCH: usize = 32;

fn closer_of(open: char) -> Option<char> {
    PAIRS.iter().find(|p| p.0 == open).map(|p| p.1)
}

fn opener_of(close: char) -> Option<char> {
    PAIRS.iter().find(|p| p.1 == close).map(|p| p.0)
}

/// Round brackets of either width match each other (reported as mixed width).
fn same_family(open: char, close: char) -> bool {
    closer_of(open) == Some(close) || matches!((open, close), ('（', ')') | ('(', '）'))
}

#[derive(Clone, Copy)]
struct Open {
    ch: char,
    at: usize,
}

/// 《…》 nested directly in a 《 that is still open: reported once the outer one closes
/// (an outer 《 never closed is the error, not the nesting).
struct Nested {
    outer: usize,
    start: usize,
    end: usize,
}

pub fn check(cx: &mut Context) {
    let doc = cx.doc;
    // Marks left open by a line wrapped inside a bracket, for the next line to close.
    let mut stack: Vec<Open> = Vec::new();
    let mut nested: Vec<Nested> = Vec::new();
    // (The marks of a pair and “, for pair/empty.)
    let paired = |r: &Run| r.mark().is_some_and(|m| m == '“' || PAIRS.iter().any(|&(o, c)| m == o || m == c));
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        for i in doc.runs_where(p.runs.clone(), paired) {
            let r = doc.runs[i];
            let Some(c) = r.mark() else { continue };
            if matches!(c, '(' | ')') && escaped(doc, &r) {
                continue;
            }
            if c == '“'
                && cx.on(EMPTY)
                && doc.runs.get(i + 1).is_some_and(|n| n.is_mark('”'))
                && !names_empty_string(&doc.text[doc.runs[i + 1].end..p.end])
                && !in_reversed(&doc.text[p.start..r.start], &doc.text[doc.runs[i + 1].end..p.end])
            {
                empty(cx, r.start, doc.runs[i + 1].end);
            }
            for k in 0..r.chars as usize {
                let at = r.start + k * c.len_utf8();
                if closer_of(c).is_some() {
                    stack.push(Open { ch: c, at });
                } else if opener_of(c).is_some() {
                    close(cx, p, &mut stack, &mut nested, at, c, i);
                }
            }
        }
        if stack.iter().any(|o| o.ch != '(')
            && wraps_to_close(doc, pi, |c| closer_of(c).is_some(), |c| opener_of(c).is_some())
        {
            continue;
        }
        // A line cut short cut the innermost bracket it left open (see `ends_cut`).
        if ends_cut(doc, p) && stack.last().is_some_and(|o| o.at >= p.start) {
            stack.pop();
        }
        for o in stack.drain(..) {
            stray(cx, o.at, o.ch, "unclosed");
        }
        nested.clear();
    }
}

/// A mark with no counterpart (`key`: unclosed, unopened). A half-width bracket alone
/// is not reported (`1)` numbers a list item).
fn stray(cx: &mut Context, at: usize, ch: char, key: &str) {
    if ch != '(' && ch != ')' {
        let m = ch.to_string();
        cx.report(UNBALANCED, at, at + ch.len_utf8(), key, &[("found", &m)]);
    }
}

fn close(
    cx: &mut Context,
    p: &Paragraph,
    stack: &mut Vec<Open>,
    nested: &mut Vec<Nested>,
    at: usize,
    c: char,
    run: usize,
) {
    // Look for the opening mark among the innermost few only: a closing mark whose
    // opening one is buried deeper is reported as unopened, and the cost stays linear.
    let floor = stack.len().saturating_sub(MAX_SEARCH);
    let Some(k) = stack[floor..].iter().rposition(|o| same_family(o.ch, c)).map(|k| k + floor) else {
        if !(matches!(c, '）' | '】') && is_list_number(cx, p, run) || separator(cx, c, run)) {
            stray(cx, at, c, "unopened");
        }
        return;
    };
    // Marks opened inside the pair and never closed.
    for o in stack.drain(k + 1..).collect::<Vec<_>>() {
        stray(cx, o.at, o.ch, "unclosed");
    }
    let o = stack.pop().expect("found above");
    let doc = cx.doc;
    let inner = doc.slice(o.at + o.ch.len_utf8(), at);
    // Nothing but a line break between: no pair wrapped over two lines, two stray marks.
    if inner.trim().is_empty() && inner.contains('\n') {
        stray(cx, o.at, o.ch, "unclosed");
        stray(cx, at, c, "unopened");
        return;
    }
    // `（ ）` with spaces inside is a blank to fill in (exam questions, forms).
    let blank = o.ch == '（' && !inner.is_empty();
    if inner.trim().is_empty() && o.ch != '(' && !blank {
        empty(cx, o.at, at + c.len_utf8());
        return;
    }
    if closer_of(o.ch) != Some(c) {
        // （…) or (…）: make the half-width one full-width.
        let (fix_at, fix_ch, to) = if o.ch == '（' { (at, c, "）") } else { (o.at, o.ch, "（") };
        let found = format!("{}…{}", o.ch, c);
        if let Some(d) =
            cx.report(MIXED_WIDTH, fix_at, fix_at + fix_ch.len_utf8(), "", &[("found", &found), ("fix", to)])
        {
            let (other, other_ch) = if fix_at == at { (o.at, o.ch) } else { (at, c) };
            d.labels.push(Label { start: other, end: other + other_ch.len_utf8(), message: String::new() });
            d.fix = Some(Fix::replace(Applicability::Safe, fix_at, fix_at + fix_ch.len_utf8(), to));
        }
    }
    if o.ch == '《' {
        let (mine, rest): (Vec<Nested>, Vec<Nested>) =
            std::mem::take(nested).into_iter().partition(|n| n.outer == o.at);
        *nested = rest;
        // A pair with a full stop before the title inside it is no title: a 《 left open long
        // before, closed by a stray 》 (`由《某规划设计团队，……。……《工程咨询》……》`); that 《
        // is the defect. (Read up to the first title inside only, so that each stretch of text
        // is read once however deep titles nest.)
        let first = mine.iter().map(|n| n.start).min();
        if first.is_some_and(|f| !doc.slice(o.at, f).contains('。')) {
            for n in mine {
                title_nesting(cx, n.start, n.end);
            }
        }
        if let Some(outer) = stack.last().filter(|x| x.ch == '《') {
            nested.push(Nested { outer: outer.at, start: o.at, end: at + c.len_utf8() });
        }
    }
}

fn title_nesting(cx: &mut Context, start: usize, end: usize) {
    let found = cx.doc.slice(start, end);
    if let Some(d) = cx.report(TITLE_NESTING, start, end, "", &[("found", found)]) {
        d.fix = Some(Fix::new(
            Applicability::Safe,
            "内层书名号改为〈〉",
            vec![
                Edit { start, end: start + '《'.len_utf8(), replacement: "〈".into() },
                Edit { start: end - '》'.len_utf8(), end, replacement: "〉".into() },
            ],
        ));
    }
}

/// Whether the text after empty quotation marks says they stand for the empty string
/// (`名字是“”(一个空串)`, `“” 表示空字符串`): the marks are the content.
fn names_empty_string(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '(', '（']);
    let rest = rest.strip_prefix("表示").or_else(|| rest.strip_prefix("即")).unwrap_or(rest);
    let rest = rest.strip_prefix("一个").unwrap_or(rest);
    ["空串", "空字符串", "空字串"].iter().any(|w| rest.starts_with(w))
}

/// Whether a ” stands a few words before `“”` and a “ a few after, no quotation mark
/// between (`出现了”至少“”保证“的`): the marks are the ends of two reversed pairs around the
/// words (quote/unbalanced reports them), not an empty pair (`“磁疗垫”、“”、“一种`).
fn in_reversed(before: &str, after: &str) -> bool {
    const NEAR: usize = 8;
    let words = |s: &mut dyn Iterator<Item = char>, quote: char| {
        let (mut han, mut found) = (false, false);
        for c in s.take(NEAR) {
            if matches!(c, '“' | '”') {
                found = c == quote;
                break;
            }
            han |= super::common::is_han(c);
        }
        found && han
    };
    words(&mut before.chars().rev(), '”') && words(&mut after.chars(), '“')
}

fn empty(cx: &mut Context, start: usize, end: usize) {
    let found = cx.doc.slice(start, end);
    if let Some(d) = cx.report(EMPTY, start, end, "", &[("found", found)]) {
        d.fix = Some(Fix::replace(Applicability::Unsafe, start, end, ""));
    }
}

/// A lone 〉 after a space: the separator of a page's path, a column's name before its
/// headline (`随手拍 连心桥 〉"僵尸车"长期占道`), as `>` would be.
fn separator(cx: &Context, c: char, run: usize) -> bool {
    c == '〉' && run > 0 && cx.doc.runs[run - 1].kind == Kind::Space
}

/// `1）`, `a)`, `三）` opening a list item: a closing bracket with no opening one.
fn is_list_number(cx: &Context, p: &Paragraph, run: usize) -> bool {
    let doc = cx.doc;
    if run == p.runs.start {
        return false;
    }
    let prev = doc.runs[run - 1];
    // `：）` is a smiley.
    if matches!(prev.kind, Kind::Punct('：' | ':')) {
        return true;
    }
    // A one- or two-digit number or a single letter: an item number wherever it stands
    // (`保险费6）餐食`).
    if matches!(prev.kind, Kind::Digit | Kind::FullwidthAlnum | Kind::Latin) && prev.chars <= 2 {
        return prev.kind != Kind::Latin || prev.chars == 1;
    }
    let numeral = prev.kind == Kind::Han
        && prev.chars <= 2
        && doc.slice(prev.start, prev.end).chars().all(|c| "一二三四五六七八九十".contains(c));
    if !numeral {
        return false;
    }
    let before = doc.text[p.start..prev.start].trim_end();
    before.is_empty() || before.ends_with(['。', '；', '：', '！', '？', ';', ':', '?', '!'])
}
