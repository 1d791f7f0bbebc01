//! Rules: the registry of checks, the selection of rules, and the context each check
//! reads (the document with its runs) and reports into.
//!
//! The metadata of every rule (severity, messages, explanation, cases) is data in
//! `rules/*.toml` (see `catalog`); the checks that need code live here, one file per
//! category. A check reports only rules that are selected, and may skip its work when
//! none of its rules is.

pub mod catalog;
mod common;

mod chars;
mod dash;
mod foreign;
mod name;
mod number;
mod pair;
mod punct;
mod quote;
mod space;
pub mod term;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use catalog::{catalog, render, Catalog, RuleMeta};

/// A check over the whole document, and the rule ids it may report.
struct Check {
    rules: &'static [&'static str],
    run: fn(&mut Context),
}

/// Every check, in the order they run.
const CHECKS: &[Check] = &[
    Check { rules: foreign::RULES, run: foreign::check },
    Check { rules: quote::RULES, run: quote::check },
    Check { rules: dash::RULES, run: dash::check },
    Check { rules: pair::RULES, run: pair::check },
    Check { rules: punct::RULES, run: punct::check },
    Check { rules: space::RULES, run: space::check },
    Check { rules: name::RULES, run: name::check },
    Check { rules: chars::RULES, run: chars::check },
    Check { rules: number::RULES, run: number::check },
    Check { rules: term::RULES, run: term::check },
];

/// Every rule id that has code behind it (the checks, and the suppression comments').
pub fn implemented() -> impl Iterator<Item = &'static str> {
    CHECKS.iter().flat_map(|c| c.rules.iter().copied()).chain([crate::suppress::UNUSED])
}

/// Which rules run: `--select` and `--ignore` as rule ids or category prefixes.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// The house style for spaces between Han and Latin letters or digits.
    pub han_latin: HanLatin,
    /// Severity overrides by rule id or category (the most specific one wins).
    pub severity: Vec<(String, Severity)>,
    /// Foreign words and names the publication allows (lower case).
    pub allow: std::collections::HashSet<String>,
    /// The publication's own term rules, if its configuration has any.
    pub house: Option<std::sync::Arc<term::HouseRules>>,
}

/// House styles for the space between Han characters and Latin letters or digits:
/// CY/T 154-2017 and the copywriting guides disagree, so a publication chooses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum HanLatin {
    /// No space: 在iPhone上，增长5%.
    Never,
    /// A space: 在 iPhone 上，增长 5%.
    Always,
    /// Either, but one way throughout a document (the way most of it is written).
    #[default]
    Consistent,
}

impl Selection {
    /// Selectors that match no rule.
    pub fn unknown(&self) -> Vec<String> {
        if self.select.is_empty() && self.ignore.is_empty() {
            return Vec::new();
        }
        let c = catalog();
        self.select
            .iter()
            .chain(&self.ignore)
            .filter(|s| c.matching(s).next().is_none() && !self.house_ids().any(|id| selects(s, id)))
            .cloned()
            .collect()
    }

    fn house_ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.house.iter().flat_map(|h| h.ids())
    }

    /// Whether house rule `id` is selected.
    pub fn house_on(&self, id: &str) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| selects(s, id)))
            && !self.ignore.iter().any(|s| selects(s, id))
    }

    /// The severity rule `id` is reported at: its default, or an override.
    pub fn severity_of(&self, id: &str, default: Severity) -> Severity {
        let c = catalog();
        self.severity
            .iter()
            .filter(|(s, _)| c.matching(s).any(|r| r.id == id) || selects(s, id))
            // An id is more specific than a category, a category than `all`.
            .max_by_key(|(s, _)| if s == id { 2 } else { usize::from(s != "all") })
            .map_or(default, |(_, v)| *v)
    }

    fn enabled(&self) -> Vec<&'static str> {
        let c = catalog();
        let selected = |id: &str| {
            self.select.is_empty() || self.select.iter().any(|s| c.matching(s).any(|r| r.id == id))
        };
        let ignored = |id: &str| self.ignore.iter().any(|s| c.matching(s).any(|r| r.id == id));
        implemented().filter(|id| selected(id) && !ignored(id)).collect()
    }
}

/// Whether a selector (an id, a category, `all`) takes in rule `id`.
fn selects(selector: &str, id: &str) -> bool {
    let sel = selector.trim_end_matches('/');
    sel == "all" || sel == id || id.strip_prefix(sel).is_some_and(|t| t.starts_with('/'))
}

/// What a check sees and where it reports.
pub struct Context<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub catalog: &'static Catalog,
    pub han_latin: HanLatin,
    /// Foreign words and names the publication allows (lower case).
    pub allow: &'d std::collections::HashSet<String>,
    selection: &'d Selection,
    /// The selected rule ids (a few dozen: a linear scan beats hashing here).
    enabled: Vec<&'static str>,
    /// Where the selected ids' text lies, sorted: checks ask with the very constants the
    /// ids come from, so most answers are a binary search over addresses.
    enabled_at: Vec<(usize, usize)>,
    out: Vec<Diagnostic>,
    /// What holds for the whole document's register, worked out on first need.
    register: std::cell::OnceCell<foreign::Register>,
    /// The names of the whole document (name/ and space/ both ask), built on first need.
    name_index: std::cell::OnceCell<std::rc::Rc<name::Index<'a>>>,
    /// The rule of the last finding reported: findings of one rule come in runs, and the
    /// catalogue's look-up took a fifth of a finding's cost.
    last_rule: Option<(&'static str, &'static RuleMeta)>,
}

impl<'d, 'a> Context<'d, 'a> {
    /// The document's register (technical writing, letter case), computed once for
    /// every check that asks.
    pub fn register(&self) -> foreign::Register {
        *self.register.get_or_init(|| foreign::Register::of(self.doc))
    }

    /// The document's name index, built once for every check that asks (shared, so that
    /// a check may hold it while it reports).
    pub fn name_index(&self) -> std::rc::Rc<name::Index<'a>> {
        self.name_index.get_or_init(|| std::rc::Rc::new(name::Index::of(self.doc, self.catalog))).clone()
    }

    /// Whether rule `id` is selected.
    pub fn on(&self, id: &str) -> bool {
        self.enabled_at.binary_search(&(id.as_ptr() as usize, id.len())).is_ok() || self.enabled.contains(&id)
    }

    /// The rule's message `key` with its placeholders filled.
    pub fn msg(&self, id: &str, key: &str, args: &[(&str, &str)]) -> String {
        let meta = self.catalog.get(id).unwrap_or_else(|| panic!("rule {id} is not in rules/"));
        render(meta.template(key), args)
    }

    /// Report a finding; dropped if its rule is not selected.
    pub fn push(&mut self, d: Diagnostic) {
        if !self.on(d.rule) {
            return;
        }
        let catalog = self.catalog;
        self.push_as(catalog.get(d.rule), d);
    }

    /// Push a finding of a selected rule, at the severity its metadata `meta` gives.
    fn push_as(&mut self, meta: Option<&RuleMeta>, mut d: Diagnostic) -> &mut Diagnostic {
        if let Some(meta) = meta {
            d.severity = self.selection.severity_of(d.rule, meta.severity);
        }
        self.out.push(d);
        self.out.last_mut().expect("the finding just pushed")
    }

    /// Report a finding with message `key` of its rule.
    pub fn report(
        &mut self,
        id: &'static str,
        start: usize,
        end: usize,
        key: &str,
        args: &[(&str, &str)],
    ) -> Option<&mut Diagnostic> {
        if !self.on(id) {
            return None;
        }
        // The rule looked up once, for its message and its severity.
        let meta = match self.last_rule {
            Some((last, meta)) if std::ptr::eq(last, id) => meta,
            _ => {
                let meta = self.catalog.get(id).unwrap_or_else(|| panic!("rule {id} is not in rules/"));
                self.last_rule = Some((id, meta));
                meta
            }
        };
        let d = Diagnostic::new(id, start, end, render(meta.template(key), args));
        Some(self.push_as(Some(meta), d))
    }
}

impl Selection {
    /// Whether rule `id` is selected.
    pub fn is_on(&self, id: &str) -> bool {
        self.enabled().contains(&id)
    }
}

/// Run every selected check over the document; diagnostics sorted by position.
pub fn check(doc: &Document, selection: &Selection) -> Vec<Diagnostic> {
    let enabled = selection.enabled();
    let mut cx = Context {
        doc,
        catalog: catalog(),
        han_latin: selection.han_latin,
        allow: &selection.allow,
        selection,
        enabled_at: {
            let mut at: Vec<(usize, usize)> =
                enabled.iter().map(|e| (e.as_ptr() as usize, e.len())).collect();
            at.sort_unstable();
            at
        },
        enabled,
        out: Vec::new(),
        register: std::cell::OnceCell::new(),
        name_index: std::cell::OnceCell::new(),
        last_rule: None,
    };
    for c in CHECKS {
        if c.rules.iter().any(|id| cx.on(id)) {
            (c.run)(&mut cx);
        }
    }
    let mut out = cx.out;
    // A paragraph written in Japanese is not Chinese copy; a broken character is broken
    // in any language.
    if doc.paragraphs.iter().any(|p| p.japanese) {
        let japanese_at = |at: usize| {
            let k = doc.paragraphs.partition_point(|p| p.end < at);
            doc.paragraphs.get(k).is_some_and(|p| p.japanese && p.start <= at)
        };
        out.retain(|d| d.rule == chars::INVISIBLE || !japanese_at(d.start));
    }
    // What a forum's software writes around its posts is not copy.
    let boilerplate = common::forum_boilerplate(doc.text);
    if !boilerplate.is_empty() {
        let inside = |d: &Diagnostic| {
            let k = boilerplate.partition_point(|c| c.0 <= d.start);
            k > 0 && d.end <= boilerplate[k - 1].1
        };
        out.retain(|d| !inside(d));
    }
    out.sort_by(|a, b| (a.start, a.end, a.rule).cmp(&(b.start, b.end, b.rule)));
    out.dedup_by(|a, b| a.rule == b.rule && a.start == b.start && a.end == b.end);
    out
}

/// The messages rule `id` alone gives on `text`, in order: for the tests of what a
/// check says, beside what it flags (the rule cases in `rules/`).
#[cfg(test)]
pub(crate) fn messages_of(id: &str, text: &str) -> Vec<String> {
    let s = Selection { select: vec![id.into()], ..Default::default() };
    crate::check_text(text, &s).into_iter().map(|d| d.message).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_catalogue_agree() {
        let c = catalog();
        for id in implemented() {
            assert!(c.get(id).is_some(), "{id} has code but no entry in rules/");
        }
        let code: std::collections::HashSet<&str> = implemented().collect();
        for r in c.rules() {
            assert!(code.contains(r.id.as_str()), "{} is in rules/ but has no code", r.id);
        }
    }

    #[test]
    fn selection_by_category_and_id() {
        let s = Selection {
            select: vec!["quote".into()],
            ignore: vec!["quote/nesting".into()],
            ..Default::default()
        };
        let e = s.enabled();
        assert!(e.contains(&"quote/dash-speech") && !e.contains(&"quote/nesting"));
        assert!(!e.contains(&"punct/halfwidth"));
        let bad = Selection { select: vec!["quotes".into()], ..Default::default() };
        assert_eq!(bad.unknown(), vec!["quotes".to_string()]);
    }
}
