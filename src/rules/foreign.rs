//! foreign/*: what translation left untranslated — stray Latin words and phrases, other
//! scripts (Russian, Kazakh...), words mixing look-alike Latin and Cyrillic letters, and
//! full-width Latin letters and digits.
//!
//! The decision to flag a Latin word is made from character classes and context, never
//! from language identification alone: whatlang cannot judge one or two words, so it
//! only names the language of long phrases.

use std::collections::{HashMap, HashSet};

use unicode_script::Script;
use unicode_segmentation::UnicodeSegmentation;

use super::common::{frames_label, is_chinese_side, is_cjk_punct, is_han, next_run, next_solid, prev_solid};
use super::Context;
use crate::diagnostic::{Applicability, Fix};
use crate::document::{Chunk, Document, Paragraph};
use crate::scan::Kind;

pub const UNTRANSLATED: &str = "foreign/untranslated";
pub const OTHER_SCRIPT: &str = "foreign/other-script";
pub const MIXED_SCRIPT: &str = "foreign/mixed-script";
pub const FULLWIDTH: &str = "foreign/fullwidth-alnum";
pub const BARE_NAME: &str = "foreign/bare-name";
pub const UNCASED_WORD: &str = "foreign/uncased-word";
pub const RULES: &[&str] = &[UNTRANSLATED, OTHER_SCRIPT, MIXED_SCRIPT, FULLWIDTH, BARE_NAME, UNCASED_WORD];

pub fn check(cx: &mut Context) {
    if cx.on(FULLWIDTH) {
        fullwidth(cx);
    }
    let doc = cx.doc;
    let register = cx.register();
    let mut seen = Seen::default();
    for p in &doc.paragraphs {
        // A paragraph with no Han at all is a foreign-language paragraph (a bilingual
        // document, a quoted original), not Chinese copy with a stray word; one with no
        // word of letters has nothing for these rules.
        if doc.chunks_of(p).iter().any(|c| c.has_letter) && doc.has_han(p) {
            paragraph(cx, p, register, &mut seen);
        }
    }
}

/// What the document has shown, for the decisions on its phrases.
#[derive(Default)]
struct Seen {
    /// Latin names given as glosses so far: a later bare mention should use the rendering.
    glossed: HashSet<String>,
    /// How often each Latin word (lower case) stands in the document, counted on first need.
    uses: Option<HashMap<String, u32>>,
}

impl Seen {
    /// How many times the Latin word `w` (lower case) stands in the document.
    fn uses(&mut self, doc: &Document, w: &str) -> u32 {
        let uses = self.uses.get_or_insert_with(|| {
            let mut m = HashMap::new();
            for r in doc.runs.iter().filter(|r| r.kind == Kind::Latin) {
                *m.entry(doc.slice(r.start, r.end).to_lowercase()).or_insert(0) += 1;
            }
            m
        });
        uses.get(w).copied().unwrap_or(0)
    }
}

fn fullwidth(cx: &mut Context) {
    let doc = cx.doc;
    for r in doc.runs.iter().filter(|r| r.kind == Kind::FullwidthAlnum) {
        let found = doc.slice(r.start, r.end);
        let ascii: String = found.chars().map(|c| char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)).collect();
        if let Some(d) = cx.report(FULLWIDTH, r.start, r.end, "", &[("found", found), ("fix", &ascii)]) {
            d.fix = Some(Fix::replace(Applicability::Safe, r.start, r.end, &ascii));
        }
    }
}

/// Where a word stands: what encloses it in the paragraph.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Enclosure {
    None,
    Bracket,
    Title,
    Quote,
}

/// How a Latin token is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    Lower,
    Title,
    Upper,
    Mixed,
    Single,
}

/// What holds for the whole document.
#[derive(Clone, Copy)]
pub struct Register {
    /// The document has capital Latin letters (letter case can be trusted).
    pub cased: bool,
    /// The document has a capital Latin letter: its case is shown, not only assumed for
    /// want of Latin words to judge by.
    pub capital: bool,
    /// Technical writing, full of English terms (manuals, software help).
    pub technical: bool,
    /// The document shows technical signs, if fewer (one Latin word or piece of code
    /// for every 60 Han characters): computing terms left in English are its custom.
    pub computing: bool,
    /// The document names things in Latin throughout.
    pub names_in_latin: bool,
}

/// Keys of the keyboard whose names only software help writes (capitalised): a page that
/// names one keeps products' and features' names in Latin.
const KEYS: [&str; 6] = ["Ctrl", "Shift", "Alt", "Esc", "Cmd", "Backspace"];

impl Register {
    pub fn of(doc: &crate::document::Document) -> Register {
        // Text with several Latin words and not one capital letter (an export that lost its
        // case) cannot tell names and acronyms from words by case.
        // Latin words and pieces of code both speak for technical writing; only words count
        // for letter case.
        // Capitalised words in brackets are glosses, which say nothing about the register.
        let (mut words, mut code, mut han, mut capitals, mut depth) = (0, 0, 0, 0, 0i32);
        let (mut capital, mut keys) = (false, false);
        for (i, r) in doc.runs.iter().enumerate() {
            match r.kind {
                Kind::Han => han += r.chars as usize,
                Kind::Punct('（' | '(') => depth += 1,
                Kind::Punct('）' | ')') | Kind::Newline => depth = 0.max(depth - 1),
                Kind::Latin if r.chars >= 2 && doc.chunk_at(i).is_some_and(|c| c.is_code) => code += 1,
                Kind::Latin if r.chars >= 2 => {
                    words += 1;
                    let word = doc.slice(r.start, r.end);
                    let cap = word.starts_with(char::is_uppercase);
                    capital |= word.chars().any(char::is_uppercase);
                    capitals += usize::from(cap && depth == 0);
                    keys |= cap && KEYS.iter().any(|k| word.eq_ignore_ascii_case(k));
                }
                _ => {}
            }
        }
        let cased = capital || words < 3;
        // Technical writing (manuals, software help) names commands, options and terms in
        // English on every line: eight Latin words or pieces of code or more, one for every
        // 25 Han characters or fewer. There, only untranslated sentences are reported, not single terms.
        let technical = words + code >= 8 && (words + code) * 25 > han;
        let computing = words + code >= 8 && (words + code) * 60 > han;
        // Software help and manuals name products, keys and people in Latin throughout: four
        // capitalised words or more, one for every 60 Han characters or fewer; or any page
        // that names a key of the keyboard (按「Shift」键, Ctrl+F3), however short.
        let names_in_latin = (capitals >= 4 && capitals * 60 > han) || keys;
        Register { cased, capital, technical, computing, names_in_latin }
    }
}

/// What holds for a whole paragraph, worked out once.
#[derive(Clone, Copy)]
struct Scope {
    /// The document has capital Latin letters (letter case can be trusted).
    cased: bool,
    /// The document has a capital Latin letter (see `Register::capital`).
    capital: bool,
    /// The document is technical writing, full of English terms.
    technical: bool,
    /// The document shows technical signs: computing terms in English are its custom.
    computing: bool,
    /// The document names things in Latin throughout (software help, manuals).
    names_in_latin: bool,
    /// The paragraph is bilingual material.
    bilingual: bool,
}

/// A letter-bearing chunk, trimmed of edge punctuation.
struct Token {
    start: usize,
    end: usize,
    encl: Enclosure,
    script: TokenScript,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TokenScript {
    Latin,
    Cyrillic,
    Mixed,
    Other(Script),
    /// Numbers, codes, model numbers: never flagged here.
    Exempt,
}

fn paragraph(cx: &mut Context, p: &Paragraph, r: Register, seen: &mut Seen) {
    let scope = Scope {
        cased: r.cased,
        capital: r.capital,
        technical: r.technical,
        computing: r.computing,
        names_in_latin: r.names_in_latin,
        bilingual: bilingual(cx, p),
    };
    let doc = cx.doc;
    let mut stack: Vec<Enclosure> = Vec::new();
    let mut phrase: Vec<Token> = Vec::new();
    let mut last_token_run = usize::MAX;
    let mut i = p.runs.start;
    while i < p.runs.end {
        let run = doc.runs[i];
        match run.kind {
            Kind::Punct(c @ ('（' | '《' | '“' | '「' | '〈' | '【')) => {
                stack.push(match c {
                    '（' => Enclosure::Bracket,
                    '《' | '〈' => Enclosure::Title,
                    // 【】 marks a headline or a source, not a gloss.
                    '【' => Enclosure::None,
                    _ => Enclosure::Quote,
                });
            }
            Kind::Punct('）' | '》' | '”' | '」' | '〉' | '】') => {
                stack.pop();
            }
            _ => {}
        }
        let Some(chunk) = doc.chunk_at(i).filter(|c| c.runs.start == i) else {
            if run.kind != Kind::Space {
                flush(cx, p, &mut phrase, scope, seen);
            }
            i += 1;
            continue;
        };
        let text = doc.chunk_text(chunk);
        let opens = text.starts_with('(');
        if opens {
            stack.push(Enclosure::Bracket);
        }
        let encl = stack.last().copied().unwrap_or(Enclosure::None);
        let closes = text.trim_end_matches(['.', ',', ';', ':', '!', '?']).ends_with(')');
        // A command's option after a space, `给出 -compact 标志`, `--help`, is code too.
        let name = text.trim_start_matches('-');
        let option = (1..=2).contains(&(text.len() - name.len()))
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && (i == p.runs.start || doc.runs[i - 1].kind == Kind::Space);
        match token(cx, chunk, encl) {
            // A URL or other code ends a phrase and is never part of one.
            Some(_) if chunk.is_code || option => flush(cx, p, &mut phrase, scope, seen),
            Some(t) => {
                if last_token_run != usize::MAX && !only_spaces_between(cx, last_token_run, i) {
                    flush(cx, p, &mut phrase, scope, seen);
                }
                if phrase.last().is_some_and(|l| l.encl != t.encl) {
                    flush(cx, p, &mut phrase, scope, seen);
                }
                phrase.push(t);
                last_token_run = chunk.runs.end - 1;
            }
            None => flush(cx, p, &mut phrase, scope, seen),
        }
        // Edge punctuation other than brackets ends a phrase (a comma, a full stop).
        let edge_end = text.ends_with([',', ';', '!', '?', ':', '"']);
        if closes {
            stack.pop();
        }
        if closes || edge_end {
            flush(cx, p, &mut phrase, scope, seen);
        }
        i = chunk.runs.end;
    }
    flush(cx, p, &mut phrase, scope, seen);
}

fn only_spaces_between(cx: &Context, a: usize, b: usize) -> bool {
    cx.doc.runs[a + 1..b].iter().all(|r| r.kind == Kind::Space)
}

/// Turn a chunk into a token: trim edge punctuation, find its script.
fn token(cx: &Context, chunk: &Chunk, encl: Enclosure) -> Option<Token> {
    if !chunk.has_letter {
        return None;
    }
    let doc = cx.doc;
    let runs = &doc.runs[chunk.runs.clone()];
    let first = runs.iter().position(|r| r.kind.is_letter() || r.kind == Kind::Digit)?;
    let last = runs.iter().rposition(|r| r.kind.is_letter() || r.kind == Kind::Digit)?;
    let (start, end) = (runs[first].start, runs[last].end);
    let core = &runs[first..=last];
    let latin = core.iter().any(|r| r.kind == Kind::Latin);
    let cyr = core.iter().any(|r| r.kind == Kind::Cyrillic);
    let other = core.iter().find_map(|r| match r.kind {
        Kind::OtherScript(s) => Some(s),
        _ => None,
    });
    // Look-alike letters inside one word: letters of both scripts touching each other.
    let touching = core.windows(2).any(|w| {
        matches!((w[0].kind, w[1].kind), (Kind::Latin, Kind::Cyrillic) | (Kind::Cyrillic, Kind::Latin))
    });
    let script = if touching {
        TokenScript::Mixed
    } else if chunk.is_code || chunk.has_digit || core.iter().any(|r| r.kind == Kind::FullwidthAlnum) {
        TokenScript::Exempt
    } else if cyr {
        TokenScript::Cyrillic
    } else if let Some(s) = other {
        TokenScript::Other(s)
    } else if latin {
        TokenScript::Latin
    } else {
        return None;
    };
    Some(Token { start, end, encl, script })
}

fn shape(word: &str) -> Shape {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() <= 1 {
        return Shape::Single;
    }
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if upper == 0 {
        Shape::Lower
    } else if upper == letters.len() {
        Shape::Upper
    } else if letters[0].is_uppercase() && word.split(['-', '\'', '’']).all(is_title_part) {
        Shape::Title
    } else {
        Shape::Mixed
    }
}

/// Whether the words of a phrase (each with its shape, lower-cased) read as code: half of
/// them keywords in capitals, one a function word (`SET variable TO value`), or a third of
/// them variables of one letter, two at least, not only the article `a` (`a div b`; not
/// `should only have 't' or 'n' as the condition`).
fn is_code_phrase(shapes: &[(Shape, String)], function: &HashSet<&str>) -> bool {
    let keyword = |(s, w): &&(Shape, String)| *s == Shape::Upper && w.len() >= 2;
    let keywords = shapes.iter().filter(keyword).count();
    let function_keyword = shapes.iter().filter(keyword).any(|(_, w)| function.contains(w.as_str()));
    let single = |w: &str| w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
    let variables = shapes.iter().filter(|(_, w)| single(w)).count();
    let not_article = shapes.iter().any(|(_, w)| single(w) && w != "a" && w != "i");
    (function_keyword && 2 * keywords >= shapes.len())
        || (variables >= 2 && not_article && 3 * variables >= shapes.len())
}

fn is_title_part(part: &str) -> bool {
    let mut cs = part.chars().filter(|c| c.is_alphabetic());
    match cs.next() {
        Some(c) => (c.is_uppercase() || part.len() <= 3) && cs.all(|c| c.is_lowercase()),
        None => true,
    }
}

/// Decide on the phrase gathered so far, if any (called at every run that ends one).
#[inline(always)]
fn flush(cx: &mut Context, p: &Paragraph, phrase: &mut Vec<Token>, scope: Scope, seen: &mut Seen) {
    if !phrase.is_empty() {
        decide(cx, p, std::mem::take(phrase), scope, seen);
    }
}

/// Decide on one phrase (tokens separated only by spaces) and report it.
fn decide(cx: &mut Context, p: &Paragraph, tokens: Vec<Token>, scope: Scope, seen: &mut Seen) {
    let encl = tokens[0].encl;
    let foreign: Vec<&Token> =
        tokens.iter().filter(|t| matches!(t.script, TokenScript::Cyrillic | TokenScript::Other(_))).collect();
    // A gloss in brackets after its Chinese rendering, or an annotation: correct form —
    // unless Chinese stands beside it inside the brackets (（买Қазақстан方）): then a word
    // of another script is left in a Chinese aside, not glossing one.
    if encl == Enclosure::Bracket {
        if !foreign.is_empty() && beside_han(cx.doc, p, &tokens) {
            other_script(cx, &foreign);
        }
        let text = cx.doc.slice(tokens[0].start, tokens[tokens.len() - 1].end);
        seen.glossed.insert(text.to_lowercase());
        return;
    }
    for t in tokens.iter().filter(|t| t.script == TokenScript::Mixed) {
        mixed(cx, t);
    }
    if !foreign.is_empty() && !cited(cx, p, &tokens) {
        other_script(cx, &foreign);
    }
    if encl != Enclosure::Title {
        latin_phrase(cx, p, &tokens, scope, seen);
    }
    if encl == Enclosure::None {
        bare_name(cx, p, &tokens, scope, &seen.glossed);
    }
}

/// Whether a Han run touches the phrase `tokens` on either side (in paragraph `p`).
fn beside_han(doc: &Document, p: &Paragraph, tokens: &[Token]) -> bool {
    let (first, last) = (doc.run_at(tokens[0].start), doc.run_at(tokens[tokens.len() - 1].end - 1));
    (first > p.runs.start && doc.runs[first - 1].is_han())
        || (last + 1 < p.runs.end && doc.runs[last + 1].is_han())
}

/// A capitalised foreign name standing in a Chinese sentence without a Chinese rendering:
/// `据Reuters报道`. Names glossed earlier in the document are pointed back to their
/// rendering. Acronyms, camel-case brands, the names a publication keeps in Latin (its
/// allow-list and `latin_names`), documents with computing signs (which keep authors' and
/// products' names in Latin) and bilingual paragraphs are left alone.
fn bare_name(cx: &mut Context, p: &Paragraph, tokens: &[Token], scope: Scope, glossed: &HashSet<String>) {
    let doc = cx.doc;
    if !cx.on(BARE_NAME) || !scope.cased || scope.computing || scope.names_in_latin || scope.bilingual {
        return;
    }
    if tokens.iter().any(|t| t.script != TokenScript::Latin) {
        return;
    }
    let words = &cx.catalog.words;
    let mut title = false;
    for t in tokens {
        let w = doc.slice(t.start, t.end);
        match shape(w) {
            // A capitalised English word is a label or a key (Writer, Shift, Open), not a name.
            Shape::Title if cx.catalog.is_english(&w.to_lowercase()) => return,
            Shape::Title => title = true,
            Shape::Lower => {
                let l = w.to_lowercase();
                if !words.english_function.contains(l.as_str()) && !words.name_particles.contains(l.as_str())
                {
                    return;
                }
            }
            Shape::Upper | Shape::Single => {}
            Shape::Mixed => return,
        }
    }
    let (start, end) = (tokens[0].start, tokens[tokens.len() - 1].end);
    let text = doc.slice(start, end);
    let lower = text.to_lowercase();
    if !title || cx.allow.contains(&lower) || words.latin_names.contains(lower.as_str()) {
        return;
    }
    // Chinese on one side at least, and not a label at the start of a paragraph.
    let (i0, i1) = (doc.run_at(start), doc.run_at(end - 1));
    let left_k = prev_solid(doc, p, i0);
    let right_k = next_solid(doc, p, i1);
    let (left, right) = (left_k.map(|k| &doc.runs[k]), right_k.map(|k| &doc.runs[k]));
    if !is_chinese_side(left) && !is_chinese_side(right) {
        return;
    }
    if left.is_none() && right.is_some_and(|r| matches!(r.mark(), Some(':' | '：'))) {
        return;
    }
    // A function's, a key's, a system's name (`Abs 函数`, `Meta 键`): kept in Latin.
    if right_k.is_some_and(|k| before_computing_head(cx, k)) {
        return;
    }
    if page_matter(cx, p, left_k, (i0, i1), (start, end)) {
        return;
    }
    if runs_into_circled_digits(doc, i1, end) {
        return;
    }
    let key = if glossed.contains(&lower) { "glossed" } else { "" };
    cx.report(BARE_NAME, start, end, key, &[("found", text)]);
}

/// Whether run `k` is Han opening with a computing noun that says what the Latin word
/// before it names (`root 权限`, `Abs 函数`; `computing_heads` in rules/words.toml).
fn before_computing_head(cx: &Context, k: usize) -> bool {
    let doc = cx.doc;
    doc.runs[k].is_han() && cx.catalog.words.computing_heads.iter().any(|h| doc.run_text(k).starts_with(h))
}

fn mixed(cx: &mut Context, t: &Token) {
    let doc = cx.doc;
    let word = doc.slice(t.start, t.end);
    let cyr: String = word.chars().filter(|c| crate::scan::classify(*c) == Kind::Cyrillic).collect();
    let lat: String = word.chars().filter(|c| crate::scan::classify(*c) == Kind::Latin).collect();
    let (odd, script) = if cyr.chars().count() <= lat.chars().count() {
        (cyr, "西里尔字母")
    } else {
        (lat, "拉丁字母")
    };
    cx.report(MIXED_SCRIPT, t.start, t.end, "", &[("found", word), ("odd", &odd), ("script", script)]);
}

/// Whether a phrase is cited on purpose: presented as foreign words (`mentioned`), or
/// followed by its translation in brackets (`πτνια（即：女士）`).
fn cited(cx: &Context, p: &Paragraph, tokens: &[Token]) -> bool {
    let doc = cx.doc;
    let (i0, i1) = (doc.run_at(tokens[0].start), doc.run_at(tokens[tokens.len() - 1].end - 1));
    opens_translation(doc, next_solid(doc, p, i1)) || mentioned(cx, p, i0, i1)
}

/// Whether the phrase of runs `i0..=i1` ends a short quotation after its Chinese and a
/// space, and the text names it again soon after: `推广“为爱出发 fly for love”……拍摄了“fly
/// for love”mv`, a campaign's or a work's name given in both languages. (A quoted sentence
/// that ends in English, `“我们要 make it happen”`, does not repeat its words.)
fn bilingual_quotation(doc: &Document, p: &Paragraph, i0: usize, i1: usize) -> bool {
    // The Chinese part's runs at most (a name, not a sentence).
    const NAME_RUNS: usize = 4;
    // How far on the name is looked for again, in bytes.
    const AGAIN_WITHIN: usize = 1000;
    let closes = doc.runs.get(i1 + 1).is_some_and(|r| matches!(r.mark(), Some('”' | '」' | '』')));
    if !closes || i0 < p.runs.start + 3 || doc.runs[i0 - 1].kind != Kind::Space {
        return false;
    }
    let mut k = i0 - 2;
    while k > p.runs.start && k + NAME_RUNS + 2 > i0 && matches!(doc.runs[k].kind, Kind::Han | Kind::Space) {
        k -= 1;
    }
    if !(doc.runs[i0 - 2].is_han() && matches!(doc.runs[k].mark(), Some('“' | '「' | '『'))) {
        return false;
    }
    let (start, end) = (doc.runs[i0].start, doc.runs[i1].end);
    let to =
        (end..=p.end.min(end + AGAIN_WITHIN)).rev().find(|&k| doc.text.is_char_boundary(k)).unwrap_or(end);
    doc.text[end..to].contains(&doc.text[start..end])
}

/// Whether the phrase at `start..end` is a page's label in English beside its Chinese
/// (words.toml, page_labels): the Han characters right before it or right after it, past
/// spaces and a bar (`今日编辑｜editor`, `推 荐 阅 读good article`, `news新闻资讯`), hold
/// the label's Chinese; or a gap of layout follows it.
fn page_label(cx: &Context, p: &Paragraph, start: usize, end: usize) -> bool {
    // The Han characters read on each side.
    const SIDE: usize = 8;
    let doc = cx.doc;
    let text = doc.slice(start, end);
    // The label's Chinese forms (an English label may have more than one entry).
    let mut chinese = cx
        .catalog
        .words
        .page_labels
        .iter()
        .filter_map(|l| {
            let (english, chinese) = l.split_once('=')?;
            english.eq_ignore_ascii_case(text).then_some(chinese)
        })
        .peekable();
    if chinese.peek().is_none() {
        return false;
    }
    // A label before a gap of layout (`有啥不一样original      阅读全文`) is the page's badge
    // even without its Chinese beside it.
    let gap_width: usize = doc.text[end..p.end]
        .chars()
        .map_while(|c| match c {
            ' ' => Some(1),
            '\u{3000}' => Some(2),
            _ => None,
        })
        .sum();
    if gap_width >= 4 {
        return true;
    }
    let gap = |c: &char| matches!(c, ' ' | '\u{3000}' | '｜' | '|' | '/');
    let han_side = |chars: &mut dyn Iterator<Item = char>| -> String {
        chars.skip_while(gap).filter(|c| !gap(c)).take_while(|&c| is_han(c)).take(SIDE).collect()
    };
    let before: String = han_side(&mut doc.text[p.start..start].chars().rev()).chars().rev().collect();
    let after = han_side(&mut doc.text[end..p.end].chars());
    chinese.any(|c| before.contains(c) || after.contains(c))
}

/// Whether the phrase at `start..end` stands in an entry of a reference list with no Chinese
/// in it: a marker `[2]` before it and the next marker or the line's end after it, no Han
/// between (`参考文献：[1].https://…[2].gender-related killing of women and girls， 2018，
/// united nations office on drugs and crime[3].https://…`). A source is cited in its own
/// language.
fn reference_entry(doc: &Document, p: &Paragraph, start: usize, end: usize) -> bool {
    // How far the markers are looked for, in bytes.
    const ENTRY: usize = 300;
    let is_marker = |s: &str| {
        s.strip_prefix('[').is_some_and(|r| {
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            (1..=3).contains(&digits) && r[digits..].starts_with(']')
        })
    };
    let floor = |mut k: usize| {
        while !doc.text.is_char_boundary(k) {
            k -= 1;
        }
        k
    };
    let before = &doc.text[floor(start.saturating_sub(ENTRY).max(p.start))..start];
    let Some(at) = before.rmatch_indices('[').map(|(k, _)| k).find(|&k| is_marker(&before[k..])) else {
        return false;
    };
    let after = &doc.text[end..floor((end + ENTRY).min(p.end))];
    let next = after.match_indices('[').map(|(k, _)| k).find(|&k| is_marker(&after[k..]));
    let Some(to) = next.or((end + ENTRY >= p.end).then_some(after.len())) else {
        return false;
    };
    !before[at..].chars().chain(after[..to].chars()).any(is_han)
}

/// Whether run `k` opens brackets with Chinese right inside: the translation of what stands
/// before them (`veto right（否决权）`).
fn opens_translation(doc: &Document, k: Option<usize>) -> bool {
    k.is_some_and(|k| {
        matches!(doc.runs[k].mark(), Some('（' | '(')) && doc.runs.get(k + 1).is_some_and(|r| r.is_han())
    })
}

fn other_script(cx: &mut Context, tokens: &[&Token]) {
    let doc = cx.doc;
    // Adjacent words of one script form one finding.
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i + 1;
        while j < tokens.len() && tokens[j].script == tokens[i].script {
            j += 1;
        }
        let (start, end) = (tokens[i].start, tokens[j - 1].end);
        let text = doc.slice(start, end);
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let lang = match tokens[i].script {
            TokenScript::Cyrillic => Some(cyrillic_language(text)),
            TokenScript::Other(s) => script_name(s, letters),
            _ => None,
        };
        if let Some(lang) = lang {
            cx.report(OTHER_SCRIPT, start, end, "", &[("found", text), ("lang", lang)]);
        }
        i = j;
    }
}

/// Kazakh, Ukrainian or Russian, from the letters only those alphabets have.
fn cyrillic_language(text: &str) -> &'static str {
    let has = |set: &str| text.chars().any(|c| set.contains(c.to_lowercase().next().unwrap_or(c)));
    if has("әғқңөұүһ") {
        "哈萨克文"
    } else if has("їєґ") {
        "乌克兰文"
    } else if has("ўі") {
        "白俄罗斯文或哈萨克文"
    } else if has("ђјљњћџ") {
        "塞尔维亚文"
    } else {
        "俄文"
    }
}

/// A name for letters of another script; `None` where a short run is a symbol (α, β).
fn script_name(s: Script, letters: usize) -> Option<&'static str> {
    Some(match s {
        Script::Greek if letters >= 3 => "希腊文",
        Script::Greek => return None,
        Script::Arabic => "阿拉伯文",
        Script::Hebrew => "希伯来文",
        Script::Thai => "泰文",
        Script::Devanagari => "印地文",
        Script::Georgian => "格鲁吉亚文",
        Script::Armenian => "亚美尼亚文",
        Script::Hangul => "韩文",
        Script::Hiragana | Script::Katakana if letters >= 2 => "日文假名",
        _ => return None,
    })
}

fn latin_phrase(cx: &mut Context, p: &Paragraph, tokens: &[Token], scope: Scope, seen: &mut Seen) {
    let doc = cx.doc;
    let cased = scope.cased;
    if scope.bilingual {
        return;
    }
    let words = &cx.catalog.words;
    let latin: Vec<&Token> = tokens.iter().filter(|t| t.script == TokenScript::Latin).collect();
    if latin.is_empty() || !(cx.on(UNTRANSLATED) || cx.on(UNCASED_WORD)) {
        return;
    }
    let shapes: Vec<(Shape, String)> = latin
        .iter()
        .map(|t| {
            let w = doc.slice(t.start, t.end);
            (shape(w), w.to_lowercase())
        })
        .collect();
    let capitalised = shapes.iter().any(|(s, _)| matches!(s, Shape::Title | Shape::Upper | Shape::Mixed));
    // The phrase's runs, and the solid runs on each side of it.
    let (start, end) = (tokens[0].start, tokens[tokens.len() - 1].end);
    let (i0, i1) = (doc.run_at(start), doc.run_at(end - 1));
    let (left_k, right_k) = (prev_solid(doc, p, i0), next_solid(doc, p, i1));
    // Where the text lost its case, `the` and one word is as likely a name with its
    // article (`据the athletic记者`, `有the smiths`, `the face是一家酒店`) as a phrase, and
    // so is a source before the quotation it is credited with (`scroll in：“……”`).
    let article_name = !cased
        && shapes.len() == 2
        && shapes[0].1 == "the"
        && !words.english_function.contains(shapes[1].1.as_str());
    let credits_quotation = !cased
        && right_k.is_some_and(|k| {
            matches!(doc.runs[k].mark(), Some('：' | ':'))
                && next_solid(doc, p, k).is_some_and(|q| doc.runs[q].is_mark('“'))
        });
    let has_function = latin.len() > 1
        && !article_name
        && !credits_quotation
        && shapes.iter().any(|(_, w)| words.english_function.contains(w.as_str()));
    // The signals of an untranslated word: an English dictionary word or derived form, a
    // phrase held together by function words, or (where letter case is trustworthy) any
    // longer lower-case word. Where the text lost its case, names and brands are lower
    // case too, so only vocabulary and phrases count.
    let english = |w: &str| cx.catalog.is_english(w) || english_suffix(w);
    // A lone word before a Chinese noun that says what it is: `man 手册`, `root 权限`.
    let names_kind = latin.len() == 1 && right_k.is_some_and(|k| before_computing_head(cx, k));
    // Units, the publication's allowed words, computing terms on a technical page or
    // naming what the noun after them is; where no capital shows anywhere in the text
    // (it lost its case, or never had more than these words), the names copy keeps in
    // Latin and the acronyms it writes in capitals (`android`, `telegram`, `led`, `who`).
    let customary = |w: &str| {
        words.latin_allow.contains(w)
            || cx.allow.contains(w)
            || ((scope.computing || names_kind) && words.computing_terms.contains(w))
            || (!scope.capital && words.latin_names.contains(w))
    };
    // (`xxx` hides what a text withholds, `蒙xxx号`: a placeholder, no English.)
    let stray = |(s, w): &(Shape, String)| {
        let n = w.chars().count();
        *s == Shape::Lower
            && !customary(w)
            && !w.bytes().all(|b| b == b'x')
            && !(capitalised
                && (words.english_function.contains(w.as_str()) || words.name_particles.contains(w.as_str())))
            && !words.name_particles.contains(w.as_str())
            && (n >= 3 || latin.len() > 1)
            && if cased {
                // A longer lower-case word that spells pinyin (an account name, a
                // domain) is romanised Chinese, not English left untranslated; one that is
                // no English word, on a page with computing signs, names something of the
                // software's (a command, a variable, a placeholder: `从 infile 的偏移量`).
                english(w)
                    || has_function
                    || (n >= 6 && !is_pinyin(w) && !scope.computing && pronounceable(w))
            } else {
                has_function || (english(w) && n >= 4 && !is_pinyin(w))
            }
    };
    let at_para_start = left_k.is_none();

    // A CMS field name glued to the first sentence: `date 2025-11-16 托卡耶夫……`. Only
    // the field names of the list: any other word before a number opens too many
    // paragraphs that are not fields (`comm -12 文件1`, `glibc 2.1 没有`, `model 3明年`).
    if at_para_start && latin.len() == 1 && tokens.len() == 1 {
        let (_, w) = &shapes[0];
        let t = latin[0];
        let next = next_solid(doc, p, i0);
        let value_follows = next.and_then(|k| doc.chunk_at(k)).is_some_and(|c| c.has_digit);
        if words.metadata_fields.contains(w.as_str())
            && (value_follows || next.is_some_and(|k| doc.runs[k].mark() == Some(':')))
        {
            // The field and its value, up to the first Han character.
            let body = doc.runs[p.runs.clone()].iter().find(|r| r.is_han()).map(|r| r.start);
            let found = doc.slice(t.start, t.end);
            if let Some(d) = cx.report(UNTRANSLATED, t.start, t.end, "metadata", &[("found", found)]) {
                if let Some(b) = body {
                    d.fix = Some(Fix::replace(Applicability::Unsafe, t.start, b, ""));
                    d.fix.as_mut().unwrap().title = "删除字段名及其值".into();
                }
            }
            return;
        }
    }
    if !shapes.iter().any(stray) {
        return;
    }
    // On a page with computing signs, a statement of a query language or a formula's markup
    // is code, not English left untranslated: keywords in capitals, function words among
    // them (`LOCK TABLE name IN SHARE MODE`, `FROM foo AS f`), or variables of one letter
    // (`a div b`, `langle a mline b rangle`).
    if scope.computing && is_code_phrase(&shapes, &words.english_function) {
        return;
    }
    if scope.technical && !(has_function && latin.len() >= 3) {
        return;
    }
    // A quotation with no Han in it is a quoted original or a literal: what to type, a
    // command, a field's name (`输入「sin(<?>)」`, `「string」: 字母数字值`).
    if tokens[0].encl == Enclosure::Quote && quotes_no_han(&doc.text[p.start..start], &doc.text[end..p.end]) {
        return;
    }
    // The phrase must stand in Chinese text: a Chinese neighbour on one side at least, not
    // across a wide gap of spaces (a column of a laid-out line: `标题      original`). A
    // single word with none is a label (`社会百态 | society`, `1 → one`); a longer phrase
    // that fills its line may be an untranslated sentence.
    // (A full-width mark with Latin beyond it too is the punctuation of a foreign passage,
    // converted, that the phrase goes on: `the lion and the boar， why did the lion and the
    // boar fight`.)
    let continues = |k: usize, beyond: Option<usize>| {
        doc.runs[k].mark().is_some_and(is_cjk_punct)
            && beyond.is_some_and(|j| doc.runs[j].kind == Kind::Latin)
    };
    let continued = left_k.is_some_and(|k| continues(k, prev_solid(doc, p, k)))
        || right_k.is_some_and(|k| continues(k, next_solid(doc, p, k)));
    let near = |k: usize, gap: usize, beyond: Option<usize>| {
        gap < 4 && is_chinese_side(Some(&doc.runs[k])) && !continues(k, beyond)
    };
    let left_chinese =
        left_k.is_some_and(|k| near(k, doc.runs[i0].start - doc.runs[k].end, prev_solid(doc, p, k)));
    let right_chinese =
        right_k.is_some_and(|k| near(k, doc.runs[k].start - doc.runs[i1].end, next_solid(doc, p, k)));
    if !left_chinese
        && !right_chinese
        && (tokens.len() == 1 || continued || (left_k.is_some() && right_k.is_some()))
    {
        return;
    }
    let right = right_k.map(|k| &doc.runs[k]);
    // A name that opens a line and a dash its description, `gets - 从一个通道读一行`:
    // the head of a manual page or a glossary entry.
    if at_para_start && right.is_some_and(|r| matches!(r.mark(), Some('-' | '—'))) {
        return;
    }
    // … and so is a setting's name with the letter of its section after it, heading its entry
    // in a manual page (`map to guest (G)这个选项只在……`, `create mode (S)`).
    let tagged = |after: &str| {
        let b = after.trim_start_matches(' ').as_bytes();
        b.len() >= 3 && b[0] == b'(' && b[1].is_ascii_uppercase() && b[2] == b')'
    };
    if at_para_start && tagged(&doc.text[end..p.end]) {
        return;
    }
    // … and so is an identifier joined by hyphens or underscores opening its line after a line
    // that ends with a colon: an entry of the list of keywords that line announces
    // (`允许如下关键字:⏎order-definition以下列行开始`).
    let identifier = || doc.slice(start, end).contains(['-', '_']);
    let listed = || doc.text[..p.start].trim_end_matches(['\n', '\r']).ends_with([':', '：']);
    if at_para_start && tokens.len() == 1 && identifier() && listed() {
        return;
    }
    // An original given with its translation after it, `veto right（否决权）`, also past
    // the marks that close a quoted sentence (`“i'm 'bout to cut it.（我要开始切了）”`), or
    // after the Chinese title of its work (`《罪人》the sinner`), is quoted on purpose, not
    // left untranslated.
    let mut after = right_k;
    while let Some(k) =
        after.filter(|&k| matches!(doc.runs[k].mark(), Some('.' | '!' | '?' | '"' | '”' | '’')))
    {
        after = next_solid(doc, p, k);
    }
    let translated = opens_translation(doc, after) || bilingual_quotation(doc, p, i0, i1);
    let titled = left_k.is_some_and(|k| doc.runs[k].end == doc.runs[i0].start && doc.runs[k].is_mark('》'));
    if translated || titled || mentioned(cx, p, i0, i1) {
        return;
    }
    // Framed by dashes it is decoration. (A word set off by a pair of dashes as an
    // insertion would pass too; none was found in the corpora.)
    if left_k.is_some_and(|k| frames_label(doc, p, k)) {
        return;
    }
    let text = doc.slice(start, end);
    if !has_function && is_named(cx, left_k, right_k, &shapes, tokens.len() > 1) {
        return;
    }
    // A product and its version, `articulate storyline2`: a name.
    let last = &tokens[tokens.len() - 1];
    if !has_function && tokens.len() > 1 && is_versioned(doc.slice(last.start, last.end)) {
        return;
    }
    if page_matter(cx, p, left_k, (i0, i1), (start, end)) {
        return;
    }
    if runs_into_circled_digits(doc, i1, end) {
        return;
    }
    // A sign-off after the last sentence (`……办理中。end`), opening a line or closing one
    // (`运营公司：某某科技有限公司the end`).
    let after_sentence =
        left_k.is_none_or(|k| matches!(doc.runs[k].mark(), Some('。' | '！' | '？'))) || right_k.is_none();
    if after_sentence && words.sign_offs.iter().any(|s| text.eq_ignore_ascii_case(s)) {
        return;
    }
    // Where the text lost its letter case, words with no English function word among them
    // cannot be told from names and brands written small (`master大师干衣机`, `根据wind数据`,
    // `kite pharma`): a hint to check, under a rule of its own; an English phrase is still
    // an untranslated one.
    // The same where no capital shows that the text kept its case and no word is English
    // vocabulary (`iqhwang`, `newbee`, `sporarena` in an article with one or two Latin words).
    let vocabulary = shapes.iter().any(|(s, w)| *s == Shape::Lower && english(w));
    if !has_function && (!cased || (!scope.capital && !vocabulary)) {
        cx.report(UNCASED_WORD, start, end, "", &[("found", text)]);
        return;
    }
    // On a page with computing signs, a lone word the page writes again and again is one
    // of its terms, kept in English on purpose: a placeholder (`读取指定的file`), a keyword, a
    // command (`messages`, `null`, `web`).
    if scope.computing && latin.len() == 1 && seen.uses(doc, &shapes[0].1) >= 2 {
        return;
    }
    let lang = phrase_language(text);
    let kind = if tokens.len() > 1 { "短语" } else { "单词" };
    cx.report(UNTRANSLATED, start, end, "", &[("found", text), ("lang", lang), ("kind", kind)]);
}

/// Whether the words before the phrase of runs `i0..=i1` present it as foreign words, or
/// the words after it speak of it as one: `英文片名为 the story of minglan`, `口号：all we
/// do is`, `单词「автомобиль」在俄语中意为「车」`, `日文写作为バカやろう` (words.toml,
/// mention_leads and mention_tails; a colon or a quotation mark between is stepped over).
/// Such words are cited on purpose, not left untranslated.
pub(crate) fn mentioned(cx: &Context, p: &Paragraph, i0: usize, i1: usize) -> bool {
    let (doc, words) = (cx.doc, &cx.catalog.words);
    let step = |k: Option<usize>, marks: &[char], next: &dyn Fn(usize) -> Option<usize>| match k {
        Some(j) if doc.runs[j].mark().is_some_and(|m| marks.contains(&m)) => next(j),
        k => k,
    };
    let before =
        step(prev_solid(doc, p, i0), &[':', '：', '“', '「', '‘', '『'], &|j| prev_solid(doc, p, j));
    let after = step(next_solid(doc, p, i1), &['”', '」', '’', '』'], &|j| next_solid(doc, p, j));
    let han = |k: Option<usize>| k.filter(|&k| doc.runs[k].is_han()).map(|k| doc.run_text(k));
    han(before).is_some_and(|t| words.mention_leads.iter().any(|w| t.ends_with(w)))
        || han(after).is_some_and(|t| words.mention_tails.iter().any(|w| t.starts_with(w)))
}

/// Whether the Latin of runs `i0..=i1` (bytes `start..end`, the solid run `left_k` before
/// it) is the page's matter rather than words of the copy: a name credited, a site's name
/// after a title, an entry of a reference list, a page's label beside its Chinese.
fn page_matter(
    cx: &Context,
    p: &Paragraph,
    left_k: Option<usize>,
    (i0, i1): (usize, usize),
    (start, end): (usize, usize),
) -> bool {
    let doc = cx.doc;
    credited(cx, p, left_k, i1)
        || site_name(doc, p, i0, i1)
        || reference_entry(doc, p, start, end)
        || page_label(cx, p, start, end)
}

/// Whether a phrase that ends at run `i1`, with the solid run `left_k` before it, is
/// the name in a credit line: after a credit word and a colon (`编辑：sugar`, `责任编辑：penny`),
/// or the colon and other short names (`来源：中新网、南方plus`), and ending its field — at
/// the end of the paragraph, before a mark or a space, or before Han that ends the
/// paragraph, names the next field (`penny文章来源：`) or links back (`nick返回搜狐`). A pen
/// name or a handle, not a word left untranslated; after `他告诉记者：` a sentence goes on.
fn credited(cx: &Context, p: &Paragraph, left_k: Option<usize>, i1: usize) -> bool {
    // The runs of the names listed before the phrase in one field at most, and the
    // characters of one such name (`来源：中新网、南方plus`).
    const LISTED_RUNS: usize = 8;
    const NAME_CHARS: u32 = 8;
    let doc = cx.doc;
    let listed = |r: &crate::scan::Run| {
        (r.is_han() && r.chars <= NAME_CHARS)
            || matches!(r.kind, Kind::Latin | Kind::Space | Kind::Punct('、' | '/'))
    };
    let mut k = left_k;
    for _ in 0..LISTED_RUNS {
        match k {
            Some(j) if j > p.runs.start && listed(&doc.runs[j]) => k = Some(j - 1),
            _ => break,
        }
    }
    let Some(colon) = k.filter(|&k| matches!(doc.runs[k].mark(), Some(':' | '：'))) else {
        return false;
    };
    let credit = prev_solid(doc, p, colon).is_some_and(|k| {
        doc.runs[k].is_han() && cx.catalog.words.byline_words.iter().any(|w| doc.run_text(k).ends_with(w))
    });
    let field_ends = match next_run(doc, p, i1) {
        None => true,
        // (A link of the page's footer glued on is no part of the name: `编辑：nick返回搜狐`.)
        Some(r) if r.is_han() => {
            next_run(doc, p, i1 + 1).is_none_or(|r| matches!(r.mark(), Some(':' | '：')))
                || cx.catalog.words.footer_links.iter().any(|w| doc.slice(r.start, r.end).starts_with(w))
        }
        Some(r) => r.kind == Kind::Space || r.mark().is_some(),
    };
    credit && field_ends
}

/// Whether runs `i0..=i1` end a page title's last part, the site's name, Latin glued to a
/// few Han characters after an underscore (`南下综述 文/泰安党史_文章_烽火home`).
fn site_name(doc: &Document, p: &Paragraph, i0: usize, i1: usize) -> bool {
    const SITE_HAN: u32 = 8;
    let line_ends =
        next_run(doc, p, i1).is_none_or(|r| r.kind == Kind::Space) && next_solid(doc, p, i1).is_none();
    line_ends
        && i0 >= p.runs.start + 2
        && doc.runs[i0 - 1].is_han()
        && doc.runs[i0 - 1].end == doc.runs[i0].start
        && doc.runs[i0 - 1].chars <= SITE_HAN
        && doc.runs[i0 - 2].is_mark('_')
}

/// Whether the letters ending at byte `end` (run `i1`) run on into circled digits,
/// `bay③⑧⑤`: an account name spelled to slip past filters, as `bay385` is one (enclosed
/// alphanumerics, U+2460–U+24FF), not a word or a name to render.
fn runs_into_circled_digits(doc: &Document, i1: usize, end: usize) -> bool {
    let circled = |c: char| ('\u{2460}'..='\u{24FF}').contains(&c);
    doc.runs.get(i1 + 1).is_some_and(|r| r.start == end && doc.slice(r.start, r.end).starts_with(circled))
}

/// Whether the quotation around a phrase, from its opening mark at the end of `before`
/// to its closing mark in `after` (within 100 bytes each way), holds no Han character.
fn quotes_no_han(before: &str, after: &str) -> bool {
    let from = (before.len().saturating_sub(100)..before.len()).find(|&k| before.is_char_boundary(k));
    let before = &before[from.unwrap_or(before.len())..];
    let to = (0..=after.len().min(100)).rev().find(|&k| after.is_char_boundary(k));
    let after = &after[..to.unwrap_or(0)];
    let Some(open) = before.rfind(['“', '「', '‘', '『']) else { return false };
    let Some(close) = after.find(['”', '」', '’', '』']) else { return false };
    !before[open..].chars().chain(after[..close].chars()).any(is_han)
}

/// A phrase that is a name, though in lower case (text that lost its letter case, a brand
/// written small): a word that introduces a name before it (`品牌是begins`), a noun saying
/// what it names after it (`inspire概念车`, `led屏`), or an organisation word closing it
/// (`farallon capital`). Asked only of phrases without English function words.
fn is_named(
    cx: &Context,
    left_k: Option<usize>,
    right_k: Option<usize>,
    shapes: &[(Shape, String)],
    phrase: bool,
) -> bool {
    let (doc, words) = (cx.doc, &cx.catalog.words);
    let han = |k: &usize| doc.runs[*k].is_han();
    left_k.filter(han).is_some_and(|k| words.name_leads.iter().any(|w| doc.run_text(k).ends_with(w)))
        || right_k
            .filter(han)
            .is_some_and(|k| words.name_heads.iter().any(|w| doc.run_text(k).starts_with(w)))
        || (phrase && shapes.last().is_some_and(|(_, w)| words.organisation_words.contains(w.as_str())))
}

/// A word with a version number glued to its end, `storyline2`, `office365`: a product's
/// name (no English word ends in a digit).
fn is_versioned(w: &str) -> bool {
    let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
    letters.len() >= 2 && letters.len() < w.len() && letters.bytes().all(|b| b.is_ascii_alphabetic())
}

/// A word with a vowel for every four letters at least: `zjxcjc`, `ihxdsb` (an account
/// name) are no English words left untranslated.
fn pronounceable(w: &str) -> bool {
    let vowels = w.bytes().filter(|b| b"aeiouy".contains(b)).count();
    vowels * 4 >= w.len()
}

/// A paragraph with three or more separate Latin stretches holding at least as many
/// letters as the paragraph has Han characters is bilingual material (a glossary, an
/// original quoted with its translation), not Chinese copy with stray words. URLs and
/// other code do not count.
fn bilingual(cx: &Context, p: &Paragraph) -> bool {
    let doc = cx.doc;
    let (mut latin, mut han, mut islands) = (0, 0, 0);
    let mut in_latin = false;
    for (i, r) in doc.runs[p.runs.clone()].iter().enumerate() {
        match r.kind {
            Kind::Latin if !doc.chunk_at(p.runs.start + i).is_some_and(|c| c.is_code) => {
                latin += r.chars;
                if !in_latin {
                    islands += 1;
                }
                in_latin = true;
            }
            Kind::Han => {
                han += r.chars;
                in_latin = false;
            }
            _ => {}
        }
    }
    islands >= 3 && latin >= han.max(1)
}

/// Hanyu pinyin written without tones and spaces (qingming, taobao): a romanised
/// Chinese word, not an untranslated foreign one. Six letters and two syllables at
/// least: short English words often spell pinyin too (date = da + te). Used only where
/// the text lost its letter case, where pinyin names are not capitalised.
pub fn is_pinyin(w: &str) -> bool {
    const INITIALS: &[&str] = &[
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z",
        "c", "s", "y", "w",
    ];
    const FINALS: &[&str] = &[
        "iang", "iong", "uang", "ueng", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei",
        "ao", "ou", "an", "en", "er", "ia", "ie", "iu", "in", "ua", "uo", "ui", "un", "ue", "ve", "a", "o",
        "e", "i", "u", "v",
    ];
    let b = w.as_bytes();
    if !w.bytes().all(|c| c.is_ascii_lowercase()) || b.len() < 6 {
        return false;
    }
    // syllables[i]: fewest syllables that spell w[..i], if any.
    let mut syllables = vec![usize::MAX; b.len() + 1];
    syllables[0] = 0;
    for i in 0..b.len() {
        if syllables[i] == usize::MAX {
            continue;
        }
        let rest = &w[i..];
        for ini in INITIALS.iter().copied().chain([""]) {
            let Some(after) = rest.strip_prefix(ini) else { continue };
            for fin in FINALS {
                // Without an initial, a syllable starts with a, o or e.
                if ini.is_empty() && !fin.starts_with(['a', 'o', 'e']) {
                    continue;
                }
                // ü (written v) only after n and l.
                if fin.starts_with('v') && !matches!(ini, "n" | "l") {
                    continue;
                }
                if after.starts_with(fin) {
                    let j = i + ini.len() + fin.len();
                    syllables[j] = syllables[j].min(syllables[i] + 1);
                }
            }
        }
    }
    syllables[b.len()] != usize::MAX && syllables[b.len()] >= 2
}

/// Endings of English derived words: in text that lost its letter case these tell an
/// untranslated word (revitalizing, management) from a lower-cased name or brand.
fn english_suffix(w: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "ing", "tion", "sion", "ment", "ness", "ity", "ize", "ise", "ous", "ive", "able", "ible", "ful",
        "less", "ance", "ence", "ship", "ally", "edly",
    ];
    w.chars().count() >= 6 && SUFFIXES.iter().any(|s| w.ends_with(s))
}

/// The language of a phrase: whatlang for long phrases, the letters otherwise.
fn phrase_language(text: &str) -> &'static str {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let words = text.unicode_words().count();
    if letters >= 25 || words >= 4 {
        if let Some(info) = whatlang::detect(text) {
            let name = match info.lang() {
                whatlang::Lang::Eng => "英文",
                whatlang::Lang::Fra => "法文",
                whatlang::Lang::Deu => "德文",
                whatlang::Lang::Spa => "西班牙文",
                whatlang::Lang::Por => "葡萄牙文",
                whatlang::Lang::Ita => "意大利文",
                whatlang::Lang::Tur => "土耳其文",
                whatlang::Lang::Nld => "荷兰文",
                whatlang::Lang::Pol => "波兰文",
                whatlang::Lang::Uzb => "乌兹别克文",
                _ => "外文",
            };
            if info.is_reliable() {
                return name;
            }
        }
    }
    if text.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
        "外文"
    } else {
        "英文"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("revitalizing"), Shape::Lower);
        assert_eq!(shape("Kassym-Jomart"), Shape::Title);
        assert_eq!(shape("APEC"), Shape::Upper);
        assert_eq!(shape("iPhone"), Shape::Mixed);
        assert_eq!(shape("O'Brien"), Shape::Title);
        assert_ne!(shape("al-Assad"), Shape::Lower);
        assert_eq!(shape("x"), Shape::Single);
    }

    #[test]
    fn pinyin() {
        for w in ["qingming", "taobao", "beijing", "zhongguancun"] {
            assert!(is_pinyin(w), "{w}");
        }
        for w in ["revitalizing", "online", "feel", "review", "server", "date", "hold"] {
            assert!(!is_pinyin(w), "{w}");
        }
    }

    #[test]
    fn languages() {
        assert_eq!(cyrillic_language("Қазақстан"), "哈萨克文");
        assert_eq!(cyrillic_language("заявил"), "俄文");
        assert_eq!(phrase_language("revitalizing"), "英文");
        assert_eq!(phrase_language("the agreement will provide a legal basis for cooperation"), "英文");
    }
}
