//! `--format sarif`: SARIF 2.1.0 for code scanning. `tool.driver.rules` describes every
//! rule (short and full description, help text, a help URI); each result has its rule,
//! level, message, a physical location with a relative artifact URI and a region in
//! Unicode code points, and a partial fingerprint that stays the same across runs as long
//! as the flagged text and its line do.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::FileReport;
use crate::diagnostic::Severity;
use crate::rules::catalog::catalog;

/// Where each rule's documentation is shown: `zhqa explain` prints the same text.
const HELP_URI: &str = "https://docs.rs/zhqa/latest/zhqa/#rules";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI: forward slashes, no leading `./`, spaces and `%` escaped.
fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    p.replace('%', "%25").replace(' ', "%20")
}

/// A stable hash (FNV-1a, 64 bits) for fingerprints: the same on every run and machine.
fn fnv(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = catalog()
        .rules()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explain.trim()},
                "help": {"text": format!("{}\n\n{}", r.explain.trim(), r.basis.trim())},
                "helpUri": HELP_URI,
                "defaultConfiguration": {"level": level(r.severity)},
            })
        })
        .collect();
    let index = |id: &str| catalog().rules().position(|r| r.id == id);
    let mut results = Vec::new();
    for r in reports {
        let text = &r.source.text;
        for l in r.located() {
            let d = l.d;
            let line_text = text.lines().nth(l.line - 1).unwrap_or("");
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri(&r.source.path)},
                    "region": {
                        "startLine": l.line, "startColumn": l.column,
                        "endLine": l.end_line, "endColumn": l.end_column,
                        "snippet": {"text": &text[d.start..d.end]},
                    },
                }}],
                "partialFingerprints": {
                    "primaryLocationLineHash/v1": fnv(&[d.rule, line_text.trim(), &text[d.start..d.end]]),
                },
            });
            if let Some(i) = index(d.rule) {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "zhqa",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/zhqa",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_fingerprints() {
        assert_eq!(uri("./news/a b.txt"), "news/a%20b.txt");
        assert_eq!(fnv(&["a", "b"]), fnv(&["a", "b"]));
        assert_ne!(fnv(&["a", "b"]), fnv(&["ab", ""]));
    }
}
