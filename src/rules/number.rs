//! number/*: numbers written the way GB/T 15835-2011 does not allow — Arabic digits with
//! 十/百/千, digits split by full-width marks or with a bare decimal point, and a short
//! hyphen in a range of dates or numbers.

use super::Context;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::document::Paragraph;
use crate::scan::Kind;

pub const HANZI_MIX: &str = "number/hanzi-mix";
pub const MALFORMED: &str = "number/malformed";
pub const RANGE_HYPHEN: &str = "number/range-hyphen";
pub const RULES: &[&str] = &[HANZI_MIX, MALFORMED, RANGE_HYPHEN];

pub fn check(cx: &mut Context) {
    let doc = cx.doc;
    for p in &doc.paragraphs {
        for i in doc.runs_where(p.runs.clone(), |r| r.kind == Kind::Digit) {
            if doc.chunk_at(i).is_some_and(|c| c.is_code) {
                continue;
            }
            hanzi_mix(cx, p, i);
            malformed(cx, p, i);
            range_hyphen(cx, p, i);
        }
    }
}

/// Units written with 千 or 百 as a prefix: 千克, 千米, 千瓦, 百分之.
const PREFIXED_UNITS: &[&str] =
    &["千克", "千米", "千瓦", "千赫", "千帕", "千焦", "千卡", "千字", "千伏", "百分"];

/// `3千万美元` → `3000万美元`; 万 and 亿 are fine with digits.
fn hanzi_mix(cx: &mut Context, p: &Paragraph, i: usize) {
    let doc = cx.doc;
    let Some(next) = (i + 1 < p.runs.end).then(|| doc.runs[i + 1]).filter(|r| r.is_han()) else {
        return;
    };
    let after = doc.slice(next.start, next.end);
    let Some(unit) = after.chars().next().filter(|c| matches!(c, '十' | '百' | '千')) else {
        return;
    };
    if PREFIXED_UNITS.iter().any(|u| after.starts_with(u)) {
        return;
    }
    // Four digits or more are a year or a count of their own, and the 十百千 after them
    // starts a word: `2018百里杜鹃`.
    if doc.runs[i].chars >= 4 {
        return;
    }
    // After dot leaders it is a page number in a table of contents, and the next entry
    // follows it: `……54十四、`.
    let leaders = i > p.runs.start && {
        let r = doc.runs[i - 1];
        matches!(r.mark(), Some('.' | '…' | '·' | '．')) && r.chars >= 3
    };
    if leaders {
        return;
    }
    // The number may have a decimal part: 3.5千万.
    let mut start = doc.runs[i].start;
    if i >= p.runs.start + 2 && doc.runs[i - 1].is_mark('.') && doc.runs[i - 2].kind == Kind::Digit {
        start = doc.runs[i - 2].start;
    }
    let end = next.start + unit.len_utf8();
    let number = doc.slice(start, doc.runs[i].end);
    let times = match unit {
        '十' => 10.0,
        '百' => 100.0,
        _ => 1000.0,
    };
    let found = doc.slice(start, end);
    let value = number.parse::<f64>().ok().map(|v| v * times).filter(|v| v.fract() == 0.0 && *v < 1e15);
    let fixed = value.map(|v| format!("{}", v as u64));
    let shown = fixed.clone().unwrap_or_else(|| "阿拉伯数字".to_string());
    if let Some(d) = cx.report(HANZI_MIX, start, end, "", &[("found", found), ("fix", &shown)]) {
        if let Some(f) = fixed {
            d.fix = Some(Fix::replace(Applicability::Unsafe, start, end, &f));
        }
    }
}

/// `1，234亿` → `1234亿`; `3．5亿` → `3.5亿`; `.5亿` → `0.5亿`.
fn malformed(cx: &mut Context, p: &Paragraph, i: usize) {
    let doc = cx.doc;
    let run = doc.runs[i];
    let get = |k: usize| (k < p.runs.end).then(|| doc.runs[k]);
    // A bare leading decimal point after Chinese text.
    if i > p.runs.start && doc.runs[i - 1].is_mark('.') && doc.runs[i - 1].chars == 1 {
        let before = (i >= p.runs.start + 2).then(|| doc.runs[i - 2]);
        // Before a date the `.` is a half-width full stop (`预拨到省.2014年后`).
        let date = get(i + 1).is_some_and(|a| doc.slice(a.start, a.end).starts_with(['年', '月', '日']));
        // Before a count it is one too (`座谈.30名群众`): punct/halfwidth's.
        let stop = super::common::stop_before_count(doc, p, i - 1);
        if before.is_some_and(|b| b.is_han()) && get(i + 1).is_some_and(|a| a.is_han()) && !date && !stop {
            let dot = doc.runs[i - 1];
            let found = doc.slice(dot.start, run.end);
            let fixed = format!("0{found}");
            if let Some(d) =
                cx.report(MALFORMED, dot.start, run.end, "leading", &[("found", found), ("fix", &fixed)])
            {
                d.fix = Some(Fix::replace(Applicability::Unsafe, dot.start, dot.end, "0."));
            }
        }
    }
    let (Some(mark), Some(tail)) = (get(i + 1), get(i + 2)) else { return };
    if tail.kind != Kind::Digit || mark.chars != 1 {
        return;
    }
    let unit_at = |k: usize| {
        get(k).is_some_and(|r| {
            r.is_han() && doc.slice(r.start, r.end).starts_with(['亿', '万', '元', '倍', '米', '吨', '人'])
                || r.is_mark('%')
        })
    };
    if mark.is_mark('，') {
        separators(cx, p, i, unit_at);
        return;
    }
    let unit_after = unit_at(i + 3);
    let (to, key, app) = match mark.mark() {
        // A decimal point written as a full-width full stop, or as 。 (which may also end
        // a sentence before one that starts with a number: confirm that one).
        Some('．') if unit_after => (".", "decimal", Applicability::Safe),
        Some('。') if unit_after => (".", "decimal", Applicability::Unsafe),
        _ => return,
    };
    let found = doc.slice(run.start, tail.end);
    let fixed = format!("{}{to}{}", doc.slice(run.start, run.end), doc.slice(tail.start, tail.end));
    if let Some(d) = cx.report(MALFORMED, run.start, tail.end, key, &[("found", found), ("fix", &fixed)]) {
        d.fix = Some(Fix::replace(app, mark.start, mark.end, to));
    }
}

/// Thousands separators written full-width: 1-3 digits, then groups of exactly 3 and a
/// unit (`1，234亿`, `11，860，959人`), the whole number reported once, from digit run `i`,
/// its first group.
fn separators(cx: &mut Context, p: &Paragraph, i: usize, unit_at: impl Fn(usize) -> bool) {
    let doc = cx.doc;
    let first = doc.runs[i];
    let group_before =
        i >= p.runs.start + 2 && doc.runs[i - 1].is_mark('，') && doc.runs[i - 2].is(Kind::Digit);
    if first.chars > 3 || group_before {
        return;
    }
    let (mut last, mut commas) = (i, Vec::new());
    while last + 2 < p.runs.end {
        let (mark, group) = (doc.runs[last + 1], doc.runs[last + 2]);
        if !(mark.is_mark('，') && mark.chars == 1 && group.is(Kind::Digit) && group.chars == 3) {
            break;
        }
        commas.push(Edit { start: mark.start, end: mark.end, replacement: String::new() });
        last += 2;
    }
    if commas.is_empty() || !unit_at(last + 1) {
        return;
    }
    let found = doc.slice(first.start, doc.runs[last].end);
    let fixed: String = found.chars().filter(|c| *c != '，').collect();
    if let Some(d) = cx.report(
        MALFORMED,
        first.start,
        doc.runs[last].end,
        "separator",
        &[("found", found), ("fix", &fixed)],
    ) {
        d.fix = Some(Fix::new(Applicability::Safe, "删除", commas));
    }
}

/// Characters that follow the second number of a date or number range.
const RANGE_UNITS: &str = "日月年时点号岁%万亿元人个天周届次期";

/// `5月10-12日` → `5月10—12日`. ISO dates, phone numbers and codes are left alone.
fn range_hyphen(cx: &mut Context, p: &Paragraph, i: usize) {
    let doc = cx.doc;
    let get = |k: usize| (k < p.runs.end).then(|| doc.runs[k]);
    let (Some(hyphen), Some(second), Some(unit)) = (get(i + 1), get(i + 2), get(i + 3)) else { return };
    let first = doc.runs[i];
    if !hyphen.is_mark('-') || hyphen.chars != 1 || second.kind != Kind::Digit {
        return;
    }
    let unit_ok = match unit.kind {
        Kind::Han => doc.slice(unit.start, unit.end).starts_with(|c: char| RANGE_UNITS.contains(c)),
        Kind::Punct('%') => true,
        _ => false,
    };
    // Chinese text before the first number, and the two numbers of like length (10-12,
    // 2019-2020).
    let han_before = i > p.runs.start && super::common::is_chinese_side(Some(&doc.runs[i - 1]));
    let like = first.chars <= 2 && second.chars <= 2 || first.chars == 4 && second.chars == 4;
    // A third number joined by a hyphen is a code or a phone number (010-1234-5678).
    let chained = get(i + 3).is_some_and(|r| r.is_mark('-'));
    if !(unit_ok && han_before && like) || chained {
        return;
    }
    let found = doc.slice(first.start, second.end);
    if let Some(d) = cx.report(RANGE_HYPHEN, hyphen.start, hyphen.end, "", &[("found", found)]) {
        d.fix = Some(Fix::replace(Applicability::Unsafe, hyphen.start, hyphen.end, "—"));
    }
}
