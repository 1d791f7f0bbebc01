//! Applying every fix, safe and unsafe, to arbitrary text in every input format: the text
//! outside the edited spans is unchanged after one pass, and a text fixed to the end has
//! nothing left to fix (a second `--fix` changes nothing). The result is a `String`, so
//! valid UTF-8 by construction.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhqa::{check_as, fix, Format, Selection};

fuzz_target!(|text: &str| {
    let all = Selection::default();
    for format in [Format::Plain, Format::Markdown, Format::Html] {
        for unsafe_too in [false, true] {
            let found = check_as(text, format, &all);
            let (once, _) = fix::apply(text, &found, unsafe_too);
            let mut edits: Vec<_> = found
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .filter(|f| unsafe_too || f.applicability == zhqa::Applicability::Safe)
                .flat_map(|f| &f.edits)
                .collect();
            edits.sort_by_key(|e| e.start);
            if let (Some(first), Some(last)) = (edits.first(), edits.iter().map(|e| e.end).max()) {
                assert!(once.starts_with(&text[..first.start]), "text before the first edit changed");
                assert!(once.ends_with(&text[last..]), "text after the last edit changed");
            } else {
                assert_eq!(once, text, "no edit, yet the text changed");
            }
            let (fixed, _) = fix::fix_text(text, format, &all, unsafe_too);
            let (again, n) = fix::fix_text(&fixed, format, &all, unsafe_too);
            assert_eq!(n, 0, "fixing again changed {fixed:?} into {again:?}");
        }
    }
});
