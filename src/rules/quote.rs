//! quote/*: direct speech marked with dashes in the Russian manner, the nesting and
//! balance of “” and ‘’, and quotation marks of other typographies.
//!
//! Quotation marks are matched over the whole document so that a quotation running over
//! several paragraphs — each paragraph opened with “, only the last one closed — is
//! recognised as the correct Chinese form it is.

use std::collections::{HashMap, HashSet};

use super::common::{
    ends_cut, in_formula, is_han, last_chars, mark_name, next_solid, prev_solid, wraps_to_close,
};
use super::Context;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::document::{Document, Paragraph};
use crate::scan::{Kind, Run};

pub const DASH_SPEECH: &str = "quote/dash-speech";
pub const NESTING: &str = "quote/nesting";
pub const UNBALANCED: &str = "quote/unbalanced";
pub const FOREIGN_STYLE: &str = "quote/foreign-style";
pub const CORNER: &str = "quote/corner-brackets";
pub const RULES: &[&str] = &[DASH_SPEECH, NESTING, UNBALANCED, FOREIGN_STYLE, CORNER];

pub fn check(cx: &mut Context) {
    let doc = cx.doc;
    if cx.on(DASH_SPEECH) {
        for p in &doc.paragraphs {
            if let Some(s) = speech(cx, p) {
                report_speech(cx, p, &s);
            }
        }
    }
    let claimed = foreign_marks(cx);
    if cx.on(NESTING) || cx.on(UNBALANCED) {
        balance(cx, &claimed);
    }
}

// ---------------------------------------------------------------------------------------
// Dash-marked speech

const DASHES: [char; 5] = ['—', '-', '–', '―', '－'];

/// The markers of dash-marked direct speech in one paragraph.
pub struct Speech {
    /// Run index of a dash opening the paragraph.
    pub open: Option<usize>,
    pub close: Option<Attribution>,
}

/// `，-托卡耶夫说`: the mark before the dash, the dash, the speaker and the verb.
pub struct Attribution {
    /// Run index of the punctuation before the dash, if any.
    pub punct: Option<usize>,
    /// Run index of the dash.
    pub dash: usize,
    /// Bytes of speaker + verb (`托卡耶夫说`).
    pub who: (usize, usize),
}

fn is_dash_run(doc: &Document, i: usize) -> Option<char> {
    let r = &doc.runs[i];
    match r.kind {
        Kind::Punct(c) if DASHES.contains(&c) && r.chars <= 2 => Some(c),
        _ => None,
    }
}

/// Find the dash-speech markers of a paragraph; `None` when it has neither.
pub fn speech(cx: &Context, p: &Paragraph) -> Option<Speech> {
    let doc = cx.doc;
    let runs = doc.trimmed_runs(p);
    if runs.is_empty() {
        return None;
    }
    let mut open = None;
    // A single — – ― opening the paragraph marks speech on its own; `——` and `-` also
    // open list items, so they count only with a closing attribution.
    let mut open_strong = false;
    if let Some(c) = is_dash_run(doc, runs.start) {
        let next = next_solid(doc, p, runs.start).map(|k| doc.runs[k].kind);
        if matches!(next, Some(Kind::Han) | Some(Kind::Punct('“'))) {
            open = Some(runs.start);
            open_strong = doc.runs[runs.start].chars == 1 && matches!(c, '—' | '–' | '―');
        }
    }
    // (Dash runs first: this runs for every run of the text.)
    let dash = |r: &Run| matches!(r.kind, Kind::Punct(c) if DASHES.contains(&c));
    let close = doc.runs_where(runs.start + 1..runs.end, dash).find_map(|i| attribution(cx, p, i));
    if open.is_none() && close.is_none() {
        return None;
    }
    if close.is_none() && !(open_strong && looks_like_speech(doc, p)) {
        return None;
    }
    Some(Speech { open, close })
}

/// A paragraph opened by a single dash reads as speech when it is a full sentence:
/// enough Han, ending with a sentence-final mark (list items end with ；or nothing).
fn looks_like_speech(doc: &Document, p: &Paragraph) -> bool {
    let runs = doc.trimmed_runs(p);
    let han: usize = doc.runs[runs.clone()].iter().filter(|r| r.is_han()).map(|r| r.chars as usize).sum();
    let last = doc.runs[runs.end - 1].mark();
    han >= 8 && matches!(last, Some('。' | '！' | '？' | '…' | '”'))
}

fn attribution(cx: &Context, p: &Paragraph, i: usize) -> Option<Attribution> {
    let doc = cx.doc;
    is_dash_run(doc, i)?;
    let before = prev_solid(doc, p, i)?;
    let spaced_before = doc.runs[i - 1].kind == Kind::Space;
    let punct = match doc.runs[before].kind {
        Kind::Punct('，' | ',' | '。' | '.' | '！' | '!' | '？' | '?' | '…' | '”') => Some(before),
        // `合作 - 他说`: a spaced single dash after the speech, no comma.
        Kind::Han | Kind::Latin if spaced_before && doc.runs[i].chars == 1 => None,
        _ => return None,
    };
    // Speaker and verb: Han (and name dots) up to the next mark.
    let first = next_solid(doc, p, i)?;
    let mut j = first;
    while j < p.runs.end && matches!(doc.runs[j].kind, Kind::Han | Kind::Punct('·')) {
        j += 1;
    }
    if j == first || !doc.runs[first].is_han() {
        return None;
    }
    let (start, end) = (doc.runs[first].start, doc.runs[j - 1].end);
    let who = doc.slice(start, end);
    if who.chars().count() > 25 {
        return None;
    }
    // The attribution closes the speech: the paragraph or the sentence ends after it, or
    // a comma leads on to more speech — not a colon or a quotation mark opening speech.
    let rest = doc.text[end..p.end].trim_start_matches([' ', '\u{3000}']);
    // Without a comma before the dash, the attribution must end the sentence: in
    // `小女孩 - 孩子奶奶指出，坐校车时……` the dash only joins two clauses.
    let ends_ok = rest.is_empty()
        || rest.starts_with(['。', '.', '！', '!', '；'])
        || (punct.is_some()
            && rest.starts_with(['，', ','])
            && !rest[rest.chars().next().map_or(0, char::len_utf8)..]
                .trim_start()
                .starts_with(['“', '"', '—', '-']));
    let verbs = &cx.catalog.words.speech_verbs;
    // The longest verb at the end, with a speaker before it that is not a verb itself.
    let verb = verbs.iter().filter(|v| who.ends_with(**v)).max_by_key(|v| v.len());
    let nouns = &cx.catalog.words.speech_verb_nouns;
    let speaker_ok = verb.is_some_and(|v| {
        let speaker = &who[..who.len() - v.len()];
        !speaker.is_empty() && !verbs.contains(&speaker)
    }) && !nouns.iter().any(|n| who.ends_with(*n));
    (ends_ok && speaker_ok).then_some(Attribution { punct, dash: i, who: (start, end) })
}

fn report_speech(cx: &mut Context, p: &Paragraph, s: &Speech) {
    let doc = cx.doc;
    let open_mark = s.open.map(|i| doc.run_text(i));
    let close_mark = s.close.as_ref().map(|a| doc.run_text(a.dash));
    let name = |m: &str| {
        let c = m.chars().next().unwrap_or('-');
        if m.chars().count() == 2 && c == '—' {
            "“——”".to_string()
        } else {
            mark_name(c)
        }
    };
    let mut edits = Vec::new();
    let body = doc.trimmed_runs(p);
    // Opening: the dash (and the space after it) becomes “.
    if let Some(i) = s.open {
        let end = if doc.runs[i + 1].kind == Kind::Space { doc.runs[i + 1].end } else { doc.runs[i].end };
        edits.push(Edit { start: doc.runs[i].start, end, replacement: "“".into() });
    }
    let d = match (&s.close, open_mark) {
        (Some(a), open) => {
            // Closing: `，-` (with any spaces) becomes `。”`; ！？… stay inside the quote.
            let from = a.punct.map_or(doc.runs[a.dash].start, |k| doc.runs[k].start);
            let to = doc.runs[a.dash + 1..]
                .iter()
                .find(|r| r.kind != Kind::Space)
                .map_or(doc.runs[a.dash].end, |r| r.start);
            let keep = a
                .punct
                .and_then(|k| doc.runs[k].mark())
                .filter(|c| matches!(c, '！' | '？' | '…' | '!' | '?'));
            let end_mark = match keep {
                Some('!') => "！".to_string(),
                Some('?') => "？".to_string(),
                Some('…') => "……".to_string(),
                Some(c) => c.to_string(),
                None => "。".to_string(),
            };
            edits.push(Edit { start: from, end: to, replacement: format!("{end_mark}”") });
            let close_m = close_mark.unwrap_or("-");
            let who = doc.slice(a.who.0, a.who.1);
            let (ms, me) =
                (a.punct.map_or(doc.runs[a.dash].start, |k| doc.runs[k].start), doc.runs[a.dash].end);
            let close_desc = doc.slice(ms, me);
            match open {
                Some(o) => {
                    let mismatch = if o.chars().next() != close_m.chars().next() {
                        cx.msg(DASH_SPEECH, "mismatch", &[("open", &name(o)), ("close", &name(close_m))])
                    } else {
                        String::new()
                    };
                    let i = s.open.unwrap_or(body.start);
                    let msg = cx.msg(
                        DASH_SPEECH,
                        "",
                        &[("open", o), ("close", close_desc), ("who", who), ("mismatch", &mismatch)],
                    );
                    Diagnostic::new(DASH_SPEECH, doc.runs[i].start, doc.runs[i].end, msg).with_label(
                        ms,
                        me,
                        cx.msg(DASH_SPEECH, "close-label", &[("who", who)]),
                    )
                }
                None => {
                    // Where the quotation starts is not marked, so there is no fix to offer.
                    let msg = cx.msg(DASH_SPEECH, "close", &[("close", close_desc), ("who", who)]);
                    cx.push(Diagnostic::new(DASH_SPEECH, ms, me, msg));
                    return;
                }
            }
        }
        (None, Some(o)) => {
            let i = s.open.unwrap_or(body.start);
            let end = doc.runs[body.end - 1].end;
            edits.push(Edit { start: end, end, replacement: "”".into() });
            let msg = cx.msg(DASH_SPEECH, "open", &[("open", o)]);
            Diagnostic::new(DASH_SPEECH, doc.runs[i].start, doc.runs[i].end, msg)
        }
        (None, None) => return,
    };
    let fix = Fix::new(Applicability::Unsafe, "改用引号标示直接引语", edits);
    cx.push(d.with_fix(fix));
}

// ---------------------------------------------------------------------------------------
// Quotation marks of other typographies

/// The quotation marks of every typography: «», „‚, “‘”’, straight quotes, 「」『』, 〝〞〟.
fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '«' | '»'
            | '„'
            | '‚'
            | '“'
            | '‘'
            | '”'
            | '’'
            | '"'
            | '\''
            | '「'
            | '」'
            | '『'
            | '』'
            | '〝'
            | '〞'
            | '〟'
    )
}

/// Report «», „“, straight quotes and 「」『』; return the byte offsets of the marks they
/// claimed, which the balance check then leaves alone.
fn foreign_marks(cx: &mut Context) -> HashSet<usize> {
    let doc = cx.doc;
    let mut claimed = HashSet::new();
    for p in &doc.paragraphs {
        let marks: Vec<(usize, char)> = doc.runs[p.runs.clone()]
            .iter()
            .filter_map(|r| r.mark().filter(|&c| is_quote_mark(c)).map(|c| (r, c)))
            .flat_map(|(r, c)| (0..r.chars as usize).map(move |k| (r.start + k * c.len_utf8(), c)))
            .collect();
        if marks.is_empty() {
            continue;
        }
        guillemets(cx, &marks, &mut claimed);
        low_nine(cx, &marks, &mut claimed);
        double_primes(cx, &marks, &mut claimed);
        corner(cx, &marks);
        straight(cx, p, &marks, '"');
        straight(cx, p, &marks, '\'');
    }
    claimed
}

fn pair_report(
    cx: &mut Context,
    id: &'static str,
    open: (usize, char),
    close: Option<(usize, char)>,
    to: (&str, &str),
) {
    let (o, oc) = open;
    let found = match close {
        Some((_, cc)) => format!("{oc}…{cc}"),
        None => oc.to_string(),
    };
    // A lone mark becomes the one it stands for; a pair, the pair.
    let want = match close {
        Some(_) => format!("{}…{}", to.0, to.1),
        None if matches!(oc, '「' | '『' | '«' | '‹' | '„' | '‚' | '〝') => to.0.to_string(),
        None => to.1.to_string(),
    };
    let Some(d) = cx.report(id, o, o + oc.len_utf8(), "", &[("found", &found), ("fix", &want)]) else {
        return;
    };
    if let Some((c, cc)) = close {
        d.labels.push(crate::diagnostic::Label { start: c, end: c + cc.len_utf8(), message: String::new() });
        d.fix = Some(Fix::new(
            Applicability::Safe,
            format!("改为{want}"),
            vec![
                Edit { start: o, end: o + oc.len_utf8(), replacement: to.0.into() },
                Edit { start: c, end: c + cc.len_utf8(), replacement: to.1.into() },
            ],
        ));
    }
}

fn guillemets(cx: &mut Context, marks: &[(usize, char)], claimed: &mut HashSet<usize>) {
    let mut open: Option<(usize, char)> = None;
    for &(at, c) in marks {
        match c {
            '«' => {
                if let Some(o) = open.replace((at, c)) {
                    pair_report(cx, FOREIGN_STYLE, o, None, ("“", "”"));
                }
                claimed.insert(at);
            }
            '»' => {
                claimed.insert(at);
                // A `»` that closes nothing separates (a breadcrumb's `论坛 » 论坛主版`, a
                // link's `更多»`): no quotation mark.
                if let Some(o) = open.take() {
                    pair_report(cx, FOREIGN_STYLE, o, Some((at, c)), ("“", "”"));
                }
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        pair_report(cx, FOREIGN_STYLE, o, None, ("“", "”"));
    }
}

/// „…“ and „…” (German, Russian, Polish), ‚…‘.
fn low_nine(cx: &mut Context, marks: &[(usize, char)], claimed: &mut HashSet<usize>) {
    for (k, &(at, c)) in marks.iter().enumerate() {
        let (closers, to) = match c {
            '„' => ("“”", ("“", "”")),
            '‚' => ("‘’", ("‘", "’")),
            _ => continue,
        };
        claimed.insert(at);
        let close = marks[k + 1..]
            .iter()
            .find(|(_, m)| closers.contains(*m) || *m == c)
            .filter(|(_, m)| *m != c)
            .copied();
        if let Some((ca, _)) = close {
            claimed.insert(ca);
        }
        pair_report(cx, FOREIGN_STYLE, (at, c), close, to);
    }
}

/// 〝…〞 and 〝…〟, the quotation marks of some fonts and input methods, for “…”, and
/// 〞…〞 written like straight quotes (found in a man page). A pair is claimed; a mark
/// alone is reported and left to the balance check, which reads it as the mark it stands
/// for (`“怎么不买双鞋啊？〞` is a quotation closed with the wrong mark, not one left open).
/// A 〞 after a digit is a seconds sign (`28°51′18〞`), not a quote.
fn double_primes(cx: &mut Context, marks: &[(usize, char)], claimed: &mut HashSet<usize>) {
    let to = ("“", "”");
    // The 〝 open, or a 〞 alone waiting for a second one.
    let mut open: Option<(usize, char)> = None;
    for &(at, c) in marks {
        match c {
            '〝' => {
                if let Some(o) = open.replace((at, c)) {
                    pair_report(cx, FOREIGN_STYLE, o, None, to);
                }
            }
            '〞' | '〟' if open.is_none() && cx.doc.text[..at].ends_with(|d: char| d.is_ascii_digit()) => {
                claimed.insert(at);
            }
            '〞' | '〟' => match open.take() {
                Some(o) => {
                    claimed.extend([o.0, at]);
                    pair_report(cx, FOREIGN_STYLE, o, Some((at, c)), to);
                }
                None => open = Some((at, c)),
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        pair_report(cx, FOREIGN_STYLE, o, None, to);
    }
}

fn corner(cx: &mut Context, marks: &[(usize, char)]) {
    // 『』 stand for ‘’ inside a quotation and for “” at the outer level, where they are
    // used alone (本文出自『玉溪高古楼』): how many quotations are open before each mark.
    let depth: Vec<i32> = marks
        .iter()
        .scan(0, |d, (_, c)| {
            let before = *d;
            *d += match c {
                '「' | '“' => 1,
                '」' | '”' => -1,
                _ => 0,
            };
            Some(before)
        })
        .collect();
    for (open, close) in [('「', '」'), ('『', '』')] {
        let to = |k: usize| if open == '「' || depth[k] <= 0 { ("“", "”") } else { ("‘", "’") };
        let mut pending: Option<(usize, (usize, char))> = None;
        for (k, &(at, c)) in marks.iter().enumerate() {
            if c == open {
                if let Some((j, o)) = pending.replace((k, (at, c))) {
                    pair_report(cx, CORNER, o, None, to(j));
                }
            } else if c == close {
                match pending.take() {
                    Some((j, o)) => pair_report(cx, CORNER, o, Some((at, c)), to(j)),
                    None => pair_report(cx, CORNER, (at, c), None, to(k)),
                }
            }
        }
        if let Some((j, o)) = pending {
            pair_report(cx, CORNER, o, None, to(j));
        }
    }
}

/// Straight quotes around or next to Chinese text. Inches (5'6"), apostrophes and
/// quotes inside code and Latin text are left alone.
fn straight(cx: &mut Context, p: &Paragraph, marks: &[(usize, char)], q: char) {
    let doc = cx.doc;
    let text = doc.text;
    let prev_char = |at: usize| text[p.start..at].chars().next_back();
    let next_char = |at: usize| text[at + 1..p.end].chars().next();
    let is_latin = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_han(c));
    // The `x' quotes of older manuals: a ' after a backtick left open (an odd number of
    // them, as code's `x` pairs its own) closes the backtick's quote.
    let (mut seen, mut backtick) = (p.start, false);
    let mut closes_backtick = |at: usize| {
        backtick ^= memchr::memchr_iter(b'`', &text.as_bytes()[seen..at]).count() % 2 == 1;
        seen = at;
        std::mem::take(&mut backtick)
    };
    // Whether an odd number of the paragraph's quotes comes before a quote, the last of
    // them at most 40 bytes before it: the quote may close that one.
    let (mut odd, mut last) = (false, None);
    let positions: Vec<(usize, bool)> = marks
        .iter()
        .filter(|&&(_, c)| c == q)
        .map(|&(at, _)| {
            let closes_near = odd && last.is_some_and(|o| at - o <= 40);
            (odd, last) = (!odd, Some(at));
            (at, closes_near)
        })
        .filter(|&(at, _)| q != '\'' || !closes_backtick(at))
        .filter(|&(at, closes_near)| {
            // After a digit, an inch or foot mark (5'6"), unless it closes a quote opened a
            // few characters before (`尺寸是"27"`, `用 ":set uc=0"`).
            let inch = prev_char(at).is_some_and(|c| c.is_ascii_digit()) && !closes_near;
            let apostrophe = q == '\'' && is_latin(prev_char(at)) && is_latin(next_char(at));
            // A run of straight quotes ("""") opens and closes nothing: no pairing is
            // right, and pairing them one by one never ends (found by fuzzing).
            let run = prev_char(at) == Some(q) || next_char(at) == Some(q);
            // In a document with computing signs a quote escaped by a backslash is code's:
            // a troff comment (`.\" 下面的命令`), a string's quote (`"say \"hi\""`).
            let escaped = q == '"' && prev_char(at) == Some('\\') && cx.register().computing;
            !inch && !apostrophe && !run && !escaped
        })
        .map(|(at, _)| (at, in_code(doc, p, at)))
        .collect();
    let chinese = |c: Option<char>| c.is_some_and(|c| is_han(c) || super::common::is_cjk_punct(c));
    // Depth of “” and of code's braces at each straight quote, counted as the quotes are
    // visited; what holds for the whole line, worked out once when first asked.
    let (mut cursor, mut depth, mut braces) = (p.start, 0, 0);
    let (mut last_close, mut english) = (None, None);
    let mut k = 0;
    while k + 1 < positions.len() {
        let ((a, a_code), (b, b_code)) = (positions[k], positions[k + 1]);
        // A quote in a URL or other code pairs with its partner there (`'%/%R%# '`), and
        // the pair is code's.
        if a_code || b_code {
            k += 2;
            continue;
        }
        depth += open_doubles(&text[cursor..a]);
        braces += brace_balance(&text[cursor..a]);
        cursor = a;
        let inner = &text[a + 1..b];
        let has_han = inner.chars().any(is_han);
        let outer_cn = chinese(prev_char(a)) || chinese(next_char(b));
        let ok_shape = q == '"' || (!is_latin(prev_char(a)) && !is_latin(next_char(b)));
        // The quotes of a formula's text argument: `IF(A1>3;"红色";"绿色")`, `length('骆驼')`.
        // One whose partner is missing (`LEFT("中国;1) 返回 "中"`) pairs with none outside.
        // (A quote whose partner would be a formula's pairs with none either.)
        let formula = in_formula(doc, p, a);
        let b_formula = in_formula(doc, p, b);
        if formula && b_formula {
            k += 2;
        } else if formula || b_formula {
            k += 1;
        } else if ok_shape && (has_han || (q == '"' && outer_cn)) {
            let to = if q == '\'' && depth > 0 { ("‘", "’") } else { ("“", "”") };
            // Code's strings: inside braces opened before the pair and closed after it
            // (`{command "&New" {} "建立一个新文档"}`, `p{font-family: "微软雅黑"}`). Or an
            // English line's own quotes around Chinese strings.
            let close = *last_close.get_or_insert_with(|| last_brace_close(&text[p.start..p.end]) + p.start);
            // Writing with computing signs quotes what to type in straight quotes (`加上 "--"。`,
            // `区域是 "$Sheet1.$B$3:$B$14"`): a literal, not a quotation, unless Chinese
            // stands inside.
            // So is what stands in corner brackets, a literal already (`输入「"Total for "@」`).
            // An option with a placeholder named in Chinese is one too (`"-s[字符]"`).
            let option = inner
                .strip_prefix('-')
                .is_some_and(|o| o.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-'));
            let literal = (!has_han || option) && (cx.register().computing || prev_char(a) == Some('「'));
            let own = literal
                || (braces > 0 && close > b)
                || (q == '"' && *english.get_or_insert_with(|| english_around_quotes(&text[p.start..p.end])));
            if !own {
                pair_report(cx, FOREIGN_STYLE, (a, q), Some((b, q)), to);
            }
            k += 2;
        } else if !has_han
            && (inner.bytes().any(|c| c.is_ascii_graphic()) || quoted_space(inner, cx))
            && !inner.chars().any(super::common::is_cjk_punct)
        {
            // Quotes around English or code (`":help"`, `"on error"`) or, in a document
            // with computing signs, around a space to type (`双引号 (" ")`): a pair of their
            // own, not the opening of the next one (as a closing and an opening quote around
            // Chinese marks, `"。"`, are).
            k += 2;
        } else {
            k += 1;
        }
    }
}

/// Whether `inner`, between two straight quotes, is a space or a few to type: in a document
/// with computing signs (in copy, quotes around nothing but spaces are a quotation whose
/// words were lost).
fn quoted_space(inner: &str, cx: &Context) -> bool {
    !inner.is_empty() && inner.len() <= 3 && inner.trim().is_empty() && cx.register().computing
}

/// Whether the brace at byte `k` of `bytes` is code's (a Tcl list's, a CSS rule's, a formula
/// editor's): not one of the `T{ … T}` around a text block of a manual page's table, which
/// holds prose.
fn code_brace(bytes: &[u8], k: usize) -> bool {
    k == 0 || bytes[k - 1] != b'T'
}

/// The code braces `{` opened minus those closed in `s`.
fn brace_balance(s: &str) -> i32 {
    let bytes = s.as_bytes();
    memchr::memchr2_iter(b'{', b'}', bytes)
        .filter(|&k| code_brace(bytes, k))
        .map(|k| if bytes[k] == b'{' { 1 } else { -1 })
        .sum()
}

/// Where the last closing code brace of the line `s` stands (0 if none).
fn last_brace_close(s: &str) -> usize {
    let bytes = s.as_bytes();
    memchr::memrchr_iter(b'}', bytes).find(|&k| code_brace(bytes, k)).unwrap_or(0)
}

/// Whether the paragraph is English around its straight-quoted stretches: no Han and a
/// lower-case word outside them, as in a line quoting Chinese strings (`=MIDB("中国";1;2)
/// returns "中"`), whose quotes are the English text's own. A quoted Chinese string alone
/// (`"优先级"`) or with a name after it (`"Debian 参考手册" Osamu Aoki`) is not.
fn english_around_quotes(p_text: &str) -> bool {
    // `lower`: the length of the all-lower-case word being read (-1 inside a capitalised one).
    let (mut inside, mut lower, mut word) = (false, 0i32, false);
    for c in p_text.chars() {
        if c == '"' {
            inside = !inside;
        } else if !inside && is_han(c) {
            return false;
        }
        lower = match c {
            'a'..='z' if !inside && lower >= 0 => lower + 1,
            c if c.is_ascii_alphabetic() => -1,
            _ => 0,
        };
        word |= lower >= 3;
    }
    word
}

/// Whether the mark at byte `at` is part of a URL, an e-mail address or other code.
fn in_code(doc: &Document, p: &Paragraph, at: usize) -> bool {
    let i = doc.runs[p.runs.clone()].partition_point(|r| r.end <= at) + p.runs.start;
    doc.chunk_at(i).is_some_and(|c| c.is_code)
}

fn open_doubles(s: &str) -> i32 {
    s.chars()
        .map(|c| match c {
            '“' => 1,
            '”' => -1,
            _ => 0,
        })
        .sum()
}

// ---------------------------------------------------------------------------------------
// Nesting and balance of “” ‘’

/// How many open or stray marks are searched when pairing: beyond this, marks are
/// reported as they are, which keeps the cost linear on pathological input.
const MAX_SEARCH: usize = 32;

#[derive(Clone, Copy, Debug)]
struct Open {
    ch: char,
    at: usize,
    /// The quote this one is nested in (its mark and offset), if any.
    parent: Option<(char, usize)>,
}

/// The quotation marks open so far, across paragraphs, and the nesting findings that
/// wait for their enclosing quotation to be closed: a “ inside a “ that is never closed
/// is a symptom of the unclosed one, not a nesting error of its own.
#[derive(Default)]
struct Balance {
    stack: Vec<Open>,
    /// By the offset of the enclosing “: (inner open, offset of its closing mark, mark).
    waiting: HashMap<usize, Vec<(Open, usize, char)>>,
    /// Per paragraph index: whether its “ and ” balance (see `paragraph_balanced`).
    balanced: HashMap<usize, bool>,
    /// The straight double quotes counted so far (see `in_straight_quotes`): up to which
    /// offset, and whether an odd number of them came before it in its paragraph.
    straight: (usize, bool),
}

fn balance(cx: &mut Context, claimed: &HashSet<usize>) {
    let doc = cx.doc;
    let text = doc.text;
    let mut b = Balance::default();
    let mut continuation = false;
    // The line of a set-off quotation's lone ” (see `set_off_close`), while inside one.
    let mut set_off_until: Option<usize> = None;
    let paras = &doc.paragraphs;
    for (pi, p) in paras.iter().enumerate() {
        let mut unmatched_close: Vec<(usize, char)> = Vec::new();
        let first_solid = doc.trimmed_runs(p).next().map(|i| doc.runs[i].start);
        let swapped = if continuation { Vec::new() } else { swapped_pairs(doc, p, claimed) };
        for &(close, open) in &swapped {
            report_reversed(cx, (close, '”'), (open, '“'));
        }
        // The marks of those pairs, in order, for the walk below to pass over.
        let swapped: Vec<usize> = swapped.iter().flat_map(|&(a, b)| [a, b]).collect();
        for r in &doc.runs[p.runs.clone()] {
            let Some(c) =
                r.mark().filter(|c| matches!(c, '“' | '”' | '‘' | '’' | '.' | '…' | '〝' | '〞' | '〟'))
            else {
                continue;
            };
            if matches!(c, '.' | '…') {
                // An excerpt the page cut short (`再...阅读详情`): what it left open was
                // cut with it.
                if let Some((from, most)) = cuts_excerpt(cx, p, r) {
                    for _ in 0..most {
                        if b.stack.last().is_none_or(|o| o.at < from) {
                            break;
                        }
                        let o = b.stack.pop().expect("an open mark");
                        b.forget(o.at);
                    }
                }
                continue;
            }
            // A 〝 or 〞 the foreign-style check left alone stands for “ or ”.
            let c = match c {
                '〝' => '“',
                '〞' | '〟' => '”',
                c => c,
            };
            for k in 0..r.chars as usize {
                let at = r.start + k * c.len_utf8();
                let paired = || swapped.binary_search(&at).is_ok();
                if claimed.contains(&at) || is_apostrophe(text, p, at, c, &b.stack) || paired() {
                    continue;
                }
                match c {
                    '”' if b.stack.is_empty() && troff_opened(&text[p.start..at]) => {}
                    '“' if continuation && Some(at) == first_solid => continuation = false,
                    '“' | '‘' => {
                        let parent = b.stack.last().map(|o| (o.ch, o.at));
                        b.stack.push(Open { ch: c, at, parent });
                    }
                    _ => b.close(cx, &mut unmatched_close, at, c),
                }
            }
        }
        continuation = false;
        let mut left: Vec<Open> = std::mem::take(&mut b.stack);
        // A quotation set off with its marks on lines of their own (`“⏎引文。⏎”`): the “
        // stays open until the line of the ”.
        if left.len() == 1 && left[0].ch == '“' && unmatched_close.is_empty() {
            if set_off_until.is_some_and(|end| pi < end) {
                b.stack = left;
                continue;
            }
            if let Some(end) = set_off_close(doc, pi) {
                set_off_until = Some(end);
                b.stack = left;
                continue;
            }
        }
        set_off_until = None;
        // Quotation marks left open at the end of the paragraph.
        let next_opens = paras[pi + 1..]
            .iter()
            .find(|q| !doc.trimmed_runs(q).is_empty())
            .is_some_and(|q| doc.runs[doc.trimmed_runs(q).start].mark() == Some('“'));
        if next_opens && !left.is_empty() && unmatched_close.is_empty() {
            // A quotation that continues into the next paragraph: keep its “, report
            // any ‘ left open inside it.
            for o in left.iter().filter(|o| o.ch == '‘') {
                b.unclosed(cx, o);
            }
            left.retain(|o| o.ch == '“');
            b.stack = left;
            continuation = true;
            continue;
        }
        // A line wrapped inside a quotation: the next line closes it. (`“⏎”` with nothing
        // between is no quotation but two stray marks.)
        let empty = || {
            let line_end = doc.trimmed_runs(p).last().map(|k| doc.runs[k].end);
            let next_first = paras.get(pi + 1).and_then(|q| doc.trimmed_runs(q).next()).map(|k| doc.runs[k]);
            left.last().is_some_and(|o| Some(o.at + '“'.len_utf8()) == line_end)
                && next_first.is_some_and(|r| r.mark() == Some('”'))
        };
        if !left.is_empty()
            && unmatched_close.is_empty()
            && left.iter().all(|o| o.ch == '“')
            && wraps_to_close(doc, pi, |c| c == '“', |c| c == '”')
            && !empty()
        {
            b.stack = left;
            continue;
        }
        b.settle(cx, left, unmatched_close);
    }
    for o in std::mem::take(&mut b.stack) {
        b.unclosed(cx, &o);
    }
}

/// If ellipsis dots `r` end an excerpt that a page cut short, where the cut text begins and
/// how many of the quotations open there it cut: the paragraph and all, when a link to the
/// whole text follows the dots (`...阅读详情`, `…[详细]`); the headline before them (at most
/// `ITEM` characters, after the last sentence end) and all, when the number of the next item of
/// a list of cut headlines does (`反映“污水直排成堆浐...3.胡和平`; not `……5.`, an ellipsis in
/// a quoted list); the paragraph and the innermost one, when they end the line (`“互联...`,
/// see `ends_cut`; `“吃鸡装备“手拿长枪...` still opens one too many) or right follow it.
fn cuts_excerpt(cx: &Context, p: &Paragraph, r: &Run) -> Option<(usize, usize)> {
    const ITEM: usize = 40;
    let rest = &cx.doc.text[r.end..p.end];
    if (r.chars >= 2 || r.is_mark('…')) && cx.catalog.words.excerpt_cuts.iter().any(|w| rest.starts_with(w))
    {
        return Some((p.start, usize::MAX));
    }
    // Dots right after an opening mark, no closing one after them before the next opening
    // one (`全力做好“创园”和“...宁陕县召开`, `和“…宁陕县`): a headline cut as its quotation began; not
    // a quotation whose first words were left out (`“...而为日本帝国主义所称快”`).
    // (Headlines end no sentence: `“……老人家由于后遗症不能说话。…“啥时候…”` opens a quotation
    // whose first words were left out, and nests another.)
    let right_after_open = cx.doc.text[p.start..r.start].ends_with('“') && {
        let to_next = rest.find(['“', '”']);
        to_next.is_none_or(|k| rest[k..].starts_with('“'))
            && !rest[..to_next.unwrap_or(rest.len())].contains(['。', '！', '？'])
    };
    let cut_dots = r.is_mark('.') && r.chars >= 3 || r.is_mark('…') && r.chars == 1;
    if rest.trim().is_empty() && ends_cut(cx.doc, p) || cut_dots && right_after_open {
        return Some((p.start, 1));
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let next_item = (1..=2).contains(&digits) && rest[digits..].starts_with(['.', '、', '．']);
    if !(r.is_mark('.') && r.chars >= 3 && next_item) {
        return None;
    }
    let headline = last_chars(&cx.doc.text[p.start..r.start], ITEM);
    let from = r.start - headline.len();
    Some((headline.rfind(['。', '！', '？']).map_or(from, |k| from + k), usize::MAX))
}

/// Whether the text just before a ” opened its quotation with the troff escape `\(lq` that
/// a manual page's conversion left (`\(lqAn Introductory … Tutorial” 在`), none closed since.
fn troff_opened(before: &str) -> bool {
    // (A quotation's title is short: the look back is bounded, and a line of many ” costs
    // linear time.)
    const REACH: usize = 100;
    let before = last_chars(before, REACH);
    before.rfind("\\(lq").is_some_and(|k| !before[k..].contains("\\(rq") && !before[k..].contains('”'))
}

/// If line `pi` is a lone “ and one of the next few lines a lone ” (a quotation set off
/// with its marks on lines of their own), the index of that line.
fn set_off_close(doc: &Document, pi: usize) -> Option<usize> {
    const MAX_LINES: usize = 6;
    let lone = |k: usize, c: char| {
        doc.paragraphs.get(k).is_some_and(|q| {
            let runs = doc.trimmed_runs(q);
            runs.len() == 1 && doc.runs[runs.start].is_mark(c) && doc.runs[runs.start].chars == 1
        })
    };
    if !lone(pi, '“') {
        return None;
    }
    (pi + 2..pi + 2 + MAX_LINES).take_while(|&k| !lone(k, '“')).find(|&k| lone(k, '”'))
}

/// ’ between letters (Xi’an, don’t) or after a Latin word is an apostrophe.
fn is_apostrophe(text: &str, p: &Paragraph, at: usize, c: char, stack: &[Open]) -> bool {
    if !matches!(c, '’' | '‘') {
        return false;
    }
    let before = text[p.start..at].chars().next_back();
    let after = text[at + c.len_utf8()..p.end].chars().next();
    let latin =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || (c.is_alphabetic() && !is_han(c)));
    // The minutes of an angle written with a quotation mark for the prime: 109°13‘.
    let digits = text[p.start..at].trim_end_matches(|c: char| c.is_ascii_digit());
    let minutes = digits.len() < at - p.start && digits.ends_with('°');
    minutes
        || (latin(before) && latin(after))
        || (c == '’' && latin(before) && stack.last().is_none_or(|o| o.ch != '‘'))
}

fn label(at: usize, c: char) -> crate::diagnostic::Label {
    crate::diagnostic::Label { start: at, end: at + c.len_utf8(), message: String::new() }
}

/// Replace two marks at once.
fn swap_fix(app: Applicability, title: &str, a: (usize, char, &str), b: (usize, char, &str)) -> Fix {
    Fix::new(
        app,
        title,
        vec![
            Edit { start: a.0, end: a.0 + a.1.len_utf8(), replacement: a.2.into() },
            Edit { start: b.0, end: b.0 + b.1.len_utf8(), replacement: b.2.into() },
        ],
    )
}

impl Balance {
    fn close(&mut self, cx: &mut Context, unmatched: &mut Vec<(usize, char)>, at: usize, c: char) {
        let want = if c == '”' { '“' } else { '‘' };
        match self.stack.last().copied() {
            Some(o) if o.ch == want => {
                self.stack.pop();
                self.matched(cx, o, at, c);
            }
            Some(o) if c == '”' && self.stack.iter().rev().take(MAX_SEARCH).any(|x| x.ch == '“') => {
                // A ‘ left open inside a “…”: report it and close the double quote.
                self.unclosed(cx, &o);
                self.stack.pop();
                self.close(cx, unmatched, at, c);
            }
            Some(o) => {
                // “…’ : opened with one kind, closed with the other.
                self.stack.pop();
                self.forget(o.at);
                let fix = if o.ch == '“' { "”" } else { "’" };
                let args = [("open", o.ch.to_string()), ("close", c.to_string()), ("fix", fix.to_string())];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                if let Some(d) = cx.report(UNBALANCED, at, at + c.len_utf8(), "mismatch", &args) {
                    d.labels.push(label(o.at, o.ch));
                    d.fix = Some(Fix::replace(Applicability::Unsafe, at, at + c.len_utf8(), fix));
                }
            }
            None => unmatched.push((at, c)),
        }
    }

    /// A matched pair: its waiting inner findings are now sure; then its own nesting —
    /// “ inside “” should be ‘’, ‘’ at the outer level should be “”.
    fn matched(&mut self, cx: &mut Context, o: Open, close: usize, c: char) {
        let mine = self.waiting.remove(&o.at).unwrap_or_default();
        let speech = !mine.is_empty() && opens_speech(cx.doc, o.at) && !too_long(cx.doc, o.at, close);
        for (inner, at, ch) in mine {
            if speech && self.paragraph_balanced(cx.doc, inner.at) {
                nesting(cx, &inner, at, ch, "inner-double", ("‘", "’"));
            }
        }
        match (o.ch, o.parent) {
            ('“', Some(('“', parent))) => self.waiting.entry(parent).or_default().push((o, close, c)),
            ('‘', None) if !self.in_straight_quotes(cx.doc, o.at) => {
                nesting(cx, &o, close, c, "", ("“", "”"))
            }
            _ => {}
        }
    }

    /// Whether offset `at` stands inside a quotation its paragraph opens with a straight
    /// quote (`" 要成为一名合格的‘善粉’…"`): single quotes there are the inner ones, and the
    /// straight quotes are quote/foreign-style's to report. Counted on from the last
    /// offset asked about in the same paragraph (they come in order), so that a line of
    /// many quotations is read once.
    fn in_straight_quotes(&mut self, doc: &Document, at: usize) -> bool {
        let k = doc.paragraphs.partition_point(|p| p.end < at);
        let Some(p) = doc.paragraphs.get(k).filter(|p| p.start <= at) else { return false };
        let (from, odd) = match self.straight {
            (seen, odd) if p.start <= seen && seen <= at => (seen, odd),
            _ => (p.start, false),
        };
        let n = memchr::memchr_iter(b'"', &doc.text.as_bytes()[from..at]).count();
        self.straight = (at, odd ^ (n % 2 == 1));
        self.straight.1
    }

    /// Drop the waiting findings inside a quotation that turned out not to be closed.
    fn forget(&mut self, parent_at: usize) {
        self.waiting.remove(&parent_at);
    }

    /// Whether the paragraph holding `at` has as many “ as ” (one more where it opens
    /// a quotation that continues into the next paragraph). Where stray marks unbalance
    /// a paragraph, which quotation a “ belongs to is guesswork, so no nesting is
    /// reported. Counted once per paragraph.
    fn paragraph_balanced(&mut self, doc: &Document, at: usize) -> bool {
        let k = doc.paragraphs.partition_point(|p| p.end < at);
        *self.balanced.entry(k).or_insert_with(|| {
            let Some(p) = doc.paragraphs.get(k) else { return false };
            let text = doc.slice(p.start, p.end);
            let opens = text.matches('“').count();
            let closes = text.matches('”').count();
            opens == closes || (opens == closes + 1 && text.trim_start().starts_with('“'))
        })
    }

    fn unclosed(&mut self, cx: &mut Context, o: &Open) {
        self.forget(o.at);
        report_strays(cx, std::slice::from_ref(o), &[]);
    }

    /// At a paragraph's end: pair reversed marks, report what is left.
    fn settle(&mut self, cx: &mut Context, mut left: Vec<Open>, mut closes: Vec<(usize, char)>) {
        for o in &left {
            self.forget(o.at);
        }
        if left.len() + closes.len() > MAX_SEARCH {
            // Too many stray marks to pair up: report each as it is.
            report_strays(cx, &left, &closes);
            return;
        }
        // ”…“ : a closing mark before an opening one of the same kind — reversed.
        let mut i = 0;
        while i < closes.len() {
            let (at, c) = closes[i];
            let want = if c == '”' { '“' } else { '‘' };
            let Some(k) = left.iter().position(|o| o.ch == want && o.at > at && reversed(cx.doc, at, o.at))
            else {
                i += 1;
                continue;
            };
            let o = left.remove(k);
            closes.remove(i);
            report_reversed(cx, (at, c), (o.at, want));
        }
        // “…“ : the second opening mark stands where the closing one belongs (not where a
        // quotation stands between the two: then they are two marks left open).
        let mut open_strays = Vec::new();
        while left.len() >= 2 && left[left.len() - 1].ch == left[left.len() - 2].ch {
            let o = left.pop().expect("two left");
            if quotes_between(cx.doc, left[left.len() - 1].at, o.at) {
                open_strays.push(o);
                continue;
            }
            left.pop();
            let close = if o.ch == '“' { "”" } else { "’" };
            let m = o.ch.to_string();
            if let Some(d) = cx.report(
                UNBALANCED,
                o.at,
                o.at + o.ch.len_utf8(),
                "open-for-close",
                &[("found", &m), ("fix", close)],
            ) {
                d.fix = Some(Fix::replace(Applicability::Unsafe, o.at, o.at + o.ch.len_utf8(), close));
            }
        }
        // ”…” : the first closing mark stands where the opening one belongs; a closing mark
        // with a quotation between it and the next one is a stray of its own
        // (`走错了”，……“权力的终结”、”国家的失灵”`).
        let mut strays = Vec::new();
        while closes.len() >= 2 && closes[0].1 == closes[1].1 {
            if quotes_between(cx.doc, closes[0].0, closes[1].0) {
                strays.push(closes.remove(0));
                continue;
            }
            let (at, c) = closes.remove(0);
            closes.remove(0);
            let open = if c == '”' { "“" } else { "‘" };
            let m = c.to_string();
            if let Some(d) = cx.report(
                UNBALANCED,
                at,
                at + c.len_utf8(),
                "close-for-open",
                &[("found", &m), ("fix", open)],
            ) {
                d.fix = Some(Fix::replace(Applicability::Unsafe, at, at + c.len_utf8(), open));
            }
        }
        strays.append(&mut closes);
        left.append(&mut open_strays);
        report_strays(cx, &left, &strays);
    }
}

/// Whether a quotation mark stands between the marks at `a` and `b` (`a` < `b`).
fn quotes_between(doc: &Document, a: usize, b: usize) -> bool {
    let mut inner = doc.text[a..b].chars();
    inner.next();
    inner.as_str().contains(['“', '”', '‘', '’'])
}

/// Whether a closing mark at `close` and an opening one at `open` after it look swapped,
/// around a term (`”清水衙门“`) or one sentence (`问道：”会怎样？“`): no sentence ends
/// between them (where one does, the closing mark closes a quotation begun earlier and
/// the opening mark begins another), nor do other quotation marks stand between them.
fn reversed(doc: &Document, close: usize, open: usize) -> bool {
    let ends = ['。', '！', '？', '!', '?', '…'];
    // (The closing mark itself, ” or ’, left out.)
    let mut inner = doc.text[close..open].chars();
    inner.next();
    let inner = inner.as_str();
    !inner.trim_end_matches(ends).contains(ends) && !inner.contains(['“', '”', '‘', '’'])
}

/// A paragraph whose double quotation marks all come swapped, pair after pair
/// (`将目录”甲“打包到”乙“中`): the pairs (closing mark, opening mark). One swapped pair
/// alone is found when the paragraph is settled.
fn swapped_pairs(doc: &Document, p: &Paragraph, claimed: &HashSet<usize>) -> Vec<(usize, usize)> {
    let mut marks = Vec::new();
    for r in &doc.runs[p.runs.clone()] {
        if let Some(c @ ('“' | '”')) = r.mark() {
            marks.extend((0..r.chars as usize).map(|k| (r.start + k * c.len_utf8(), c)));
        }
    }
    marks.retain(|(at, _)| !claimed.contains(at));
    let alternate = marks.len() >= 4
        && marks.len() % 2 == 0
        && marks.chunks(2).all(|w| w[0].1 == '”' && w[1].1 == '“' && reversed(doc, w[0].0, w[1].0));
    if alternate {
        marks.chunks(2).map(|w| (w[0].0, w[1].0)).collect()
    } else {
        Vec::new()
    }
}

/// Report a closing mark before its opening one, with the swap as the fix: a safe one
/// unless both marks stand where a sentence or clause has just ended (`效果。”如果…了。“在`),
/// where the closing mark may as well close a quotation begun earlier and the opening
/// one begin the next.
fn report_reversed(cx: &mut Context, (at, c): (usize, char), (open, want): (usize, char)) {
    let after_end =
        |k: usize| cx.doc.text[..k].chars().next_back().is_some_and(|c| "。！？!?…，,".contains(c));
    let app = if after_end(at) && after_end(open) { Applicability::Unsafe } else { Applicability::Safe };
    let (cs, ws) = (c.to_string(), want.to_string());
    if let Some(d) =
        cx.report(UNBALANCED, at, at + c.len_utf8(), "reversed", &[("close", &cs), ("open", &ws)])
    {
        d.labels.push(label(open, want));
        d.fix = Some(swap_fix(app, "交换前后引号", (at, c, &ws), (open, want, &cs)));
    }
}

/// Report quotation marks left open and closing marks with no opening one.
fn report_strays(cx: &mut Context, left: &[Open], closes: &[(usize, char)]) {
    let marks = left
        .iter()
        .map(|o| (o.at, o.ch, "unclosed"))
        .chain(closes.iter().map(|&(at, c)| (at, c, "unopened")));
    for (at, c, key) in marks {
        let m = c.to_string();
        cx.report(UNBALANCED, at, at + c.len_utf8(), key, &[("found", &m)]);
    }
}

/// The most characters a quotation within one paragraph is taken to hold when a quote
/// inside it is judged: quoted speech in news stays well under it (the longest with a
/// nested quote on the web-news corpus: 232), while a “ and a ” hundreds of characters
/// apart in one paragraph are two quotations whose other marks were lost (the corpus
/// has such pairs 270 to 1,148 characters apart, with up to 15 quoted terms between).
const LONGEST_QUOTE: usize = 250;

/// Whether the quotation from the “ at `open` to the ” at `close`, in one paragraph, is
/// longer than `LONGEST_QUOTE`. (One that runs over paragraphs, each opening with “, has
/// its structure written out and is judged whatever its length.)
fn too_long(doc: &Document, open: usize, close: usize) -> bool {
    let inside = doc.slice(open, close);
    !inside.contains('\n') && inside.chars().nth(LONGEST_QUOTE).is_some()
}

/// Whether the “ at `at` opens quoted speech: after a colon, after a speech verb and a
/// comma, or at the start of a paragraph. Quoted words and names hardly ever hold
/// quotations of their own, so a “ inside one of those is a stray mark, not a nesting
/// error.
fn opens_speech(doc: &Document, at: usize) -> bool {
    let k = doc.paragraphs.partition_point(|p| p.end < at);
    let start = doc.paragraphs.get(k).map_or(0, |p| p.start);
    let before = doc.text[start..at].trim_end_matches([' ', '\u{3000}']);
    // `他说，“……”`: a comma counts only right after a speech verb.
    let after_verb = before.strip_suffix('，').is_some_and(|b| b.ends_with(['说', '道', '称', '示', '问']));
    before.is_empty() || before.ends_with(['：', ':']) || after_verb
}

fn nesting(cx: &mut Context, o: &Open, close: usize, c: char, key: &str, to: (&str, &str)) {
    let inner = cx.doc.slice(o.at, close + c.len_utf8()).to_string();
    if let Some(d) = cx.report(NESTING, o.at, o.at + o.ch.len_utf8(), key, &[("found", &inner)]) {
        d.labels.push(label(close, c));
        d.fix = Some(swap_fix(
            Applicability::Safe,
            &format!("改为{}…{}", to.0, to.1),
            (o.at, o.ch, to.0),
            (close, c, to.1),
        ));
    }
}

#[cfg(test)]
mod tests {
    /// A pair of corner brackets becomes a pair of quotation marks; a lone one, the one
    /// mark it stands for.
    #[test]
    fn a_lone_corner_bracket_is_told_its_own_replacement() {
        let messages = crate::rules::messages_of(super::CORNER, "名为「复选框、名为「标签」的控件。");
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].ends_with("不用直角引号「；改为“"), "{}", messages[0]);
        assert!(messages[1].ends_with("不用直角引号「…」；改为“…”"), "{}", messages[1]);
        // A lone German opening mark likewise.
        let messages = crate::rules::messages_of(super::FOREIGN_STYLE, "他说„这是好事。");
        assert!(messages.len() == 1 && messages[0].ends_with("改为“"), "{messages:?}");
    }
}
