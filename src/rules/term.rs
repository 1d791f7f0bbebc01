//! term/*: wordings from curated lists in `rules/term.toml` — what Xinhua's style rules
//! ban or caution against, and wrong characters in fixed expressions. All terms of all
//! term rules are found in one Aho–Corasick pass over the text.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::catalog::Term;
use super::Context;
use crate::diagnostic::{Applicability, Fix};

pub const XINHUA: &str = "term/xinhua";
pub const CONFUSABLE: &str = "term/confusable";
pub const SPEECH_VERB: &str = "term/speech-verb";
pub const DE_COMPLEMENT: &str = "term/de-complement";
pub const RULES: &[&str] = &[XINHUA, CONFUSABLE, SPEECH_VERB, DE_COMPLEMENT];

/// The automaton over every term, and for each pattern its rule and entry.
struct Terms {
    automaton: AhoCorasick,
    entries: Vec<(&'static str, usize)>,
}

fn terms(cx: &Context) -> &'static Terms {
    static TERMS: OnceLock<Terms> = OnceLock::new();
    let catalog = cx.catalog;
    TERMS.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        for id in RULES {
            let meta = catalog.get(id).expect("term rules are in rules/term.toml");
            for (k, t) in meta.terms.iter().enumerate() {
                patterns.push(t.wrong.as_str());
                entries.push((*id, k));
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("term patterns build an automaton");
        Terms { automaton, entries }
    })
}

pub fn check(cx: &mut Context) {
    let doc = cx.doc;
    let t = terms(cx);
    for m in t.automaton.find_iter(doc.text) {
        let (id, k) = t.entries[m.pattern().as_usize()];
        let term = &cx.catalog.get(id).expect("known rule").terms[k];
        if !counts(term, doc.text, m.start(), m.end()) {
            continue;
        }
        let note = term.note.as_deref().map(|n| format!("（{n}）")).unwrap_or_default();
        let args = [("found", term.wrong.as_str()), ("fix", term.right.as_str()), ("note", note.as_str())];
        if let Some(d) = cx.report(id, m.start(), m.end(), "", &args) {
            d.fix = Some(Fix::replace(Applicability::Unsafe, m.start(), m.end(), &term.right));
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
}

impl HouseRules {
    /// Rules must be kept for the life of the process: diagnostics name them by
    /// `&'static str`, and a configuration is loaded once.
    pub fn new(rules: Vec<crate::rules::catalog::RuleMeta>) -> Result<HouseRules, String> {
        let rules: Vec<&'static crate::rules::catalog::RuleMeta> =
            rules.into_iter().map(|r| &*Box::leak(Box::new(r))).collect();
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            for (k, t) in r.terms.iter().enumerate() {
                patterns.push(t.wrong.as_str());
                entries.push((i, k));
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        Ok(HouseRules { rules, automaton, entries })
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
        for m in self.automaton.find_iter(text) {
            let (i, k) = self.entries[m.pattern().as_usize()];
            let (rule, term) = (self.rules[i], &self.rules[i].terms[k]);
            if !on(&rule.id) || !counts(term, text, m.start(), m.end()) {
                continue;
            }
            let note = term.note.as_deref().map(|n| format!("（{n}）")).unwrap_or_default();
            let args =
                [("found", term.wrong.as_str()), ("fix", term.right.as_str()), ("note", note.as_str())];
            let mut d = crate::diagnostic::Diagnostic::new(
                rule.id.as_str(),
                m.start(),
                m.end(),
                crate::rules::catalog::render(&rule.message, &args),
            );
            d.severity = severity(&rule.id, rule.severity);
            d.fix = Some(Fix::replace(Applicability::Unsafe, m.start(), m.end(), &term.right));
            out.push(d);
        }
        out
    }
}
