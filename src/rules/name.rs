//! name/*: foreign names in translated copy — spaces where the name dot · belongs, the
//! dot after a Latin initial, Latin glosses in half-width brackets, and one name given
//! two renderings or two glosses in one document.
//!
//! Telling a name from two words that stand side by side uses what the document offers:
//! characters typical of transliteration (rules/words.toml), common given names, a Latin
//! gloss after the name whose word count matches its parts, and the same name written
//! elsewhere in the document with the dot or its surname standing alone.

use std::collections::{HashMap, HashSet};

use super::catalog::Catalog;
use super::common::{is_han, is_headline};
use super::Context;
use crate::diagnostic::{Applicability, Edit, Fix, Label};
use crate::document::{Document, Paragraph};
use crate::scan::{han, Kind, Run};

pub const SPACE: &str = "name/space";
pub const INITIAL: &str = "name/initial";
pub const GLOSS_BRACKETS: &str = "name/gloss-brackets";
pub const INCONSISTENT: &str = "name/inconsistent";
pub const RULES: &[&str] = &[SPACE, INITIAL, GLOSS_BRACKETS, INCONSISTENT];

/// How far (in runs) a bracket is looked for: glosses and credits are short, and a bound
/// keeps a line of 100,000 brackets linear.
const REACH: usize = 64;
/// The runs looked at on each side of a space for another name joined by a dot.
const NEAR: usize = 24;

/// The shortest surname looked for written alone elsewhere: two characters are too
/// often a common word (安全, 德国).
const ALONE_FROM: usize = han::NAME_RUN as usize;

/// What the whole document says about names, gathered in one pass so that judging each
/// space costs no search of the text.
pub struct Index<'a> {
    /// The two characters on each side of every name dot between Han: (杰夫, 弗莱).
    dotted: HashSet<(&'a str, &'a str), foldhash::fast::RandomState>,
    /// Every stretch of three or more transliteration characters that stands alone: not
    /// after a space, not inside a longer stretch (弗莱克 in 弗莱克说, not 金巴兰 in
    /// 金巴兰海滩). Shorter ones are never asked for (see `ALONE_FROM`).
    alone: HashSet<&'a str, foldhash::fast::RandomState>,
}

impl<'a> Index<'a> {
    pub fn of(doc: &Document<'a>, catalog: &Catalog) -> Index<'a> {
        let (mut dotted, mut alone) = (HashSet::default(), HashSet::default());
        for (i, r) in doc.runs.iter().enumerate() {
            let between_han =
                || i > 0 && i + 1 < doc.runs.len() && doc.runs[i - 1].is_han() && doc.runs[i + 1].is_han();
            if r.is_mark('·') && between_han() {
                let (before, after) = (doc.run_text(i - 1), doc.run_text(i + 1));
                let cut = before.char_indices().rev().nth(1).map_or(0, |(at, _)| at);
                let end = after.char_indices().nth(2).map_or(after.len(), |(at, _)| at);
                dotted.insert((&before[cut..], &after[..end]));
            }
            // Only the runs the scan saw hold enough transliteration characters in a row.
            if r.is_han()
                && r.han & han::TRANSLITERATION != 0
                && !(i > 0 && doc.runs[i - 1].kind == Kind::Space)
            {
                let text = doc.run_text(i);
                let (mut start, mut n) = (None, 0);
                for (at, c) in text.char_indices().chain([(text.len(), '\0')]) {
                    match (catalog.is_transliteration(c), start) {
                        (true, None) => (start, n) = (Some(at), 1),
                        (true, Some(_)) => n += 1,
                        (false, Some(s)) => {
                            if n >= ALONE_FROM {
                                alone.insert(&text[s..at]);
                            }
                            start = None;
                        }
                        _ => {}
                    }
                }
            }
        }
        Index { dotted, alone }
    }
}

pub fn check(cx: &mut Context) {
    let doc = cx.doc;
    // Technical writing glosses terms in half-width brackets throughout, as its house
    // style: (ODBC), (hostname). Only copy is held to the full-width form.
    let technical = cx.on(GLOSS_BRACKETS) && cx.register().technical;
    for p in &doc.paragraphs {
        if !doc.has_han(p) {
            continue;
        }
        if cx.on(SPACE) {
            spaces(cx, p);
        }
        if cx.on(INITIAL) {
            initials(cx, p);
        }
        if cx.on(GLOSS_BRACKETS) && !technical {
            gloss_brackets(cx, p);
        }
    }
    if cx.on(INCONSISTENT) {
        inconsistent(cx);
    }
}

/// The spaces that may stand for a name dot: one space, full-width space or no-break
/// space between two Han runs.
fn is_name_space(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let doc = cx.doc;
    if i <= p.runs.start || i + 1 >= p.runs.end {
        return false;
    }
    let r = doc.runs[i];
    r.kind == Kind::Space
        && r.chars == 1
        && matches!(doc.slice(r.start, r.end), " " | "\u{3000}" | "\u{a0}" | "\u{202f}")
        && doc.runs[i - 1].is_han()
        && doc.runs[i + 1].is_han()
}

/// Characters of `cs` typical of transliteration.
fn translit(cx: &Context, cs: &[char]) -> usize {
    cs.iter().filter(|c| cx.catalog.is_transliteration(**c)).count()
}

/// The Han text on each side of run `i` (a space, or a mark such as a dot): the part of a
/// name it may separate.
pub(crate) struct Sides {
    /// Characters before the space, nearest first.
    before: Vec<char>,
    /// Characters after the space, nearest first.
    after: Vec<char>,
}

impl Sides {
    /// The characters a name part can have on each side: more than any transliterated
    /// part holds, so that a long Han run is not read whole for every space beside it.
    const REACH: usize = 16;

    pub(crate) fn new(cx: &Context, i: usize) -> Sides {
        Sides::up_to(cx, i, Sides::REACH)
    }

    /// Only the `n` characters nearest to the run on each side.
    pub(crate) fn up_to(cx: &Context, i: usize, n: usize) -> Sides {
        Sides::between(cx, i - 1, i + 1, n)
    }

    /// The `n` characters of run `a` nearest to its end and of run `b` nearest to its start.
    fn between(cx: &Context, a: usize, b: usize, n: usize) -> Sides {
        let doc = cx.doc;
        let before = doc.run_text(a).chars().rev().take(n).collect();
        Sides { before, after: doc.run_text(b).chars().take(n).collect() }
    }

    /// Of the two characters nearest to the run on each side (a side of one character is
    /// too little to tell a name from a word): how many there are, and how many of them
    /// are typical of transliteration; before, then after.
    pub(crate) fn near(&self, cx: &Context) -> [(usize, usize); 2] {
        [&self.before, &self.after].map(|side| {
            let two = &side[..side.len().min(2)];
            (two.len(), translit(cx, two))
        })
    }

    /// `near` for run `i`, reading only the two characters on each side.
    pub(crate) fn near_of(cx: &Context, i: usize) -> [(usize, usize); 2] {
        Sides::up_to(cx, i, 2).near(cx)
    }

    /// The characters typical of transliteration next to the space on each side:
    /// the part of the name that can be told from the text.
    fn parts(&self, cx: &Context) -> (String, String) {
        let mut left: Vec<char> =
            self.before.iter().copied().take_while(|c| cx.catalog.is_transliteration(*c)).collect();
        left.reverse();
        let right: String =
            self.after.iter().copied().take_while(|c| cx.catalog.is_transliteration(*c)).collect();
        (left.into_iter().collect(), right)
    }
}

/// Whether Han runs `a` and `b`, with a mark or a spaced hyphen between them, end and
/// start like two parts of a transliterated name: two characters on each side, at least
/// three of the four typical of transliteration and one on each side (努尔?白克力,
/// 杰夫.弗莱克, 吉米 - 巴特勒), and none next to the gap that stands in no name (生活在金华?就爱,
/// 什么吗?奥斯卡).
pub(crate) fn parts_around(cx: &Context, a: usize, b: usize) -> bool {
    let s = Sides::between(cx, a, b, 2);
    let [(nb, tb), (na, ta)] = s.near(cx);
    let never = &cx.catalog.words.not_in_names;
    let touching = [s.before.first(), s.after.first()];
    nb == 2
        && na == 2
        && tb >= 1
        && ta >= 1
        && tb + ta >= 3
        && !touching.into_iter().flatten().any(|c| never.contains(*c))
}

/// Whether the text before a space ends in a title or an occupation (数学生物学家 雷顿·迪瓦洛克,
/// 总统 特朗普): the space separates a title from a name, not two parts of a name.
fn after_title(cx: &Context, s: &Sides) -> bool {
    let mut left: Vec<char> = s.before.iter().take(4).copied().collect();
    left.reverse();
    let left: String = left.into_iter().collect();
    cx.catalog.words.name_titles.iter().any(|t| left.ends_with(*t))
}

/// The number of Latin words in a gloss right after run `j` — `(Mateo Kovačić)` or
/// `（Kassym-Jomart Tokayev）` — if there is one.
fn gloss_words(cx: &Context, p: &Paragraph, j: usize) -> Option<usize> {
    let doc = cx.doc;
    let mut k = j + 1;
    if k < p.runs.end && doc.runs[k].kind == Kind::Space {
        k += 1;
    }
    let open = doc.runs.get(k).filter(|_| k < p.runs.end)?;
    if !(open.is_mark('(') || open.is_mark('（')) {
        return None;
    }
    let close = (k + 1..p.runs.end.min(k + 1 + REACH))
        .find(|&m| matches!(doc.runs[m].mark(), Some(')' | '）' | '(' | '（')))?;
    let inner = doc.slice(open.end, doc.runs[close].start);
    let words: Vec<&str> = inner.split_whitespace().collect();
    // Capitalised words (a name particle may be lower case: de, von, al-).
    let particle = |w: &str| cx.catalog.words.name_particles.contains(w);
    let latin = !words.is_empty()
        && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() && !is_han(c) || "-.'’".contains(c)))
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || particle(w));
    latin.then_some(words.len())
}

/// Where a space stands: in a headline or a list of spaced words (资阳 眉山 雅安 西昌),
/// where spaces separate phrases, only strong evidence makes it a name dot.
#[derive(Clone, Copy)]
struct Setting {
    /// The number of name parts the space's group joins.
    parts: usize,
    /// A headline (no sentence-final mark) or a list of three spaced words or more.
    loose: bool,
}

/// Whether the space sits in a byline or a credit line (记者 张三 李四, （杨华 卢森）):
/// Chinese names side by side, not the parts of one foreign name.
fn in_byline(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let doc = cx.doc;
    let r = doc.runs[i];
    let before: String = {
        let mut v: Vec<char> = doc.text[p.start..r.start].chars().rev().take(12).collect();
        v.reverse();
        v.into_iter().collect()
    };
    // A credit word followed by a space or a colon, and no sentence mark before the
    // space (记者 张三 李四, 摄影：王五 赵六); 作者汤玛斯 皮克提 is a sentence.
    // (By the separators, which few paragraphs hold before a space, then the words.)
    let credit = before.match_indices([' ', '\u{3000}', ':', '：', '/']).any(|(at, _)| {
        !before[at..].contains(['，', '。', '、', '；'])
            && cx.catalog.words.byline_words.iter().any(|w| before[..at].ends_with(*w))
    });
    if credit {
        return true;
    }
    // Inside brackets that hold nothing but Han and spaces and stand where credits do:
    // at the start or the end of the paragraph, or after a dateline (…电（杨华 卢森）).
    // Mid-sentence, such brackets gloss a name: 主席科克（鲍勃 科克）表示.
    let open = (p.runs.start.max(i.saturating_sub(REACH))..i)
        .rev()
        .find(|&k| matches!(doc.runs[k].mark(), Some('（' | '(' | '）' | ')')));
    let close = (i + 1..p.runs.end.min(i + 1 + REACH))
        .find(|&k| matches!(doc.runs[k].mark(), Some('（' | '(' | '）' | ')')));
    match (open, close) {
        (Some(o), Some(c)) if matches!(doc.runs[o].mark(), Some('（' | '(')) => {
            let only_names = doc.runs[o + 1..c].iter().all(|r| r.is_han() || r.kind == Kind::Space);
            let before = doc.text[p.start..doc.runs[o].start].trim_end();
            let after = doc.text[doc.runs[c].end..p.end].trim_start_matches(['。', ' ', '\u{3000}']);
            let placed = before.is_empty() || before.ends_with(['电', '讯', '道']) || after.trim().is_empty();
            only_names && placed
        }
        _ => false,
    }
}

/// Why a space between two Han runs stands for a name dot.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// The parts read as a transliterated name.
    Name,
    /// The same two parts are joined by a dot elsewhere in the document, but they read as no
    /// transliteration: a title or a slogan the document writes with a dot (`智慧延安·城市大脑`).
    Spelled,
}

/// How a space between two Han runs reads as a name dot.
fn name_evidence(cx: &Context, index: &Index, p: &Paragraph, i: usize, at: Setting) -> Option<Evidence> {
    let doc = cx.doc;
    let s = Sides::new(cx, i);
    if after_title(cx, &s) || in_byline(cx, p, i) {
        return None;
    }
    let near_before = &s.before[..s.before.len().min(2)];
    let near_after = &s.after[..s.after.len().min(2)];
    let (tb, ta) = (translit(cx, near_before), translit(cx, near_after));
    let near_left: String = near_before.iter().rev().collect();
    let near_right: String = near_after.iter().collect();
    // Strong evidence: a capitalised Latin gloss with as many words as the name has
    // parts, or the same two parts joined by a dot elsewhere in the document.
    let glossed = tb >= 1 && ta >= 1 && gloss_words(cx, p, i + 1).is_some_and(|n| n == at.parts + 1);
    if glossed {
        return Some(Evidence::Name);
    }
    if index.dotted.contains(&(near_left.as_str(), near_right.as_str())) {
        return Some(if tb >= 1 && ta >= 1 { Evidence::Name } else { Evidence::Spelled });
    }
    if at.loose || tb == 0 || ta == 0 || near_before.len() < 2 || near_after.len() < 2 {
        return None;
    }
    let before: String = s.before.iter().take(5).rev().collect();
    let given = |min: usize| {
        cx.catalog.words.given_names.iter().any(|g| before.ends_with(*g) && g.chars().count() >= min)
    };
    // All four characters typical of transliteration, or a long given name before the
    // space (伊丽莎白 亚历山德拉).
    if tb + ta == 4 || given(3) {
        return Some(Evidence::Name);
    }
    // Whether run `k` is a name dot: a dot between two Han runs of the paragraph.
    let dot = |k: usize| {
        k > p.runs.start
            && k + 1 < p.runs.end
            && doc.runs[k].is_mark('·')
            && doc.runs[k - 1].is_han()
            && doc.runs[k + 1].is_han()
    };
    // Three of the four, and one more sign: a name already joined by a dot on the left
    // (伊丽莎白·亚历山德拉 玛丽) or right, or a surname of three
    // characters or more standing alone elsewhere (弗莱克说; two-character ones repeat by
    // chance: 西安, 莉莉).
    let dotted_left = i >= p.runs.start + 2 && dot(i - 2);
    // … or on the right (马丁 路德·金).
    let dotted_right = dot(i + 2);
    let (_, right) = s.parts(cx);
    let surname_again = right.chars().count() >= ALONE_FROM && index.alone.contains(right.as_str());
    // … or another name joined by a dot close by, in the same list or sentence (主演：道恩
    // 强森 / 娜奥米·哈里斯; ceo大卫·卡恩……首席投资官祖尔 艾尔门).
    let dotted_near = || (i.saturating_sub(NEAR) + 1..i + NEAR - 1).any(|k| dot(k) && doc.runs[k].chars == 1);
    // A common given name before the space needs one more transliteration character
    // on each side (乔治 居维叶, 马丁 路德·金).
    let name = (tb + ta == 3 && (dotted_left || dotted_right || surname_again || dotted_near()))
        || (tb + ta >= 2 && given(2));
    name.then_some(Evidence::Name)
}

/// Whether space run `i` stands where a name dot belongs (for space/between-han, which
/// leaves those to name/space).
pub fn is_name_at(cx: &Context, index: &Index, p: &Paragraph, i: usize, loose: bool) -> bool {
    is_name_space(cx, p, i) && name_evidence(cx, index, p, i, Setting { parts: 1, loose }).is_some()
}

/// name/space: the spaces of one name, reported once with a dot for each.
fn spaces(cx: &mut Context, p: &Paragraph) {
    let doc = cx.doc;
    let single_space = |r: &Run| r.kind == Kind::Space && r.chars == 1;
    let candidates: Vec<usize> =
        doc.runs_where(p.runs.clone(), single_space).filter(|&i| is_name_space(cx, p, i)).collect();
    if candidates.is_empty() {
        return;
    }
    let index = &*cx.name_index();
    // Group spaces one Han part apart: 伊丽莎白 亚历山德拉 玛丽 is one name.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in &candidates {
        match groups.last_mut() {
            Some(g) if *g.last().expect("groups are never empty") + 2 == i => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    let loose = is_headline(cx.doc, p);
    for g in groups {
        // A name of several parts: every space must read as a dot, judged with the
        // whole name's part count for the gloss.
        let at = Setting { parts: g.len(), loose: loose || g.len() >= 3 };
        let judged: Vec<(usize, Evidence)> =
            g.iter().filter_map(|&i| Some((i, name_evidence(cx, index, p, i, at)?))).collect();
        let named: Vec<usize> = judged.iter().map(|&(i, _)| i).collect();
        let Some(&first) = named.first() else { continue };
        let spelled = judged.iter().all(|&(_, e)| e == Evidence::Spelled);
        let r = doc.runs[first];
        let shown = match doc.slice(r.start, r.end) {
            "\u{3000}" => "全角空格",
            " " => "空格",
            _ => "不换行空格",
        };
        let (left, right) = shown_parts(cx, first, *named.last().expect("not empty"));
        let mut name = left;
        for &i in &named {
            name.push(' ');
            if i != *named.last().expect("not empty") {
                name.push_str(doc.run_text(i + 1));
            }
        }
        name.push_str(&right);
        let edits: Vec<Edit> = named
            .iter()
            .map(|&i| Edit { start: doc.runs[i].start, end: doc.runs[i].end, replacement: "·".into() })
            .collect();
        let key = if spelled { "spelled" } else { "" };
        if let Some(d) = cx.report(SPACE, r.start, r.end, key, &[("space", shown), ("name", name.trim())]) {
            for &i in &named[1..] {
                d.labels.push(Label {
                    start: doc.runs[i].start,
                    end: doc.runs[i].end,
                    message: String::new(),
                });
            }
            d.fix = Some(Fix::new(Applicability::Unsafe, "改为间隔号“·”", edits));
        }
    }
}

/// The outer parts of a name for the message: the transliteration characters next to
/// the first and the last space, or the two characters there when fewer are.
fn shown_parts(cx: &Context, first: usize, last: usize) -> (String, String) {
    let (a, b) = (Sides::new(cx, first), Sides::new(cx, last));
    let (mut left, _) = a.parts(cx);
    let (_, mut right) = b.parts(cx);
    if left.chars().count() < 2 {
        left = a.before.iter().take(2).rev().collect();
    }
    if right.chars().count() < 2 {
        right = b.after.iter().take(2).collect();
    }
    (left, right)
}

/// name/initial: `J·K·罗琳` → `J. K. 罗琳`: a Latin initial takes a full stop, not the
/// name dot.
fn initials(cx: &mut Context, p: &Paragraph) {
    let doc = cx.doc;
    let dot = |r: &Run| matches!(r.mark(), Some('·' | '•' | '・' | '‧')) && r.chars == 1;
    let letter = |r: &Run| r.kind == Kind::Latin && r.chars == 1;
    let initial = |r: &Run| letter(r) && doc.text[r.start..].starts_with(char::is_uppercase);
    let mut i = p.runs.start;
    while i + 2 < p.runs.end {
        // (The next single letter first: a cheap test the walk over every run inlines.)
        let Some(next) = doc.runs_where(i..p.runs.end - 2, letter).next() else { break };
        i = next;
        let (a, b) = (doc.runs[i], doc.runs[i + 1]);
        let starts_word = i == p.runs.start || !doc.runs[i - 1].kind.is_letter();
        if !(starts_word && initial(&a) && dot(&b)) {
            i += 1;
            continue;
        }
        // The initials of one name and the name they belong to: J·K·罗琳.
        let mut dots = vec![i + 1];
        let mut k = i + 2;
        while k + 1 < p.runs.end && initial(&doc.runs[k]) && dot(&doc.runs[k + 1]) {
            dots.push(k + 1);
            k += 2;
        }
        let before_name = k < p.runs.end && doc.runs[k].is_han();
        if !before_name {
            i = k;
            continue;
        }
        let (s, e) = (doc.runs[dots[0]].start, doc.runs[*dots.last().expect("not empty")].end);
        let found = doc.slice(a.start, doc.runs[k].end);
        let fixed: String = {
            let mut out = String::new();
            for j in i..k {
                let r = doc.runs[j];
                out.push_str(if dot(&r) { ". " } else { doc.slice(r.start, r.end) });
            }
            out.push_str(doc.run_text(k));
            out
        };
        let found_short: String = found.chars().take(12).collect();
        let fixed_short: String = fixed.chars().take(14).collect();
        if let Some(d) = cx.report(INITIAL, s, e, "", &[("found", &found_short), ("fix", &fixed_short)]) {
            let edits = dots.iter().map(|&j| Edit {
                start: doc.runs[j].start,
                end: doc.runs[j].end,
                replacement: ". ".into(),
            });
            d.fix = Some(Fix::new(Applicability::Safe, "缩写字母后改为英文句点加空格", edits.collect()));
        }
        i = k;
    }
}

/// A Latin-only text between brackets: a gloss of a name or a term.
fn is_latin_gloss(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().any(|c| c.is_alphabetic())
        && s.chars().all(|c| c.is_alphanumeric() && !is_han(c) || " -.'’&,".contains(c))
}

/// name/gloss-brackets: `比约恩 (Thomas Bjorn) 表示` → `比约恩（Thomas Bjorn）表示`.
fn gloss_brackets(cx: &mut Context, p: &Paragraph) {
    let doc = cx.doc;
    for i in doc.runs_where(p.runs.clone(), |r| r.is_mark('(') && r.chars == 1) {
        let open = doc.runs[i];
        // Han before the bracket, with at most one space between.
        let mut s = i;
        if s > p.runs.start && doc.runs[s - 1].kind == Kind::Space && doc.runs[s - 1].chars == 1 {
            s -= 1;
        }
        if s == p.runs.start || !doc.runs[s - 1].is_han() {
            continue;
        }
        let Some(j) = (i + 1..p.runs.end.min(i + 1 + REACH))
            .find(|&j| matches!(doc.runs[j].mark(), Some(')' | '(' | '（' | '）')))
        else {
            continue;
        };
        let close = doc.runs[j];
        if !close.is_mark(')') || close.chars != 1 || !is_latin_gloss(doc.slice(open.end, close.start)) {
            continue;
        }
        if doc.chunk_at(i + 1).is_some_and(|c| c.is_code) {
            continue;
        }
        // After the bracket: Han or a Chinese mark (the sentence goes on), with at most
        // one space between, or the end of the paragraph.
        let mut e = j + 1;
        if e < p.runs.end && doc.runs[e].kind == Kind::Space && doc.runs[e].chars == 1 {
            e += 1;
        }
        let goes_on = e >= p.runs.end
            || doc.runs[e].is_han()
            || doc.runs[e].mark().is_some_and(super::common::is_cjk_punct);
        if !goes_on {
            continue;
        }
        let end = if e >= p.runs.end { close.end } else { doc.runs[e].start };
        let start = doc.runs[s].start;
        let gloss = doc.slice(open.end, close.start).trim();
        let shown: String = gloss.chars().take(30).collect();
        // One letter or a small roman numeral is a variable, a label or a list's number
        // (`年数 (n)`, `制表位 (T)`, `(ii) 直接列出的`) as often as a gloss: the message names
        // the brackets only.
        let letter = gloss.chars().count() == 1 || matches!(gloss, "ii" | "iii" | "iv" | "vi" | "vii");
        let key = if letter { "letter" } else { "" };
        if let Some(d) = cx.report(GLOSS_BRACKETS, open.start, open.end, key, &[("gloss", &shown)]) {
            d.labels.push(Label { start: close.start, end: close.end, message: String::new() });
            d.fix = Some(Fix::new(
                Applicability::Safe,
                "改为全角括号（），去掉括号外的空格",
                vec![
                    Edit { start, end: open.end, replacement: "（".into() },
                    Edit { start: close.start, end, replacement: "）".into() },
                ],
            ));
        }
    }
}

/// A Latin gloss and the Han text before it, where a rendering may end.
struct Glossed {
    gloss: String,
    /// Where the Han text before the gloss starts (a name joined by dots from its
    /// first part) and where it ends (at the bracket).
    text_start: usize,
    end: usize,
    /// Characters at the end of the text that are typical of transliteration (or all
    /// of a dotted name).
    translit: usize,
}

impl Glossed {
    /// The rendering: the last `n` characters of the text before the gloss.
    fn rendering<'a>(&self, text: &'a str, n: usize) -> (usize, &'a str) {
        let s = &text[self.text_start..self.end];
        let skip = s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(at, _)| at);
        (self.text_start + skip, &s[skip..])
    }
}

/// Every `译名（Latin）` in the document whose gloss is a capitalised name.
fn glossed_names(cx: &Context) -> Vec<Glossed> {
    let doc = cx.doc;
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        for i in doc.runs_where(p.runs.clone(), |r| r.is_mark('（') || r.is_mark('(')) {
            let r = doc.runs[i];
            if i == p.runs.start || !doc.runs[i - 1].is_han() {
                continue;
            }
            let Some(j) = (i + 1..p.runs.end.min(i + 1 + REACH))
                .find(|&j| matches!(doc.runs[j].mark(), Some(')' | '）' | '(' | '（')))
            else {
                continue;
            };
            if !matches!(doc.runs[j].mark(), Some(')' | '）')) {
                continue;
            }
            let gloss = doc.slice(r.end, doc.runs[j].start).trim();
            let capitalised = gloss.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
                && gloss.chars().any(char::is_lowercase);
            if !is_latin_gloss(gloss) || !capitalised {
                continue;
            }
            // A name joined by dots is whole from its first part; otherwise the
            // characters typical of transliteration at the end of the Han run.
            let mut k = i - 1;
            while k >= p.runs.start + 2
                && matches!(doc.runs[k - 1].mark(), Some('·' | '-'))
                && doc.runs[k - 2].is_han()
            {
                k -= 2;
            }
            let (text_start, end) = (doc.runs[k].start, doc.runs[i - 1].end);
            let text = doc.slice(text_start, end);
            let translit = if k < i - 1 {
                // The first part of a dotted name: its transliteration characters.
                let first = doc.run_text(k);
                let keep =
                    first.chars().rev().take_while(|c| cx.catalog.is_transliteration(*c)).count().max(1);
                text.chars().count() - first.chars().count() + keep
            } else {
                text.chars().rev().take_while(|c| cx.catalog.is_transliteration(*c)).count()
            };
            out.push(Glossed { gloss: gloss.to_string(), text_start, end, translit });
        }
    }
    out
}

fn gloss_key(g: &str) -> String {
    g.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether one gloss is the other's words in part (Tokayev, Kassym-Jomart Tokayev).
fn same_person(a: &str, b: &str) -> bool {
    let words =
        |s: &str| -> Vec<String> { s.split([' ', '-']).map(gloss_key).filter(|w| !w.is_empty()).collect() };
    let (wa, wb) = (words(a), words(b));
    wa.iter().all(|w| wb.contains(w)) || wb.iter().all(|w| wa.contains(w))
}

/// Whether one rendering is the other in part (托卡耶夫, 卡瑟姆-若马尔特·托卡耶夫).
fn same_rendering(a: &str, b: &str) -> bool {
    let parts = |s: &str| -> Vec<String> { s.split(['·', '-']).map(str::to_string).collect() };
    let (pa, pb) = (parts(a), parts(b));
    pa.iter().all(|w| pb.contains(w)) || pb.iter().all(|w| pa.contains(w))
}

/// name/inconsistent: one gloss with two renderings, one rendering with two glosses.
fn inconsistent(cx: &mut Context) {
    let text = cx.doc.text;
    let names = glossed_names(cx);
    // The first rendering of each gloss, and the first gloss of each rendering.
    let mut by_gloss: HashMap<String, (usize, usize, &str)> = HashMap::new();
    let mut by_rendering: HashMap<&str, (usize, usize, &str)> = HashMap::new();
    for g in &names {
        let key = gloss_key(&g.gloss);
        if let Some(&(fs, fe, first)) = by_gloss.get(&key) {
            // Compare as many characters as the first rendering has (托卡也夫 is not
            // all transliteration characters, and must still be compared).
            let (s, found) = g.rendering(text, first.chars().count());
            if !same_rendering(first, found) {
                let args = [("gloss", g.gloss.as_str()), ("first", first), ("found", found)];
                report_pair(cx, (s, g.end), (fs, fe), "rendering", &args);
            }
            continue;
        }
        if g.translit < 2 {
            continue;
        }
        let (s, rendering) = g.rendering(text, g.translit);
        by_gloss.insert(key, (s, g.end, rendering));
        match by_rendering.get(rendering) {
            Some(&(fs, fe, first)) if !same_person(first, &g.gloss) => {
                let args = [("name", rendering), ("first", first), ("found", g.gloss.as_str())];
                report_pair(cx, (s, g.end), (fs, fe), "gloss", &args);
            }
            Some(_) => {}
            None => {
                by_rendering.insert(rendering, (s, g.end, g.gloss.as_str()));
            }
        }
    }
}

fn report_pair(
    cx: &mut Context,
    (s, e): (usize, usize),
    (fs, fe): (usize, usize),
    key: &str,
    args: &[(&str, &str)],
) {
    if let Some(d) = cx.report(INCONSISTENT, s, e, key, args) {
        d.labels.push(Label { start: fs, end: fe, message: "前文的写法".into() });
    }
}

#[cfg(test)]
mod tests {
    /// A space where the document writes a dot elsewhere is reported either way; a name is
    /// called a foreign name only when its parts read as a transliteration.
    #[test]
    fn a_title_spelled_with_a_dot_elsewhere_is_no_foreign_name() {
        let text = "打造智慧延安·城市大脑的样本，杰夫·弗莱克出席。“智慧延安 城市大脑”欢迎你，杰夫 弗莱克说。";
        let messages = crate::rules::messages_of(super::SPACE, text);
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("别处用间隔号") && !messages[0].contains("外国人名"), "{}", messages[0]);
        assert!(messages[1].starts_with("外国人名“杰夫 弗莱克”"), "{}", messages[1]);
    }

    /// Brackets around one letter or a small roman numeral are named as brackets, not as a
    /// gloss of the original; a word in them is a gloss.
    #[test]
    fn a_letter_in_brackets_is_no_gloss() {
        let text = "包含资本 (C)、年数 (n) 和利率，三个类型是 (ii) 补集。比约恩 (Thomas Bjorn) 表示。";
        let messages = crate::rules::messages_of(super::GLOSS_BRACKETS, text);
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[..3].iter().all(|m| m.starts_with("中文行文里括号应为全角")), "{messages:?}");
        assert!(messages[3].starts_with("括注原文“Thomas Bjorn”"), "{}", messages[3]);
    }
}
