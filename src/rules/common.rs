//! Small helpers the checks share: character classes and neighbour look-ups on runs.

use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

use super::catalog::CharSet;
use super::Context;
use crate::document::{Document, Paragraph};
use crate::scan::{Kind, Run};

/// Full-width (Chinese) punctuation: the marks of GB/T 15834 in their full-width forms.
/// A Han character, as the scanner classifies it.
pub fn is_han(c: char) -> bool {
    crate::scan::classify(c) == crate::scan::Kind::Han
}

/// A paragraph with no sentence-final mark: a headline, a caption, a list item. Their
/// parts are separated by spaces, which are no errors there.
pub fn is_headline(doc: &Document, p: &Paragraph) -> bool {
    !doc.runs[p.runs.clone()].iter().any(|r| matches!(r.mark(), Some('。' | '！' | '？')))
}

/// The last `n` characters of `s` (all of it if shorter): the bounded look back of a test
/// that must cost linear time on a long line.
pub fn last_chars(s: &str, n: usize) -> &str {
    &s[s.char_indices().rev().nth(n - 1).map_or(0, |(at, _)| at)..]
}

/// The first `n` characters of `s` (all of it if shorter).
pub fn first_chars(s: &str, n: usize) -> &str {
    &s[..s.char_indices().nth(n).map_or(s.len(), |(at, _)| at)]
}

/// Whether line `p` ends cut short: in two to six ASCII dots, the way a page cuts a
/// headline or an excerpt it lists (`动漫短视频《小鲁哥大新..`, `“互联...`). A bracket or a
/// quotation it left open was cut with it.
pub fn ends_cut(doc: &Document, p: &Paragraph) -> bool {
    doc.trimmed_runs(p)
        .last()
        .is_some_and(|k| doc.runs[k].is_mark('.') && (2..=6).contains(&doc.runs[k].chars))
}

/// The characters of a line set as a verse's, at most (see `wraps_to_close`).
const VERSE_LINE: u32 = 12;

/// Whether paragraph `pi` is a line wrapped in the middle of a pair of marks: it ends no
/// sentence (its last mark is not 。, nor ！ or ？ after more than a verse's line), the next
/// line is not blank, and the next line's first mark of the pair that it does not pair
/// itself is a closing one (`is_close`), not an opening one (`is_open`). Hard-wrapped text
/// (manual pages, Markdown wrapped at 80 columns) and a title broken over two lines carry a
/// quotation or a bracket across the line break.
/// Lines between that hold no mark of the pair and end no sentence are passed over, seven
/// at most: a manual's sentence broken at every piece of code cut out of it
/// (`（仅对应于⏎和⏎选项。）`), a verse quoted one short line at a time.
pub fn wraps_to_close(
    doc: &Document,
    pi: usize,
    is_open: impl Fn(char) -> bool,
    is_close: impl Fn(char) -> bool,
) -> bool {
    const MAX_LINES: usize = 8;
    for at in pi..pi + MAX_LINES {
        let p = &doc.paragraphs[at];
        let trimmed = doc.trimmed_runs(p);
        let Some(last) = trimmed.clone().last() else { return false };
        // A verse's line may exclaim or ask (`“你就这么教我，⏎你还嗷嗷喊！⏎…⏎我啥都不会
        // 了！”`): a short line's ！ or ？ ends no quotation.
        let verse = || doc.runs[trimmed.clone()].iter().map(|r| r.chars).sum::<u32>() <= VERSE_LINE;
        match doc.runs[last].mark() {
            Some('。' | '!' | '?') => return false,
            Some('！' | '？') if !verse() => return false,
            _ => {}
        }
        let Some(next) = doc.paragraphs.get(at + 1) else { return false };
        // The next line's marks of the pair, in order; pairs it opens and closes itself
        // (`陈永强，原标题为《谁……》）`) are passed over to the first mark left open or
        // closed.
        let mut depth = 0usize;
        let mut marks = false;
        for r in &doc.runs[doc.trimmed_runs(next)] {
            let Some(c) = r.mark().filter(|&c| is_open(c) || is_close(c)) else { continue };
            marks = true;
            for _ in 0..r.chars {
                if is_open(c) {
                    depth += 1;
                } else if depth == 0 {
                    return true;
                } else {
                    depth -= 1;
                }
            }
        }
        if marks {
            return false;
        }
    }
    false
}

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

/// What a forum's software writes around its posts, not copy, as spans in order: the
/// caption after an uploaded file's name, `图片.jpg (37.34 KB, 下载次数: 0)` (or with its
/// numbers lost, `(. ， 下载次数: )`), and the size
/// after an attachment's link, `下载附件 (254.61 KB)` (brackets included); the header of a
/// quoted post, `【 在 someone 的大作中提到: 】`, and of a post,
/// `someone (昵称) 于 (Wed Apr 25 18:37:38 2018) 提到:` (to the line's start); the footer of a
/// post sent from the forum's app, `来自: android客户端`; and in a document with quoted
/// posts, the `: : ` that opens each quoted line (after any spaces).
pub fn forum_boilerplate(text: &str) -> Vec<(usize, usize)> {
    // How far the opening mark may stand before each anchor, and the closing one after
    // it, in bytes.
    const CAPTION: (usize, usize) = (24, 16);
    const QUOTED: (usize, usize) = (64, 12);
    let after = |at: usize| {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at += 1;
        }
        at
    };
    let before = |at: usize, back: usize| {
        let mut from = at.saturating_sub(back);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        from
    };
    // The span from the opening mark before `at` (within `reach.0` bytes) to the closing
    // one after `end` (within `reach.1`), if both are there.
    let enclosed = |at: usize, end: usize, open: &[char], close: &[char], reach: (usize, usize)| {
        let from = before(at, reach.0);
        let o = from + text[from..at].rfind(open)?;
        let to = after(end + reach.1);
        let k = end + text[end..to].find(close)?;
        Some((o, k + text[k..].chars().next().map_or(1, char::len_utf8)))
    };
    // The header of a post ending in `提到:` at `at`: from the line's start (a header is
    // short: the start is looked for in the 160 bytes before).
    let post_header = |at: usize| {
        let from = before(at, 160);
        let line = text[from..at].rfind('\n').map_or(from, |k| from + k + 1);
        let header = text[line..at].trim_end().ends_with(')') && text[line..at].contains(" 于 ");
        header.then_some((line, at + "提到:".len()))
    };
    // The anchors are looked for in one pass over the whole text (an automaton of them,
    // whose prefilter is vectorised: five searches took 2 % of a run on the web news).
    static ANCHORS: OnceLock<AhoCorasick> = OnceLock::new();
    const LABELS: [&str; 6] = ["下载次数", "downloads!", "下载附件", "的大作中提到", "提到:", "来自: "];
    let anchors = ANCHORS.get_or_init(|| {
        let mut leftmost = AhoCorasick::builder();
        leftmost.match_kind(aho_corasick::MatchKind::LeftmostFirst).build(LABELS).expect("plain anchors")
    });
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut quoted = false;
    for m in anchors.find_iter(text) {
        let (at, end) = (m.start(), m.end());
        match LABELS[m.pattern().as_usize()] {
            "下载次数" | "downloads!" => {
                let from = before(at, CAPTION.0);
                let size = text[from..at].to_ascii_lowercase();
                // (A caption whose numbers a scrape lost, `图片.jpg (. ， 下载次数: )`, keeps
                // its shape: the count's colon right before the closing bracket.)
                let lost = text[end..].trim_start_matches([':', ' ']).starts_with([')', '）']);
                if size.contains("kb") || size.contains("mb") || lost {
                    out.extend(enclosed(at, end, &['(', '（'], &[')', '）'], CAPTION));
                }
            }
            // `上传下载附件 (254.61 KB)`: the size of an attachment, in brackets after the link.
            "下载附件" => {
                let rest = &text[end..after(end + CAPTION.0)];
                let bracket = rest.trim_start_matches(' ');
                let o = end + rest.len() - bracket.len();
                if let Some(k) = bracket.starts_with(['(', '（']).then(|| bracket.find([')', '）'])).flatten()
                {
                    let size = bracket[..k].to_ascii_lowercase();
                    if size.contains("kb") || size.contains("mb") {
                        out.push((o, o + k + bracket[k..].chars().next().map_or(1, char::len_utf8)));
                    }
                }
            }
            "的大作中提到" => {
                quoted = true;
                out.extend(enclosed(at, end, &['【'], &['】'], QUOTED));
                // (The search goes on after the match: `提到:` ending it is looked at here.)
                if text[end..].starts_with(':') {
                    out.extend(post_header(end - "提到".len()));
                }
            }
            // `来自: android客户端`: the app's name (Latin letters, or 下载) and 客户端.
            "来自: " => {
                let rest = &text[end..after(end + CAPTION.0)];
                let app = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == ' ');
                let app = app.strip_prefix("下载").unwrap_or(app);
                if app.starts_with("客户端") {
                    out.push((at, end + rest.len() - app.len() + "客户端".len()));
                }
            }
            _ => out.extend(post_header(at)), // 提到:
        }
    }
    if quoted {
        for k in memchr::memchr_iter(b'\n', text.as_bytes()) {
            let rest = &text[k + 1..];
            let prefix = rest.len() - rest.trim_start_matches([':', ' ']).len();
            if rest.trim_start_matches(' ').starts_with(':') && prefix > 1 {
                out.push((k + 1, k + 1 + prefix));
            }
        }
    }
    out.sort_unstable();
    // Spans that overlap become one.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// A symbol that opens the items of a list: `☆鼓掌！`, `▲19路`, a circled number (`①戒久坐`).
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '☆' | '★'
            | '●'
            | '○'
            | '◆'
            | '◇'
            | '■'
            | '□'
            | '▲'
            | '△'
            | '▶'
            | '►'
            | '※'
            | '•'
            | '①'..='⑳'
            | '❶'..='❿'
            | '➀'..='➓'
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

/// Whether `.` run `i`, between a Han character and digits, ends a sentence: the digits
/// count people or things, which no decimal fraction does (`县政府座谈.30名群众代表`,
/// `侵权之诉.45岁的`), rather than give an amount (`.5亿` lacks its 0).
pub fn stop_before_count(doc: &Document, p: &Paragraph, i: usize) -> bool {
    const COUNTED: &str = "名岁号起位人个件次家所条辆只头";
    doc.runs[i].is_mark('.')
        && i > p.runs.start
        && doc.runs[i - 1].is_han()
        && i + 2 < p.runs.end
        && doc.runs[i + 1].kind == Kind::Digit
        && doc.runs[i + 2].is_han()
        && doc.run_text(i + 2).starts_with(|c: char| COUNTED.contains(c))
}

/// Index of the previous run in the paragraph that is not a space.
pub fn prev_solid(doc: &Document, p: &Paragraph, i: usize) -> Option<usize> {
    (p.runs.start..i).rev().find(|&j| doc.runs[j].kind != Kind::Space)
}

/// Index of the next run in the paragraph that is not a space.
pub fn next_solid(doc: &Document, p: &Paragraph, i: usize) -> Option<usize> {
    (i + 1..p.runs.end).find(|&j| doc.runs[j].kind != Kind::Space)
}

/// A row of this many dashes or dots or more is a drawn line, a separator between parts of
/// a page (found on the web news, often run into the text when line breaks were lost), not
/// punctuation.
pub const RULE_LINE: u32 = 12;

/// The most Han characters of a label framed by dashes (`— 推荐阅读 —`); a longer stretch is
/// a sentence's.
pub const LABEL_HAN: u32 = 8;

/// Whether dash run `i` and the same dash on the other side of a label frame it: a Latin
/// word or phrase, `—end—`, `——the end——`, `—————end——————` (runs of three or more need
/// not match in length), or a short Han label set off by a space inside each dash, `— 推荐阅读
/// —`, or framed by runs of three dashes or more, `————本文结束————`, opened where no
/// sentence runs into it. That is decoration (the end mark of a web
/// article, a section label), not a dash in a sentence nor a word in one. The same label
/// between single dashes set off by spaces outside, `： —羊卓雍措— 车程`, is a route whose
/// end names were lost (`拉萨—羊卓雍措—拉萨`): its dashes are connectors.
pub fn frames_label(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let (mark, n) = (doc.runs[i].mark(), doc.runs[i].chars);
    if !matches!(mark, Some('—' | '-' | '─')) {
        return false;
    }
    // Walking forwards starts at the opening dash; walking backwards ends at it.
    let across = |ks: &mut dyn Iterator<Item = usize>, forwards: bool| {
        let (mut letters, mut han, mut spaced_first, mut spaced_last, mut first) =
            (false, 0, false, false, true);
        for k in ks {
            let r = doc.runs[k];
            match r.kind {
                Kind::Latin => letters = true,
                Kind::Han => {
                    han += r.chars;
                    if han > LABEL_HAN {
                        // Neither a label nor a Latin word's frame.
                        return false;
                    }
                }
                Kind::Space => spaced_first |= first,
                _ => {
                    let m = r.chars;
                    if r.mark() != mark || !(m == n || m.min(n) >= 3) {
                        return false;
                    }
                    let (opening, closing) = if forwards { (i, k) } else { (k, i) };
                    let spaced_outside = |j: Option<&Run>| j.is_none_or(|r| r.kind == Kind::Space);
                    let route = m == 1
                        && n == 1
                        && !spaced_first
                        && !spaced_last
                        && spaced_outside(prev_run(doc, p, opening))
                        && spaced_outside(next_run(doc, p, closing));
                    // A layout gap (an ideographic space, or two spaces or more) on both
                    // sides sets the frame apart from any sentence: `新闻　　—分享—　　红网`.
                    let gap = |j: Option<&Run>| {
                        j.is_some_and(|r| {
                            r.kind == Kind::Space
                                && (r.chars >= 2 || doc.slice(r.start, r.end).contains('\u{3000}'))
                        })
                    };
                    let set_apart = gap(prev_run(doc, p, opening)) && gap(next_run(doc, p, closing));
                    let label = han > 0
                        && han <= LABEL_HAN
                        && ((spaced_first && spaced_last) || route || m.min(n) >= 3 || set_apart)
                        && (set_apart
                            || prev_solid(doc, p, opening).is_none_or(|j| doc.runs[j].mark().is_some()));
                    return (letters && han == 0) || label;
                }
            }
            spaced_last = r.kind == Kind::Space;
            first = false;
        }
        false
    };
    across(&mut (i + 1..p.runs.end), true) || across(&mut (p.runs.start..i).rev(), false)
}

/// The run before `i` in the paragraph, if any.
pub fn prev_run<'d>(doc: &'d Document, p: &Paragraph, i: usize) -> Option<&'d Run> {
    (i > p.runs.start).then(|| &doc.runs[i - 1])
}

/// Whether run `r` follows a backslash: escaped in code or a typesetting command (a regular
/// expression's `\(`, groff's `\(lq`), not the mark it looks like.
pub fn escaped(doc: &Document, r: &Run) -> bool {
    doc.text[..r.start].ends_with('\\')
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
/// follows a space, the start of the line or a mark (`。?此次`, `主演:?井柏然?/`), more
/// of them follow after a space (`简评? ? ?`), or it follows Han or digits among other
/// `?` in a sentence with no question word in it (`装、女?装、男?鞋`). A `?` after a question
/// word (`怎么办?`, `吗?`) or a single one right before a closing quote (`“这是?”`) is a
/// question mark typed half-width.
pub fn is_lost_question(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let doc = cx.doc;
    if doc.runs[i].mark() != Some('?') {
        return false;
    }
    // Between tabs it fills a cell of a table (an ASCII chart: `3F\t?\t177`): the mark itself.
    let tab = |r: Option<&Run>| {
        r.is_some_and(|r| r.kind == Kind::Space && doc.slice(r.start, r.end).contains('\t'))
    };
    if tab(prev_run(doc, p, i)) && tab(next_run(doc, p, i)) {
        return false;
    }
    // Standing alone as the last of a list of symbols, it is named: `如 +, - 或 ?`.
    if listed_symbol(doc, p, i) {
        return false;
    }
    // Before a field's name, `=` and another field after `&` it opens a URL's query, its
    // address lost or cut off: `原文链接⏎?idwriter=0&key=0` (not `可:?e=n×p`, a formula).
    let query = doc.text.as_bytes()[doc.runs[i].end..].iter().take(64);
    let field = query.clone().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
    let opens_query = field > 0
        && doc.text.as_bytes().get(doc.runs[i].end + field) == Some(&b'=')
        && query.skip(field).take_while(|b| !b.is_ascii_whitespace()).any(|b| *b == b'&');
    if doc.runs[i].chars == 1 && opens_query {
        return false;
    }
    // Right before a closing quote a single one ends a quoted question: `“这是?”`,
    // `“做个头条?”` (a question without a question word).
    if doc.runs[i].chars == 1 && next_run(doc, p, i).is_some_and(|r| matches!(r.mark(), Some('”' | '’')))
    {
        return false;
    }
    let followed = next_run(doc, p, i).is_some_and(|r| r.kind == Kind::Space)
        && next_solid(doc, p, i).is_some_and(|k| doc.runs[k].mark() == Some('?'));
    // `倍??` outside a question: two or more in a row; inside a word, `轻易地??扳倒`, where
    // the paragraph has lost characters the same way three times more (a word such as 几
    // may read as a question word).
    let doubled = doc.runs[i].chars >= 2 && (!asks(cx, p, doc.runs[i].start) || lost_in_words(cx, p, i));
    if followed || doubled {
        return true;
    }
    // (After ？, or after ！ at the end of a line, it is a question mark doubled in the wrong
    // width: `？?`.)
    const MARKS: &str = "。，、；：…）】:;,)/|";
    match prev_run(doc, p, i).map(|r| r.kind) {
        None => true,
        // (A space between a question and its mark is a spacing slip: `你答对了吗 ?`, the
        // question word in the words right before the space.)
        // (After `[` and before a number it is a terminal's control sequence spelled out,
        // `ESC [ ? 25 h`.)
        Some(Kind::Space) => match prev_solid(doc, p, i) {
            Some(k) if doc.runs[k].is_mark('[') => {
                !(doc.runs[i].chars == 1
                    && next_solid(doc, p, i).is_some_and(|n| doc.runs[n].is(Kind::Digit)))
            }
            k => !k.is_some_and(|k| doc.runs[k].is_han() && has_question_word(cx, doc.run_text(k))),
        },
        Some(Kind::Han | Kind::Digit | Kind::Punct('”' | '’')) => {
            !asks(cx, p, doc.runs[i].start) && clustered(doc, p, i) && !follows_question(cx, p, i)
        }
        // (After an ASCII mark that closes an English word it asks in English:
        // `"… minimal (Dial-on-Demand)?"`.) After a sentence's ！ or an opening mark, and
        // before a word, it stands for what was lost between them (an emoji, a line break):
        // `人人有责！?插播`, `“?你不要`. (After ？ it may as well be the question mark doubled:
        // `到什么地步了？?我的…`.)
        Some(Kind::Punct(c)) => {
            (MARKS.contains(c) && !(c.is_ascii() && after_latin_word(doc, p, i)))
                || (matches!(c, '！' | '“' | '‘' | '《' | '（' | '【')
                    && next_run(doc, p, i)
                        .is_some_and(|r| r.is_han() || matches!(r.mark(), Some('“' | '《'))))
        }
        _ => false,
    }
}

/// Whether the single mark of run `i` stands alone at the end of a list of ASCII symbols,
/// each standing alone too: `状态信息，如 +, - 或 ?` (a manual page names the marks a
/// field shows). Looked for in the 24 bytes before it.
fn listed_symbol(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let r = doc.runs[i];
    let alone = |k: Option<&Run>| k.is_none_or(|k| matches!(k.kind, Kind::Space | Kind::Newline));
    if r.chars != 1 || !alone(next_run(doc, p, i)) || !alone(prev_run(doc, p, i)) {
        return false;
    }
    let from = (r.start.saturating_sub(24).max(p.start)..r.start).find(|&k| doc.text.is_char_boundary(k));
    let before = &doc.text[from.unwrap_or(r.start)..r.start];
    let Some(list) = before.trim_end().strip_suffix(['或', '和', ',']) else { return false };
    let symbol = |w: &str| w.len() == 1 && w.bytes().all(|b| b.is_ascii_punctuation());
    list.split([' ', ',']).filter(|w| !w.is_empty()).rev().take(3).any(symbol)
}

/// Whether the nearest run before run `i` that is neither a mark nor a space is Latin.
fn after_latin_word(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let word =
        doc.runs[p.runs.start..i].iter().rev().find(|r| !matches!(r.kind, Kind::Punct(_) | Kind::Space));
    word.is_some_and(|r| r.kind == Kind::Latin)
}

/// `?option?`: in a command synopsis (Tcl's manual pages) question marks enclose an
/// optional argument: `configure ?option? ?value option value ...?`. Judged on the text
/// around the mark up to the nearest Han character (80 characters at most each way): an
/// even number of single `?`, each opening one after a space or a letter and before a
/// letter, each closing one after a letter, a digit or `.`. (Characters lost in an
/// encoding stand between Han and words or numbers: `运用?pdca?质量`, `第?45?天`.)
pub fn in_option_brackets(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let r = doc.runs[i];
    if r.mark() != Some('?') || r.chars != 1 {
        return false;
    }
    if encloses_han_option(doc, p, i) {
        return true;
    }
    // Only a `?` before a letter (opening) or after a letter, digit or `.` (closing) can
    // be one: most lost characters stand between Han.
    let (prev, next) = (doc.text[..r.start].bytes().next_back(), doc.text[r.end..].bytes().next());
    if !next.is_some_and(|b| b.is_ascii_alphabetic())
        && !prev.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'.')
    {
        return false;
    }
    let start = doc.text[p.start..r.start]
        .char_indices()
        .rev()
        .take(80)
        .take_while(|&(_, c)| !is_han(c))
        .last()
        .map_or(r.start, |(k, _)| p.start + k);
    let end = doc.text[r.end..p.end]
        .char_indices()
        .take(80)
        .take_while(|&(_, c)| !is_han(c))
        .last()
        .map_or(r.end, |(k, c)| r.end + k + c.len_utf8());
    let b = &doc.text.as_bytes()[start..end];
    let marks: Vec<usize> = (0..b.len()).filter(|&k| b[k] == b'?').collect();
    marks.len() >= 2
        && marks.len() % 2 == 0
        && marks.chunks(2).all(|w| {
            let (o, c) = (w[0], w[1]);
            let after_space_or_word = o > 0 && (b[o - 1] == b' ' || b[o - 1].is_ascii_alphanumeric());
            c > o + 1
                && after_space_or_word
                && b[o + 1].is_ascii_alphabetic()
                && (b[c - 1].is_ascii_alphanumeric() || b[c - 1] == b'.')
        })
}

/// `?标签列表?` inside the braces of a Tcl command (`{command 菜单名 ?标签列表? ?描述?}`,
/// a translated manual page): the single `?` at run `i` and another enclose one Han
/// word, with a space or a brace outside each, and a `{` is open around them.
fn encloses_han_option(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let runs = &doc.runs;
    let single = |k: usize| runs[k].mark() == Some('?') && runs[k].chars == 1;
    let (open, close) = if i + 2 < p.runs.end && runs[i + 1].is_han() && single(i + 2) {
        (i, i + 2)
    } else if i >= p.runs.start + 2 && runs[i - 1].is_han() && single(i - 2) {
        (i - 2, i)
    } else {
        return false;
    };
    let outside = |r: &Run| matches!(r.kind, Kind::Space | Kind::Punct('{' | '}'));
    let edges = prev_run(doc, p, open).is_none_or(outside) && next_run(doc, p, close).is_none_or(outside);
    // The nearest brace on each side: `{` before, `}` after.
    let brace = |r: &Run| match r.mark() {
        Some(c @ ('{' | '}')) => Some(c),
        _ => None,
    };
    // (A command's template is short: the braces are looked for within 64 runs each way.)
    const WITHIN: usize = 64;
    edges
        && runs[open.saturating_sub(WITHIN).max(p.runs.start)..open].iter().rev().find_map(brace) == Some('{')
        && runs[close + 1..p.runs.end.min(close + 1 + WITHIN)].iter().find_map(brace) == Some('}')
}

/// Whether byte `at` lies inside the arguments of a spreadsheet or program function,
/// `IF(A1>3;"红色";"绿色")`, `DCOUNT(数据库;字段;条件)`, `length('骆驼')`: the nearest
/// bracket left open before it (within 120 characters of the paragraph) is a `(` right
/// after a name in capitals, and the call reads as a formula — it follows `=`, `「` or
/// another formula's bracket or separator, fills its line, or its arguments hold a `;` or
/// a `"` — or right after a name in lower case, and its arguments hold a quoted string —
/// or right after any name whose value is assigned (`x = CreateUnoStruct( 类型名称 )`).
/// (An acronym before a gloss, `MTU(最大传输单元)的`, `CSI(或者 ESC [)后面`, is no call, nor
/// a lower-case word before one, `ctime(创建时间)`.) There quotes and separators are the
/// formula's own, not the sentence's.
pub fn in_formula(doc: &Document, p: &Paragraph, at: usize) -> bool {
    let before = &doc.text[p.start..at];
    // Most marks have no `(` anywhere before them in 120 characters (at most 480 bytes).
    if memchr::memrchr(b'(', &before.as_bytes()[before.len().saturating_sub(480)..]).is_none() {
        return false;
    }
    let mut depth = 0;
    let mut open = None;
    for (k, c) in before.char_indices().rev().take(120) {
        match c {
            ')' => depth += 1,
            '(' if depth > 0 => depth -= 1,
            '(' => {
                open = Some(k);
                break;
            }
            _ => {}
        }
    }
    let Some(k) = open else { return false };
    // The function's name: a spreadsheet's in capitals, digits and dots (`IF`, `LOG10`,
    // `PERCENTILE.INC`), or a program's in lower case (`length`, `index`, `str_len`).
    let name_len = before[..k]
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_'))
        .count();
    let name = &before[k - name_len..k];
    let spreadsheet =
        name.starts_with(|c: char| c.is_ascii_uppercase()) && !name.contains(char::is_lowercase);
    let program = name.starts_with(|c: char| c.is_ascii_lowercase()) && !name.contains(char::is_uppercase);
    let lead = before[..k - name_len].trim_end_matches(' ').chars().next_back();
    // A call whose value is assigned, `oStruct = CreateUnoStruct( Uno 类型名称 )`, whatever
    // the case of its name.
    let assigned = lead == Some('=') && name.starts_with(|c: char| c.is_ascii_alphabetic());
    if name_len == 0 || !(spreadsheet || program || assigned) {
        return false;
    }
    let args = &doc.text[p.start + k + 1..p.end];
    let Some(end) = args.char_indices().take(120).find(|&(_, c)| c == ')').map(|(e, _)| e) else {
        return false;
    };
    let args_end_line = args[end + 1..].trim().is_empty();
    // A name of one letter (`T(值)`, `N(值)`) only on a syntax line of its own: in a sentence
    // a letter before brackets is a label (`方案A(甲方)`).
    if name_len == 1 && !(spreadsheet && lead.is_none() && args_end_line) {
        return false;
    }
    let args = &args[..end];
    if program && !assigned {
        return args.contains(['"', '\'']);
    }
    matches!(lead, Some('=' | '「' | '(' | ';' | '+' | ','))
        || (lead.is_none() && args_end_line)
        || args.contains([';', '"'])
}

/// Whether the `??` of run `i` stands between Han characters, with no question word in
/// the four characters before it (`抱罗粉么???`, `该喝什么茶??`), in a paragraph with
/// three more such runs: characters lost inside its words (`稍显??焦躁`, `做得太??少`).
fn lost_in_words(cx: &Context, p: &Paragraph, i: usize) -> bool {
    const OTHERS: usize = 3;
    const NEAR: usize = 4;
    let doc = cx.doc;
    let inside = |k: usize| {
        doc.runs[k].mark() == Some('?')
            && doc.runs[k].chars >= 2
            && k > p.runs.start
            && k + 1 < p.runs.end
            && doc.runs[k - 1].is_han()
            && doc.runs[k + 1].is_han()
    };
    let before = &doc.text[p.start..doc.runs[i].start];
    let near = before.char_indices().rev().nth(NEAR - 1).map_or(before, |(k, _)| &before[k..]);
    inside(i)
        && !has_question_word(cx, near)
        && p.runs.clone().filter(|&k| k != i && inside(k)).take(OTHERS).count() == OTHERS
}

/// Another `?` within ten characters on either side: lost characters come in clusters
/// (`女?装、男?鞋`), question marks one at a time.
fn clustered(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let r = doc.runs[i];
    let before = doc.text[p.start..r.start].chars().rev().take(10).any(|c| c == '?');
    let after = doc.text[r.end..p.end].chars().take(10).any(|c| c == '?');
    before || after
}

/// Whether the `?` at run `i` ends one of a row of short questions after one that asks:
/// `他们是谁?同学?老师?` (each `?` within 10 characters of the one before, four at most).
fn follows_question(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let mut at = cx.doc.runs[i].start;
    for _ in 0..4 {
        let before = &cx.doc.text[p.start..at];
        let Some((k, _)) = before.char_indices().rev().take(10).find(|&(_, c)| c == '?') else {
            return false;
        };
        at = p.start + k;
        if asks(cx, p, at) {
            return true;
        }
    }
    false
}

/// Whether the sentence ending at `end` asks something: a question word within the
/// last 40 characters since the previous sentence mark, or 还是 right after the mark or
/// opening the sentence after a question mark.
pub fn asks(cx: &Context, p: &Paragraph, end: usize) -> bool {
    let before = &cx.doc.text[p.start..end];
    let start = before
        .char_indices()
        .rev()
        .take(40)
        .find(|(_, c)| matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';'))
        .map_or_else(
            || before.char_indices().rev().take(40).last().map_or(0, |(k, _)| k),
            |(k, c)| k + c.len_utf8(),
        );
    let sentence = &before[start..];
    // A-not-A questions: 好不好, 是不是, 有没有.
    let (a, b) = (sentence.chars(), sentence.chars().skip(1));
    let a_not_a =
        a.zip(b.zip(sentence.chars().skip(2))).any(|(x, (y, z))| x == z && matches!(y, '不' | '没'));
    // An alternative question goes on with 还是 after the mark, and ends after it:
    // 是物归原主?还是据为己有?
    let alternative = cx.doc.text[end..p.end].trim_start_matches(['?', '？']).starts_with("还是")
        || (sentence.starts_with("还是") && before[..start].ends_with(['?', '？']));
    a_not_a || alternative || has_question_word(cx, sentence)
}

/// Whether `sentence` holds a question word: one pass over its characters, the words
/// tried only where one of their first characters stands. A word that only opens like one
/// (几乎, 哪怕: `question_lookalikes`) asks nothing.
fn has_question_word(cx: &Context, sentence: &str) -> bool {
    // The question words by their first character, so that a common first character
    // (是, 多, 有) tries only its own few words.
    static BY_FIRST: OnceLock<Vec<(char, &'static str)>> = OnceLock::new();
    static FIRSTS: OnceLock<CharSet> = OnceLock::new();
    let words = &cx.catalog.words;
    let firsts =
        FIRSTS.get_or_init(|| words.question_words.iter().filter_map(|w| w.chars().next()).collect());
    let by_first = BY_FIRST.get_or_init(|| {
        let mut v: Vec<(char, &'static str)> =
            words.question_words.iter().filter_map(|w| Some((w.chars().next()?, *w))).collect();
        v.sort_unstable();
        v
    });
    sentence.char_indices().filter(|(_, c)| firsts.contains(*c)).any(|(k, c)| {
        let at = &sentence[k..];
        let from = by_first.partition_point(|(f, _)| *f < c);
        by_first[from..].iter().take_while(|(f, _)| *f == c).any(|(_, w)| at.starts_with(w))
            && !words.question_lookalikes.iter().any(|w| at.starts_with(w))
    })
}
