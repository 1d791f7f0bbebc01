//! space/*: spaces next to full-width punctuation, and spaces between Han characters —
//! in translated news most often where the name dot · of a foreign name belongs.

use super::common::is_cjk_punct;
use super::punct::name_between;
use super::Context;
use crate::diagnostic::{Applicability, Fix};
use crate::scan::Kind;

pub const AROUND_FULLWIDTH: &str = "space/around-fullwidth";
pub const BETWEEN_HAN: &str = "space/between-han";
pub const RULES: &[&str] = &[AROUND_FULLWIDTH, BETWEEN_HAN];

pub fn check(cx: &mut Context) {
    let doc = cx.doc;
    for p in &doc.paragraphs {
        let body = doc.trimmed_runs(p);
        if body.len() < 3 {
            continue;
        }
        // A headline (no sentence-final mark) separates its parts with spaces, also next
        // to quotation marks, brackets and the dash of a subtitle: 小客车被“挪车位” 车主很无辜,
        // 蓝色引领 创新发展 ——2017中国海洋经济博览会.
        let headline = !doc.runs[body.clone()].iter().any(|r| matches!(r.mark(), Some('。' | '！' | '？')));
        for i in body.start + 1..body.end - 1 {
            let r = doc.runs[i];
            if r.kind != Kind::Space {
                continue;
            }
            let (a, b) = (doc.runs[i - 1], doc.runs[i + 1]);
            let found = doc.slice(r.start, r.end);
            let shown = describe_space(found);
            // The spaces of ` - ` belong to dash/spaced-hyphen.
            let hyphen = a.is_mark('-') || b.is_mark('-');
            if hyphen || is_layout(found, &doc.text[p.start..r.start]) {
                continue;
            }
            if a.is_han() && b.is_han() {
                // Chinese headlines and bylines separate their parts with a space
                // (记者 张三 通讯员 李四); only a space inside a foreign name is reported.
                if r.chars == 1 && name_between(cx, p, i) {
                    if let Some(d) = cx.report(BETWEEN_HAN, r.start, r.end, "name", &[("space", &shown)]) {
                        d.fix = Some(Fix::replace(Applicability::Unsafe, r.start, r.end, "·"));
                    }
                }
                continue;
            }
            let mark = [a, b].iter().find_map(|x| x.mark().filter(|c| is_cjk_punct(*c)));
            let separator = headline
                && matches!(
                    (a.kind, b.kind),
                    (Kind::Punct('”' | '’' | '》' | '）' | '】'), Kind::Han)
                        | (Kind::Han, Kind::Punct('“' | '‘' | '《' | '（' | '【' | '—'))
                );
            if separator {
                continue;
            }
            if let Some(m) = mark {
                let m = m.to_string();
                if let Some(d) =
                    cx.report(AROUND_FULLWIDTH, r.start, r.end, "", &[("space", &shown), ("mark", &m)])
                {
                    d.fix = Some(Fix::replace(Applicability::Safe, r.start, r.end, ""));
                }
            }
        }
    }
}

/// Spaces that lay text out rather than separate words: the two full-width spaces that
/// indent a paragraph (often left inside a line when paragraphs were joined), and runs of
/// three or more spaces that align columns.
fn is_layout(space: &str, before: &str) -> bool {
    let n = space.chars().count();
    let ideographic = space.contains('\u{3000}');
    // A space after a sentence-final mark (and its closing quote) separates sentences
    // (paragraphs joined into one line leave it); it is a layout matter, not a spacing
    // error inside a sentence.
    let sentence_end = before.trim_end_matches(['”', '’', '）']).ends_with(['。', '！', '？']);
    n >= 3 || (ideographic && n >= 2) || sentence_end
}

/// Name the kind of space for the message: 空格, 全角空格, 不换行空格.
fn describe_space(s: &str) -> String {
    let kind = if s.contains('\u{3000}') {
        "全角空格"
    } else if s.contains('\u{a0}') {
        "不换行空格"
    } else if s.contains('\t') {
        "制表符"
    } else {
        "空格"
    };
    kind.to_string()
}
