//! The user's sample article (../shared/seeds, when it is there): every defect listed in
//! its EXPECTED.md is reported at the right place, nothing else at warning or error
//! level, and the exit status is 1.

use std::path::Path;
use std::process::Command;

const SEED: &str = "../shared/seeds/000_9d02196cdc4ef6ef.txt";

#[test]
fn shared_seed_reports_exactly_the_listed_defects() {
    if !Path::new(SEED).exists() {
        eprintln!("skipped: {SEED} is not here");
        return;
    }
    let text = std::fs::read_to_string(SEED).unwrap();
    let out =
        Command::new(env!("CARGO_BIN_EXE_zhqa")).args(["check", "--format", "json", SEED]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found: Vec<(u64, String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] != "info")
        .map(|d| {
            let (s, e) = (d["start"].as_u64().unwrap() as usize, d["end"].as_u64().unwrap() as usize);
            (d["line"].as_u64().unwrap(), d["rule"].as_str().unwrap().to_string(), text[s..e].to_string())
        })
        .collect();
    found.sort();
    let mut want: Vec<(u64, String, String)> = vec![
        (1, "foreign/untranslated".into(), "date".into()),
        (7, "quote/nesting".into(), "‘".into()),
        (35, "foreign/untranslated".into(), "revitalizing".into()),
    ];
    for line in [7, 11, 17, 21, 25, 29, 35, 45] {
        want.push((line, "quote/dash-speech".into(), "—".into()));
    }
    want.sort();
    assert_eq!(found, want);

    // Each dash-speech finding names both markers and says they differ.
    for d in json["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == "quote/dash-speech") {
        let m = d["message"].as_str().unwrap();
        assert!(m.contains("U+2014") && m.contains("U+002D"), "{m}");
        assert_eq!(d["fix"]["applicability"], "unsafe");
    }
}
