//! dash/*: the 破折号 written as anything but two em dashes, and the spaced ASCII hyphen
//! used as a dash. A single — joining two names, places or times (中国—东盟, 1月2日—5日)
//! is the connector 一字线 and correct; so are hyphens in names and codes.

use std::collections::HashSet;

use super::common::{
    first_chars, frames_label, is_chinese_side, is_headline, last_chars, next_run, next_solid, prev_run,
    prev_solid, LABEL_HAN, RULE_LINE,
};
use super::quote::speech;
use super::Context;
use crate::diagnostic::{Applicability, Fix};
use crate::document::{Document, Paragraph};
use crate::scan::{Kind, Run};

pub const FORM: &str = "dash/form";
pub const SPACED_HYPHEN: &str = "dash/spaced-hyphen";
pub const RULES: &[&str] = &[FORM, SPACED_HYPHEN];

pub fn check(cx: &mut Context) {
    let doc = cx.doc;
    let dash = |r: &Run| matches!(r.mark(), Some('—' | '-' | '–' | '―' | '─' | '－'));
    for p in &doc.paragraphs {
        // Dashes that mark speech belong to quote/dash-speech.
        let mut speech_dashes = HashSet::new();
        if !doc.runs[p.runs.clone()].iter().any(dash) {
            continue;
        }
        if let Some(s) = speech(cx, p) {
            speech_dashes.extend(s.open);
            speech_dashes.extend(s.close.map(|a| a.dash));
        }
        let body = doc.trimmed_runs(p);
        // A line of nothing but dashes is a separator.
        let first_mark = doc.runs.get(body.start).and_then(|r| r.mark());
        let separator =
            doc.runs[body.clone()].iter().all(|x| x.kind == Kind::Space || x.mark() == first_mark);
        if separator {
            continue;
        }
        let mut taken = 0;
        // The first `--` of the line that opens an SQL comment, found on first need.
        let first_comment = std::cell::OnceCell::new();
        // Whether the line is a headline (no sentence end), read once on first need.
        let headline = std::cell::OnceCell::new();
        for i in doc.runs_where(p.runs.clone(), dash) {
            if speech_dashes.contains(&i) || i < taken {
                continue;
            }
            let r = doc.runs[i];
            let Some(c) = r.mark() else { continue };
            // `— —`: the two dashes of a 破折号 with a space between, one finding.
            if (c, r.chars) == ('—', 1) && is_spaced_pair(doc, p, i) {
                taken = i + 3;
                if frames_spaced_label(doc, p, i) {
                    continue;
                }
                let end = doc.runs[i + 2].end;
                let found = doc.slice(r.start, end);
                if let Some(d) = cx.report(FORM, r.start, end, "spaced", &[("found", found)]) {
                    d.fix = Some(Fix::replace(Applicability::Unsafe, r.start, end, "——"));
                }
                continue;
            }
            let han_side = is_chinese_side(prev_solid(doc, p, i).map(|k| &doc.runs[k]))
                || is_chinese_side(next_solid(doc, p, i).map(|k| &doc.runs[k]));
            match (c, r.chars) {
                ('—', 1) if i != body.start && single_is_dash(cx, p, i) && !frames_label(doc, p, i) => {
                    form(cx, i, "single", Applicability::Unsafe)
                }
                // (Dashes framing a Latin word are decoration: `—————end——————`, and so is
                // a row of dashes drawn with spaces between: `—— —— ———— ——`.)
                ('—', 3) if !frames_label(doc, p, i) && !in_dash_row(doc, p, i) => {
                    form(cx, i, "triple", Applicability::Safe)
                }
                ('—', n)
                    if (4..RULE_LINE).contains(&n)
                        && han_side
                        && !frames_label(doc, p, i)
                        && !in_dash_row(doc, p, i)
                        && !between_sentences(doc, p, i) =>
                {
                    form(cx, i, "triple", Applicability::Unsafe)
                }
                ('―' | '─' | '–' | '－', 2) | ('-', 2)
                    if han_side
                        && !is_range(cx, p, i)
                        && !chain(cx, p, i)
                        && !site_tail(doc, p, i)
                        && !is_long_option(cx, p, i)
                        && !is_arrow(cx, p, i)
                        && !by_colon(doc, p, i)
                        && !code_comment(cx, p, body.start, i, &first_comment) =>
                {
                    form(cx, i, "", Applicability::Safe)
                }
                ('―' | '–', 1)
                    if i != body.start
                        && single_is_dash(cx, p, i)
                        && !spaced_menu_path(cx, p, i)
                        && !site_tail(doc, p, i) =>
                {
                    form(cx, i, "", Applicability::Unsafe)
                }
                ('─', 1) if between_han(cx, p, i) => form(cx, i, "", Applicability::Unsafe),
                ('-', 1) => spaced_hyphen(cx, p, i, &headline),
                _ => {}
            }
        }
    }
}

/// Whether a colon stands right before or after dash run `i`, past spaces: the dashes end
/// a name or a label (`梦女人-- ： 真的有这样的男人`, a commenter's), or stand for a field's
/// lost value (`发布时间:--原标题`, `订购热线:--，`); no dash stands next to a colon.
fn by_colon(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let spaces = [' ', '\u{3000}'];
    doc.text[doc.runs[i].end..p.end].trim_start_matches(spaces).starts_with(['：', ':'])
        || doc.text[p.start..doc.runs[i].start].trim_end_matches(spaces).ends_with(['：', ':'])
}

/// Whether a run of four dashes or more `i` stands between two sentences, after one's end
/// and before another that runs to a clause mark (`……除外。————要想实现……，必须……`): a
/// separator, not a 破折号. (After a sentence a short source closing the line, `。————鲁迅`,
/// is a dash's work, and is reported.)
fn between_sentences(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let after_end =
        prev_solid(doc, p, i).is_some_and(|k| matches!(doc.runs[k].mark(), Some('。' | '！' | '？')));
    let next = doc.text[doc.runs[i].end..p.end].trim_start_matches([' ', '\u{3000}', '?']);
    after_end
        && next.chars().next().is_some_and(|c| !c.is_ascii() && c.is_alphabetic())
        && next.contains(['，', '。', '：', '；'])
}

/// Whether dash run `i` is one of a row of dash runs set apart by single spaces that holds
/// `RULE_LINE` dashes or more: a line drawn across the page (`—— —— ———— —— ——`).
fn in_dash_row(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let dashes = |k: usize| doc.runs[k].is_mark('—').then_some(doc.runs[k].chars);
    let gap = |k: usize| doc.runs[k].kind == Kind::Space && doc.runs[k].chars == 1;
    let mut total = doc.runs[i].chars;
    let mut k = i;
    while k >= p.runs.start + 2 && gap(k - 1) && total < RULE_LINE {
        let Some(n) = dashes(k - 2) else { break };
        total += n;
        k -= 2;
    }
    let mut k = i;
    while k + 2 < p.runs.end && gap(k + 1) && total < RULE_LINE {
        let Some(n) = dashes(k + 2) else { break };
        total += n;
        k += 2;
    }
    total >= RULE_LINE
}

/// `--name`: two hyphens with a word glued after them are a command-line option, not a
/// dash, where the option stands apart — after a space, an opening mark or at the line's
/// start, or before a space, a closing mark, `=` or a word naming it (`若指定了--name选项`,
/// `（或者 --all）`), or after its short form (`-o --输出接口`, translated), and on a technical
/// page before a word in lower case. Between two clauses of copy it is a dash
/// (`没问题--wps都能兼容`).
fn is_long_option(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let doc = cx.doc;
    let r = doc.runs[i];
    if r.mark() != Some('-') {
        return false;
    }
    // `(-o --输出接口[名称])`: the long form right after its short one, even translated.
    let after_short = doc.text[p.start..r.start].strip_suffix(' ').is_some_and(|b| {
        let mut back = b.chars().rev();
        matches!(
            (back.next(), back.next(), back.next()),
            (Some(l), Some('-'), None | Some(' ' | '(' | '[')) if l.is_ascii_alphabetic()
        )
    });
    if after_short {
        return true;
    }
    let Some(word) = doc.runs.get(i + 1).filter(|n| n.kind == Kind::Latin && n.start == r.end) else {
        return false;
    };
    let end = doc.chunk_at(i + 1).map_or(word.end, |c| c.end);
    let after = &doc.text[end..p.end];
    let before = doc.text[p.start..r.start].chars().next_back();
    // On a technical page a word in lower case after them names an option wherever it
    // stands (`由于--target的出现而被抛弃`, a man page).
    let lower = || doc.run_text(i + 1).bytes().all(|b| b.is_ascii_lowercase()) && cx.register().technical;
    matches!(before, None | Some(' ' | '（' | '(' | '“' | '「' | '"'))
        || after.starts_with([' ', '=', '」', '”', '）', ')', '，', '。', ',', '"'])
        || after.is_empty()
        || ["选项", "参数", "开关"].iter().any(|w| after.starts_with(w))
        || lower()
}

/// `--` on a technical page as code writes it: opening the line (the option `--`, an SQL
/// comment), or set apart by spaces after code, as SQL opens a comment (`BEGIN WORK; -- 建立
/// 一个游标`, `integer,  -- 源编码 ID`, `| 02:08 -- 关闭游标`: found in the man pages). The
/// comment's text is translated; its marker is no dash. After Chinese it is one (`实例 -- 这是`),
/// unless a comment opened that way earlier in the line: then comments were run together
/// when the lines were joined (`<<< -- 因为……有 MERGES。-- LTCMP 和 GTCMP`), and a `--`
/// before a space opens the next one.
fn code_comment(
    cx: &Context,
    p: &Paragraph,
    body_start: usize,
    i: usize,
    first_comment: &std::cell::OnceCell<Option<usize>>,
) -> bool {
    let doc = cx.doc;
    if !doc.runs[i].is_mark('-') || !cx.register().technical {
        return false;
    }
    let space = |r: Option<&Run>| r.is_some_and(|r| r.kind == Kind::Space);
    let opens = |k: usize| {
        k == body_start
            || (space(prev_run(doc, p, k))
                && space(next_run(doc, p, k))
                && !is_chinese_side(prev_solid(doc, p, k).map(|j| &doc.runs[j])))
    };
    let comment_marker = |k: usize| doc.runs[k].is_mark('-') && doc.runs[k].chars == 2;
    let first =
        || *first_comment.get_or_init(|| (body_start..p.runs.end).find(|&k| comment_marker(k) && opens(k)));
    opens(i) || (space(next_run(doc, p, i)) && first().is_some_and(|k| k < i))
}

/// `-->`, `<--`: hyphens drawn into an arrow (a conversion table of a manual page).
fn is_arrow(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let doc = cx.doc;
    doc.runs[i].is_mark('-')
        && (next_run(doc, p, i).is_some_and(|r| r.is_mark('>'))
            || prev_run(doc, p, i).is_some_and(|r| r.is_mark('<')))
}

/// A spaced en dash between the parts of a menu path (`文件 – 模版 – 管理模版`).
fn spaced_menu_path(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let doc = cx.doc;
    let spaced = |r: Option<&crate::scan::Run>| r.is_some_and(|r| r.kind == Kind::Space);
    spaced(prev_run(doc, p, i)) && spaced(next_run(doc, p, i)) && in_menu_path(doc, p, i)
}

/// Whether single dash run `i` is followed by one space and another single dash.
fn is_spaced_pair(doc: &crate::document::Document, p: &Paragraph, i: usize) -> bool {
    i + 2 < p.runs.end
        && doc.runs[i + 1].kind == Kind::Space
        && doc.runs[i + 1].chars == 1
        && doc.runs[i + 2].is_mark('—')
        && doc.runs[i + 2].chars == 1
}

/// Whether the spaced pair `— —` at run `i` and another such pair frame a short Han label
/// set off by spaces: decoration, `— — 推荐阅读 — —` (the label between single dashes is
/// `frames_label`'s).
fn frames_spaced_label(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let pair = |k: usize| k >= p.runs.start && is_spaced_pair(doc, p, k);
    let label = |k: usize| doc.runs[k].is_han() && doc.runs[k].chars <= LABEL_HAN;
    let space = |k: usize| doc.runs[k].kind == Kind::Space && doc.runs[k].chars == 1;
    // `— — 推荐 — —`: pair, space, label, space, pair — seen from either pair.
    let after = i + 6 < p.runs.end && space(i + 3) && label(i + 4) && space(i + 5) && pair(i + 6);
    let before = i >= p.runs.start + 6 && space(i - 1) && label(i - 2) && space(i - 3) && pair(i - 6);
    after || before
}

/// The age of a search result or a post, all of `before`: `19小时前`, `3天前`.
fn is_age(before: &str) -> bool {
    let unit = before.trim().trim_start_matches(|c: char| c.is_ascii_digit());
    unit.len() < before.trim().len()
        && ["秒前", "分钟前", "小时前", "天前", "周前", "个月前", "年前"].contains(&unit)
}

/// `28°46′--29°38′`, `5--10`, `1年--5年`, `9:00--下午6:30`: a range between numbers, not
/// a dash. The number before may carry a unit of one or two characters, the number after
/// a word for the time of day before it (下午, 次日; not any word: `4.5岁--女孩5岁`,
/// `80头--其中71头` are dashes).
fn is_range(cx: &Context, p: &Paragraph, i: usize) -> bool {
    const TIME_OF_DAY: &[&str] =
        &["上午", "下午", "早上", "晚上", "中午", "凌晨", "傍晚", "次日", "翌日", "当日"];
    let doc = cx.doc;
    let before = doc.text[p.start..doc.runs[i].start].trim_end();
    let number_end = |s: &str| s.ends_with(|c: char| c.is_ascii_digit() || "′″'’‘°%".contains(c));
    let unit = |k: usize| {
        let cut = before.char_indices().rev().nth(k).map_or(0, |(at, _)| at);
        before[cut..].chars().all(super::common::is_han) && number_end(&before[..cut])
    };
    let number_after = next_solid(doc, p, i).is_some_and(|k| {
        let r = doc.runs[k];
        r.kind == Kind::Digit
            || (TIME_OF_DAY.contains(&doc.run_text(k))
                && doc.runs.get(k + 1).is_some_and(|n| n.kind == Kind::Digit))
    });
    number_after && (number_end(before) || unit(0) || unit(1))
}

fn form(cx: &mut Context, i: usize, key: &str, app: Applicability) {
    let doc = cx.doc;
    let r = doc.runs[i];
    let found = doc.slice(r.start, r.end);
    if let Some(d) = cx.report(FORM, r.start, r.end, key, &[("found", found)]) {
        d.fix = Some(Fix::replace(app, r.start, r.end, "——"));
    }
}

fn between_han(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let doc = cx.doc;
    prev_run(doc, p, i).is_some_and(|r| r.is_han()) && next_run(doc, p, i).is_some_and(|r| r.is_han())
}

/// A single — is a 破折号 (to be doubled) rather than a connector when it stands next
/// to a space or a mark, or when a clause starts right after it.
fn single_is_dash(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let doc = cx.doc;
    let (prev, next) = (prev_run(doc, p, i), next_run(doc, p, i));
    let solid_cn = is_chinese_side(prev_solid(doc, p, i).map(|k| &doc.runs[k]))
        && is_chinese_side(next_solid(doc, p, i).map(|k| &doc.runs[k]));
    match (prev.map(|r| r.kind), next.map(|r| r.kind)) {
        (Some(Kind::Space), _) | (_, Some(Kind::Space)) => solid_cn,
        // A link of a chain of connectors whose part before has a note in brackets:
        // `公司—分厂（部室）—车间`, `公司（总部）—分厂—车间`.
        (Some(Kind::Punct('）')), Some(Kind::Han)) if in_connector_chain(cx, p, i) => false,
        // A serial number after a year in brackets, `（2014）—1056号`: a connector.
        (Some(Kind::Punct('）')), Some(Kind::Digit))
            if i >= p.runs.start + 3
                && doc.runs[i - 2].kind == Kind::Digit
                && doc.runs[i - 3].is_mark('（') =>
        {
            false
        }
        (Some(Kind::Punct('，' | '。' | '：' | '；' | '！' | '？' | '”' | '）' | '》')), _) => true,
        (_, Some(Kind::Punct('“' | '（' | '《' | '，' | '。'))) => true,
        (Some(Kind::Han), Some(Kind::Han)) => {
            let after = &doc.text[doc.runs[i].end..p.end];
            cx.catalog.words.clause_openers.iter().any(|w| after.starts_with(*w))
        }
        _ => false,
    }
}

/// Whether the single — of run `i`, after a closing bracket, links the parts of a chain of
/// connectors: the part in front of the bracket follows a connector (`公司—分厂（部室）—车间`),
/// or the part after this one is followed by one (`公司（总部）—分厂—车间`). A connector
/// here is a single — between Han characters; the parts are short.
fn in_connector_chain(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let doc = cx.doc;
    let connector = |k: usize| doc.runs[k].is_mark('—') && doc.runs[k].chars == 1 && between_han(cx, p, k);
    let part = |k: usize| doc.runs[k].is_han() && doc.runs[k].chars <= 6;
    // Back to the bracket's opening one, within a short note.
    let open = (p.runs.start..i).rev().take(6).find(|&k| doc.runs[k].is_mark('（'));
    let before = open.is_some_and(|k| k >= p.runs.start + 2 && part(k - 1) && connector(k - 2));
    let after = i + 2 < p.runs.end && part(i + 1) && connector(i + 2);
    before || after
}

/// The parts of a chain on each side of a separator: back to the previous separator `sep`
/// or `edge` character, and whether `sep` stands before that part; the same forward.
struct Links<'t> {
    prev: &'t str,
    linked_before: bool,
    next: &'t str,
    linked_after: bool,
}

/// How far a chain's parts are read on each side of a separator, in characters.
const REACH: usize = 32;

/// The parts read are at most a few characters long, so each side is read for `REACH`
/// characters only (a longer part is not short to any caller): the cost stays linear on a
/// long line of separators.
fn links<'t>(before: &'t str, after: &'t str, sep: &str, edge: impl Fn(char) -> bool) -> Links<'t> {
    let (before, after) = (last_chars(before, REACH), first_chars(after, REACH));
    let edge_end = before.char_indices().rev().find(|&(_, c)| edge(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let sep_end = before.rfind(sep).map_or(0, |i| i + sep.len());
    let prev_start = edge_end.max(sep_end);
    let next_end = after.find(&edge).unwrap_or(after.len()).min(after.find(sep).unwrap_or(after.len()));
    Links {
        prev: &before[prev_start..],
        linked_before: before[..prev_start].ends_with(sep),
        next: &after[..next_end],
        linked_after: after[next_end..].starts_with(sep),
    }
}

/// Whether the spaced separator `sep` (` - `, ` – `) between `before` and `after` is a
/// link of a menu path: a chain of short parts (`页面 - 导航 - 列表`, the Chinese sentence may
/// go on glued to its last part: `选择文件 - 新建 - 标签启动对话框`), or two short parts
/// after a word that chooses (`选择编辑 - 字段`, `打开右键菜单 - 选择`, or apart from it:
/// `选择 窗口 - 打开文档的列表`, `选择“插入 - 函数”`), after a menu named (`右键菜单 - 删除行`),
/// from a menu of the menu bar used (`使用插入 - 轴来插入`), or framed: in brackets
/// (`(编辑 - 复制)`, a chain of three as well: `(工作表 - 命名区域与表达式 - 定义)`) or filling
/// the line (`文件 - 页面预览。`).
fn menu_path(before: &str, after: &str, sep: &str) -> bool {
    const CHOOSE: [&str; 4] = ["选择", "点击", "单击", "打开"];
    // The characters of a menu item: up to eight after a word that chooses, close before
    // (`选择工作表 - 命名区域或表达式 - 定义`) or framed, else six (`乔尔 - 恩比德和帕特里克 -
    // 贝弗利` is a sentence); a longer part is a clause.
    let chooser = CHOOSE.iter().any(|w| last_chars(before, REACH).contains(w));
    let l = links(before, after, sep, |c| matches!(c, ' ' | '(' | ')') || super::common::is_cjk_punct(c));
    let fits = |s: &str, n: usize| !s.is_empty() && s.chars().nth(n).is_none();
    let short = |s: &str| fits(s, if chooser { 8 } else { 6 });
    let chosen = CHOOSE.iter().filter_map(|w| l.prev.rfind(w).map(|k| &l.prev[k + w.len()..])).any(short);
    // `打开……的右键菜单 - 选择「表格格式」`: a menu, then the item chosen in it.
    let from_menu = l.prev.ends_with("菜单") && ["选择", "点击"].iter().any(|w| l.next.starts_with(w));
    // What stands before the first part and after the second, when the path has two.
    let lead = before[..before.len() - l.prev.len()].trim_end_matches(' ');
    let rest = after[l.next.len()..].trim_start_matches(' ');
    let apart = CHOOSE.iter().any(|w| lead.trim_end_matches(['“', '「']).ends_with(w));
    // (Menu items in brackets are words: `(映射后 - 参见code_x)` is an aside with a dash. In
    // quotation marks without a word that chooses, two short parts are a slogan's clauses:
    // `“不忘初心 - 方得始终”`.)
    let words = || !l.prev.contains(|c: char| c.is_ascii()) && !l.next.contains(|c: char| c.is_ascii());
    let framed = match lead.chars().next_back() {
        None => rest.is_empty() || rest == "。",
        Some('(' | '（') => rest.starts_with([')', '）']) && words(),
        _ => false,
    };
    let menu_named = lead.ends_with("菜单") || l.prev.ends_with("菜单");
    // A menu of the menu bar right after a word that uses it: `使用文件 - 打开对话框`,
    // `选择编辑 - 字段来修改`; the sentence may go on glued to the item, but a clause does
    // not open there (`使用文件 - 这是最后的办法`).
    let (used, lists) = (["使用", "通过"], &super::catalog::catalog().words);
    let clause = lists.clause_openers.iter().any(|w| l.next.starts_with(w));
    let bar_menu = !clause
        && lists.menu_bar.iter().any(|m| {
            l.prev.strip_suffix(*m).is_some_and(|head| {
                let head = if head.is_empty() { lead } else { head };
                CHOOSE.iter().chain(&used).any(|w| head.ends_with(w))
            })
        });
    let pair = !l.linked_before
        && !l.linked_after
        && (((apart || framed) && fits(l.prev, 8) && fits(l.next, 8)) || (menu_named && fits(l.next, 6)));
    // A path of short words that fills its brackets: `(工作表 - 命名区域与表达式 - 定义)`.
    // (Read within `REACH` characters on each side: a path is short.)
    let bracketed = || {
        bracketed_sides(before, after, ['(', '（'], [')', '）']).is_some_and(|(b, a)| {
            let part =
                |s: &str| fits(s, 8) && !s.contains(|c: char| c.is_ascii() || super::common::is_cjk_punct(c));
            format!("{b}{sep}{a}").split(sep).all(part)
        })
    };
    (l.linked_before && short(l.prev))
        || (l.linked_after && short(l.next))
        || (chosen && short(l.next))
        || ((l.linked_before || l.linked_after) && bracketed())
        || from_menu
        || bar_menu
        || pair
}

/// Whether the spaced single dash of run `i` (`-`, `–`) separates the parts of a menu
/// path, in 「」 or as [`menu_path`] has it.
fn in_menu_path(doc: &crate::document::Document, p: &Paragraph, i: usize) -> bool {
    let before = &doc.text[p.start..doc.runs[i - 1].start];
    let sep = format!(" {} ", doc.slice(doc.runs[i].start, doc.runs[i].end));
    // Inside 「」: the nearest corner bracket before is an opening one (a menu path in 「」 is
    // short; read at most 64 characters back).
    let quoted = before.chars().rev().take(64).find(|&c| c == '「' || c == '」') == Some('「');
    quoted || menu_path(before, &doc.text[doc.runs[i + 1].end..p.end], &sep)
}

/// Whether spaced hyphen run `i` separates a term from its description in a definition
/// list: a short term opens the line (no mark, no digit), and a line beside it has the same
/// shape (`正常 - 此子类型将所有值绘制为绝对值。⏎堆叠 - 此子类型绘制……`). A single line of that
/// shape is a sentence with a dash (`新协议 - 两国合作的里程碑 - …`).
fn in_definition_list(doc: &crate::document::Document, p: &Paragraph, i: usize) -> bool {
    let opens_with_term = |q: &Paragraph, hyphen: usize| {
        let term = doc.text[q.start..doc.runs[hyphen].start].trim();
        let mark = |c: char| c.is_ascii_digit() || super::common::is_cjk_punct(c) || ",:;".contains(c);
        !term.is_empty() && term.chars().nth(10).is_none() && !term.contains(mark)
    };
    let spaced = |j: usize, q: &Paragraph| {
        doc.runs[j].is_mark('-')
            && doc.runs[j].chars == 1
            && j > q.runs.start
            && doc.runs[j - 1].kind == Kind::Space
            && doc.runs.get(j + 1).is_some_and(|r| r.kind == Kind::Space)
    };
    // The first spaced hyphen among a line's first runs, if a short term comes before it.
    let shaped = |q: &Paragraph| {
        q.runs.clone().take(12).find(|&j| spaced(j, q)).is_some_and(|j| opens_with_term(q, j))
    };
    if !opens_with_term(p, i) {
        return false;
    }
    let k = doc.paragraphs.partition_point(|q| q.start < p.start);
    [k.checked_sub(1), k.checked_add(1)]
        .into_iter()
        .flatten()
        .filter_map(|j| doc.paragraphs.get(j))
        .any(shaped)
}

/// Whether the spaced hyphen of run `i` parts the two short words of a breadcrumb in square
/// brackets, a page's section and site (`[ 资讯 - 牛车网 ]`); an aside in round brackets
/// with a dash is prose (`(映射后 - 参见code_x)`).
fn in_breadcrumb(doc: &Document, p: &Paragraph, i: usize) -> bool {
    let word = |s: &str| {
        let s = s.trim_matches([' ', '\u{3000}']);
        !s.is_empty() && s.chars().count() <= 8 && s.chars().all(super::common::is_han)
    };
    let (before, after) = (&doc.text[p.start..doc.runs[i].start], &doc.text[doc.runs[i].end..p.end]);
    bracketed_sides(before, after, ['[', '【'], [']', '】']).is_some_and(|(b, a)| word(b) && word(a))
}

/// What stands inside a pair of brackets around a separator between `before` and `after`:
/// the text after the last opening mark of `open` before it and up to the first closing
/// mark of `close` after it, each looked for within `REACH` characters.
fn bracketed_sides<'t>(
    before: &'t str,
    after: &'t str,
    open: [char; 2],
    close: [char; 2],
) -> Option<(&'t str, &'t str)> {
    let (before, after) = (last_chars(before, REACH), first_chars(after, REACH));
    let o = before.rfind(open).map(|k| k + before[k..].chars().next().map_or(1, char::len_utf8))?;
    let c = after.find(close)?;
    Some((&before[o..], &after[..c]))
}

/// What follows dash run `i` to the end of its line, if it is a short tail without
/// punctuation: a site's name after a page title (`标题 - 网站名`, `……只为找手机…--社会新闻-东方网`).
fn title_tail<'d>(doc: &'d crate::document::Document, p: &Paragraph, i: usize) -> Option<&'d str> {
    let tail = doc.text[doc.runs[i].end..p.end].trim();
    let sentence_mark = |c: char| matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '、');
    (tail.chars().nth(12).is_none() && !tail.contains(sentence_mark)).then_some(tail)
}

/// Whether what follows dash run `i` (`--`, a lone `–`) is a short tail that names a site
/// or a section, as a page title ends: it has separators of its own, a site's word or a
/// reprint's at its end (`只为找手机…--社会新闻-东方网`, `判多少年--在..._律师365`,
/// `--陕西富平县资讯`, `--哈佛商业评论整理报道`), or a site's name followed by at most two
/// characters (`--中国新闻网湖南`, `--网农社`). A short tail alone is no sign here: `--` is
/// also how plain text writes a subtitle's dash (`沥青湖--拉丁美洲一个神奇的湖泊`).
fn site_tail(doc: &crate::document::Document, p: &Paragraph, i: usize) -> bool {
    title_tail(doc, p, i).is_some_and(|tail| {
        ["网", "频道", "资讯", "新闻", "吧", "整理", "转载", "报道"].iter().any(|w| tail.ends_with(w))
            || tail.rsplit_once('网').is_some_and(|(_, rest)| rest.chars().count() <= 2)
            || tail.contains(['-', '_', '|', '｜', '…', '.'])
    })
}

/// Whether the double hyphen of run `i` links a chain of short parts within one clause
/// (设置--通用--关于本机, 来电咨询--通过审核--签订合同): a menu path or a flow of steps,
/// not a dash. (A pair of dashes around a short insertion written the same way, 他--一个
/// 老兵--走了过来, reads as a chain too, and is let pass.)
fn chain(cx: &Context, p: &Paragraph, i: usize) -> bool {
    let doc = cx.doc;
    let r = doc.runs[i];
    let (before, after) = (&doc.text[p.start..r.start], &doc.text[r.end..p.end]);
    let l = links(before, after, "--", |c| c.is_whitespace() || super::common::is_cjk_punct(c));
    let short = |s: &str| !s.is_empty() && !s.contains('-') && s.chars().count() <= 8;
    (l.linked_before && short(l.prev)) || (l.linked_after && short(l.next))
}

/// ` - ` between Chinese clauses.
fn spaced_hyphen(cx: &mut Context, p: &Paragraph, i: usize, headline: &std::cell::OnceCell<bool>) {
    let doc = cx.doc;
    let spaced = prev_run(doc, p, i).is_some_and(|r| r.kind == Kind::Space)
        && next_run(doc, p, i).is_some_and(|r| r.kind == Kind::Space);
    // Chinese on both sides; a number may follow (`表示 - 2019年两国将`).
    let after = next_solid(doc, p, i).map(|k| &doc.runs[k]);
    let cn = is_chinese_side(prev_solid(doc, p, i).map(|k| &doc.runs[k]))
        && (is_chinese_side(after) || after.is_some_and(|r| r.kind == Kind::Digit));
    if !(spaced && cn && cx.on(SPACED_HYPHEN)) {
        return;
    }
    // `文件 - 向导 - 会议议程`: a menu path.
    if in_menu_path(doc, p, i) {
        return;
    }
    let before = &doc.text[p.start..doc.runs[i - 1].start];
    // The hyphen named, not used: the minus key (`按 + 或 - 键`), one of symbols listed
    // (`输入 * 或 - 以开始`) or set against another (`使用 + 而不是 - 使得`).
    const LINKS: [&str; 6] = ["或", "和", "或者", "而不是", "而非", "不是"];
    let listed = LINKS
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .map(str::trim_end)
        .and_then(|b| b.chars().next_back());
    if doc.text[doc.runs[i + 1].end..p.end].starts_with('键')
        || listed.is_some_and(|c| c.is_ascii_punctuation())
    {
        return;
    }
    // `向导 - 第 2 页`: a wizard's title and its page, as the software names the dialog; a
    // step and the wizard's page it is on (`创建一个框架 - 向导第 3 页`, `- 向导最后一页`).
    let after = &doc.text[doc.runs[i + 1].end..p.end];
    let page = |s: &str| {
        s.strip_prefix('第')
            .map(|rest| rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' '))
            .is_some_and(|rest| rest.starts_with(['页', '步']))
    };
    let wizard_page = |s: &str| page(s) || s.starts_with("最后一页");
    if page(after) && before.trim_end().ends_with("向导")
        || after.strip_prefix("向导").is_some_and(wizard_page)
    {
        return;
    }
    // `标题 - 网站名`: a short tail, or any in a line with no sentence end (a page title, a
    // breadcrumb), is a title separator; so is the one after the age of a search result
    // (`19小时前 - …`).
    if title_tail(doc, p, i).is_some()
        || in_breadcrumb(doc, p, i)
        || *headline.get_or_init(|| is_headline(doc, p))
        || is_age(before)
        || in_definition_list(doc, p, i)
    {
        return;
    }
    let (start, end) = (doc.runs[i - 1].start, doc.runs[i + 1].end);
    // `吉米 - 巴特勒`: the hyphen stands where a name's dot belongs.
    let name = i >= p.runs.start + 2
        && i + 2 < p.runs.end
        && doc.runs[i - 2].is_han()
        && doc.runs[i + 2].is_han()
        && super::name::parts_around(cx, i - 2, i + 2);
    let (key, fix) = if name { ("name", "·") } else { ("", "——") };
    if let Some(d) = cx.report(SPACED_HYPHEN, doc.runs[i].start, doc.runs[i].end, key, &[]) {
        d.fix = Some(Fix::replace(Applicability::Unsafe, start, end, fix));
    }
}
