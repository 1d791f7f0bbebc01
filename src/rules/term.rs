//! term/*: wordings from curated lists in `rules/term.toml` — what Xinhua's style rules
//! ban or caution against, and wrong characters in fixed expressions. All terms of all
//! term rules are found in one Aho–Corasick pass over the text.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::Context;
use crate::diagnostic::{Applicability, Fix};

pub const XINHUA: &str = "term/xinhua";
pub const CONFUSABLE: &str = "term/confusable";
pub const RULES: &[&str] = &[XINHUA, CONFUSABLE];

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
        // A term listed with words it must not be part of: 既使 is wrong, 既使用 is not.
        let after = &doc.text[m.end()..];
        if term.not_before.iter().any(|w| after.starts_with(w.as_str())) {
            continue;
        }
        let note = term.note.as_deref().map(|n| format!("（{n}）")).unwrap_or_default();
        let args = [("found", term.wrong.as_str()), ("fix", term.right.as_str()), ("note", note.as_str())];
        if let Some(d) = cx.report(id, m.start(), m.end(), "", &args) {
            d.fix = Some(Fix::replace(Applicability::Unsafe, m.start(), m.end(), &term.right));
        }
    }
}
