//! The command line as users and CI meet it: formats, exit statuses, errors that name
//! the file, stdin, selection, the directory walk, and the rule documentation.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn zhqa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhqa")).args(args).env_remove("NO_COLOR").output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn json_output_has_the_stable_shape_and_byte_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{feff}第一段。\n托卡耶夫表示,双方将为 revitalizing 合作提供基础。\n";
    let f = write(dir.path(), "a.txt", text.as_bytes());
    let o = zhqa(&["check", "--format", "json", &f]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "zhqa");
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["files_checked"], 1);
    let ds = v["diagnostics"].as_array().unwrap();
    assert_eq!(ds.len(), 2, "{ds:#?}");
    let decoded = text.strip_prefix('\u{feff}').unwrap();
    let keys = [
        "path",
        "rule",
        "severity",
        "message",
        "start",
        "end",
        "line",
        "column",
        "end_line",
        "end_column",
        "fix",
    ];
    for d in ds {
        let mut got: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        got.sort_unstable();
        let mut want = keys.to_vec();
        want.sort_unstable();
        assert_eq!(got, want);
        assert_eq!(d["path"], f.as_str());
    }
    // The keys come in the documented order in the output itself.
    let raw = stdout(&o);
    let first = raw.lines().find(|l| l.contains("\"rule\"")).unwrap();
    let at: Vec<usize> = keys.iter().map(|k| first.find(&format!("\"{k}\":")).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{first}");
    let comma = &ds[0];
    assert_eq!(comma["rule"], "punct/halfwidth");
    let (s, e) = (comma["start"].as_u64().unwrap() as usize, comma["end"].as_u64().unwrap() as usize);
    assert_eq!(&decoded[s..e], ",", "offsets do not count the BOM");
    assert_eq!((comma["line"].as_u64(), comma["column"].as_u64()), (Some(2), Some(7)));
    assert_eq!((comma["end_line"].as_u64(), comma["end_column"].as_u64()), (Some(2), Some(8)));
    assert_eq!(comma["fix"]["applicability"], "safe");
    assert_eq!(comma["fix"]["edits"][0]["replacement"], "，");
    assert_eq!(ds[1]["rule"], "foreign/untranslated");
    assert_eq!(ds[1]["fix"], serde_json::Value::Null);
    assert_eq!(ds[1]["column"].as_u64(), Some(13));
}

#[test]
fn exit_status_follows_fail_on() {
    let dir = tempfile::tempdir().unwrap();
    let clean = write(dir.path(), "clean.txt", "双方同意加强合作。\n".as_bytes());
    let warn = write(dir.path(), "warn.txt", "涉及能源、交通...等领域。\n".as_bytes());
    assert_eq!(zhqa(&["check", &clean]).status.code(), Some(0));
    assert_eq!(zhqa(&["check", &warn]).status.code(), Some(0), "warnings pass by default");
    assert_eq!(zhqa(&["check", "--fail-on", "warning", &warn]).status.code(), Some(1));
}

#[test]
fn bad_input_is_named_exit_2_and_other_files_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.txt", b"\xe4\xb8\xad\xff\xfe");
    let bin = write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0");
    let good = write(dir.path(), "good.txt", "他说,好。\n".as_bytes());
    let missing = dir.path().join("missing.txt");
    let o = zhqa(&["check", "--format", "concise", &bad, &bin, missing.to_str().unwrap(), &good]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(&bad) && err.contains("not valid UTF-8") && err.contains("offset 3"), "{err}");
    assert!(err.contains(&bin) && err.contains("binary"), "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert!(stdout(&o).contains("good.txt:1:3: error[punct/halfwidth]"), "{}", stdout(&o));
    // Nothing was modified.
    assert_eq!(std::fs::read(&bad).unwrap(), b"\xe4\xb8\xad\xff\xfe");
}

#[test]
fn stdin_with_a_name() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhqa"))
        .args(["check", "--format", "concise", "--stdin-filename", "稿件.txt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("因此，‘中亚+’合作模式受到关注。".as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("稿件.txt:1:4: error[quote/nesting]"), "{}", stdout(&o));
}

#[test]
fn select_and_ignore_by_id_and_category() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", "他说,‘好’。。\n".as_bytes());
    let rules = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["check", "--format", "concise"];
        a.extend_from_slice(args);
        a.push(&f);
        stdout(&zhqa(&a))
            .lines()
            .map(|l| l.split('[').nth(1).unwrap().split(']').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(rules(&[]), ["punct/halfwidth", "quote/nesting", "punct/repeated"]);
    assert_eq!(rules(&["--select", "quote"]), ["quote/nesting"]);
    assert_eq!(
        rules(&["--select", "punct,quote", "--ignore", "punct/repeated"]),
        ["punct/halfwidth", "quote/nesting"]
    );
    let o = zhqa(&["check", "--select", "quotes", &f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown rule or category: quotes"));
}

#[test]
fn directories_are_walked_for_text_files_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join(".git")).unwrap();
    write(d, ".gitignore", b"ignored/\n");
    write(d, "b.md", "他说,好。\n".as_bytes());
    write(d, "a/x.txt", "他说,好。\n".as_bytes());
    write(d, "ignored/y.txt", "他说,好。\n".as_bytes());
    write(d, "code.rs", "他说,好。\n".as_bytes());
    let o = zhqa(&["check", "--format", "json", d.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            Path::new(d["path"].as_str().unwrap()).strip_prefix(dir.path()).unwrap().display().to_string()
        })
        .collect();
    assert_eq!(paths, ["a/x.txt", "b.md"]);
    assert_eq!(v["files_checked"], 2);
}

#[test]
fn human_output_is_rustc_style_and_colour_is_controlled() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", "涉及能源、交通...等领域。\n".as_bytes());
    let plain = stdout(&zhqa(&["check", "--color", "never", &f]));
    assert!(plain.contains("warning[punct/ellipsis]: 省略号应写作“……”"), "{plain}");
    assert!(plain.contains(&format!("{f}:1:8")), "{plain}");
    // The caret lines up under the dots, each Han character two columns wide.
    let source = plain.lines().position(|l| l.contains("涉及能源")).unwrap();
    let caret = plain.lines().nth(source + 1).unwrap();
    let src = plain.lines().nth(source).unwrap();
    let gutter = src[..src.find('涉').unwrap()].chars().count();
    let caret_at = caret.chars().position(|c| c == '^').unwrap();
    assert_eq!(caret_at, gutter + 2 * "涉及能源、交通".chars().count(), "{plain}");
    assert!(plain.contains("= help: 改为“……”"), "{plain}");
    assert!(!plain.contains('\u{1b}'));
    let coloured = stdout(&zhqa(&["check", "--color", "always", &f]));
    assert!(coloured.contains('\u{1b}'));
    let no_color =
        Command::new(env!("CARGO_BIN_EXE_zhqa")).args(["check", &f]).env("NO_COLOR", "1").output().unwrap();
    assert!(!stdout(&no_color).contains('\u{1b}'));
}

#[test]
fn rules_and_explain() {
    let o = zhqa(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let list = stdout(&o);
    for id in ["quote/dash-speech", "foreign/untranslated", "punct/halfwidth", "char/traditional"] {
        assert!(list.lines().any(|l| l.starts_with(id)), "{id} missing from `zhqa rules`");
    }
    let o = zhqa(&["explain", "quote/dash-speech"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.contains("GB/T 15834-2011") && text.contains("✗ ") && text.contains("✓ "), "{text}");
    let o = zhqa(&["explain", "quote/nope"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let body = "他说,好。\n".repeat(20_000);
    let f = write(dir.path(), "a.txt", body.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhqa"))
        .args(["check", "--format", "concise", &f])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_ne!(o.status.code(), Some(101), "panicked: {}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn output_is_the_same_on_one_thread_and_many() {
    let one = zhqa(&["check", "--format", "json", "-j", "1", "seeds"]);
    let many = zhqa(&["check", "--format", "json", "-j", "4", "seeds"]);
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(stdout(&one), stdout(&many));
    let v: serde_json::Value = serde_json::from_slice(&many.stdout).unwrap();
    assert!(v["files_checked"].as_u64().unwrap() >= 9);
}

#[cfg(unix)]
#[test]
fn fix_rewrites_atomically_keeping_bom_line_endings_and_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let text = "\u{feff}托卡耶夫表示,双方将加强合作.\r\n—我们将继续深化合作，-部长说。\r\n";
    let f = write(dir.path(), "a.txt", text.as_bytes());
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();

    // --diff shows the change and writes nothing.
    let o = zhqa(&["check", "--diff", &f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("+托卡耶夫表示，双方将加强合作。"), "{}", stdout(&o));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), text);

    // --fix applies the safe fixes; the unsafe one (dash speech) is still reported.
    let o = zhqa(&["check", "--fix", "--format", "concise", &f]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("quote/dash-speech") && !stdout(&o).contains("halfwidth"));
    let after = std::fs::read(&f).unwrap();
    assert!(after.starts_with(b"\xEF\xBB\xBF"), "BOM kept");
    let after = String::from_utf8(after).unwrap();
    assert_eq!(after, "\u{feff}托卡耶夫表示，双方将加强合作。\r\n—我们将继续深化合作，-部长说。\r\n");
    assert_eq!(std::fs::metadata(&f).unwrap().permissions().mode() & 0o777, 0o640);

    // A second --fix has nothing left to do; --unsafe-fixes rewrites the speech.
    let o = zhqa(&["check", "--fix", &f]);
    assert!(stderr(&o).contains("applied 0 fixes"), "{}", stderr(&o));
    let o = zhqa(&["check", "--fix", "--unsafe-fixes", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(std::fs::read_to_string(&f).unwrap().contains("“我们将继续深化合作。”部长说。\r\n"));
    // Nothing but the file itself is left in the directory.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn fix_of_a_read_only_file_is_an_error_and_leaves_it_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", "他说,好。\n".as_bytes());
    let g = write(dir.path(), "b.txt", "她说,好。\n".as_bytes());
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = zhqa(&["check", "--fix", &f, &g]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("a.txt") && stderr(&o).contains("read-only"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "他说,好。\n");
    assert_eq!(std::fs::read_to_string(&g).unwrap(), "她说，好。\n", "the other file is still fixed");
}

#[test]
fn configuration_selects_overrides_and_allows() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "sub/a.txt",
        "他说,好。samsonite箱包和blockchain技术，涉及能源...等领域。\n".as_bytes(),
    );
    let rules = |o: &Output| -> Vec<String> {
        stdout(o).lines().map(|l| l.split(": ").nth(1).unwrap().to_string()).collect()
    };
    let before = zhqa(&["check", "--format", "concise", &f]);
    assert_eq!(rules(&before).len(), 4, "{}", stdout(&before));
    // The nearest zhqa.toml above the file applies.
    write(
        dir.path(),
        "zhqa.toml",
        b"[rules]\nignore = [\"punct/halfwidth\"]\n[rules.severity]\n\"punct\" = \"info\"\n\"punct/ellipsis\" = \"error\"\n[foreign]\nallow = [\"Samsonite\", \"blockchain\"]\n",
    );
    let after = zhqa(&["check", "--format", "concise", &f]);
    assert_eq!(
        rules(&after),
        ["error[punct/ellipsis] 省略号应写作“……”（六个点，占两个字的位置），不是“...”"]
    );
    assert_eq!(after.status.code(), Some(1));
    // --select on the command line replaces the file's selection.
    let only = zhqa(&["check", "--format", "concise", "--select", "foreign", &f]);
    assert!(stdout(&only).is_empty(), "{}", stdout(&only));
}

#[test]
fn a_bad_configuration_points_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", "他说,好。\n".as_bytes());
    let cfg = write(dir.path(), "zhqa.toml", b"[rules]\nselect = []\nignor = [\"x\"]\n");
    let o = zhqa(&["check", &f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&format!("{cfg}:3:1: unknown field `ignor`")), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 │ ignor = [\"x\"]"), "{}", stderr(&o));
    write(dir.path(), "zhqa.toml", b"[style]\nhan-latin-spacing = \"sometimes\"\n");
    let o = zhqa(&["check", &f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("zhqa.toml:2:21"), "{}", stderr(&o));
}

#[test]
fn init_writes_a_starter_that_loads_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_zhqa")).args(args).current_dir(dir.path()).output().unwrap()
    };
    assert_eq!(run(&["init"]).status.code(), Some(0));
    let starter = std::fs::read_to_string(dir.path().join("zhqa.toml")).unwrap();
    write(dir.path(), "a.txt", "他说,好。\n".as_bytes());
    assert_eq!(run(&["check", "a.txt"]).status.code(), Some(1), "the starter configuration loads");
    assert_eq!(run(&["init"]).status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(dir.path().join("zhqa.toml")).unwrap(), starter);
}

#[test]
fn markdown_is_checked_as_prose_only() {
    let dir = tempfile::tempdir().unwrap();
    let md = "---\ntitle: date 2025-11-16\ntags: [news]\n---\n\n# 中亚峰会开幕\n\n- 第一项：加强合作\n- 第二项：扩大贸易\n\n总统表示,双方将深化合作。详见[报道](https://example.com/a,b?x=1)。\n\n运行 `ls -la`，然后执行：\n\n```sh\necho \"hello, world...\"\n# 注释,说明\n```\n\n<div class=\"note\">注意...</div>\n";
    let f = write(dir.path(), "a.md", md.as_bytes());
    let o = zhqa(&["check", "--format", "json", &f]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let found: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let (s, e) = (d["start"].as_u64().unwrap() as usize, d["end"].as_u64().unwrap() as usize);
            (d["rule"].as_str().unwrap().to_string(), md[s..e].to_string())
        })
        .collect();
    // Only the half-width comma of the prose: not the front matter, the list markers, the
    // link target, the inline code, the code block or the HTML.
    assert_eq!(found, [("punct/halfwidth".to_string(), ",".to_string())]);
    // Read as plain text, the comment in the code block is reported too.
    let t = write(dir.path(), "a.txt", md.as_bytes());
    let o = zhqa(&["check", "--format", "concise", &t]);
    assert_eq!(stdout(&o).lines().count(), 2, "{}", stdout(&o));
    // --fix touches the prose only.
    let o = zhqa(&["check", "--fix", &f]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), md.replace("总统表示,", "总统表示，"));
}

#[test]
fn html_is_checked_in_its_text_nodes_only() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<html><head><title>峰会</title><script>var s = \"总统,说\";</script></head>\n<body><p class=\"lead\">总统表示,双方&nbsp;将深化合作。</p><pre>代码,块</pre></body></html>\n";
    let f = write(dir.path(), "a.html", html.as_bytes());
    let o = zhqa(&["check", "--format", "concise", &f]);
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
    assert!(stdout(&o).contains("punct/halfwidth"));
    zhqa(&["check", "--fix", &f]);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), html.replace("总统表示,", "总统表示，"));
}

#[test]
fn gb18030_files_are_read_and_fixed_in_their_encoding() {
    let dir = tempfile::tempdir().unwrap();
    // "总统表示,双方将加强合作。" in GB18030 (GBK) bytes.
    let gbk: &[u8] = b"\xd7\xdc\xcd\xb3\xb1\xed\xca\xbe,\xcb\xab\xb7\xbd\xbd\xab\xbc\xd3\xc7\xbf\xba\xcf\xd7\xf7\xa1\xa3\n";
    let f = write(dir.path(), "gbk.txt", gbk);
    let o = zhqa(&["check", "--format", "concise", &f]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("1:5: error[punct/halfwidth]"), "{}", stdout(&o));
    zhqa(&["check", "--fix", &f]);
    let fixed = std::fs::read(&f).unwrap();
    assert_eq!(&fixed[..8], &gbk[..8]);
    assert_eq!(&fixed[8..10], b"\xa3\xac", "the full-width comma, written in GB18030");
    assert_eq!(&fixed[10..], &gbk[9..]);
    // Asked for UTF-8, the same bytes are an error naming the file.
    let o = zhqa(&["check", "--encoding", "utf8", &write(dir.path(), "g2.txt", gbk)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("g2.txt") && stderr(&o).contains("not valid UTF-8"), "{}", stderr(&o));
}

#[test]
fn suppression_comments_in_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let md = "他说,好。\n\n<!-- zhqa-disable punct/halfwidth -->\n她说,好。\n\n涉及能源...等领域。\n<!-- zhqa-enable -->\n\n<!-- zhqa-disable-next-line quote -->\n因此，‘中亚+’合作模式。\n\n<!-- zhqa-disable-next-line char -->\n他们说,好。\n";
    let f = write(dir.path(), "a.md", md.as_bytes());
    let o = zhqa(&["check", "--format", "concise", &f]);
    let lines: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            let pos = l.split(": ").next().unwrap().rsplit_once(".md:").unwrap().1.to_string();
            let rule = l.split('[').nth(1).unwrap().split(']').next().unwrap();
            format!("{pos} {rule}")
        })
        .collect();
    assert_eq!(
        lines,
        [
            "1:3 punct/halfwidth",          // before the disabled block
            "6:5 punct/ellipsis",           // inside it, but another rule
            "12:1 meta/unused-suppression", // the char suppression suppresses nothing
            "13:4 punct/halfwidth",         // and the comma below it is still reported
        ],
        "{}",
        stdout(&o)
    );
}

#[test]
fn configuration_excludes_includes_and_overrides_by_path() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in ["news/a.txt", "archive/b.txt", "drafts/c.txt", "news/d.md"] {
        write(d, name, "他说,好。總統出席。\n".as_bytes());
    }
    write(
        d,
        "zhqa.toml",
        b"[files]\ninclude = [\"news/**\", \"archive/**\"]\nexclude = [\"**/*.md\"]\n\n[[overrides]]\npaths = [\"archive/**\"]\nignore = [\"char/traditional\"]\nseverity = { \"punct\" = \"info\" }\n",
    );
    let o = zhqa(&["check", "--format", "concise", d.to_str().unwrap()]);
    let got: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            let path = Path::new(l.split(':').next().unwrap()).strip_prefix(d).unwrap().display().to_string();
            format!("{path} {}", l.split(": ").nth(1).unwrap().split(' ').next().unwrap())
        })
        .collect();
    assert_eq!(
        got,
        [
            "archive/b.txt info[punct/halfwidth]",
            "news/a.txt error[punct/halfwidth]",
            "news/a.txt warning[char/traditional]",
        ],
        "{}",
        stdout(&o)
    );
    // A file named on the command line is checked even outside `include`, never if excluded.
    let named = zhqa(&["check", "--format", "concise", d.join("drafts/c.txt").to_str().unwrap()]);
    assert_eq!(stdout(&named).lines().count(), 2, "{}", stdout(&named));
    let excluded = zhqa(&["check", "--format", "concise", d.join("news/d.md").to_str().unwrap()]);
    assert!(stdout(&excluded).is_empty());
}

#[test]
fn a_newsroom_adds_its_own_term_rules() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let rule = r#"
[[rule]]
id = "house/names"
severity = "error"
fix = "unsafe"
since = "0.1.0"
summary = "本报译名"
message = "本报译名：“{found}”应为“{fix}”{note}"
explain = "本报统一的外国人名译名。"
basis = "本报译名表"

[[rule.term]]
wrong = "托卡也夫"
right = "托卡耶夫"
note = "按本报译名表"

[[rule.case]]
text = "托卡也夫出席。"
flags = ["托卡也夫"]
"#;
    write(d, "house/names.toml", rule.as_bytes());
    write(d, "zhqa.toml", b"[rules]\nextra = [\"house\"]\n[rules.severity]\n\"house\" = \"warning\"\n");
    let f = write(d, "a.txt", "哈萨克斯坦总统托卡也夫出席会议。\n".as_bytes());
    let o = zhqa(&["check", "--format", "concise", &f]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("1:8: warning[house/names] 本报译名：“托卡也夫”应为“托卡耶夫”（按本报译名表）"),
        "{}",
        stdout(&o)
    );
    let o = zhqa(&["check", "--format", "concise", "--ignore", "house", &f]);
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    // A rule outside house/ is refused, pointing at the rule file.
    write(d, "house/bad.toml", rule.replace("house/names", "term/names").as_bytes());
    let o = zhqa(&["check", &f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.toml") && stderr(&o).contains("`house/`"), "{}", stderr(&o));
}

#[test]
fn house_rules_may_use_regular_expressions_within_a_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let rule = |wrong: &str| {
        format!(
            r#"
[[rule]]
id = "house/dates"
severity = "warning"
fix = "unsafe"
since = "0.1.0"
summary = "日期写法"
message = "本报日期写作“{{fix}}”，不写“{{found}}”"
explain = "正文日期用汉字年月日。"
basis = "本报体例"

[[rule.term]]
wrong = '{wrong}'
right = "${{1}}年${{2}}月${{3}}日"
regex = true
"#
        )
    };
    write(d, "zhqa.toml", b"[rules]\nextra = [\"house.toml\"]\n");
    write(d, "house.toml", rule(r"(\d{4})-(\d{1,2})-(\d{1,2})").as_bytes());
    let f = write(d, "a.txt", "会议于2025-11-16举行，编号2025-11不变。\n".as_bytes());
    let o = zhqa(&["check", "--format", "concise", &f]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o).lines().collect::<Vec<_>>(),
        [format!("{f}:1:4: warning[house/dates] 本报日期写作“2025年11月16日”，不写“2025-11-16”")]
    );
    zhqa(&["check", "--fix", "--unsafe-fixes", &f]);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "会议于2025年11月16日举行，编号2025-11不变。\n");
    // Too large, matching the empty text, or not a regular expression: an error that
    // names the rule file and the pattern, before any file is read.
    for (pattern, says) in [
        (r"\w{1000}\w{1000}", "too large"),
        ("(年份)*", "matches the empty text"),
        ("(年份", "not a valid regular expression"),
    ] {
        write(d, "house.toml", rule(pattern).as_bytes());
        let o = zhqa(&["check", &f]);
        assert_eq!(o.status.code(), Some(2), "{pattern}");
        let err = stderr(&o);
        assert!(err.contains("house.toml") && err.contains("house/dates") && err.contains(says), "{err}");
    }
}

#[test]
fn a_bare_file_name_finds_the_configuration_of_the_current_directory() {
    // pre-commit passes files at the repository root as bare names (README.md).
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "zhqa.toml", b"[rules]\nignore = [\"punct\"]\n");
    write(dir.path(), "a.txt", "他说,好。\n".as_bytes());
    let o = Command::new(env!("CARGO_BIN_EXE_zhqa"))
        .args(["check", "--format", "concise", "a.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
}

#[test]
fn github_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a,b.txt", "第一行\n托卡耶夫表示,双方将加强合作。\n".as_bytes());
    let o = zhqa(&["check", "--format", "github", &f]);
    assert_eq!(o.status.code(), Some(1));
    let line = stdout(&o).lines().next().unwrap().to_string();
    let file = f.replace(',', "%2C");
    assert_eq!(
        line,
        format!("::error file={file},line=2,col=7,endLine=2,endColumn=8,title=zhqa punct/halfwidth::中文句子里的半角标点“,”应改为全角“，”")
    );
}

#[test]
fn sarif_has_the_fields_code_scanning_reads() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", "第一行\n托卡耶夫表示,双方将加强合作。\n".as_bytes());
    let run_once = || {
        let o = zhqa(&["check", "--format", "sarif", &f]);
        assert_eq!(o.status.code(), Some(1));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()
    };
    let v = run_once();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "zhqa");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() >= 30);
    for r in rules {
        for key in ["id", "shortDescription", "fullDescription", "help", "helpUri"] {
            assert!(!r[key].is_null(), "rule {} lacks {key}", r["id"]);
        }
    }
    let res = &run["results"][0];
    assert_eq!(res["ruleId"], "punct/halfwidth");
    assert_eq!(res["level"], "error");
    assert_eq!(rules[res["ruleIndex"].as_u64().unwrap() as usize]["id"], "punct/halfwidth");
    let loc = &res["locations"][0]["physicalLocation"];
    assert!(loc["artifactLocation"]["uri"].as_str().unwrap().ends_with("a.txt"));
    let region = &loc["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(2), Some(7)));
    assert_eq!((region["endLine"].as_u64(), region["endColumn"].as_u64()), (Some(2), Some(8)));
    // Fingerprints are the same on every run.
    assert_eq!(res["partialFingerprints"], run_once()["runs"][0]["results"][0]["partialFingerprints"]);
}

#[test]
fn rdjsonl_lines_use_byte_columns_and_carry_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", "第一行\n托卡耶夫表示,双方将加强合作。\n".as_bytes());
    let o = zhqa(&["check", "--format", "rdjsonl", &f]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 1, "{out}");
    let d = &lines[0];
    assert_eq!(d["severity"], "ERROR");
    assert_eq!(d["source"]["name"], "zhqa");
    assert_eq!(d["code"]["value"], "punct/halfwidth");
    assert!(d["location"]["path"].as_str().unwrap().ends_with("a.txt"));
    // Six Han characters of three bytes each precede the comma: column 19, end 20.
    let r = &d["location"]["range"];
    assert_eq!((r["start"]["line"].as_u64(), r["start"]["column"].as_u64()), (Some(2), Some(19)));
    assert_eq!((r["end"]["line"].as_u64(), r["end"]["column"].as_u64()), (Some(2), Some(20)));
    assert_eq!(d["suggestions"][0]["text"], "，");
    assert_eq!(d["suggestions"][0]["range"], *r);
    // A clean file prints nothing.
    let g = write(dir.path(), "b.txt", "托卡耶夫表示，双方将加强合作。\n".as_bytes());
    let o = zhqa(&["check", "--format", "rdjsonl", &g]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
}

#[test]
fn rdjson_is_one_result_holding_the_same_diagnostics_as_rdjsonl() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", "托卡耶夫表示,双方将加强合作...\n".as_bytes());
    let o = zhqa(&["check", "--format", "rdjson", &f]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["source"]["name"], "zhqa");
    let lines = zhqa(&["check", "--format", "rdjsonl", &f]);
    let from_lines: Vec<serde_json::Value> =
        stdout(&lines).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(from_lines.len() >= 2, "{}", stdout(&lines));
    assert_eq!(v["diagnostics"].as_array().unwrap(), &from_lines);
    // No findings: an empty list, still valid JSON.
    let g = write(dir.path(), "b.txt", "托卡耶夫表示，双方将加强合作。\n".as_bytes());
    let o = zhqa(&["check", "--format", "rdjson", &g]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["diagnostics"].as_array().map(Vec::len), Some(0));
}

#[test]
fn junit_has_a_failed_case_per_finding_and_a_passing_case_per_clean_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a&b.txt", "第一行\n托卡耶夫表示,双方将加强合作。\n".as_bytes());
    let g = write(dir.path(), "clean.txt", "托卡耶夫表示，双方将加强合作。\n".as_bytes());
    let o = zhqa(&["check", "--format", "junit", &f, &g]);
    assert_eq!(o.status.code(), Some(1));
    let x = stdout(&o);
    assert!(x.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), "{x}");
    assert!(x.contains(r#"<testsuites name="zhqa" tests="2" failures="1" errors="0">"#), "{x}");
    let escaped = f.replace('&', "&amp;");
    assert!(x.contains(&format!(r#"<testcase name="punct/halfwidth at 2:7" classname="{escaped}""#)), "{x}");
    assert!(
        x.contains(r#"<failure message="中文句子里的半角标点“,”应改为全角“，”" type="punct/halfwidth">"#),
        "{x}"
    );
    assert!(x.contains(&format!(r#"<testcase name="zhqa" classname="{g}" file="{g}"/>"#)), "{x}");
    assert_eq!(x.matches("<testsuite ").count(), 2);
    assert_eq!(x.matches("</testsuite>").count(), 2);
    assert!(x.trim_end().ends_with("</testsuites>"));
}

/// A text of `paragraphs` short articles (a headline, a body with three findings, a
/// blank line), about 125 bytes each.
fn archive(paragraphs: usize) -> String {
    let mut s = String::new();
    for k in 0..paragraphs {
        s.push_str(&format!(
            "第{k}篇报道\n托卡耶夫表示,双方将为 revitalizing 合作提供基础...他说，“中亚”正在变化。\n\n"
        ));
    }
    s
}

#[test]
fn a_large_file_read_in_pieces_gives_what_it_gives_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    // 4.5 MB: over the size from which a plain-text file is read in pieces; with a BOM,
    // whose three bytes offsets do not count.
    let n = 36_000;
    let text = format!("\u{feff}{}", archive(n));
    assert!(text.len() as u64 > zhqa::input::READ_IN_PIECES_ABOVE);
    let f = write(dir.path(), "big.txt", text.as_bytes());
    for format in ["json", "concise"] {
        let pieces = zhqa(&["check", "--format", format, &f]);
        // stdin is always read whole.
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhqa"))
            .args(["check", "--format", format, "--stdin-filename", &f, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        let whole = child.wait_with_output().unwrap();
        assert_eq!(pieces.status.code(), Some(1));
        assert_eq!(whole.status.code(), Some(1));
        assert!(pieces.stdout == whole.stdout, "{format}: the outputs differ");
    }
    let o = zhqa(&["check", "--format", "json", &f]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ds = v["diagnostics"].as_array().unwrap();
    assert_eq!(ds.len(), 3 * n);
    // The last finding, far into the file: its offsets are the decoded text's, its line
    // counts every line before it.
    let last = ds.last().unwrap();
    let decoded = text.strip_prefix('\u{feff}').unwrap();
    let (start, end) = (last["start"].as_u64().unwrap() as usize, last["end"].as_u64().unwrap() as usize);
    assert_eq!(&decoded[start..end], "...");
    assert_eq!(last["line"], 3 * (n - 1) + 2);
    assert_eq!(decoded[..start].lines().count(), 3 * (n - 1) + 2);
}

#[test]
fn a_large_file_that_is_not_plain_utf8_is_read_whole_after_all() {
    let dir = tempfile::tempdir().unwrap();
    let text = archive(36_000);
    assert!(text.len() as u64 > zhqa::input::READ_IN_PIECES_ABOVE);
    // Invalid UTF-8 near the end, past the first pieces: the error of a whole read.
    let mut bad = text.clone().into_bytes();
    let at = text.rfind("revitalizing").unwrap();
    bad[at] = 0xFF;
    let f = write(dir.path(), "bad.txt", &bad);
    let o = zhqa(&["check", "--format", "json", &f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("bad.txt: not valid UTF-8 (invalid byte at offset {at})")),
        "{}",
        stderr(&o)
    );
    // GB18030: decoded whole, findings as for the UTF-8 text.
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let f = write(dir.path(), "gb.txt", &gb);
    let o = zhqa(&["check", "--format", "concise", "--select", "punct/halfwidth", &f]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).lines().count(), 36_000);
}
