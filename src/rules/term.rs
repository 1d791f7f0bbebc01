//! term/*: wordings from curated lists in `rules/term.toml` — what Xinhua's style rules
//! ban or caution against, and wrong characters in fixed expressions. All terms of all
//! term rules are found in one pass over the text, by their first characters (a house
//! list of any length, in one Aho–Corasick pass).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::catalog::{CharSet, Term};
use super::Context;
use crate::diagnostic::{Applicability, Fix};
use crate::scan::{han, HanTable, Kind, Run};

pub const XINHUA: &str = "term/xinhua";
pub const CONFUSABLE: &str = "term/confusable";
pub const SPEECH_VERB: &str = "term/speech-verb";
pub const DE_COMPLEMENT: &str = "term/de-complement";
pub const RULES: &[&str] = &[XINHUA, CONFUSABLE, SPEECH_VERB, DE_COMPLEMENT];

/// Every term of the term rules: the patterns, for each its rule and entry, and the
/// index they are found by.
struct Terms {
    patterns: Vec<&'static str>,
    entries: Vec<(&'static str, usize)>,
    /// Pattern indices by first character, the longest first among those that share it.
    by_first: Vec<(char, usize)>,
    /// The first characters, for a bit test per character of the text.
    first: CharSet,
}

fn terms(catalog: &'static super::catalog::Catalog) -> &'static Terms {
    static TERMS: OnceLock<Terms> = OnceLock::new();
    TERMS.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        for id in RULES {
            let meta = catalog.get(id).expect("term rules are in rules/term.toml");
            for (k, t) in meta.terms.iter().enumerate() {
                debug_assert!(!t.regex, "regular expressions are for house rules only");
                debug_assert!(!t.wrong.is_empty(), "a term is not empty");
                patterns.push(t.wrong.as_str());
                entries.push((*id, k));
            }
        }
        let mut by_first: Vec<(char, usize)> =
            patterns.iter().enumerate().filter_map(|(k, p)| Some((p.chars().next()?, k))).collect();
        by_first.sort_by_key(|&(c, k)| (c, std::cmp::Reverse(patterns[k].len()), k));
        let first = by_first.iter().map(|&(c, _)| c).collect();
        Terms { patterns, entries, by_first, first }
    })
}

impl Terms {
    /// Every match in `text`, (start, end, pattern index): at each character the longest
    /// pattern that starts there, if any, then on from its end — the leftmost-longest
    /// matches an Aho–Corasick automaton would find (a test holds them to it), without
    /// building one: a bit test per character finds the few that start a term, in the
    /// runs of `text` that may hold one (the scan marked the Han runs that do).
    fn find(&self, text: &str, runs: &[Run], table: &HanTable) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut resume = 0;
        // A term starting with `c` at `i`, if one does (and no match covers `i`).
        let mut at = |i: usize, c: char, resume: &mut usize| {
            if i >= *resume {
                if let Some(k) = self.longest_at(text, i, c) {
                    *resume = i + self.patterns[k].len();
                    out.push((i, *resume, k));
                }
            }
        };
        for r in runs {
            // (The run's text only where it is read: this runs for every run.)
            let run = || &text[r.start..r.end];
            match r.kind {
                _ if r.end <= resume => {}
                // The table knows the characters that start a term.
                Kind::Han if r.han != han::ALL => {
                    if r.han & han::TERM_START != 0 {
                        let run = run();
                        for off in table.offsets_with(run, han::TERM_START) {
                            let c = run[off..].chars().next().expect("a character at a table offset");
                            at(r.start + off, c, &mut resume);
                        }
                    }
                }
                // A run of one mark: one bit test for all of it.
                Kind::Punct(c) if !self.first.contains(c) => {}
                _ => {
                    let starts = run().char_indices().filter(|&(_, c)| self.first.contains(c));
                    starts.for_each(|(off, c)| at(r.start + off, c, &mut resume));
                }
            }
        }
        out
    }

    /// The longest pattern that starts with `c` and matches `text` at `i`.
    fn longest_at(&self, text: &str, i: usize, c: char) -> Option<usize> {
        let from = self.by_first.partition_point(|&(f, _)| f < c);
        let mut same = self.by_first[from..].iter().take_while(|&&(f, _)| f == c);
        same.find(|&&(_, k)| text[i..].starts_with(self.patterns[k])).map(|&(_, k)| k)
    }
}

pub fn check(cx: &mut Context) {
    let doc = cx.doc;
    let t = terms(cx.catalog);
    for (start, end, pattern) in t.find(doc.text, &doc.runs, cx.catalog.han_table()) {
        let (id, k) = t.entries[pattern];
        let term = &cx.catalog.get(id).expect("known rule").terms[k];
        if !counts(term, doc.text, start, end) {
            continue;
        }
        let note = term.note.as_deref().map(|n| format!("（{n}）")).unwrap_or_default();
        let args = [("found", term.wrong.as_str()), ("fix", term.right.as_str()), ("note", note.as_str())];
        if let Some(d) = cx.report(id, start, end, "", &args) {
            d.fix = Some(Fix::replace(Applicability::Unsafe, start, end, &term.right));
        }
    }
}

/// Whether a term found at `start..end` counts in its context.
fn counts(term: &Term, text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    // A term listed with words it must not be part of: 既使 is wrong, 既使用 is not.
    if term.not_before.iter().any(|w| after.starts_with(w.as_str())) {
        return false;
    }
    // ... and words it may be the end of: 渭南 before 韩城 is not 南韩.
    if term.not_after.iter().any(|w| text[..start].ends_with(w.as_str())) {
        return false;
    }
    if term.followed_by.is_empty() && !term.after_quote {
        return true;
    }
    let followed = term.followed_by.iter().any(|w| {
        after.strip_prefix(w.as_str()).is_some_and(|rest| {
            !term.then_mark || rest.chars().next().is_none_or(|c| !super::common::is_han(c))
        })
    });
    followed || (term.after_quote && after_quote(&text[..start]) && after.starts_with(['。', '，', '！']))
}

/// Whether a closing quotation mark stands within the twelve characters before the end
/// of `before`, with no sentence end between: `”他补充`.
fn after_quote(before: &str) -> bool {
    for c in before.chars().rev().take(12) {
        match c {
            '”' | '」' => return true,
            '。' | '！' | '？' | '\n' | '“' => return false,
            _ => {}
        }
    }
    false
}

/// A publication's own term rules (`[rules] extra` in zhqa.toml), in the format of
/// rules/term.toml, their ids under `house/`. Built once per configuration.
#[derive(Debug)]
pub struct HouseRules {
    rules: Vec<&'static crate::rules::catalog::RuleMeta>,
    automaton: AhoCorasick,
    /// For each pattern: (index into `rules`, index of the term).
    entries: Vec<(usize, usize)>,
    /// The terms written as regular expressions: (index into `rules`, index of the term,
    /// the compiled expression).
    regexes: Vec<(usize, usize, regex::Regex)>,
}

/// The most memory one house pattern may compile to (and its lazy DFA may use): 1 MiB,
/// ample for an alternation of a few hundred names. A longer list belongs in plain
/// `wrong` entries, which one Aho–Corasick automaton finds whatever their number.
pub const PATTERN_SIZE_LIMIT: usize = 1 << 20;

/// Compile a house rule's regular expression, with the size limit; a pattern that
/// matches the empty text is refused (it would match everywhere).
pub fn compile_pattern(pattern: &str) -> Result<regex::Regex, String> {
    let re = regex::RegexBuilder::new(pattern)
        .size_limit(PATTERN_SIZE_LIMIT)
        .dfa_size_limit(PATTERN_SIZE_LIMIT)
        .nest_limit(64)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => format!(
                "the pattern `{}` is too large: it compiles to more than {limit} bytes; \
                 split it, or list plain `wrong` entries",
                shorten(pattern)
            ),
            e => format!("the pattern `{}` is not a valid regular expression: {e}", shorten(pattern)),
        })?;
    if re.is_match("") {
        return Err(format!("the pattern `{}` matches the empty text", shorten(pattern)));
    }
    Ok(re)
}

fn shorten(pattern: &str) -> String {
    match pattern.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &pattern[..i]),
        None => pattern.to_string(),
    }
}

impl HouseRules {
    /// Rules must be kept for the life of the process: diagnostics name them by
    /// `&'static str`, and a configuration is loaded once.
    pub fn new(rules: Vec<crate::rules::catalog::RuleMeta>) -> Result<HouseRules, String> {
        let rules: Vec<&'static crate::rules::catalog::RuleMeta> =
            rules.into_iter().map(|r| &*Box::leak(Box::new(r))).collect();
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        let mut regexes = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            for (k, t) in r.terms.iter().enumerate() {
                if t.regex {
                    regexes.push((i, k, compile_pattern(&t.wrong)?));
                } else {
                    patterns.push(t.wrong.as_str());
                    entries.push((i, k));
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(HouseRules { rules, automaton, entries, regexes })
    }

    pub fn ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.rules.iter().map(|r| r.id.as_str())
    }

    /// Find the house terms in `text`; `on` says which rules are selected, `severity`
    /// what each is reported at.
    pub fn check(
        &self,
        text: &str,
        on: impl Fn(&str) -> bool,
        severity: impl Fn(&str, crate::diagnostic::Severity) -> crate::diagnostic::Severity,
    ) -> Vec<crate::diagnostic::Diagnostic> {
        let mut out = Vec::new();
        let mut report = |i: usize, k: usize, start: usize, end: usize, fix: &str| {
            let (rule, term) = (self.rules[i], &self.rules[i].terms[k]);
            if !on(&rule.id) || !counts(term, text, start, end) {
                return;
            }
            let note = term.note.as_deref().map(|n| format!("（{n}）")).unwrap_or_default();
            let args = [("found", &text[start..end]), ("fix", fix), ("note", note.as_str())];
            let message = crate::rules::catalog::render(&rule.message, &args);
            let mut d = crate::diagnostic::Diagnostic::new(rule.id.as_str(), start, end, message);
            d.severity = severity(&rule.id, rule.severity);
            d.fix = Some(Fix::replace(Applicability::Unsafe, start, end, fix));
            out.push(d);
        };
        for m in self.automaton.find_iter(text) {
            let (i, k) = self.entries[m.pattern().as_usize()];
            report(i, k, m.start(), m.end(), &self.rules[i].terms[k].right);
        }
        for (i, k, re) in &self.regexes {
            let mut fix = String::new();
            for caps in re.captures_iter(text) {
                let m = caps.get(0).expect("group 0 is the match");
                fix.clear();
                caps.expand(&self.rules[*i].terms[*k].right, &mut fix);
                report(*i, *k, m.start(), m.end(), &fix);
            }
        }
        out.sort_by_key(|d| (d.start, d.end));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasickKind;

    /// The search by first character finds what a leftmost-longest Aho–Corasick DFA
    /// does, on texts made of the patterns themselves, their halves and overlaps, and
    /// other characters.
    #[test]
    fn the_search_finds_what_an_automaton_finds() {
        let t = terms(crate::rules::catalog::catalog());
        let dfa = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&t.patterns)
            .unwrap();
        let mut pieces: Vec<String> = t.patterns.iter().map(|p| p.to_string()).collect();
        for p in &t.patterns {
            let cs: Vec<char> = p.chars().collect();
            pieces.push(cs[..cs.len() / 2].iter().collect());
            pieces.push(cs[cs.len() / 2..].iter().collect());
        }
        pieces.extend(["的", "，", "a", "。", "\n", "中亚"].map(String::from));
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut matches = 0;
        for _ in 0..2_000 {
            let text: String = (0..12).map(|_| pieces[next(pieces.len())].as_str()).collect();
            let want: Vec<_> =
                dfa.find_iter(&text).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect();
            let doc = crate::document::Document::new(&text);
            assert_eq!(
                t.find(&text, &doc.runs, crate::rules::catalog::catalog().han_table()),
                want,
                "{text}"
            );
            matches += want.len();
        }
        assert!(matches > 2_000, "the texts hold matches ({matches})");
    }
}
