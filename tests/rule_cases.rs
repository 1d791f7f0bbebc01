//! Every inline case of every rule in rules/*.toml, run with that rule alone: the
//! flagged substrings must be exactly the ones listed, at the places they first occur in
//! order, and applying all of the rule's fixes must give `fixed` when it is given, its
//! safe fixes alone `safe_fixed`.

use zhqa::rules::catalog::catalog;
use zhqa::{check_as, fix, Format, Selection};

#[test]
fn every_rule_case_holds() {
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in catalog().rules() {
        let selection = Selection { select: vec![rule.id.clone()], ..Default::default() };
        for case in &rule.cases {
            count += 1;
            let format = match case.format.as_deref() {
                Some("markdown") => Format::Markdown,
                Some("html") => Format::Html,
                _ => Format::Plain,
            };
            let mut selection = selection.clone();
            selection.select.extend(case.with.iter().cloned());
            let found: Vec<_> =
                check_as(&case.text, format, &selection).into_iter().filter(|d| d.rule == rule.id).collect();
            let got: Vec<(usize, &str)> =
                found.iter().map(|d| (d.start, &case.text[d.start..d.end])).collect();
            let mut want = Vec::new();
            let mut from = 0;
            for f in &case.flags {
                // `所谓[[“]]新常态`: the flagged part in [[ ]], with context around it.
                let (prefix, flagged, whole) = match (f.find("[["), f.find("]]")) {
                    (Some(a), Some(b)) if a < b => {
                        (&f[..a], &f[a + 2..b], format!("{}{}{}", &f[..a], &f[a + 2..b], &f[b + 2..]))
                    }
                    _ => ("", f.as_str(), f.clone()),
                };
                match case.text[from..].find(whole.as_str()) {
                    Some(i) => {
                        want.push((from + i + prefix.len(), flagged));
                        from += i + prefix.len() + flagged.len().max(1);
                    }
                    None => want.push((usize::MAX, flagged)),
                }
            }
            if got != want {
                failures
                    .push(format!("{}: {:?}\n    want {:?}\n    got  {:?}", rule.id, case.text, want, got));
                continue;
            }
            for (want, unsafe_too, what) in
                [(&case.fixed, true, "fixed"), (&case.safe_fixed, false, "safe_fixed")]
            {
                let Some(want) = want else { continue };
                let (out, _) = fix::apply(&case.text, &found, unsafe_too);
                if &out != want {
                    failures.push(format!(
                        "{}: {:?}\n    {what} want {:?}\n    {what} got  {:?}",
                        rule.id, case.text, want, out
                    ));
                }
            }
        }
    }
    assert!(count > 60, "only {count} cases");
    assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
}
