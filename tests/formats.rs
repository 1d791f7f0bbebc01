//! Every output format, snapshotted (insta) on every committed seed: a change in what a CI
//! system, an editor or a code-scanning service receives shows up as a diff to review
//! (`cargo insta review`, or `INSTA_UPDATE=always cargo test --test formats`). On the shared
//! seed, when it is there, the snapshot holds only rule ids and places (none of its
//! sentences is copied into the project), and every format must name the same findings at
//! the same places.

use std::path::Path;
use std::process::Command;

const FORMATS: &[&str] = &["human", "concise", "json", "github", "sarif", "junit", "rdjson", "rdjsonl"];

fn zhqa(format: &str, path: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_zhqa"))
        .args(["check", "--color", "never", "--format", format, path])
        .output()
        .expect("zhqa runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{format} {path}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

#[test]
fn every_format_on_every_committed_seed() {
    let mut seeds: Vec<String> = std::fs::read_dir("seeds")
        .expect("seeds/ is there")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md" || e == "html"))
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 8, "{seeds:?}");
    for seed in &seeds {
        let stem = Path::new(seed).file_stem().expect("a name").to_string_lossy().to_string();
        for format in FORMATS {
            insta::assert_snapshot!(format!("{stem}.{format}"), zhqa(format, seed));
        }
    }
}

/// (line, column) of each finding as JSON reports it, sorted.
fn json_places(path: &str) -> Vec<(String, u64, u64)> {
    let v: serde_json::Value = serde_json::from_str(&zhqa("json", path)).expect("JSON");
    let mut out: Vec<(String, u64, u64)> = v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_format_agrees_on_the_shared_seed() {
    let dir = Path::new("../shared/seeds");
    let Some(seed) = std::fs::read_dir(dir).ok().and_then(|d| {
        d.filter_map(Result::ok).map(|e| e.path()).find(|p| p.extension().is_some_and(|e| e == "txt"))
    }) else {
        eprintln!("../shared/seeds is not here; skipped");
        return;
    };
    let path = seed.to_string_lossy().to_string();
    let want = json_places(&path);
    assert!(!want.is_empty());
    // What is found where, without a word of the text.
    let places: Vec<String> = want.iter().map(|(rule, line, col)| format!("{line}:{col} {rule}")).collect();
    insta::assert_snapshot!("shared-seed.places", places.join("\n"));
    // Concise and GitHub lines name rule, line and column; SARIF and rdjson regions too.
    let concise: Vec<String> =
        zhqa("concise", &path).lines().filter(|l| l.contains('[')).map(str::to_string).collect();
    assert_eq!(concise.len(), want.len());
    for (rule, line, col) in &want {
        assert!(
            concise
                .iter()
                .any(|l| l.contains(&format!(":{line}:{col}: ")) && l.contains(&format!("[{rule}]"))),
            "concise lacks {rule} {line}:{col}"
        );
    }
    let github = zhqa("github", &path);
    for (rule, line, col) in &want {
        assert!(
            github.contains(&format!("line={line},col={col}")) && github.contains(rule.as_str()),
            "github lacks {rule} {line}:{col}"
        );
    }
    let sarif: serde_json::Value = serde_json::from_str(&zhqa("sarif", &path)).expect("SARIF is JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), want.len());
    let rdjsonl = zhqa("rdjsonl", &path);
    assert_eq!(rdjsonl.lines().count(), want.len());
    let junit = zhqa("junit", &path);
    assert_eq!(junit.matches("<failure ").count(), want.len());
}
