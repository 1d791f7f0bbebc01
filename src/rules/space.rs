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
        for i in body.start + 1..body.end - 1 {
            let r = doc.runs[i];
            if r.kind != Kind::Space {
                continue;
            }
            let (a, b) = (doc.runs[i - 1], doc.runs[i + 1]);
            let found = doc.slice(r.start, r.end);
            let shown = describe_space(found);
            if a.is_han() && b.is_han() {
                let name = name_between(cx, p, i);
                let (key, to) = if name { ("name", "·") } else { ("", "") };
                if let Some(d) = cx.report(BETWEEN_HAN, r.start, r.end, key, &[("space", &shown)]) {
                    d.fix = Some(Fix::replace(Applicability::Unsafe, r.start, r.end, to));
                }
                continue;
            }
            let mark = [a, b].iter().find_map(|x| x.mark().filter(|c| is_cjk_punct(*c)));
            if let Some(m) = mark {
                let m = m.to_string();
                if let Some(d) = cx.report(AROUND_FULLWIDTH, r.start, r.end, "", &[("space", &shown), ("mark", &m)]) {
                    d.fix = Some(Fix::replace(Applicability::Safe, r.start, r.end, ""));
                }
            }
        }
    }
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
