//! The rule data of `rules/`, embedded in the binary and parsed on first use: each rule's
//! metadata, messages, explanation and inline cases, and the word lists rules consult.
//! The TOML files are embedded as the JSON `build.rs` turns them into (the same data,
//! quicker to parse at start-up).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::scan::{han, HanTable};

/// The rule files, one per category.
const RULE_FILES: &[(&str, &str)] = &[
    ("rules/foreign.toml", include_str!(concat!(env!("OUT_DIR"), "/foreign.json"))),
    ("rules/quote.toml", include_str!(concat!(env!("OUT_DIR"), "/quote.json"))),
    ("rules/dash.toml", include_str!(concat!(env!("OUT_DIR"), "/dash.json"))),
    ("rules/pair.toml", include_str!(concat!(env!("OUT_DIR"), "/pair.json"))),
    ("rules/punct.toml", include_str!(concat!(env!("OUT_DIR"), "/punct.json"))),
    ("rules/space.toml", include_str!(concat!(env!("OUT_DIR"), "/space.json"))),
    ("rules/name.toml", include_str!(concat!(env!("OUT_DIR"), "/name.json"))),
    ("rules/char.toml", include_str!(concat!(env!("OUT_DIR"), "/char.json"))),
    ("rules/number.toml", include_str!(concat!(env!("OUT_DIR"), "/number.json"))),
    ("rules/term.toml", include_str!(concat!(env!("OUT_DIR"), "/term.json"))),
    ("rules/meta.toml", include_str!(concat!(env!("OUT_DIR"), "/meta.json"))),
];
const WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/words.json"));
const TRADITIONAL: &str = include_str!("../../rules/traditional.tsv");
/// The first column of `TRADITIONAL`, extracted by build.rs.
const TRADITIONAL_KEYS: &str = include_str!(concat!(env!("OUT_DIR"), "/traditional_keys.txt"));
const ENGLISH: &str = include_str!("../../rules/english.txt");
const DOUBLED: &str = include_str!("../../rules/doubled.txt");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    Safe,
    Unsafe,
    None,
}

impl FixKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FixKind::Safe => "safe",
            FixKind::Unsafe => "unsafe",
            FixKind::None => "none",
        }
    }
}

/// One inline test case: a text, the substrings the rule flags in it (in order), and
/// optionally the text after all of the rule's fixes are applied.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub text: String,
    pub flags: Vec<String>,
    #[serde(default)]
    pub fixed: Option<String>,
    /// The text after only the safe fixes (`--fix` without `--unsafe-fixes`).
    #[serde(default)]
    pub safe_fixed: Option<String>,
    /// `markdown` or `html` for cases in those formats (default: plain text).
    #[serde(default)]
    pub format: Option<String>,
    /// Other rules to run with this one (their findings are not compared).
    #[serde(default)]
    pub with: Vec<String>,
}

/// One entry of a term list: the wrong wording, the right one, a note for the message.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub wrong: String,
    pub right: String,
    #[serde(default)]
    pub note: Option<String>,
    /// What may not follow for the term to count (既使 but not 既使用).
    #[serde(default)]
    pub not_before: Vec<String>,
    /// What may not come just before for the term to count: the end of another word the
    /// term's first character completes (渭南 + 韩城 is not 南韩).
    #[serde(default)]
    pub not_after: Vec<String>,
    /// What must follow for the term to count, if anything is listed (说到 counts before
    /// `：“`, 的 before a degree complement such as 很好).
    #[serde(default)]
    pub followed_by: Vec<String>,
    /// Also counts right after a quotation (a closing ” within the twelve characters
    /// before, in the same sentence) when the sentence ends or pauses after it: ”他补充到。
    #[serde(default)]
    pub after_quote: bool,
    /// What `followed_by` matched must itself be followed by a mark or the end, not Han
    /// (看护的很好。 counts, 做的很好吃 does not).
    #[serde(default)]
    pub then_mark: bool,
    /// House rules only: `wrong` is a regular expression (the regex crate's syntax: no
    /// look-around, matching time linear in the text) and `right` may use its groups
    /// (`$1`, `${name}`). Compiled with a size limit (`term::PATTERN_SIZE_LIMIT`).
    #[serde(default)]
    pub regex: bool,
    /// Words to put for `{w}` in `wrong` and `right`: one entry stands for many
    /// (`{w}到` → `{w}道` for 说, 写, 补充…).
    #[serde(default)]
    pub each: Vec<String>,
}

impl RuleMeta {
    /// The rule with its term entries expanded (see `Term::expand`).
    pub fn expanded(mut self) -> RuleMeta {
        self.terms = std::mem::take(&mut self.terms).into_iter().flat_map(Term::expand).collect();
        self
    }
}

impl Term {
    /// The entry with `{w}` replaced by each word of `each` (itself if `each` is empty).
    pub fn expand(mut self) -> Vec<Term> {
        // The word list is taken out first: each copy clones the entry without it.
        let each = std::mem::take(&mut self.each);
        if each.is_empty() {
            return vec![self];
        }
        each.iter()
            .map(|w| Term {
                wrong: self.wrong.replace("{w}", w),
                right: self.right.replace("{w}", w),
                ..self.clone()
            })
            .collect()
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleMeta {
    pub id: String,
    pub severity: Severity,
    pub fix: FixKind,
    /// One line for `zhqa rules`.
    pub summary: String,
    /// The default message; `{name}` placeholders are filled in by the rule.
    pub message: String,
    /// Variant messages by key.
    #[serde(default)]
    pub messages: HashMap<String, String>,
    /// What it checks and why, for `zhqa explain`.
    pub explain: String,
    /// The standard or source behind the rule.
    pub basis: String,
    /// The zhqa version the rule was added in.
    pub since: String,
    #[serde(rename = "case", default)]
    pub cases: Vec<Case>,
    /// The list of a term rule (rules/term.toml).
    #[serde(rename = "term", default)]
    pub terms: Vec<Term>,
}

impl RuleMeta {
    pub fn category(&self) -> &str {
        self.id.split('/').next().unwrap_or("")
    }

    /// The message template under `key` ("" or "default" for the main one).
    pub fn template(&self, key: &str) -> &str {
        if key.is_empty() || key == "default" {
            return &self.message;
        }
        self.messages.get(key).unwrap_or_else(|| panic!("rule {} has no message `{key}` in rules/", self.id))
    }
}

/// A file of rules in the declarative format of `rules/`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub rule: Vec<RuleMeta>,
}

/// Word lists from `rules/words.toml`.
/// The strings are borrowed from the embedded data: nothing to allocate at start-up.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words<'a> {
    /// Lower-case Latin words that are not flagged as untranslated (units, symbols...).
    #[serde(borrow)]
    pub latin_allow: HashSet<&'a str>,
    /// Capitalised names mainland copy customarily keeps in Latin (lower case).
    #[serde(borrow)]
    pub latin_names: HashSet<&'a str>,
    /// Computing terms technical writing leaves in English (shell, root, locale).
    #[serde(borrow)]
    pub computing_terms: HashSet<&'a str>,
    /// Chinese nouns a computing term names the kind of (man 手册, root 权限).
    pub computing_heads: Vec<&'a str>,
    /// Chinese nouns a Latin name stands before (led 屏, android 客户端).
    pub name_heads: Vec<&'a str>,
    /// Chinese words a Latin name follows (品牌是, 名为).
    pub name_leads: Vec<&'a str>,
    /// Chinese words that present what follows as foreign words (英文名为, 全称, 口号：).
    pub mention_leads: Vec<&'a str>,
    /// Chinese words after foreign words that speak of them as words (一词, 在俄语中意为).
    pub mention_tails: Vec<&'a str>,
    /// Words that close an organisation's name (capital, limited).
    #[serde(borrow)]
    pub organisation_words: HashSet<&'a str>,
    /// Sign-offs that close an article (end).
    pub sign_offs: Vec<&'a str>,
    /// CMS and metadata field names seen glued to the first sentence.
    #[serde(borrow)]
    pub metadata_fields: HashSet<&'a str>,
    /// English function words: their presence marks a phrase, not a name.
    #[serde(borrow)]
    pub english_function: HashSet<&'a str>,
    /// Particles of names in several languages (de, von, al, bin): lower case inside a
    /// capitalised name, but no sign of an English phrase.
    #[serde(borrow)]
    pub name_particles: HashSet<&'a str>,
    /// Verbs that close a dash-marked attribution (说, 表示...).
    pub speech_verbs: Vec<&'a str>,
    /// Nouns that end in a speech verb and say nothing (名称, 简称).
    pub speech_verb_nouns: Vec<&'a str>,
    /// Words that open a clause after a dash: a single — before them is a 破折号.
    pub clause_openers: Vec<&'a str>,
    /// Words that make a sentence a question: a `?` after them is a question mark.
    pub question_words: Vec<&'a str>,
    /// Words that open with a question word and ask nothing (几乎, 哪怕).
    pub question_lookalikes: Vec<&'a str>,
    /// Characters typical of transliterated foreign names.
    pub transliteration: String,
    /// Characters that stand in no transliterated name (吗, 就): one next to a `?` or `.`
    /// between Han characters says it is no lost name dot.
    pub not_in_names: String,
    /// Given names that open many transliterated names (约翰, 玛丽).
    pub given_names: Vec<&'a str>,
    /// Words of bylines and credit lines (记者, 摄影, 来源).
    pub byline_words: Vec<&'a str>,
    /// Links of a page's footer glued to a credit line (返回搜狐).
    pub footer_links: Vec<&'a str>,
    /// Links after the dots of an excerpt a page cut short (阅读详情).
    pub excerpt_cuts: Vec<&'a str>,
    /// A page's labels in English and their Chinese, `english=中文` (editor=编辑).
    pub page_labels: Vec<&'a str>,
    /// Units that follow a number (万, 亿, 左右): a digitless `.` before one lost its digits.
    pub digit_units: Vec<&'a str>,
    /// Words that open with a unit and may open a sentence (万一, 元旦, 左右为难).
    pub digit_units_not: Vec<&'a str>,
    /// Titles and occupations that stand before a name (总统, 教授, 学家).
    pub name_titles: Vec<&'a str>,
    /// The menus of an office suite's menu bar (文件, 编辑, 插入), that open menu paths.
    pub menu_bar: Vec<&'a str>,
    /// Function characters whose doubling is an error (的的, 了了).
    pub doubled_function: String,
    /// Characters typed twice by accident (给给, 我们们), judged with rules/doubled.txt.
    pub doubled_chars: String,
    /// Reduplications of `doubled_chars` that are words (个个, 说说).
    pub reduplications: Vec<&'a str>,
    /// Function characters that are also measure words, reduplicated after 一 (一把把).
    pub doubled_measures: String,
    /// Words ending in a function character: `目的` + `的` is not 的的.
    pub doubled_left_words: Vec<&'a str>,
    /// Words ending where a left word begins: after `项目` the 目的 of `项目的的` is no word.
    pub doubled_left_split: Vec<&'a str>,
    /// Words starting with a function character: `为了` + `了解` is not 了了.
    pub doubled_right_words: Vec<&'a str>,
}

pub struct Catalog {
    /// Each rule file's rules, parsed when a rule of its category is first asked for: a
    /// clean file never parses the messages and explanations of rules that found nothing.
    files: Vec<OnceLock<Vec<RuleMeta>>>,
    pub words: Words<'static>,
    /// Traditional-only character → its simplified form(s), sorted; read from the table
    /// when a traditional character is first met.
    traditional: OnceLock<Vec<(char, &'static str)>>,
    /// The characters `traditional` has an entry for, so that the common case — a
    /// simplified character — costs one bit test.
    traditional_keys: CharSet,
    transliteration: CharSet,
    /// What each common ideograph is to the rules, for the scan (`han_table`).
    han_table: OnceLock<HanTable>,
}

impl Catalog {
    pub fn get(&self, id: &str) -> Option<&RuleMeta> {
        let category = id.split('/').next()?;
        let file =
            |name: &str| name.strip_prefix("rules/").and_then(|n| n.strip_suffix(".toml")) == Some(category);
        let k = RULE_FILES.iter().position(|(name, _)| file(name))?;
        self.file(k).iter().find(|r| r.id == id)
    }

    /// Every rule, in the order of the rule files.
    pub fn rules(&self) -> impl Iterator<Item = &RuleMeta> {
        (0..RULE_FILES.len()).flat_map(|k| self.file(k))
    }

    fn file(&self, k: usize) -> &[RuleMeta] {
        self.files[k].get_or_init(|| {
            let (name, src) = RULE_FILES[k];
            let file: RuleFile =
                serde_json::from_str(src).unwrap_or_else(|e| panic!("{name} is not a valid rule file: {e}"));
            file.rule.into_iter().map(RuleMeta::expanded).collect()
        })
    }

    /// The simplified form(s) of a traditional-only character.
    pub fn simplified(&self, c: char) -> Option<&str> {
        if !self.traditional_keys.contains(c) {
            return None;
        }
        let table = self.traditional.get_or_init(|| {
            let mut table: Vec<(char, &'static str)> = table_lines(TRADITIONAL)
                .filter_map(|l| Some((l.chars().next()?, l.split_once('\t')?.1)))
                .collect();
            table.sort_unstable_by_key(|(t, _)| *t);
            table
        });
        let k = table.binary_search_by_key(&c, |(t, _)| *t).ok()?;
        Some(table[k].1)
    }

    /// Whether `w` (lower case) is a common English word (rules/english.txt).
    pub fn is_english(&self, w: &str) -> bool {
        sorted_lines_contain(ENGLISH, w)
    }

    /// Whether `w` is a two-character word starting with one of `doubled_chars`
    /// (rules/doubled.txt).
    pub fn starts_doubled_word(&self, w: &str) -> bool {
        sorted_lines_contain(DOUBLED, w)
    }

    pub fn is_transliteration(&self, c: char) -> bool {
        self.transliteration.contains(c)
    }

    /// The bits of `scan::han` for each common ideograph, from the lists above and the
    /// first two characters of the terms of term/*, built when first asked for.
    pub fn han_table(&self) -> &HanTable {
        self.han_table.get_or_init(|| {
            let mut table = HanTable::default();
            let words = &self.words;
            let lists = [
                (TRADITIONAL_KEYS, han::TRADITIONAL),
                (words.transliteration.as_str(), han::TRANSLITERATION),
                (words.doubled_function.as_str(), han::WATCHED),
                (words.doubled_chars.as_str(), han::WATCHED),
            ];
            for (list, bit) in lists {
                list.chars().for_each(|c| table.mark(c, bit));
            }
            let terms = super::term::RULES.iter().filter_map(|id| self.get(id)).flat_map(|r| &r.terms);
            for t in terms {
                let mut cs = t.wrong.chars();
                let Some(first) = cs.next() else { continue };
                table.mark(first, han::TERM_START);
                match cs.next() {
                    Some(second) if table.of(second) != han::ALL => table.mark(second, han::TERM_SECOND),
                    _ => table.mark(first, han::TERM_ALONE),
                }
            }
            table
        })
    }

    /// Rule ids matched by a selector: an id, a category (`quote`), or `all`.
    pub fn matching<'a>(&'a self, selector: &'a str) -> impl Iterator<Item = &'a RuleMeta> + 'a {
        let sel = selector.trim_end_matches('/');
        self.rules().filter(move |r| {
            sel == "all" || r.id == sel || r.id.strip_prefix(sel).is_some_and(|t| t.starts_with('/'))
        })
    }
}

/// The data lines of an embedded table (comment lines start with `#`).
fn table_lines(table: &'static str) -> impl Iterator<Item = &'static str> {
    table.lines().filter(|l| !l.starts_with('#') && !l.is_empty())
}

/// Whether the sorted list of lines `list` holds the line `w`: a binary search over the
/// embedded text itself, so that nothing is built at start. The `#` comment lines of the
/// header sort before every word, so they never stop the search.
fn sorted_lines_contain(list: &str, w: &str) -> bool {
    if w.is_empty() || w.contains('\n') || w.as_bytes()[0] <= b'#' {
        return false;
    }
    let bytes = list.as_bytes();
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid].iter().rposition(|&b| b == b'\n').map_or(lo, |k| lo + k + 1);
        let end = bytes[start..hi].iter().position(|&b| b == b'\n').map_or(hi, |k| start + k);
        match list[start..end].cmp(w) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// A set of characters asked about once per character of a text: one bit per character
/// of CJK extension A and the unified ideographs (U+3400..=U+9FFF), any others in a
/// sorted list.
pub(crate) struct CharSet {
    bits: Vec<u64>,
    other: Vec<char>,
}

const BITS_FROM: usize = 0x3400;
const BITS_TO: usize = 0x9FFF;

impl FromIterator<char> for CharSet {
    fn from_iter<I: IntoIterator<Item = char>>(chars: I) -> CharSet {
        let mut set = CharSet { bits: vec![0; (BITS_TO - BITS_FROM) / 64 + 1], other: Vec::new() };
        for c in chars {
            match CharSet::bit(c) {
                Some(k) => set.bits[k / 64] |= 1 << (k % 64),
                None => set.other.push(c),
            }
        }
        set.other.sort_unstable();
        set.other.dedup();
        set
    }
}

impl CharSet {
    /// The bit of `c`, if it lies in the range the bits cover.
    fn bit(c: char) -> Option<usize> {
        (c as usize).checked_sub(BITS_FROM).filter(|k| *k <= BITS_TO - BITS_FROM)
    }

    pub(crate) fn contains(&self, c: char) -> bool {
        match CharSet::bit(c) {
            Some(k) => self.bits[k / 64] & (1 << (k % 64)) != 0,
            None => self.other.binary_search(&c).is_ok(),
        }
    }
}

fn parse() -> Catalog {
    let words: Words<'static> =
        serde_json::from_str(WORDS).unwrap_or_else(|e| panic!("rules/words.toml is not valid: {e}"));
    let transliteration = words.transliteration.chars().filter(|c| !c.is_whitespace()).collect();
    let traditional_keys = TRADITIONAL_KEYS.chars().collect();
    let files = RULE_FILES.iter().map(|_| OnceLock::new()).collect();
    Catalog {
        files,
        words,
        traditional: OnceLock::new(),
        traditional_keys,
        transliteration,
        han_table: OnceLock::new(),
    }
}

/// The embedded catalogue, parsed once.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(parse)
}

/// Fill `{name}` placeholders of a message template.
pub fn render(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = memchr::memchr(b'{', rest.as_bytes()) {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match memchr::memchr(b'}', after.as_bytes()) {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_parses_and_ids_are_well_formed() {
        let c = catalog();
        assert!(c.rules().count() >= 20);
        let mut seen = HashSet::new();
        for r in c.rules() {
            assert!(seen.insert(r.id.as_str()), "duplicate rule id {}", r.id);
            let (cat, name) = r.id.split_once('/').expect("ids are category/name");
            assert!(
                [
                    "foreign", "quote", "dash", "pair", "punct", "space", "name", "char", "number", "term",
                    "meta"
                ]
                .contains(&cat),
                "{}",
                r.id
            );
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{} is not kebab-case", r.id);
            assert!(!r.explain.trim().is_empty() && !r.basis.trim().is_empty(), "{}", r.id);
            assert!(r.cases.iter().any(|c| !c.flags.is_empty()), "{} has no flagged case", r.id);
            assert!(r.cases.iter().any(|c| c.flags.is_empty()), "{} has no clean case", r.id);
        }
        assert_eq!(c.simplified('總'), Some("总"));
        assert_eq!(c.simplified('总'), None);
        assert!(c.is_english("approach") && c.is_english("negotiations"));
        assert!(!c.is_english("google") && !c.is_english("gps") && !c.is_english("Approach"));
        assert_eq!(c.simplified('a'), None);
        assert!(c.simplified('乾').is_none(), "乾 is valid in simplified copy");
        assert!(c.simplified('著').is_none(), "著 is valid in simplified copy");
    }

    #[test]
    fn render_fills_placeholders() {
        assert_eq!(render("把“{a}”改为“{b}”", &[("a", ","), ("b", "，")]), "把“,”改为“，”");
        assert_eq!(render("{missing} {", &[]), "{missing} {");
    }

    #[test]
    fn selectors_match_ids_and_categories() {
        let c = catalog();
        assert!(c.matching("quote").all(|r| r.id.starts_with("quote/")));
        assert_eq!(c.matching("quote/dash-speech").count(), 1);
        assert_eq!(c.matching("quo").count(), 0);
        assert_eq!(c.matching("all").count(), c.rules().count());
    }
}
