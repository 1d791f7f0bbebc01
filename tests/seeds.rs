//! The bundled sample documents in seeds/: each one's findings, in the concise format,
//! must match its snapshot `seeds/NAME.expected`. Run with ZHQA_BLESS=1 to rewrite the
//! snapshots after a deliberate change, then review the diff.

use std::path::Path;

use zhqa::input::{Encoding, Source};
use zhqa::output::{render, FileReport, Format};
use zhqa::{check_text, Selection};

fn concise(path: &str, text: &str) -> String {
    let diagnostics = check_text(text, &Selection::default());
    let source = Source { path: path.to_string(), text: text.to_string(), encoding: Encoding::Utf8 };
    let mut out = Vec::new();
    render(Format::Concise, &[FileReport::new(source, diagnostics)], 1, false, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn seeds_match_their_snapshots() {
    let bless = std::env::var_os("ZHQA_BLESS").is_some();
    let mut entries: Vec<_> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    assert!(entries.len() >= 9, "seeds/ should hold a document per defect family and a clean one");
    let mut failures = Vec::new();
    for path in &entries {
        let name = path.to_str().unwrap().replace('\\', "/");
        let text = std::fs::read_to_string(path).unwrap();
        let got = concise(&name, &text);
        let snapshot = path.with_extension("expected");
        if bless {
            std::fs::write(&snapshot, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&snapshot).unwrap_or_default();
        if got != want {
            failures.push(format!("{name}:\n--- want\n{want}--- got\n{got}"));
        }
    }
    assert!(failures.is_empty(), "snapshots differ (ZHQA_BLESS=1 to update):\n{}", failures.join("\n"));
}

#[test]
fn clean_article_has_no_findings() {
    let text = std::fs::read_to_string(Path::new("seeds/clean-article.txt")).unwrap();
    let found = check_text(&text, &Selection::default());
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_family_has_a_seed_that_shows_it() {
    let mut rules = std::collections::BTreeSet::new();
    for e in std::fs::read_dir("seeds").unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(&p).unwrap();
            for d in check_text(&text, &Selection::default()) {
                rules.insert(d.rule.split('/').next().unwrap().to_string());
            }
        }
    }
    for family in ["foreign", "quote", "dash", "pair", "punct", "space", "char"] {
        assert!(rules.contains(family), "no seed shows a {family}/* finding");
    }
}
