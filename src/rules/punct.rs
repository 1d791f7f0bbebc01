//! punct/*: the forms of marks — half-width marks in Chinese text, ellipses not written
//! ……, doubled marks, and look-alikes of the name dot ·.

use super::common::{
    asks, escaped, in_formula, in_option_brackets, is_chinese_side, is_han, is_lost_question, next_solid,
    prev_solid, stop_before_count, RULE_LINE,
};
use super::Context;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::document::{Document, Paragraph};
use crate::scan::{Kind, Run};

pub const HALFWIDTH: &str = "punct/halfwidth";
pub const ELLIPSIS: &str = "punct/ellipsis";
pub const REPEATED: &str = "punct/repeated";
pub const NAME_DOT: &str = "punct/name-dot";
pub const RULES: &[&str] = &[HALFWIDTH, ELLIPSIS, REPEATED, NAME_DOT];

pub fn check(cx: &mut Context) {
    let doc = cx.doc;
    for p in &doc.paragraphs {
        if !doc.has_han(p) {
            continue;
        }
        // Whether the paragraph is a command synopsis (`[选项]...`), and whether its bullets
        // open a list run into one line; each read once on first need.
        let synopsis = std::cell::OnceCell::new();
        let bullets = std::cell::OnceCell::new();
        let diagram = std::cell::OnceCell::new();
        let table_tab = std::cell::OnceCell::new();
        let mut i = p.runs.start;
        while i < p.runs.end {
            let r = doc.runs[i];
            let Some(c) = r.mark() else {
                i += 1;
                continue;
            };
            if let Some(n) = ellipsis(cx, p, i, &synopsis) {
                i += n;
                continue;
            }
            if is_dot_like(c)
                && r.chars == 1
                && name_between(cx, p, i)
                && !in_handle(doc, p, i)
                && !(c == '•' && *bullets.get_or_init(|| opens_bullet_list(doc, p)))
            {
                name_dot(cx, i, c);
            } else if matches!(c, ',' | '.' | ';' | ':' | '?' | '!' | '(')
                && *diagram.get_or_init(|| is_diagram(doc, p))
            {
                // The labels of a diagram drawn in characters keep its marks.
            } else if matches!(c, ',' | ';' | ':' | '!')
                && *table_tab.get_or_init(|| table_separator(doc, p)) == Some(c)
            {
                // A table's column separator.
            } else if matches!(c, ',' | '.' | ';' | ':' | '?' | '!') {
                halfwidth(cx, p, i, c);
            } else if c == '(' {
                halfwidth_parens(cx, p, i);
            } else if matches!(c, '，' | '。' | '、' | '；' | '：') {
                i += repeated(cx, p, i);
                continue;
            } else if matches!(c, '？' | '！') && r.chars > 3 {
                // Up to three ？ or ！ in a row are allowed.
                let (found, one) = (doc.slice(r.start, r.end), c.to_string());
                if let Some(d) = cx.report(REPEATED, r.start, r.end, "", &[("found", found), ("fix", &one)]) {
                    d.fix = Some(Fix::replace(Applicability::Unsafe, r.start, r.end, &one));
                }
            }
            i += 1;
        }
    }
}

/// The column separator a manual page's table declares, `tab(:)`, when the extraction left
/// the table's source in the line (`tab(:); c s l l.设备标志:含义 IFF_UP:接口正在运行.`): in
/// the line that mark separates cells and is no punctuation of the text.
fn table_separator(doc: &Document, p: &Paragraph) -> Option<char> {
    let line = doc.slice(p.start, p.end);
    line.match_indices("tab(").find_map(|(k, _)| {
        let mut rest = line[k + 4..].chars();
        let (c, close) = (rest.next()?, rest.next()?);
        (close == ')' && c.is_ascii_punctuation()).then_some(c)
    })
}

/// Whether a line is a diagram drawn in characters (a man page's chart of units, its lines
/// run together by the extraction): boxes' sides ` | ` twice or more and three gaps of four
/// spaces or more between its labels.
fn is_diagram(doc: &Document, p: &Paragraph) -> bool {
    let runs = &doc.runs[p.runs.clone()];
    let gaps = runs.iter().filter(|r| r.kind == Kind::Space && r.chars >= 4).count();
    let sides = runs
        .windows(3)
        .filter(|w| {
            w[1].is_mark('|') && w[1].chars == 1 && w[0].kind == Kind::Space && w[2].kind == Kind::Space
        })
        .count();
    sides >= 2 && gaps >= 3
}

fn fullwidth_of(c: char) -> char {
    match c {
        ',' => '，',
        '.' => '。',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        c => c,
    }
}

fn is_dot_like(c: char) -> bool {
    matches!(c, '・' | '•' | '‧' | '．' | '･' | '∙' | '⋅' | '.' | '?' | '？')
}

/// Whether mark run `i` stands between two parts of a transliterated name:
/// Han on both sides, most of the characters next to it typical of transliteration.
pub fn name_between(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let doc = cx.doc;
    if i == p.runs.start || i + 1 >= p.runs.end {
        return false;
    }
    if !doc.runs[i - 1].is_han() || !doc.runs[i + 1].is_han() {
        return false;
    }
    let c = doc.runs[i].mark().unwrap_or('·');
    // A dot look-alike between two Han characters stands where · belongs, in names and
    // in titles alike (神剑·春雷); the full-width full stop ． needs a name around it.
    if matches!(c, '・' | '•' | '‧' | '･' | '∙' | '⋅') {
        return true;
    }
    if c == '．' {
        return super::name::Sides::near_of(cx, i).iter().all(|&(_, t)| t >= 1);
    }
    // ? and .: parts of a name on both sides, as told by their characters.
    super::name::parts_around(cx, i - 1, i + 1)
}

/// Whether the paragraph's first `•` opens it or follows a colon (`基础知识：•是什么-概念
/// •靠什么-环境`): its `•`s are the bullets of a list run into one line, not name dots.
fn opens_bullet_list(doc: &Document, p: &Paragraph) -> bool {
    let line = doc.slice(p.start, p.end);
    line.find('•').is_some_and(|at| {
        let before = line[..at].trim_end();
        before.trim_start().is_empty() || before.ends_with(['：', ':'])
    })
}

/// Whether mark run `i` is inside an account name (`@敏•敏`): kept as its owner spells it.
fn in_handle(doc: &Document, p: &Paragraph, i: usize) -> bool {
    i >= p.runs.start + 2 && doc.runs[i - 2].is_mark('@')
}

fn name_dot(cx: &mut Context, i: usize, c: char) {
    let r = cx.doc.runs[i];
    // Between words that are no name (新闻资讯•民生热点, 唐•李白) the message names the
    // mark without calling its neighbours a foreign name.
    let key = if matches!(c, '?' | '？' | '.') {
        "lost"
    } else if super::name::Sides::near_of(cx, i).iter().all(|&(_, t)| t >= 1) {
        ""
    } else {
        "separator"
    };
    let found = c.to_string();
    if let Some(d) = cx.report(NAME_DOT, r.start, r.end, key, &[("found", &found)]) {
        let app = if key.is_empty() { Applicability::Safe } else { Applicability::Unsafe };
        d.fix = Some(Fix::replace(app, r.start, r.end, "·"));
    }
}

fn in_code(doc: &Document, i: usize) -> bool {
    let Some(chunk) = doc.chunk_at(i).filter(|c| c.is_code) else { return false };
    // A comma, semicolon or colon that ends a piece of code right before Chinese is the
    // sentence's: `好于 $VarNamesLikeThis,对不以英语为母语的人`, `邮件 ian@sq.com,邮寄地址`
    // (but not the `;` that closes an HTML entity, `&amp;江海`).
    let sentence_mark = i + 1 == chunk.runs.end
        && match doc.runs[i].mark() {
            Some(',' | ':') => true,
            Some(';') => !doc.chunk_text(chunk).contains('&'),
            _ => false,
        }
        && doc.runs.get(i + 1).is_some_and(|r| r.is_han());
    !sentence_mark
}

fn halfwidth(cx: &mut Context, p: &Paragraph, i: usize, c: char) {
    let doc = cx.doc;
    let r = doc.runs[i];
    if in_code(doc, i) || (r.chars > 1 && !matches!(c, '?' | '!')) || r.chars > 3 {
        return;
    }
    if is_lost_question(cx, p, i) {
        return; // char/invisible reports it
    }
    let prev = (i > p.runs.start).then(|| doc.runs[i - 1]);
    let next = (i + 1 < p.runs.end).then(|| doc.runs[i + 1]);
    // A mark that fills a quotation or brackets is named, not used: `缺省为“.”`, `句点（.）`.
    let quoted = |o: char, c: char| prev.is_some_and(|r| r.is_mark(o)) && next.is_some_and(|r| r.is_mark(c));
    if quoted('“', '”') || quoted('「', '」') || quoted('‘', '’') || quoted('（', '）') {
        return;
    }
    // … and so is one listed among symbols, `(@、&、<、>、!)`; `!=` is an operator.
    let listed = prev.is_some_and(|r| r.is_mark('、'))
        && i >= p.runs.start + 2
        && !doc.runs[i - 2].is_han()
        && next.is_some_and(|r| matches!(r.mark(), Some('、' | '）' | ')')));
    let operator = c == '!' && r.chars == 1 && next.is_some_and(|n| n.is_mark('='));
    // A `!` right before 命令 that opens a line or follows `:` is the shell-escape command
    // (`:!命令`); on a technical page a `?` or `!` there names a command wherever it stands
    // (`同以上的?命令相同`).
    let command = r.chars == 1
        && doc.slice(r.end, p.end).starts_with("命令")
        && ((c == '!' && prev.is_none_or(|r| r.kind == Kind::Space || r.is_mark(':')))
            || (matches!(c, '?' | '!') && cx.register().technical));
    // A roff comment's marker left in a manual page's text, `部分.\"`, is code's.
    let roff_comment = c == '.' && doc.slice(r.end, p.end).starts_with("\\\"");
    // `-?` after a word or a space on a technical page is the help option (`使用-h或-?选项`).
    let option = c == '?'
        && r.chars == 1
        && prev.is_some_and(|r| r.is_mark('-') && r.chars == 1)
        && i >= p.runs.start + 2
        && matches!(doc.runs[i - 2].kind, Kind::Han | Kind::Space)
        && cx.register().technical;
    // A separator in a format a manual page spells out with placeholders, `[设备号]:节点号`,
    // when its example in the same line shows it between values (`[0301]:1502`).
    // (The example is looked for in the 200 bytes after the mark.)
    let template = c == ':' && prev.is_some_and(|r| r.is_mark(']')) && cx.register().technical && {
        let ahead = &doc.text.as_bytes()[r.end..p.end.min(r.end + 200)];
        ahead.windows(3).any(|w| w[0] == b']' && w[1] == b':' && w[2].is_ascii_alphanumeric())
    };
    if listed
        || operator
        || command
        || roff_comment
        || option
        || template
        || (matches!(c, ':' | ';') && is_emoticon(doc, p, i))
    {
        return;
    }
    let prev_cn = is_chinese_side(prev.as_ref());
    let next_cn = next.is_some_and(|n| n.is_han());
    let next_kind = next.map(|n| n.kind);
    let prev_kind = prev.map(|n| n.kind);
    let flag = match c {
        // (`};` ends a C declaration run into the text of a manual page: code's.)
        ',' | ';' => {
            (prev_cn || next_cn)
                && !(prev_kind == Some(Kind::Digit) && next_kind == Some(Kind::Digit))
                && !(c == ';' && prev_kind == Some(Kind::Punct('}')))
        }
        '.' => {
            prev_cn
                && (!matches!(next_kind, Some(Kind::Digit | Kind::Latin)) || stop_before_count(doc, p, i))
                && !opens_suffix_pattern(&doc.text[r.end..p.end])
        }
        // `案例:2017年` is wrong; `10:30` and `3:1` are not, nor is `时:分:秒`.
        ':' => (prev_cn || (next_cn && prev_kind != Some(Kind::Digit))) && !between_clock_units(doc, i),
        _ => prev_cn || (next_cn && prev_kind != Some(Kind::Latin)),
    };
    // Notation with marks of its own: `?option?` in a synopsis, a formula's arguments.
    if !flag || in_option_brackets(doc, p, i) || in_formula(doc, p, r.start) {
        return;
    }
    let found = doc.slice(r.start, r.end);
    // A `.` that ends no sentence: between a work's title and its part inside title marks
    // (《沁园春.雪》 → ·), after a numeral that opens a line or follows a break in it
    // (四.注意事项, `。一. 尘封梦魇` → 、, the space with the dot).
    let spaced_cn = next.is_some_and(|n| n.kind == Kind::Space)
        && next_solid(doc, p, i).is_some_and(|k| doc.runs[k].is_han());
    if c == '.' && (next_cn || spaced_cn) {
        let instead = if next_cn && in_title_marks(doc, p, i) {
            Some(("title-dot", "·"))
        } else if opens_with_ordinal(doc, p, i) {
            Some(("ordinal", "、"))
        } else if next_cn && separates_words(doc, p, i) {
            Some(("separator", "、"))
        } else {
            None
        };
        if let Some((key, fix)) = instead {
            if let Some(d) = cx.report(HALFWIDTH, r.start, r.end, key, &[("found", found), ("fix", fix)]) {
                // (Which mark a list of words wants, 、 or ·, is the editor's choice.)
                let applicability =
                    if key == "separator" { Applicability::Unsafe } else { Applicability::Safe };
                let end = if spaced_cn { doc.runs[i + 1].end } else { r.end };
                d.fix = Some(Fix::replace(applicability, r.start, end, fix));
            }
            return;
        }
    }
    // `储量为.万吨`, `含镍一般.-.`: a decimal point left where a text lost its digits (before
    // a unit, or opening a range of two such); the editor restores the number from the
    // source, so there is nothing to fix to.
    let lost_range = ["-.", "~.", "—.", "－."].iter().any(|d| doc.text[r.end..p.end].starts_with(d));
    if c == '.' && r.chars == 1 && ((next_cn && before_unit(cx, i)) || lost_range) {
        cx.report(HALFWIDTH, r.start, r.end, "lost-digits", &[("found", found)]);
        return;
    }
    // `同比涨.，`, `解决问题.。`: a `.` right before a full-width clause mark is no full
    // stop (`。，` is no Chinese); a decimal point whose digits were lost, or a dot too many.
    let clause_mark = next.and_then(|n| n.mark()).filter(|m| matches!(m, '，' | '、' | '；' | '：' | '。'));
    if let (Some(m), '.', 1) = (clause_mark, c, r.chars) {
        cx.report(HALFWIDTH, r.start, r.end, "before-mark", &[("found", found), ("next", &m.to_string())]);
        return;
    }
    let fw: String = std::iter::repeat_n(fullwidth_of(c), r.chars as usize).collect();
    // A `?` after a sentence with no question word may be a lost character instead.
    if c == '?' && !asks(cx, p, r.start) {
        if let Some(d) = cx.report(HALFWIDTH, r.start, r.end, "maybe-lost", &[("found", found), ("fix", &fw)])
        {
            d.fix = Some(Fix::replace(Applicability::Unsafe, r.start, r.end, &fw));
        }
        return;
    }
    // Spaces after the mark go with it: `表示, 双方` → `表示，双方`.
    let end = match next {
        Some(n) if n.kind == Kind::Space && prev_cn && next_solid(doc, p, i).is_some() => n.end,
        _ => r.end,
    };
    if let Some(d) = cx.report(HALFWIDTH, r.start, r.end, "", &[("found", found), ("fix", &fw)]) {
        d.fix = Some(Fix::replace(Applicability::Safe, r.start, end, &fw));
    }
}

/// Whether the text after a `.` is a character class that makes it a file suffix's pattern,
/// `.[0-9]+pk`, `.[1-9][a-z]` (a manual page's table of suffixes, its line breaks lost).
fn opens_suffix_pattern(after: &str) -> bool {
    let Some(class) = after.strip_prefix('[') else { return false };
    let Some(close) = class.bytes().take(12).position(|b| b == b']') else { return false };
    let class = &class.as_bytes()[..close];
    class.len() >= 3 && class.contains(&b'-') && class.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// Whether the `:` of run `i` separates the units of a clock named in a format, `时:分`
/// or `分:秒`, each a word of one character, or `小时:分钟:秒钟`, words of two that may
/// end and open longer runs (`用小时:分钟:秒钟表示`); `同时:分组` is a sentence's colon.
fn between_clock_units(doc: &Document, i: usize) -> bool {
    let han = |k: usize| doc.runs.get(k).filter(|r| r.is_han()).map(|r| doc.slice(r.start, r.end));
    let (Some(before), Some(after)) = (i.checked_sub(1).and_then(han), han(i + 1)) else {
        return false;
    };
    matches!((before, after), ("时", "分") | ("分", "秒"))
        || (before.ends_with("小时") && after.starts_with("分钟"))
        || (before.ends_with("分钟") && after.starts_with("秒钟"))
}

/// Whether the `:` or `;` of run `i` (the caller checks which) opens a smiley in an informal
/// aside (`那是你的问题了:-)`, `也就是no KeepAlive啦;)`): `:-)`, `;-)`, `:-(`, `:-P`, `:-D`, or
/// without the nose `:)` and `;)` when no bracket is open before it on the line (`(网址:)`
/// is a bracket closed after a lost address).
fn is_emoticon(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let after = &doc.text[doc.runs[i].end..p.end];
    let mut chars = after.chars();
    let (first, second) = (chars.next(), chars.next());
    let face = |c: Option<char>| matches!(c, Some(')' | '(' | 'P' | 'D'));
    let ends = |c: Option<char>| !c.is_some_and(|c| c.is_ascii_alphanumeric());
    if first == Some('-') && face(second) {
        return ends(chars.next());
    }
    if first != Some(')') {
        return false;
    }
    let mut depth = 0i32;
    for r in &doc.runs[p.runs.start..i] {
        match r.mark() {
            Some('(' | '（') => depth += 1,
            Some(')' | '）') => depth -= 1,
            _ => {}
        }
    }
    depth <= 0
}

/// Whether run `i` stands inside title marks of its paragraph: a 《 before it and a 》
/// after it, with neither mark closed or opened between, within the runs a title holds
/// (a bound, so that a line of many dots is not read once for each).
fn in_title_marks(doc: &Document, p: &Paragraph, i: usize) -> bool {
    const REACH: usize = 32;
    let title_mark = |j: usize| doc.runs[j].mark().filter(|m| matches!(m, '《' | '》'));
    (p.runs.start.max(i.saturating_sub(REACH))..i).rev().find_map(title_mark) == Some('《')
        && (i + 1..p.runs.end.min(i + 1 + REACH)).find_map(title_mark) == Some('》')
}

/// Whether run `i` follows a Chinese numeral that opens its line, as an item's number
/// does (四.注意事项, 十二.附则), or opens a heading run into the text after a sentence's
/// end or a break (`迥然不同。? ?一. 尘封梦魇`).
fn opens_with_ordinal(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    // What may stand before a numbered heading run into a paragraph: a sentence's end, or
    // a space or characters lost where its line broke.
    let after_break = |j: usize| {
        j > p.runs.start
            && (matches!(doc.runs[j - 1].kind, Kind::Space | Kind::Invisible)
                || matches!(doc.runs[j - 1].mark(), Some('。' | '！' | '？' | '?')))
    };
    prev_solid(doc, p, i).is_some_and(|j| {
        let t = doc.run_text(j);
        (j == doc.trimmed_runs(p).start || after_break(j)) && t.len() <= 9 && t.chars().all(numeral)
    })
}

/// Whether the `.` of run `i` is one of three or more in a row between Han words, those
/// between two dots short (four characters at most), as a site's menu separates its items:
/// `平台热文.爆料.招聘.求职`.
fn separates_words(doc: &Document, p: &Paragraph, i: usize) -> bool {
    // The characters of a word between two dots, and the dots that make a list.
    const WORD: u32 = 4;
    const DOTS: usize = 3;
    let han = |k: usize| doc.runs[k].is_han();
    let dot = |k: usize| doc.runs[k].is_mark('.') && doc.runs[k].chars == 1;
    if !(i > p.runs.start && han(i - 1) && i + 1 < p.runs.end && han(i + 1)) {
        return false;
    }
    let mut dots = 1;
    // Backwards from the word before the dot, forwards from the word after it: a word
    // with a dot beyond it too is between two dots.
    let mut k = i - 1;
    while dots < DOTS && k >= p.runs.start + 2 && dot(k - 1) && han(k - 2) && doc.runs[k].chars <= WORD {
        dots += 1;
        k -= 2;
    }
    let mut k = i + 1;
    while dots < DOTS && k + 2 < p.runs.end && dot(k + 1) && han(k + 2) && doc.runs[k].chars <= WORD {
        dots += 1;
        k += 2;
    }
    dots >= DOTS
}

/// Whether the `.` of run `i`, between Han characters, comes before a unit that follows a
/// number (`.万人`, `.亿元`, `.立方米`, `.左右`: `digit_units` in rules/words.toml): a decimal
/// point whose digits are lost, not a full stop. A word that may open a sentence (万一,
/// 元旦, 左右为难: `digit_units_not`) is not a unit.
fn before_unit(cx: &Context, i: usize) -> bool {
    let (doc, words) = (cx.doc, &cx.catalog.words);
    let Some(next) = doc.runs.get(i + 1).filter(|r| r.is_han()) else {
        return false;
    };
    let after = doc.slice(next.start, next.end);
    words.digit_units.iter().any(|u| after.starts_with(u))
        && !words.digit_units_not.iter().any(|w| after.starts_with(w))
}

/// `(…)` around Chinese text → `（…）`. A Latin-only gloss in half-width brackets is
/// a house-style matter and left alone here.
fn halfwidth_parens(cx: &mut Context, p: &Paragraph, i: usize) {
    let doc = cx.doc;
    let open = doc.runs[i];
    if in_code(doc, i) || escaped(doc, &open) {
        return;
    }
    let Some(j) = (i + 1..p.runs.end).find(|&j| matches!(doc.runs[j].mark(), Some(')' | '(' | '）'))) else {
        return;
    };
    if !doc.runs[j].is_mark(')') {
        return;
    }
    let close = doc.runs[j];
    let inner_han = doc.runs[i + 1..j].iter().any(|r| r.is_han());
    // `DCOUNT(数据库;字段;条件)`: the brackets of a function call; `index("谆谆教诲", "蛔")`: a
    // call in code, a name glued to the bracket and a string in it.
    let called = i > p.runs.start
        && doc.runs[i - 1].kind == Kind::Latin
        && doc.runs[i - 1].end == open.start
        && doc.text[open.end..].starts_with(['"', '\'']);
    // `「(用户配置文件目录)/Scripts/python」`: a placeholder that a path goes on from.
    let placeholder = doc.text[close.end..]
        .strip_prefix('/')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
        && (i == p.runs.start || !matches!(doc.runs[i - 1].kind, Kind::Latin | Kind::Digit));
    if !inner_han
        || called
        || placeholder
        || in_formula(doc, p, open.end)
        || heads_option(doc, p, i, j)
        || arithmetic(doc, p, i, j)
    {
        return;
    }
    let found = doc.slice(open.start, close.end);
    let found = if found.chars().count() > 12 { "(…)" } else { found };
    if let Some(d) = cx.report(HALFWIDTH, open.start, open.end, "parens", &[("found", found)]) {
        d.labels.push(crate::diagnostic::Label {
            start: close.start,
            end: close.start + 1,
            message: String::new(),
        });
        d.fix = Some(Fix::new(
            Applicability::Safe,
            "改为全角括号（）",
            vec![
                Edit { start: open.start, end: open.start + 1, replacement: "（".into() },
                Edit { start: close.start, end: close.start + 1, replacement: "）".into() },
            ],
        ));
    }
}

/// `400k + ( 8 x 数据块长度 )`, `利润=数量 * (出售价格 - 直接成本)`, `度=(弧度*180)/pi`: the
/// brackets of runs `i` and `j` group a term of a formula written in words. Inside them an
/// operator that only formulas use (`*`, `×`, `÷`, ` x `, ` + `, `+` by a digit) with any
/// operator or `=` right outside (past spaces), or a `-` or `/` with one of those or `=`
/// outside. A slash or a plus between words alone is a list or a name: `(保定/张家口)/河北多线`,
/// `(安康新网+今日安康)-安康市`.
fn arithmetic(doc: &Document, p: &Paragraph, i: usize, j: usize) -> bool {
    let inner = doc.slice(doc.runs[i].end, doc.runs[j].start);
    let digit_plus = inner.char_indices().filter(|&(_, c)| c == '+').any(|(k, _)| {
        inner[..k].ends_with(|c: char| c.is_ascii_digit())
            || inner[k + 1..].starts_with(|c: char| c.is_ascii_digit())
    });
    let strong_inside =
        inner.contains(['*', '×', '÷']) || inner.contains(" x ") || inner.contains(" + ") || digit_plus;
    let weak_inside = inner.contains(['-', '/']);
    let before = doc.slice(p.start, doc.runs[i].start).trim_end();
    let after = doc.slice(doc.runs[j].end, p.end).trim_start();
    // `x` multiplies when it stands alone (`计税价格x(`), not as a name's last letter (`code_x (`).
    let times_before = before
        .strip_suffix('x')
        .is_some_and(|b| !b.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_'));
    let strong = |c: Option<char>| matches!(c, Some('=' | '*' | '×' | '÷' | '+'));
    let strong_outside = strong(before.chars().next_back()) || times_before || strong(after.chars().next());
    let weak_outside = matches!(before.chars().next_back(), Some('-' | '/'))
        || matches!(after.chars().next(), Some('-' | '/'));
    (strong_inside && (strong_outside || weak_outside)) || (weak_inside && strong_outside)
}

/// `(-j 目标跳转)`, `( [!] -f --分片)`: brackets that open a line of a manual page around
/// an option and its translated argument, the heading of the option's entry — a synopsis
/// in code's brackets. At most three words, the first an option (`-x`, `--x`) or `[!]`.
fn heads_option(doc: &Document, p: &Paragraph, i: usize, j: usize) -> bool {
    let before = doc.runs[p.runs.start..i].iter().rev().find(|r| r.kind != Kind::Space);
    if before.is_some_and(|r| r.kind != Kind::Newline) {
        return false;
    }
    let inner = doc.slice(doc.runs[i].end, doc.runs[j].start);
    let mut words = inner.split_whitespace();
    let option = words.next().is_some_and(|w| {
        w == "[!]"
            || w.strip_prefix('-')
                .is_some_and(|o| o.starts_with(|c: char| c == '-' || c.is_ascii_alphabetic()))
    });
    option && words.nth(2).is_none()
}

/// Ellipses written any way but `……`. Returns how many runs it consumed.
fn ellipsis(
    cx: &mut Context,
    p: &Paragraph,
    i: usize,
    synopsis: &std::cell::OnceCell<bool>,
) -> Option<usize> {
    let doc = cx.doc;
    let is_part = |c: char| matches!(c, '.' | '。' | '…' | '·' | '・' | '．' | '⋯');
    let (from, mut j) = (i, i);
    while j < p.runs.end && doc.runs[j].mark().is_some_and(is_part) {
        j += 1;
    }
    let single = |k: usize, marks: &[char]| {
        doc.runs[k].chars == 1 && doc.runs[k].mark().is_some_and(|m| marks.contains(&m))
    };
    // `剁下了她的手。……`: the full stop of a whole sentence before an ellipsis is kept (the
    // omission follows the sentence); only the dots after it can be wrong: `。...`, `。..`.
    let after_stop = j - i >= 2 && single(i, &['。']);
    let i = if after_stop { i + 1 } else { i };
    // `抗...·【视频】`: a lone `·` after the dots separates a list of headlines.
    if j - i >= 2 && single(j - 1, &['·', '・']) {
        j -= 1;
    }
    let runs = &doc.runs[i..j];
    let first = runs.first()?.mark()?;
    if matches!(first, '·' | '・') && dots_decorate(doc, p, i, j) {
        return Some(j - from);
    }
    if first == '.' && runs.len() == 1 && dots_rule(doc, p, &runs[0]) {
        return Some(j - from);
    }
    if runs.len() == 1 {
        let n = runs[0].chars;
        let wrong = match first {
            '…' => n != 2,
            '.' if after_stop => n >= 2,
            '.' | '。' | '·' | '・' | '．' => n >= 3,
            '⋯' => true,
            _ => false,
        };
        if !wrong {
            return None;
        }
        // (One `…` after an ASCII comma goes on a list of code's, `"a", "b", … 等指示`.)
        let listing = || prev_solid(doc, p, i).is_some_and(|k| doc.runs[k].is_mark(','));
        if first == '…' && (ends_ui_label(cx, p, i, j) || listing()) {
            return None;
        }
        if first == '.' {
            // ASCII dots in a Chinese paragraph, except after a Latin word (English text),
            // before a number (1...5, dot leaders) and inside code or command syntax.
            let kind = |k: Option<usize>| k.map(|k| doc.runs[k].kind);
            let (before, after) = (kind(prev_solid(doc, p, i)), kind(next_solid(doc, p, i)));
            let latin = before == Some(Kind::Latin);
            // A page number follows dot leaders in a table of contents (设计......27).
            let digits = after == Some(Kind::Digit) && !after_stop;
            // `[选项]...` repeats an argument in a command synopsis, and so does `...` after
            // any argument of a synopsis that has one such (`chgrp [选项列表]... 组 文件...`)
            // or of a line that reads as one (`basename 选项... 名称...`).
            // After an ASCII comma or bracket it stands for the rest of a list or of a call's
            // arguments: `A, AAAA, MX, ...`, `open(my $fh, ...)`; in a document with computing
            // signs `[...]` is a placeholder (`'[...]'`, `用户 [...]`), in copy a cut's mark.
            // (So is one after `[^`, a bracket expression's negation: `'[^...]'`.)
            let negated = before == Some(Kind::Punct('^'))
                && prev_solid(doc, p, i)
                    .and_then(|k| prev_solid(doc, p, k))
                    .is_some_and(|k| doc.runs[k].is_mark('['));
            // In a Tcl list's template, dots repeat what comes before them up to its closing
            // brace: `{command 菜单名 ?标签列表? ?选项值? ...}`, `{… 菜单项...}`.
            let template = after == Some(Kind::Punct('}'))
                || (before == Some(Kind::Punct('?')) && {
                    // The `?` closes an optional argument's name, `?选项值?`.
                    let head = doc.slice(p.start, runs[0].start).trim_end().strip_suffix('?').unwrap_or("");
                    let name = head.rsplit('?').next().unwrap_or("");
                    head.len() > name.len()
                        && !name.is_empty()
                        && name.chars().count() <= 12
                        && !name.contains(' ')
                });
            let placeholder =
                (before == Some(Kind::Punct('[')) || negated || template) && cx.register().computing;
            // … and after a code's symbol standing alone, the rest of an escape sequence:
            // `ESC * ...`, `ESC % ...` (a percentage before dots, `增长5%...`, is copy's).
            let sequence = || {
                // (One space run between the symbol and the dots, one before the symbol.)
                let standing =
                    prev_solid(doc, p, i).filter(|&k| k + 2 == i && k > p.runs.start).is_some_and(|k| {
                        let r = doc.runs[k];
                        let symbol = r.mark().is_some_and(|m| m.is_ascii() && !".,;:?!".contains(m));
                        symbol && r.chars == 1 && doc.runs[k - 1].kind == Kind::Space
                    });
                standing && cx.register().computing
            };
            // … and inside a comment's delimiters, the comment's text left out: `/* ... */`.
            let comment = before == Some(Kind::Punct('*'))
                && doc.slice(p.start, runs[0].start).trim_end().ends_with("/*")
                && doc.slice(runs[0].end, p.end).trim_start().starts_with("*/");
            // … and dots standing for a table's rows left out, in both columns (a tab
            // between them): `由功能键F14发送的字符串...<tab>... F9`.
            let elided_rows = doc.slice(runs[0].end, p.end).starts_with("\t...")
                || doc.slice(p.start, runs[0].start).ends_with("...\t");
            let syntax = placeholder
                || comment
                || elided_rows
                || sequence()
                || matches!(before, Some(Kind::Punct(']' | '/' | '\\' | '>' | ',' | '(')))
                // (Dots before a slash are a path's: `“.../”`, the parent's parent.)
                || after == Some(Kind::Punct('/'))
                || *synopsis.get_or_init(|| {
                    let line = doc.slice(p.start, p.end);
                    line.contains("]...") || (cx.register().computing && is_synopsis_line(line))
                });
            if latin || digits || syntax || in_code(doc, i) || ends_ui_label(cx, p, i, j) {
                return None;
            }
        }
    } else if !runs.iter().any(|r| r.is_mark('…') || r.is_mark('⋯'))
        && runs.iter().map(|r| r.chars).sum::<u32>() < 3
    {
        return None;
    }
    let (start, end) = (runs[0].start, runs[runs.len() - 1].end);
    let found = doc.slice(start, end);
    if let Some(d) = cx.report(ELLIPSIS, start, end, "", &[("found", found)]) {
        d.fix = Some(Fix::replace(Applicability::Safe, start, end, "……"));
    }
    Some(j - from)
}

/// Whether a line reads as a command's synopsis: a command (a word in lower case) and a
/// space opening it, then placeholders, brackets and dots, with no full-width mark of a
/// sentence and no placeholder longer than a few characters (`basename 选项... 名称...`,
/// `cat [选项] 文件...`; not a title, `Title is: 要访问此功能...`).
fn is_synopsis_line(line: &str) -> bool {
    const PLACEHOLDER: usize = 6;
    let line = line.trim();
    let command = line.split(' ').next().unwrap_or_default();
    let command_chars = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-');
    line.len() > command.len()
        && command.starts_with(|c: char| c.is_ascii_lowercase())
        && command.chars().all(command_chars)
        && line.contains("...")
        && !line.contains(['。', '，', '；', '：', '？', '！', '、', '（', '“'])
        && line.split(|c: char| !is_han(c)).all(|w| w.chars().count() <= PLACEHOLDER)
}

/// Whether a row of ASCII dots is a drawn line, not an ellipsis: `RULE_LINE` dots or more
/// that end their line (`具体分以下几种：...................................⏎`) or stand
/// alone, or a row long enough to be one wherever it stands (run into the text when line
/// breaks were lost: `分进面.............................................更多信息`).
/// A shorter row inside a sentence, `唉..................其实`, is an ellipsis.
fn dots_rule(doc: &Document, p: &Paragraph, r: &Run) -> bool {
    const RUN_IN: u32 = 30;
    let edge = |s: &str| s.trim().is_empty();
    r.chars >= RUN_IN
        || (r.chars >= RULE_LINE && (edge(&doc.text[r.end..p.end]) || edge(&doc.text[p.start..r.start])))
}

/// Whether the middle dots of runs `i..j` are decoration, not an ellipsis: rows framing a
/// chapter's heading on both sides (`···?·······第4章 放弃用命来换···········`, a serialised
/// novel's page: the heading `第…章`, `第…节` or `第…回` follows within a few marks and a row
/// of dots closes it, or it opened the stretch just before this row with no sentence mark
/// since), or a long row standing alone between spaces or line edges, a separator
/// (`RULE_LINE` dots or more). An ellipsis after a sentence that names a chapter
/// (`读完了第3章······`) is none of these.
fn dots_decorate(doc: &Document, p: &Paragraph, i: usize, j: usize) -> bool {
    const SENTENCE_END: [char; 5] = ['。', '！', '？', '!', '?'];
    let dots = |c: char| matches!(c, '·' | '・');
    let (start, end) = (doc.runs[i].start, doc.runs[j - 1].end);
    // The length of the heading `第…章` at the start of `s`, if one opens it.
    let heading = |s: &str| {
        let rest = s.strip_prefix('第')?;
        let numeral = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十百千".contains(c);
        let (e, kind) = rest.char_indices().find(|&(_, c)| !numeral(c))?;
        matches!(kind, '章' | '节' | '回').then(|| '第'.len_utf8() + e + kind.len_utf8())
    };
    let filler = |c: char| dots(c) || matches!(c, '?' | ' ' | '\u{3000}');
    // Before a heading whose title a row of dots closes.
    let after = &doc.text[end..p.end];
    if let Some((k, _)) = after.char_indices().take(12).find(|&(_, c)| !filler(c)) {
        if let Some(h) = heading(&after[k..]) {
            let title = &after[k + h..];
            // (A title of up to forty characters.)
            let close = title.char_indices().take(41).find(|&(_, c)| dots(c));
            if close.is_some_and(|(e, _)| !title[..e].contains(SENTENCE_END)) {
                return true;
            }
        }
    }
    // After a heading that opened the stretch since the previous row of dots or the line's
    // start, read within forty characters.
    let before = &doc.text[p.start..start];
    let opened_at = match before.char_indices().rev().take(40).find(|&(_, c)| dots(c)) {
        Some((k, c)) => Some(k + c.len_utf8()),
        None => before.chars().rev().nth(39).is_none().then_some(0),
    };
    if let Some(at) = opened_at {
        let opened = before[at..].trim_start_matches(filler);
        if heading(opened).is_some() && !opened.contains(SENTENCE_END) {
            return true;
        }
    }
    let alone = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let n: u32 = doc.runs[i..j].iter().map(|r| r.chars).sum();
    n >= RULE_LINE && alone(before.chars().next_back()) && alone(after.chars().next())
}

/// Whether the dots of runs `i..j` (`...` or one `…`) end the quoted label of a menu item
/// or button in software help, which keeps them as the software shows them:
/// `「数据 - 排序...」`, `「...」按钮`, `“插入 - 图表...”`, an item inside a quoted menu path
/// (`「数据 - 更多筛选 - 标准筛选... - 选项」`), a label the sentence picks (`选择「刷新...」`,
/// `条目"其他格式..."`), and in a document with computing signs any short label in corner
/// brackets, `「详细信息...」`. A label is short and holds no sentence mark.
fn ends_ui_label(cx: &Context, p: &Paragraph, i: usize, j: usize) -> bool {
    // The characters of a label, and of a menu path; a longer quotation is a sentence.
    const LABEL_CHARS: usize = 32;
    const PATH_CHARS: usize = 64;
    const UI_NOUNS: [&str; 6] = ["按钮", "菜单", "对话框", "命令", "图标", "选项"];
    const MENU: [&str; 3] = [" - ", " – ", " － "];
    const UI_PICKS: [&str; 6] = ["选择", "点击", "单击", "选中", "菜单中的", "条目"];
    let doc = cx.doc;
    // Inside a menu path the next item follows; otherwise the label closes right here.
    let inside_path = MENU.iter().any(|s| doc.slice(doc.runs[j - 1].end, p.end).starts_with(s));
    let close = if inside_path {
        None
    } else {
        match doc.runs.get(j).filter(|_| j < p.runs.end).and_then(|r| r.mark()) {
            Some(c @ ('」' | '』' | '”' | '"')) => Some(c),
            _ => return false,
        }
    };
    // The pairs the label may stand in: the one `close` ends, or inside a path any.
    let pairs = || {
        [('「', '」'), ('『', '』'), ('“', '”'), ('"', '"')]
            .into_iter()
            .filter(move |&(_, e)| close.is_none_or(|c| c == e))
    };
    let before = doc.slice(p.start, doc.runs[i].start);
    let edge = |c: char| pairs().any(|(o, e)| c == o || c == e);
    let Some((at, open)) = before.char_indices().rev().take(PATH_CHARS).find(|&(_, c)| edge(c)) else {
        return false;
    };
    let label = &before[at..];
    let menu = MENU.iter().any(|s| label.contains(s));
    let short = label.chars().nth(LABEL_CHARS).is_none();
    if !pairs().any(|(o, _)| o == open) || label.contains(['。', '，', '；', '！', '？']) || !(short || menu)
    {
        return false;
    }
    if inside_path {
        return true;
    }
    let after = doc.slice(doc.runs[j].end, p.end);
    let names_control = UI_NOUNS.iter().any(|w| after.starts_with(w));
    let button = label.len() == open.len_utf8();
    // … or a label the sentence tells the reader to pick: `选择「保存远程文件...」`,
    // `右键菜单中的「刷新...」`, `选择条目"其他格式..."`.
    let picked = UI_PICKS.iter().any(|w| before[..at].ends_with(w));
    menu || names_control || (open != '“' && (button || picked || cx.register().computing))
}

/// Doubled marks: `，，`, `。。`, `，。`. Returns how many runs it consumed.
fn repeated(cx: &mut Context, p: &Paragraph, i: usize) -> usize {
    let doc = cx.doc;
    let is_stop = |c: char| matches!(c, '，' | '。' | '、' | '；' | '：');
    let mut j = i;
    while j < p.runs.end && doc.runs[j].mark().is_some_and(is_stop) {
        j += 1;
    }
    let runs = &doc.runs[i..j];
    let (start, end) = (runs[0].start, runs[runs.len() - 1].end);
    let found = doc.slice(start, end);
    let c = runs[0].mark().unwrap_or('，');
    if runs.len() == 1 && runs[0].chars == 1 {
        return 1;
    }
    // The thousands separators of a number whose digits a scrape lost, `数量为，，股`,
    // `金额为，，.元`: before a decimal point, or after 为 or a colon before a unit.
    if runs.len() == 1 && c == '，' {
        let next_dot = doc.runs.get(j).is_some_and(|r| r.is_mark('.'));
        let before = doc.text[p.start..start].chars().next_back();
        let states = matches!(before, Some('为' | '：' | ':'));
        if next_dot || (states && before_unit(cx, j - 1)) {
            return 1;
        }
    }
    // Keep the strongest mark: 。 over ；：，、.
    let rank = |c: char| match c {
        '。' => 4,
        '；' => 3,
        '：' => 2,
        '，' => 1,
        _ => 0,
    };
    let keep = runs.iter().filter_map(|r| r.mark()).max_by_key(|&c| rank(c)).unwrap_or(c);
    let app = if runs.len() == 1 { Applicability::Safe } else { Applicability::Unsafe };
    let keep_s = keep.to_string();
    if let Some(d) = cx.report(REPEATED, start, end, "", &[("found", found), ("fix", &keep_s)]) {
        d.fix = Some(Fix::replace(app, start, end, &keep_s));
    }
    runs.len()
}

#[cfg(test)]
mod tests {
    /// A wrong dot between parts of a name is told as a name's; between other words
    /// (a list of sections) as the separator it is.
    #[test]
    fn a_dot_between_words_that_are_no_name_is_not_called_a_name_dot() {
        let messages =
            crate::rules::messages_of(super::NAME_DOT, "新闻资讯•民生热点。副部长安德烈•卡尔塔波洛夫表示。");
        assert_eq!(
            messages,
            ["间隔号应为“·”（U+00B7），不是“•”", "外国人名中的间隔号应为“·”（U+00B7），不是“•”"]
        );
    }
}
