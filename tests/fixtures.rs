//! Committed fixtures in the formats and encodings newsrooms have — a Markdown article
//! with front matter, code and links; an HTML page; a GB18030 file; a CRLF file with a
//! BOM — each checked against its `.expected` snapshot (ZHQA_BLESS=1 rewrites them), and
//! fixed in a copy: the fix keeps the encoding, the BOM and the line endings, and fixing
//! again changes nothing.

use std::process::Command;

fn zhqa(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zhqa")).args(args).env_remove("NO_COLOR").output().unwrap()
}

const FIXTURES: &[&str] = &["article.md", "page.html", "gbk.txt", "crlf-bom.txt"];

#[test]
fn fixtures_match_their_snapshots() {
    let bless = std::env::var_os("ZHQA_BLESS").is_some();
    let mut failures = Vec::new();
    for name in FIXTURES {
        let path = format!("tests/fixtures/{name}");
        let out = zhqa(&["check", "--format", "concise", "-j", "1", &path]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let got = String::from_utf8(out.stdout).unwrap();
        let snapshot = format!("tests/fixtures/{name}.expected");
        if bless {
            std::fs::write(&snapshot, &got).unwrap();
        } else if std::fs::read_to_string(&snapshot).unwrap_or_default() != got {
            failures.push(format!("{name}:\n{got}"));
        }
    }
    assert!(failures.is_empty(), "snapshots differ (ZHQA_BLESS=1 to update):\n{}", failures.join("\n"));
}

#[test]
fn fixing_a_copy_keeps_encoding_bom_and_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    for name in FIXTURES {
        let original = std::fs::read(format!("tests/fixtures/{name}")).unwrap();
        let copy = dir.path().join(name);
        std::fs::write(&copy, &original).unwrap();
        let copy = copy.to_str().unwrap();
        zhqa(&["check", "--fix", copy]);
        let fixed = std::fs::read(copy).unwrap();
        assert_ne!(fixed, original, "{name}: something was fixed");
        assert_eq!(original.starts_with(b"\xEF\xBB\xBF"), fixed.starts_with(b"\xEF\xBB\xBF"), "{name}: BOM");
        let crlf = |b: &[u8]| b.windows(2).filter(|w| w == b"\r\n").count();
        assert_eq!(crlf(&original), crlf(&fixed), "{name}: CRLF line endings");
        assert_eq!(
            original.iter().filter(|&&b| b == b'\n').count(),
            fixed.iter().filter(|&&b| b == b'\n').count()
        );
        if *name == "gbk.txt" {
            assert!(String::from_utf8(fixed.clone()).is_err(), "still GB18030, not UTF-8");
        }
        let again = zhqa(&["check", "--fix", copy]);
        assert!(String::from_utf8_lossy(&again.stderr).contains("applied 0 fixes"), "{name}");
    }
}
