//! space/*: spaces next to full-width punctuation, spaces between Han characters inside
//! a sentence (those inside a foreign name are name/space's), and the house style for
//! spaces between Han and Latin letters or digits.

use super::common::{frames_label, is_bullet, is_cjk_punct, is_han, is_headline, RULE_LINE};
use super::name;
use super::{Context, HanLatin};
use crate::diagnostic::{Applicability, Fix};
use crate::document::{Document, Paragraph};
use crate::scan::{Kind, Run};

pub const AROUND_FULLWIDTH: &str = "space/around-fullwidth";
pub const BETWEEN_HAN: &str = "space/between-han";
pub const HAN_LATIN: &str = "space/han-latin";
pub const RULES: &[&str] = &[AROUND_FULLWIDTH, BETWEEN_HAN, HAN_LATIN];

pub fn check(cx: &mut Context) {
    if cx.on(HAN_LATIN) {
        han_latin(cx);
    }
    let doc = cx.doc;
    // What the document says about names, gathered on first need.
    for p in &doc.paragraphs {
        let body = doc.trimmed_runs(p);
        if body.len() < 3 {
            continue;
        }
        // A headline (no sentence-final mark) separates its parts with spaces, also next
        // to quotation marks, brackets and the dash of a subtitle: 小客车被“挪车位” 车主很无辜,
        // 蓝色引领 创新发展 ——2017中国海洋经济博览会.
        // (Worked out at the first space: most lines hold none.)
        let mut headline = None;
        // Whether the line is laid out in columns (a gap of three spaces or more, or a tab,
        // inside it), worked out when a gap of two asks.
        let mut columns = None;
        // Whether the line is a short headline that ends in ！ or ？ and nowhere else, worked
        // out when a space beside a quotation mark or a bracket asks.
        let mut cried = None;
        for i in doc.runs_where(body.start + 1..body.end - 1, |r| r.kind == Kind::Space) {
            let r = doc.runs[i];
            let headline = *headline.get_or_insert_with(|| is_headline(doc, p));
            let (a, b) = (doc.runs[i - 1], doc.runs[i + 1]);
            let found = doc.slice(r.start, r.end);
            let shown = describe_space(found);
            // The spaces of ` - ` belong to dash/spaced-hyphen; those of a vertical bar
            // are the bar's, which separates a page title's or a credit line's parts
            // (`缺乏创新” | 酷乐评论`); spaced decorations (`· · ·`, `* * *`) are layout.
            let hyphen = a.is_mark('-')
                || b.is_mark('-')
                || a.is_mark('|')
                || b.is_mark('|')
                || (a.mark().is_some() && a.mark() == b.mark());
            // `（ ）`: the blank to fill in of a question or a form.
            let blank = a.is_mark('（') && b.is_mark('）');
            // `— end —`: the spaces inside dashes framing a Latin word are decoration's.
            let framed = (a.is_mark('—') && frames_label(doc, p, i - 1))
                || (b.is_mark('—') && frames_label(doc, p, i + 1));
            let before = &doc.text[p.start..r.start];
            // On a line laid out in columns, two spaces after a closing mark and before the
            // next item are a column's gap too (`徐水兰（女）  徐兰荣（女）`); after a comma
            // or before a mark they are still extra (`欠物业费，  将面临`).
            let column_gap = r.chars == 2
                && matches!(a.mark(), Some('）' | '】' | '》' | '”'))
                && matches!(b.kind, Kind::Han | Kind::Latin | Kind::Digit)
                && *columns.get_or_insert_with(|| {
                    doc.runs[body.clone()].iter().any(|r| {
                        r.kind == Kind::Space && (r.chars >= 3 || doc.slice(r.start, r.end).contains('\t'))
                    })
                });
            // The space after a heading's number (`4.5.3. “为什么……”`, `2. 标题`) sets the
            // number off.
            let numbered = a.is_mark('.') && before.len() <= 32 && is_heading_number(before);
            // The space after an English mark that follows a word or a number, before an
            // opening mark or an ellipsis, is that mark's (`Title is: 「导航」窗口`,
            // `Knoppix CD, …`, `表 1.4. “code_x”输出`).
            let english_mark = matches!(a.kind, Kind::Punct(':' | ',' | '.' | ';' | '?' | '!'))
                && a.chars == 1
                && i >= p.runs.start + 2
                && matches!(doc.runs[i - 2].kind, Kind::Latin | Kind::Digit)
                && b.mark().is_some_and(|m| matches!(m, '“' | '‘' | '《' | '「' | '『' | '（' | '【' | '…'));
            // `作者： 来源：吉安晚报`: the space stands for a field's value that is missing
            // before the next label (a form, a credit line), not for a spacing slip; after
            // a value in brackets or quotes it parts two fields (`名称： （略） 代理人：`), or
            // the last field from the form's date (`招标人：（略） **** 年 11月 14 日`).
            let rest = &doc.text[r.end..p.end];
            let empty_field = (is_label(rest) && a.is_mark('：'))
                || ((is_label(rest) || opens_year(rest)) && bracketed_value(doc, p, i - 1));
            // A dateline ends with 电 or 讯 and a space (新华社阿斯塔纳5月29日电　…); it sets
            // the credit of its report apart the same way, `本报讯 （记者 王宁）`,
            // `5月1日电　（记者　程景伟）` (an agency's house style), and a lede that opens with
            // a quotation or a title, `宿迁网讯 “卷起裤脚……”`; and the space after that credit
            // before the lede, `江阴网讯（肖遥 丁燕） 日前`.
            let after_dateline = a.is_han() && before.ends_with(['电', '讯']);
            // (A site's dateline may end with 消息 before its credit: `中国菏泽网消息 （通讯员
            // 宋明磊）`.)
            let dateline = (after_dateline
                && matches!(b.mark(), Some('（' | '(' | '“' | '《' | '【' | '「')))
                || (before.ends_with("网消息") && b.is_mark('（'))
                || credit_after_dateline(before);
            // A space before a list's bullet (`竟然…… ☆鼓掌！`) separates the items of a list
            // run into one line; one after it sets the item off (`■ 【亲子活动】`).
            // (A `·` after a sentence's end or a colon, or opening the line, is such a bullet:
            // `步骤如下：· 火速擦干……关机！· 请放在`; between words it is a dot.)
            let dot_bullet = a.is_mark('·')
                && a.chars == 1
                && (i < p.runs.start + 2
                    || matches!(doc.runs[i - 2].mark(), Some('：' | '！' | '。' | '？' | '；' | ':')));
            let bullet = b.mark().is_some_and(is_bullet) || a.mark().is_some_and(is_bullet) || dot_bullet;
            // … and so does one after a clause's end before the next item's number or a
            // digest's next section (`……处理； 3   国家药监局`, `罚款： （一）结伙斗殴的`,
            // `……落地； 反腐   福建原省长`).
            // (A label after a colon is the field's value: `来源： 南京日报　　编辑`.)
            let item = (matches!(a.mark(), Some('；' | '。' | '：')) && opens_item(rest))
                || (matches!(a.mark(), Some('；' | '。')) && opens_section(rest));
            // Two spaces after a closing mark that ends a label set off the same way after a
            // sentence (`磨刀霍霍”。  厉兵秣马第一集团“磨刀霍霍”  2014年的冠军`): the line
            // breaks around a subheading, lost when the lines were joined.
            // (So do the two spaces after a subheading of plain words before the quotation
            // that opens the next paragraph: `决心。  激发创新活力  “要改善……`.)
            let subheading = r.chars == 2
                && (a.mark().is_some_and(|m| matches!(m, '”' | '》' | '）' | '】'))
                    || (a.is_han() && b.mark().is_some_and(|m| matches!(m, '“' | '《' | '【' | '（'))))
                && ends_subheading(before);
            // A row of dots drawn across the page (`··········  汽车年检的初衷`) is a separator
            // run into the text when its line breaks were lost, not punctuation.
            let drawn = [a, b].iter().any(|x| x.is_mark('·') && x.chars >= RULE_LINE);
            if hyphen
                || blank
                || drawn
                || framed
                || numbered
                || english_mark
                || bullet
                || item
                || subheading
                || column_gap
                || empty_field
                || dateline
                || is_layout(found, before, b.mark())
                || is_letter_spaced(doc, p, i)
            {
                continue;
            }
            if a.is_han() && b.is_han() {
                // Chinese headlines and bylines separate their parts with a space
                // (记者 张三 通讯员 李四); a space inside a foreign name is name/space's.
                let byline = before.chars().rev().take(12).collect::<String>().contains(['者', '员'])
                    || after_dateline;
                if r.chars == 1
                    && !headline
                    && !byline
                    && !name::is_name_at(cx, &cx.name_index(), p, i, false)
                {
                    cx.report(BETWEEN_HAN, r.start, r.end, "", &[("space", &shown)]);
                }
                continue;
            }
            let mark = [a, b].iter().find_map(|x| x.mark().filter(|c| is_cjk_punct(*c)));
            let word = |k: Kind| matches!(k, Kind::Han | Kind::Digit | Kind::Latin);
            // … and a page title sets its parts apart with a dot spaced on both sides
            // (`中毒前或与某人秘会|界面新闻 · 财经`, `关爱母亲 · 温暖儿童`).
            let spaced_dot = |dot: &Run, beyond: Option<usize>| {
                dot.is_mark('·')
                    && dot.chars == 1
                    && beyond.is_some_and(|k| p.runs.contains(&k) && doc.runs[k].kind == Kind::Space)
            };
            let separator = (headline || *cried.get_or_insert_with(|| is_cried_headline(doc, p)))
                && match (a.kind, b.kind) {
                    (Kind::Punct('”' | '’' | '》' | '）' | '】'), k) => word(k),
                    (k, Kind::Punct('“' | '‘' | '《' | '（' | '【' | '—')) => word(k),
                    _ => false,
                }
                || (headline && (spaced_dot(&a, i.checked_sub(2)) || spaced_dot(&b, Some(i + 2))));
            // Inside a passage in a foreign language whose marks came out full-width (`and be
            // one traveler，long i stood`), the space after a mark is that language's; so is
            // one between a Latin word and a quotation of Latin words (`there are no
            // ‘accidents’`, `“no” said`).
            let latin = |k: usize| p.runs.contains(&k) && doc.runs[k].kind == Kind::Latin;
            let english_quote = (a.kind == Kind::Latin
                && matches!(b.mark(), Some('“' | '‘'))
                && latin(i + 2))
                || (b.kind == Kind::Latin && matches!(a.mark(), Some('”' | '’')) && i >= 2 && latin(i - 2));
            if separator || english_quote || (mark.is_some() && space_of_foreign_passage(doc, p, i)) {
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

/// Whether `before` ends with a dateline's credit in brackets: `扬子晚报讯 （记者 张昊）`,
/// `新华社北京7月11日电（记者邹伟）`.
fn credit_after_dateline(before: &str) -> bool {
    const CREDIT: usize = 40;
    let Some((head, credit)) = note_before(before, CREDIT) else { return false };
    !credit.contains(['（', '。']) && head.trim_end_matches([' ', '\u{3000}']).ends_with(['电', '讯'])
}

/// The note in brackets that `before` ends with, its opening bracket within `max`
/// characters of the closing one: the text before the note, and the note. (The search
/// looks back no further, so that a line of many brackets costs linear time.)
fn note_before(before: &str, max: usize) -> Option<(&str, &str)> {
    let inner = before.strip_suffix('）')?;
    let from = inner.char_indices().rev().nth(max).map_or(0, |(k, _)| k);
    let open = from + inner[from..].rfind('（')?;
    Some((&inner[..open], &inner[open + '（'.len_utf8()..]))
}

/// A boundary between Han and Latin letters or digits: where the space would go, and
/// the space if there is one.
struct Boundary {
    at: usize,
    space: Option<(usize, usize)>,
}

/// Han next to Latin letters or digits, with or without one space between them, outside
/// code: `在iPhone上`, `增长 5%`.
fn boundaries(cx: &Context) -> Vec<Boundary> {
    let doc = cx.doc;
    let latin = |i: usize| {
        matches!(doc.runs[i].kind, Kind::Latin | Kind::Digit) && !doc.chunk_at(i).is_some_and(|c| c.is_code)
    };
    let mut out = Vec::new();
    for i in 1..doc.runs.len() {
        let (a, b) = (doc.runs[i - 1], doc.runs[i]);
        if (a.is_han() && latin(i)) || (latin(i - 1) && b.is_han()) {
            out.push(Boundary { at: b.start, space: None });
        } else if b.kind == Kind::Space
            && b.chars == 1
            && doc.slice(b.start, b.end) == " "
            && i + 1 < doc.runs.len()
        {
            let c = doc.runs[i + 1];
            if (a.is_han() && latin(i + 1)) || (latin(i - 1) && c.is_han()) {
                out.push(Boundary { at: b.start, space: Some((b.start, b.end)) });
            }
        }
    }
    out
}

fn han_latin(cx: &mut Context) {
    let all = boundaries(cx);
    let spaced = all.iter().filter(|b| b.space.is_some()).count();
    let tight = all.len() - spaced;
    let want_space = match cx.han_latin {
        HanLatin::Never => false,
        HanLatin::Always => true,
        // The way most of the document is written; a tie is left alone.
        HanLatin::Consistent if spaced == tight => return,
        HanLatin::Consistent => spaced > tight,
    };
    // A style the publication chose is applied safely; one guessed from the majority of
    // the document (a space may also separate fields: `2/26 小雨`) waits for an editor.
    let app = if cx.han_latin == HanLatin::Consistent { Applicability::Unsafe } else { Applicability::Safe };
    for b in all {
        match (b.space, want_space) {
            (Some((s, e)), false) => {
                if let Some(d) = cx.report(HAN_LATIN, s, e, "remove", &[]) {
                    d.fix = Some(Fix::replace(app, s, e, ""));
                }
            }
            (None, true) => {
                if let Some(d) = cx.report(HAN_LATIN, b.at, b.at, "add", &[]) {
                    d.fix = Some(Fix::replace(app, b.at, b.at, " "));
                    d.fix.as_mut().expect("just set").title = "加空格".into();
                }
            }
            _ => {}
        }
    }
}

/// Spaces that lay text out rather than separate words: the two full-width spaces that
/// indent a paragraph (often left inside a line when paragraphs were joined), runs of
/// three or more spaces that align columns, and tabs (the columns of a table).
fn is_layout(space: &str, before: &str, next: Option<char>) -> bool {
    if space.contains('\t') {
        return true;
    }
    let n = space.chars().count();
    let ideographic = space.contains('\u{3000}');
    // A space after a sentence-final mark (and its closing quote) separates sentences
    // (paragraphs joined into one line leave it); it is a layout matter, not a spacing
    // error inside a sentence.
    // An ellipsis ends a sentence as well (`……” 女儿默默听着`, `……　江山一愣`; a lone `…`
    // too, which punct/ellipsis reports: `可以用来干什么… 小微看店`). Before a
    // mark that goes on with the sentence or closes it (`了。 ”`, `…… ，`) the space is extra.
    // A note in brackets after the sentence's end is the sentence's (`……依据。（《刑事审判
    // 参考》第450号案例） 例如`, `……损失。  （网络配图） 经讯问`).
    const NOTE: usize = 100;
    let closed = match note_before(before, NOTE) {
        Some((noted, _)) if noted.trim_end().ends_with(['。', '！', '？']) => noted.trim_end(),
        _ => before,
    };
    let closed = closed.trim_end_matches(['”', '’', '）']);
    let goes_on = next.is_some_and(|c| "，、；。）」』】》”’,;)".contains(c));
    // (A half-width ? or ! after Chinese ends it too, `做法?” “另外`: punct/halfwidth
    // reports the mark; after a letter it is code's, `（x!） ：`.)
    let halfwidth_end =
        closed.strip_suffix(['?', '!']).is_some_and(|s| s.chars().next_back().is_some_and(|c| !c.is_ascii()));
    // (So does the full-width full stop `．` that some translations write for 。.)
    let sentence_end = !goes_on && (closed.ends_with(['。', '．', '！', '？', '…']) || halfwidth_end);
    // Letter-spaced decoration, `·  专  ·  属  ·`: one character between runs of spaces.
    // (The last word is one character: it is there, and a space or the start before it.)
    let mut last = before.trim_end().chars().rev();
    let letter_spaced = n >= 2 && last.next().is_some() && last.next().is_none_or(char::is_whitespace);
    n >= 3 || (ideographic && n >= 2) || sentence_end || letter_spaced
}

/// Whether space run `i` follows a mark that ends a phrase of two words or more (or an item
/// after a comma) and precedes a Latin word or a number (or a quotation opened on a word),
/// inside a stretch of at least six Latin words with no Han character between them: in a
/// passage in a foreign language (`and be one traveler，long i stood`, `women and girls，
/// 2018， united nations`) that language's space after its mark.
fn space_of_foreign_passage(doc: &Document, p: &Paragraph, i: usize) -> bool {
    // The words a passage has at least; the runs looked at on each side (a mark, a space
    // and a word each take one).
    const WORDS: usize = 6;
    const REACH: usize = 16;
    let runs = &doc.runs[p.runs.clone()];
    let at = i - p.runs.start;
    let kind = |k: usize| runs.get(k).map(|r| r.kind);
    let latin_next = matches!(kind(at + 1), Some(Kind::Latin | Kind::Digit))
        || (matches!(runs[at + 1].mark(), Some('“' | '‘')) && kind(at + 2) == Some(Kind::Latin));
    if !matches!(runs[at - 1].mark(), Some('，' | '。' | '；' | '：' | '！' | '？' | '”' | '’'))
        || !latin_next
    {
        return false;
    }
    // The phrase before the mark (and a closing quote after it): word, space, word.
    let end = if runs[at - 1].mark().is_some_and(|m| matches!(m, '”' | '’'))
        && at >= 2
        && runs[at - 2].mark().is_some()
    {
        at - 2
    } else {
        at - 1
    };
    // (Or a word or number after a list's comma: `girls， 2018， united nations`.)
    let word = |k: usize| matches!(kind(k), Some(Kind::Latin | Kind::Digit));
    let phrase = end >= 3
        && word(end - 1)
        && kind(end - 2) == Some(Kind::Space)
        && (kind(end - 3) == Some(Kind::Latin) || matches!(runs[end - 3].mark(), Some('，' | ',')));
    if !phrase {
        return false;
    }
    let count = |ks: &mut dyn Iterator<Item = usize>| {
        let mut words = 0;
        for k in ks.take(REACH) {
            match runs[k].kind {
                Kind::Latin => words += 1,
                Kind::Han => break,
                _ => {}
            }
        }
        words
    };
    count(&mut (0..at).rev()) + count(&mut (at + 1..runs.len())) >= WORDS
}

/// Whether paragraph `p` is a headline that cries or asks: at most `CRIED_HEADLINE` characters,
/// with 。！？ (or ! ?) only in the run of marks that ends it (`男子上演“一救四” 无名英雄为你点赞！`,
/// `原标题：直播未火身先死 “网红社会病”该怎么医？`). A longer line is a sentence.
fn is_cried_headline(doc: &Document, p: &Paragraph) -> bool {
    const CRIED_HEADLINE: usize = 30;
    let body = doc.trimmed_runs(p);
    let ends = |r: &Run| matches!(r.mark(), Some('。' | '！' | '？' | '!' | '?'));
    let runs = &doc.runs[body];
    let tail = runs.iter().rev().take_while(|r| ends(r)).count();
    tail > 0
        && !runs[..runs.len() - tail].iter().any(ends)
        && !runs[runs.len() - tail..].iter().any(|r| r.is_mark('。'))
        && doc.text[p.start..p.end].chars().count() <= CRIED_HEADLINE
}

/// Whether space run `i` lies in a short stretch set out letter by letter, every Han
/// character standing alone between single spaces and marks (`每 天 陪 你， 一 路 读 行`): a
/// slogan laid out for display. The stretch runs to the line's ends or to a layout gap (two
/// spaces or more, an ideographic space) on each side and holds at least four and at most
/// `SLOGAN` Han characters; a sentence spaced out like this, or one that runs on into plain
/// words (`code_x结 束 之`), is damage and is still reported.
fn is_letter_spaced(doc: &Document, p: &Paragraph, i: usize) -> bool {
    const SLOGAN: usize = 16;
    // The Han characters from run `i` outwards in one direction, if the stretch ends at a
    // line's end or a layout gap.
    let count = |runs: &mut dyn Iterator<Item = &Run>| -> Option<usize> {
        let mut han = 0;
        for r in runs {
            match r.kind {
                Kind::Han if r.chars == 1 => han += 1,
                Kind::Punct(_) if r.chars == 1 => {}
                Kind::Space if r.chars == 1 && !doc.slice(r.start, r.end).contains(['\u{3000}', '\t']) => {}
                Kind::Space | Kind::Newline => return Some(han),
                _ => return None,
            }
            if han > SLOGAN {
                return None;
            }
        }
        Some(han)
    };
    let before = count(&mut doc.runs[p.runs.start..i].iter().rev());
    let after = count(&mut doc.runs[i + 1..p.runs.end].iter());
    matches!((before, after), (Some(b), Some(a)) if (4..=SLOGAN).contains(&(a + b)) && a > 0 && b > 0)
}

/// Whether the closing mark at run `close` ends a field's value set in brackets or quotes
/// right after its label's colon (`名称： （略）`, `类别：“甲”`: within eight runs), or a
/// short value that ends with a note in brackets (`来源：转载自某网（若有不妥请联系删除）`:
/// the label of one to six Han characters, its colon, then words with no mark between).
fn bracketed_value(doc: &Document, p: &Paragraph, close: usize) -> bool {
    const VALUE_RUNS: usize = 6;
    let opener = match doc.runs[close].mark() {
        Some('）') => '（',
        Some('】') => '【',
        Some('》') => '《',
        Some('”') => '“',
        _ => return false,
    };
    let from = p.runs.start.max(close.saturating_sub(8));
    // The mark that opens this one, past pairs inside (`（（略）精河项目经理部）`).
    let mut depth = 0;
    let open = (from..close).rev().find(|&k| {
        let m = doc.runs[k].mark();
        if m == doc.runs[close].mark() {
            depth += doc.runs[k].chars;
        } else if m == Some(opener) {
            if depth < doc.runs[k].chars {
                return true;
            }
            depth -= doc.runs[k].chars;
        }
        false
    });
    let Some(open) = open else { return false };
    let colon = |k: usize| {
        let r = doc.runs[k];
        r.chars == 1 && matches!(r.mark(), Some('：' | ':'))
    };
    if (from..open).rev().find(|&k| doc.runs[k].kind != Kind::Space).is_some_and(colon) {
        return true;
    }
    let words = |r: &Run| matches!(r.kind, Kind::Han | Kind::Latin | Kind::Digit | Kind::Space);
    let lo = p.runs.start.max(open.saturating_sub(VALUE_RUNS));
    let Some(k) = (lo..open).rev().find(|&k| !words(&doc.runs[k])) else { return false };
    k + 1 < open
        && k > p.runs.start
        && colon(k)
        && doc.runs[k - 1].is_han()
        && doc.runs[k - 1].chars as usize <= FIELD_LABEL_HAN
}

/// The most Han characters of a field's label (`海拔情况：`, `投稿邮箱：`).
const FIELD_LABEL_HAN: usize = 6;

/// Whether `text` opens with a year, its digits masked or not (`2018年`, `**** 年`).
fn opens_year(text: &str) -> bool {
    let digits = text.bytes().take_while(|b| b.is_ascii_digit() || *b == b'*').count();
    digits == 4 && text[digits..].trim_start_matches(' ').starts_with('年')
}

/// Whether `text` opens with a field's label: one to six Han characters and a colon
/// (`来源：`, `海拔情况：`, `下一篇:`), or its characters each set apart by a space as a form
/// lays them out (`邮 编：`; not a name before a label, `田戈 责任编辑：`).
fn is_label(text: &str) -> bool {
    let Some(end) =
        text.char_indices().take(2 * FIELD_LABEL_HAN).find(|&(_, c)| !is_han(c) && c != ' ').map(|(k, _)| k)
    else {
        return false;
    };
    let (label, colon) = text.split_at(end);
    let parts = || label.split(' ');
    colon.starts_with(['：', ':'])
        && parts().all(|w| !w.is_empty())
        && match parts().count() {
            1 => (1..=FIELD_LABEL_HAN).contains(&label.chars().count()),
            n => n <= FIELD_LABEL_HAN && parts().all(|w| w.chars().count() == 1),
        }
}

/// Whether `text` opens with a list item's number: one or two digits set off by two spaces
/// or more, of any kind (`3   国家药监局`), or followed by 、 or a full stop (`3、`, `3.`, not
/// `3.5`); or a numeral in brackets (`（一）`, `(2)`). A date or a count (`5月29日`, `2018年`)
/// is none.
fn opens_item(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &text[digits..];
        let dot =
            rest.strip_prefix(['.', '．']).is_some_and(|r| !r.starts_with(|c: char| c.is_ascii_digit()));
        return set_off(rest) || rest.starts_with('、') || dot;
    }
    let Some(inner) = text.strip_prefix(['（', '(']) else { return false };
    let numeral =
        inner.chars().take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c)).count();
    (1..=3).contains(&numeral) && inner.chars().nth(numeral).is_some_and(|c| matches!(c, '）' | ')'))
}

/// Whether `text` opens with a digest's section label, two to four Han characters set off by
/// two spaces or more (`反腐   福建原省长`).
fn opens_section(text: &str) -> bool {
    let end = text.char_indices().find(|&(_, c)| !is_han(c)).map_or(text.len(), |(k, _)| k);
    (2..=4).contains(&text[..end].chars().count()) && set_off(&text[end..])
}

/// Whether `text` opens with two spaces or more, of any kind.
fn set_off(text: &str) -> bool {
    text.chars().take(2).filter(|c| c.is_whitespace()).count() == 2
}

/// Whether `line` (from the paragraph's start) is a heading's or a list item's number:
/// digits and dots only, `4.5.3.`, `2.`.
fn is_heading_number(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with(|c: char| c.is_ascii_digit()) && line.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Whether `before` ends with a short label (no mark in it that ends a sentence or divides
/// one more than a comma does) that two spaces set off after a sentence's end.
fn ends_subheading(before: &str) -> bool {
    // The characters of a subheading; a longer stretch is a sentence.
    const SUBHEADING: usize = 24;
    let label: String = before.chars().rev().take_while(|&c| c != ' ').take(SUBHEADING + 1).collect();
    let n = label.chars().count();
    if n > SUBHEADING || label.contains(['。', '！', '？', '；', '：']) {
        return false;
    }
    // `label` is reversed; what stands before it is the gap and the sentence's end.
    let rest = &before[..before.len() - label.len()];
    rest.ends_with("  ") && is_layout("  ", rest.trim_end_matches(' '), None)
}

/// Name the kind of space for the message: 空格, 全角空格, 不换行空格.
fn describe_space(s: &str) -> String {
    let kind = if s.contains('\u{3000}') {
        "全角空格"
    } else if s.contains('\u{a0}') {
        "不换行空格"
    } else {
        "空格"
    };
    kind.to_string()
}
