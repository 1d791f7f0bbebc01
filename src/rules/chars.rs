//! char/*: traditional-only characters in simplified copy, doubled function characters,
//! and invisible or broken characters.

use super::catalog::Words;
use super::common::{in_option_brackets, is_lost_question};
use super::punct::name_between;
use super::Context;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::document::Paragraph;
use crate::scan::{han, Kind};

pub const TRADITIONAL: &str = "char/traditional";
pub const DOUBLED: &str = "char/doubled";
pub const INVISIBLE: &str = "char/invisible";
pub const RULES: &[&str] = &[TRADITIONAL, DOUBLED, INVISIBLE];

pub fn check(cx: &mut Context) {
    let doc = cx.doc;
    let (traditional_on, doubled_on, invisible_on) = (cx.on(TRADITIONAL), cx.on(DOUBLED), cx.on(INVISIBLE));
    for p in &doc.paragraphs {
        let mut traditional_found = Vec::new();
        for i in p.runs.clone() {
            let r = doc.runs[i];
            match r.kind {
                // The scan marked the runs that hold a traditional-only character or a
                // watched character following itself; the rest need no look.
                Kind::Han => {
                    if traditional_on && r.han & han::TRADITIONAL != 0 {
                        traditional(cx, p, i, &mut traditional_found);
                    }
                    if doubled_on && r.han & han::WATCHED != 0 {
                        doubled(cx, i);
                    }
                }
                Kind::Invisible => invisible(cx, i),
                // A `?` where a name dot was lost is punct/name-dot's.
                Kind::Punct('?')
                    if invisible_on
                        && is_lost_question(cx, p, i)
                        && !name_between(cx, p, i)
                        && !in_option_brackets(doc, p, i) =>
                {
                    cx.report(INVISIBLE, r.start, r.end, "question", &[]);
                }
                _ => {}
            }
        }
        report_traditional(cx, traditional_found);
    }
}

/// Up to three traditional words in a paragraph are reported one by one; a paragraph
/// with more is written in traditional characters and is reported once, as a whole.
fn report_traditional(cx: &mut Context, found: Vec<(usize, usize, String)>) {
    let doc = cx.doc;
    if found.len() > 3 {
        let (start, end) = (found[0].0, found[found.len() - 1].1);
        let n: usize = found.iter().map(|(s, e, _)| doc.slice(*s, *e).chars().count()).sum();
        let examples: Vec<&str> = found.iter().take(3).map(|(s, e, _)| doc.slice(*s, *e)).collect();
        let (count, examples) = (n.to_string(), examples.join("、"));
        // UTF-8 read as GBK turns copy into rare characters, traditional ones among them:
        // no traditional text to convert, but text to restore from the original.
        if is_mojibake(doc.text, start, end) {
            cx.report(TRADITIONAL, start, end, "mojibake", &[("count", &count), ("examples", &examples)]);
            return;
        }
        let edits =
            found.iter().map(|(s, e, simp)| Edit { start: *s, end: *e, replacement: simp.clone() }).collect();
        if let Some(d) =
            cx.report(TRADITIONAL, start, end, "paragraph", &[("count", &count), ("examples", &examples)])
        {
            d.fix = Some(Fix::new(Applicability::Unsafe, "整段转换为简体", edits));
        }
        return;
    }
    for (start, end, simp) in found {
        let trad = doc.slice(start, end);
        if let Some(d) = cx.report(TRADITIONAL, start, end, "", &[("found", trad), ("fix", &simp)]) {
            d.fix = Some(Fix::replace(Applicability::Unsafe, start, end, &simp));
        }
    }
}

/// Whether the stretch `start..end`, or the few characters around it, holds what UTF-8
/// read as GBK makes of the commonest characters and marks: `€` (the second half of 一,
/// `涓€`), `锛` (a full-width mark's first half), `銆` (、。《》's), `鈥` (“”‘’'s).
fn is_mojibake(text: &str, start: usize, end: usize) -> bool {
    const AROUND: usize = 30;
    let mut from = start.saturating_sub(AROUND);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + AROUND).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    text[from..to].contains(['€', '锛', '銆', '鈥'])
}

/// Characters char/doubled watches: function characters and common ones typed twice.
fn watched(cx: &Context, c: char) -> bool {
    let words = &cx.catalog.words;
    words.doubled_function.contains(c) || words.doubled_chars.contains(c)
}

/// The traditional-only characters of a Han run into `found`; consecutive ones form one
/// word (總統 → 总统).
fn traditional(cx: &Context, p: &Paragraph, i: usize, found: &mut Vec<(usize, usize, String)>) {
    let doc = cx.doc;
    let r = doc.runs[i];
    // A word spoken of as a word is cited, not used: `日语中「車」意为「车」`, `包含文本「車」`.
    if super::foreign::mentioned(cx, p, i, i) {
        return;
    }
    let text = doc.slice(r.start, r.end);
    let mut pending: Option<(usize, usize, String)> = None;
    for (off, c) in text.char_indices() {
        let at = r.start + off;
        match cx.catalog.simplified(c) {
            Some(simp) => {
                let first = simp.split(' ').next().unwrap_or(simp);
                match &mut pending {
                    Some((_, end, s)) if *end == at => {
                        *end = at + c.len_utf8();
                        s.push_str(first);
                    }
                    _ => {
                        found.extend(pending.take());
                        pending = Some((at, at + c.len_utf8(), first.to_string()));
                    }
                }
            }
            None => found.extend(pending.take()),
        }
    }
    found.extend(pending);
}

fn doubled(cx: &mut Context, i: usize) {
    let doc = cx.doc;
    let words = &cx.catalog.words;
    let r = doc.runs[i];
    let text = doc.slice(r.start, r.end);
    // Called only for a run where the scan saw a watched character follow itself.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k + 1 < chars.len() {
        let (off, c) = chars[k];
        if c != chars[k + 1].1 || !watched(cx, c) {
            k += 1;
            continue;
        }
        // Three or more in a row are spoken emphasis (对对对，得得得), not a slip of the
        // keyboard, which doubles.
        let same = chars[k..].iter().take_while(|&&(_, x)| x == c).count();
        if same >= 3 {
            k += same;
            continue;
        }
        let second = chars[k + 1].0;
        let left = &text[..second];
        let right = &text[second..];
        // AABB reduplication: 实实在在, 的的确确, 清清楚楚.
        // (的的明明白白 is 的的 before the AABB 明明白白, not an AABB itself; and 的的 or 了了
        // after a reduplication, 绵绵的的悲痛, 呜呜的的哭, is no BB: the particles only open
        // one, 的的确确 — unlike 在在 in 实实在在.)
        let pair_at = |j: usize| j + 1 < chars.len() && chars[j].1 == chars[j + 1].1;
        let particle = matches!(c, '的' | '了');
        let aabb = (k >= 2 && pair_at(k - 2) && !(k >= 4 && pair_at(k - 4)) && !particle)
            || (pair_at(k + 2) && !pair_at(k + 4));
        let function = words.doubled_function.contains(c);
        // An alternative question's 还是 (or) before 是: `是爱慕？还是是为了钱？`.
        let alternative =
            c == '是' && left == "还是" && i > 0 && matches!(doc.runs[i - 1].mark(), Some('？' | '?'));
        // A clause opened by 了了 (to settle + 了): `去了西藏，了了长久的念想`. The particle 了
        // never opens a clause, so a doubled one cannot stand there.
        let settles = c == '了' && off == 0 && (i == 0 || !doc.runs[i - 1].kind.is_letter());
        // A measure word reduplicated after 一: `一把把钥匙`.
        let measure = words.doubled_measures.contains(c) && k > 0 && chars[k - 1].1 == '一';
        let in_word = aabb
            || measure
            || alternative
            || settles
            || if function {
                words.doubled_left_words.iter().any(|w| left.ends_with(*w) && !split_before(words, left, w))
                    || words.doubled_right_words.iter().any(|w| right.starts_with(*w))
            } else {
                // 想到到底: the second character starts a word. 那那: a reduplication.
                let pair = &text[off..second + c.len_utf8()];
                let next: String = right.chars().take(2).collect();
                words.reduplications.contains(&pair)
                    || (next.chars().count() == 2 && cx.catalog.starts_doubled_word(&next))
                    || words.doubled_right_words.iter().any(|w| right.starts_with(*w))
            };
        if !in_word {
            let (start, end) = (r.start + off, r.start + second + c.len_utf8());
            let found = doc.slice(start, end);
            let one = c.to_string();
            if let Some(d) = cx.report(DOUBLED, start, end, "", &[("found", found), ("fix", &one)]) {
                d.fix = Some(Fix::replace(Applicability::Unsafe, start, end, &one));
            }
        }
        k += 2;
    }
}

/// Whether the left word `w` that `left` ends with is split by the word before it: the text
/// up to `w`'s first character ends with a word of `doubled_left_split` (项目 + 的的).
fn split_before(words: &Words, left: &str, w: &str) -> bool {
    let first = w.chars().next().map_or(0, char::len_utf8);
    let upto = &left[..left.len() - w.len() + first];
    words.doubled_left_split.iter().any(|b| upto.ends_with(*b))
}

fn invisible(cx: &mut Context, i: usize) {
    let doc = cx.doc;
    let r = doc.runs[i];
    let text = doc.slice(r.start, r.end);
    let names: Vec<String> = text.chars().map(describe).collect();
    let mut uniq = names.clone();
    uniq.dedup();
    let found = uniq.join("、");
    let broken = text.contains('\u{fffd}');
    let key = if broken { "replacement" } else { "" };
    if let Some(d) = cx.report(INVISIBLE, r.start, r.end, key, &[("found", &found)]) {
        if !broken {
            d.fix = Some(Fix::replace(Applicability::Safe, r.start, r.end, ""));
        }
    }
}

fn describe(c: char) -> String {
    let name = match c {
        '\u{fffd}' => "替换字符",
        '\u{200b}' => "零宽空格",
        '\u{200c}' => "零宽非连接符",
        '\u{200d}' => "零宽连接符",
        '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' => "文字方向控制符",
        '\u{2060}' => "词连接符",
        '\u{feff}' => "字节顺序标记（BOM）",
        '\u{ad}' => "软连字符",
        _ => "控制字符",
    };
    format!("U+{:04X} {name}", c as u32)
}

#[cfg(test)]
mod tests {
    use crate::rules::messages_of;

    #[test]
    fn mojibake_is_not_called_traditional_text() {
        let garbled = messages_of(
            super::TRADITIONAL,
            "他说缂栬緫閮ㄧ殑鍚屼簨涓€璧疯璁轰簡杩欑瘒绋夸欢鐨勬爣棰樺拰瀵艰锛屽ぇ瀹",
        );
        assert_eq!(garbled.len(), 1);
        assert!(garbled[0].starts_with("这一段是乱码"), "{garbled:?}");
        let traditional = messages_of(super::TRADITIONAL, "這一艘艘鋼鐵巨人，又是在怎樣的環境中建造的？");
        assert_eq!(traditional.len(), 1);
        assert!(traditional[0].starts_with("这一段用的是繁体字"), "{traditional:?}");
    }
}
