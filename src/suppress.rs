//! Suppression comments in Markdown and HTML: `<!-- zhqa-disable RULES -->` …
//! `<!-- zhqa-enable -->` and `<!-- zhqa-disable-next-line RULES -->`, where RULES are
//! rule ids or categories separated by spaces or commas (none: every rule). A suppression
//! that suppresses nothing is reported, so stale ones get cleaned up.

use crate::diagnostic::{Diagnostic, Fix};
use crate::rules::catalog::{catalog, render};

pub const UNUSED: &str = "meta/unused-suppression";

/// One suppression: the byte range it covers, the selectors, and the comment itself.
struct Suppression {
    covers: std::ops::Range<usize>,
    selectors: Vec<String>,
    comment: std::ops::Range<usize>,
    used: bool,
}

impl Suppression {
    fn applies(&self, d: &Diagnostic) -> bool {
        let c = catalog();
        self.covers.contains(&d.start)
            && (self.selectors.is_empty()
                || self.selectors.iter().any(|s| c.matching(s).any(|r| r.id == d.rule)))
    }
}

/// The suppression comments of a Markdown or HTML text.
fn parse(text: &str) -> Vec<Suppression> {
    let mut out: Vec<Suppression> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut from = 0;
    while let Some(k) = text[from..].find("<!--") {
        let start = from + k;
        let Some(len) = text[start..].find("-->") else { break };
        let end = start + len + 3;
        from = end;
        // `<!-->` and `<!--->` close at once (as HTML reads them): an empty comment.
        let body = text.get(start + 4..end - 3).unwrap_or("").trim();
        let (command, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
        let selectors: Vec<String> =
            rest.split([' ', ',', '\t']).filter(|s| !s.is_empty()).map(str::to_string).collect();
        match command {
            "zhqa-disable" => {
                open.push(out.len());
                out.push(Suppression {
                    covers: end..text.len(),
                    selectors,
                    comment: start..end,
                    used: false,
                });
            }
            "zhqa-enable" => {
                // Closes the disables it names (all open ones when it names none).
                let closing: Vec<usize> = open
                    .iter()
                    .copied()
                    .filter(|&i| selectors.is_empty() || out[i].selectors == selectors)
                    .collect();
                for i in closing {
                    out[i].covers.end = start;
                    open.retain(|&j| j != i);
                }
            }
            "zhqa-disable-next-line" => {
                let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
                let next_end = text[(line_end + 1).min(text.len())..]
                    .find('\n')
                    .map_or(text.len(), |i| line_end + 1 + i);
                out.push(Suppression {
                    covers: (line_end + 1).min(text.len())..next_end,
                    selectors,
                    comment: start..end,
                    used: false,
                });
            }
            _ => {}
        }
    }
    out
}

/// Drop the diagnostics the comments suppress; report the comments that suppress nothing.
pub fn apply(text: &str, diagnostics: Vec<Diagnostic>, unused_on: bool) -> Vec<Diagnostic> {
    if !text.contains("zhqa-") {
        return diagnostics;
    }
    let mut sups = parse(text);
    let mut out: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            let mut keep = true;
            for s in sups.iter_mut().filter(|s| s.applies(d)) {
                s.used = true;
                keep = false;
            }
            keep
        })
        .collect();
    if unused_on {
        let meta = catalog().get(UNUSED).expect("rules/meta.toml");
        for s in sups.iter().filter(|s| !s.used) {
            let found = &text[s.comment.clone()];
            let mut d = Diagnostic::new(
                UNUSED,
                s.comment.start,
                s.comment.end,
                render(&meta.message, &[("found", found)]),
            );
            d.severity = meta.severity;
            d.fix = Some(Fix::replace(
                crate::diagnostic::Applicability::Unsafe,
                s.comment.start,
                s.comment.end,
                "",
            ));
            out.push(d);
        }
        out.sort_by(|a, b| (a.start, a.end, a.rule).cmp(&(b.start, b.end, b.rule)));
    }
    out
}
