//! Applying the edits of fixes: non-overlapping, everything outside the edits unchanged.

use crate::diagnostic::{Applicability, Diagnostic, Edit};

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
