//! Applying the edits of fixes: non-overlapping, everything outside the edits unchanged.

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::format::Format;
use crate::rules::Selection;

/// Apply the fixes of `diagnostics` (safe ones, and unsafe ones when asked). A fix whose
/// edits would overlap an edit already taken is left for a later pass. Returns the new
/// text and the number of fixes applied.
pub fn apply(text: &str, diagnostics: &[Diagnostic], unsafe_too: bool) -> (String, usize) {
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for fix in diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        if fix.applicability == Applicability::Unsafe && !unsafe_too {
            continue;
        }
        if fix.edits.iter().any(|e| taken.iter().any(|t| overlaps(e, t))) {
            continue;
        }
        if fix.edits.iter().any(|e| e.start > e.end || e.end > text.len()) {
            continue;
        }
        taken.extend(&fix.edits);
        applied += 1;
    }
    taken.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in taken {
        out.push_str(&text[at..e.start]);
        out.push_str(&e.replacement);
        at = e.end;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// Fix a text until nothing more can be fixed: each pass applies the fixes that do not
/// conflict, and the conflicting ones get their turn in the next pass, on the text as it
/// is then. Returns the fixed text and the number of fixes applied.
pub fn fix_text(text: &str, format: Format, selection: &Selection, unsafe_too: bool) -> (String, usize) {
    let mut current = text.to_string();
    let mut total = 0;
    // Each pass applies at least one fix; a bound keeps a pathological cycle finite.
    for _ in 0..16 {
        let found = crate::check_as(&current, format, selection);
        let (next, applied) = apply(&current, &found, unsafe_too);
        if applied == 0 || next == current {
            break;
        }
        total += applied;
        current = next;
    }
    (current, total)
}

/// Two edits conflict when their ranges overlap, or when both insert at one place.
fn overlaps(a: &Edit, b: &Edit) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && (a.start == a.end || b.start == b.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;

    fn d(start: usize, end: usize, with: &str, app: Applicability) -> Diagnostic {
        Diagnostic::new("punct/halfwidth", start, end, String::new())
            .with_fix(Fix::replace(app, start, end, with))
    }

    #[test]
    fn fixing_again_changes_nothing() {
        let all = Selection::default();
        let text = "托卡耶夫表示,双方将加强合作.\n涉及能源、交通...等领域，，他说“ 好 ”。";
        let (once, n) = fix_text(text, Format::Plain, &all, false);
        assert!(n >= 4, "{n}: {once}");
        assert_eq!(once, "托卡耶夫表示，双方将加强合作。\n涉及能源、交通……等领域，他说“好”。");
        assert_eq!(fix_text(&once, Format::Plain, &all, false), (once.clone(), 0));
    }

    #[test]
    fn applies_non_overlapping_and_skips_conflicts() {
        let text = "ab,cd.";
        let ds = vec![
            d(2, 3, "，", Applicability::Safe),
            d(2, 4, "X", Applicability::Safe),
            d(5, 6, "。", Applicability::Unsafe),
        ];
        assert_eq!(apply(text, &ds, false), ("ab，cd.".to_string(), 1));
        assert_eq!(apply(text, &ds, true), ("ab，cd。".to_string(), 2));
    }
}
