//! The bad-input table of the README, one test per row that tests/cli.rs does not
//! already hold: what zhqa does with each file a newsroom repository can contain, that it
//! names the file, gives the documented exit status, checks the other files, and modifies
//! nothing unless `--fix` succeeded for that file. Also the resource bounds: no input
//! makes the work grow faster than its length.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn zhqa(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhqa")).args(args).env("NO_COLOR", "1").output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A file with one finding, checked beside every bad file: it must still be reported.
const GOOD: &str = "他说,好。\n";

fn assert_good_checked(o: &Output) {
    assert!(stdout(o).contains("good.txt:1:3: error[punct/halfwidth]"), "{}\n{}", stdout(o), stderr(o));
}

fn assert_no_panic(o: &Output) {
    assert_ne!(o.status.code(), Some(101), "{}", stderr(o));
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

#[test]
fn empty_whitespace_and_a_lone_bom_are_clean_files() {
    let dir = tempfile::tempdir().unwrap();
    let files =
        [("empty.txt", &b""[..]), ("blank.txt", b" \n\t\r\n\xe3\x80\x80\n"), ("bom.txt", b"\xef\xbb\xbf")];
    let mut args = vec!["check".to_string(), "--fix".into(), "--format".into(), "json".into()];
    for (name, bytes) in files {
        args.push(s(&write(dir.path(), name, bytes)).into());
    }
    let o = Command::new(env!("CARGO_BIN_EXE_zhqa")).args(&args).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files_checked"], 3);
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0);
    for (name, bytes) in files {
        assert_eq!(std::fs::read(dir.path().join(name)).unwrap(), bytes, "{name} modified");
    }
}

#[test]
fn utf16_without_a_bom_is_checked_and_fixed_in_its_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let utf16 = |t: &str| -> Vec<u8> { t.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let f = write(dir.path(), "windows.txt", &utf16("他说,好。\r\n"));
    let o = zhqa(&["check", "--format", "concise", s(&f)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("windows.txt:1:3: error[punct/halfwidth]"), "{}", stdout(&o));
    let o = zhqa(&["check", "--fix", s(&f)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read(&f).unwrap(), utf16("他说，好。\r\n"), "written back as UTF-16LE, no BOM added");
}

#[test]
fn binary_files_named_txt_are_skipped_with_a_note_naming_their_kind() {
    let dir = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    let zip = b"PK\x03\x04\x14\0\0\0\x08\0,\x98".to_vec();
    let p = write(dir.path(), "photo.txt", &png);
    let z = write(dir.path(), "archive.txt", &zip);
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let o = zhqa(&["check", "--fix", "--format", "concise", s(&p), s(&z), s(&good)]);
    // A binary file is not an error: the exit status is the other files'.
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("note: ") && err.contains("photo.txt: binary file (a PNG image"), "{err}");
    assert!(err.contains("archive.txt: binary file (a ZIP archive"), "{err}");
    assert_eq!(std::fs::read(&p).unwrap(), png);
    assert_eq!(std::fs::read(&z).unwrap(), zip);
    assert_eq!(std::fs::read_to_string(&good).unwrap(), "他说，好。\n", "the text file is still fixed");
}

#[test]
fn mixed_line_endings_count_lines_and_survive_a_fix() {
    let dir = tempfile::tempdir().unwrap();
    let text = "第一行,内容。\r\n第二行,内容。\n第三行,内容。\r第四行,内容。";
    let f = write(dir.path(), "mixed.txt", text.as_bytes());
    let o = zhqa(&["check", "--format", "concise", s(&f)]);
    let lines: Vec<String> = stdout(&o).lines().map(|l| l.split(": ").next().unwrap().to_string()).collect();
    let want: Vec<String> = (1..=4).map(|n| format!("{}:{n}:4", s(&f))).collect();
    assert_eq!(lines, want);
    zhqa(&["check", "--fix", s(&f)]);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), text.replace(',', "，"), "every line ending kept");
}

#[test]
fn a_file_unreadable_at_read_time_is_named_and_the_others_checked() {
    // /proc/self/mem is a regular file to the walk, and reading it from offset 0 fails.
    if !Path::new("/proc/self/mem").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let o = zhqa(&["check", "--format", "concise", "/proc/self/mem", s(&good)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("zhqa: error: /proc/self/mem: "), "{}", stderr(&o));
    assert_good_checked(&o);
}

/// Bytes this process and its children have read, from /proc (Linux).
fn bytes_read(pid: u32) -> Option<u64> {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).ok()?;
    io.lines().find_map(|l| l.strip_prefix("rchar: ")).and_then(|n| n.trim().parse().ok())
}

#[test]
fn a_file_that_disappears_between_the_walk_and_the_read() {
    // One worker checks a large file first; once it has been read (the process has read
    // more bytes than its size), the next file in the walk is deleted under zhqa's feet.
    let dir = tempfile::tempdir().unwrap();
    let big = "这是一段很长的文字，用来让检查多花一点时间。\n".repeat(60_000);
    write(dir.path(), "a-big.txt", big.as_bytes());
    let gone = write(dir.path(), "b-gone.txt", GOOD.as_bytes());
    write(dir.path(), "c-good.txt", GOOD.as_bytes());
    let child = Command::new(env!("CARGO_BIN_EXE_zhqa"))
        .args(["check", "-j", "1", "--format", "concise", s(dir.path())])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut deleted_in_time = false;
    while start.elapsed() < Duration::from_secs(20) {
        match bytes_read(child.id()) {
            Some(n) if n >= big.len() as u64 => {
                std::fs::remove_file(&gone).unwrap();
                deleted_in_time = true;
                break;
            }
            Some(_) => std::thread::sleep(Duration::from_micros(200)),
            None => break,
        }
    }
    let o = child.wait_with_output().unwrap();
    assert_no_panic(&o);
    if !deleted_in_time {
        // No /proc here, or zhqa finished first: nothing to learn from this run.
        eprintln!("the file was not deleted in time; nothing checked");
        return;
    }
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("b-gone.txt: No such file or directory"), "{}", stderr(&o));
    assert!(stdout(&o).contains("c-good.txt:1:3: error[punct/halfwidth]"), "{}", stdout(&o));
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    std::os::unix::fs::symlink("loop", dir.path().join("loop")).unwrap();
    write(dir.path(), "sub/good.txt", GOOD.as_bytes());
    let o = zhqa(&["check", "--format", "concise", s(dir.path())]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1, "each file once: {}", stdout(&o));
    assert_good_checked(&o);
    // Named on the command line, the link to a directory is walked once, not followed
    // round the loop; a link to itself is named as an error.
    let o =
        zhqa(&["check", "--format", "concise", s(&dir.path().join("sub/up")), s(&dir.path().join("loop"))]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("loop: "), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_is_checked_named_and_fixed() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let f = dir.path().join(name);
    std::fs::write(&f, GOOD).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_zhqa"))
        .args(["check".as_ref(), "--format".as_ref(), "concise".as_ref(), dir.path().as_os_str()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("caf\u{fffd}.txt:1:3: error[punct/halfwidth]"), "{}", stdout(&o));
    let o = Command::new(env!("CARGO_BIN_EXE_zhqa")).arg("check").arg("--fix").arg(&f).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "他说，好。\n");
}

#[test]
fn stdin_closed_early_is_checked_as_far_as_it_came() {
    let run = |bytes: &[u8]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhqa"))
            .args(["check", "--format", "concise", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(bytes).unwrap();
        drop(stdin);
        child.wait_with_output().unwrap()
    };
    // The writer stopped after a whole line: what came is checked.
    let o = run("他说,好。\n她说".as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("-:1:3: error[punct/halfwidth]"), "{}", stdout(&o));
    // The writer stopped inside a character: a clear error at that byte.
    let cut = &"他说,好。".as_bytes()[..8];
    let o = run(cut);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("zhqa: error: -: not valid UTF-8 (invalid byte at offset 7)"),
        "{}",
        stderr(&o)
    );
    // Nothing at all: an empty text.
    let o =
        Command::new(env!("CARGO_BIN_EXE_zhqa")).args(["check", "-"]).stdin(Stdio::null()).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// The time of `f`, the best of three runs.
fn best_of_three(f: impl Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// Check `make(n)` and `make(8 n)`: eight times the input may take eight times as long,
/// with room for noise (24 times), never the 64 times of quadratic work.
fn assert_linear(what: &str, make: impl Fn(usize) -> String, n: usize) {
    let selection = zhqa::Selection::default();
    let (small, large) = (make(n), make(8 * n));
    let t_small = best_of_three(|| drop(zhqa::check_text(&small, &selection)));
    let t_large = best_of_three(|| drop(zhqa::check_text(&large, &selection)));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-4);
    assert!(ratio < 24.0, "{what}: {n} → {t_small:?}, {} → {t_large:?} (×{ratio:.1})", 8 * n);
}

#[test]
fn nested_brackets_and_quotes_cost_linear_time() {
    let n = 12_500; // 100,000 at the large size
    assert_linear("（（（…）））", |n| format!("{}中{}", "（".repeat(n), "）".repeat(n)), n);
    assert_linear("unclosed （", |n| "（中".repeat(n), n);
    assert_linear("unclosed “", |n| "“中".repeat(n), n);
    assert_linear("“‘“‘", |n| "“‘".repeat(n), n);
    assert_linear("《《《", |n| format!("{}书", "《".repeat(n)), n);
    assert_linear("titles in titles", |n| format!("{}中。{}", "《中。".repeat(n), "》".repeat(n)), n);
    assert_linear("reversed ”“", |n| "”中“".repeat(n), n);
    assert_linear("set-off quotations", |n| "“\n中。\n”\n“\n中。\n".repeat(n), n);
    assert_linear("dash speech —…，-", |n| "—中，-".repeat(n), n);
}

#[test]
fn long_lines_cost_linear_time() {
    let n = 25_000;
    assert_linear("a line of Han", |n| "中文".repeat(n), n);
    assert_linear("a line of findings", |n| "中文,".repeat(n), n);
    assert_linear("one Latin word", |n| format!("中{}中", "a".repeat(n)), n);
    assert_linear("Latin words", |n| "中 revitalizing ".repeat(n), n);
    assert_linear("spaced names", |n| "杰夫 弗莱克说，".repeat(n), n);
    assert_linear("dots", |n| format!("中{}", ".".repeat(n)), n);
    assert_linear("straight quotes", |n| "他说\"好的\"。".repeat(n), n);
    assert_linear("straight quotes after digits", |n| "尺寸\"27\"，".repeat(n), n);
    assert_linear("dots between Han", |n| "中.文".repeat(n), n);
    assert_linear("single quotes after a straight one", |n| format!("\"{}", "‘中’".repeat(n)), n);
    assert_linear("straight quotes in braces", |n| format!("{{{}}}", "他说\"好的\"。".repeat(n)), n);
    assert_linear("forum boilerplate", |n| "图.jpg (3 KB, 下载次数: 0)中,".repeat(n), n);
    assert_linear("forum headers", |n| "【 在 a 的大作中提到: 】 a (b) 于 (c) 提到:".repeat(n), n);
    assert_linear("framed labels", |n| "。— 标签 —中 ".repeat(n), n);
    assert_linear("subheadings", |n| "好。  标签“好”  ".repeat(n), n);
    assert_linear("numbered headings", |n| format!("{}{}", " ".repeat(n), "1. “好” ".repeat(n)), n);
    assert_linear("dots between words", |n| "热文.爆料".repeat(n), n);
    assert_linear("foreign passages", |n| "and be one traveler， long i stood，".repeat(n), n);
    assert_linear("quoted menu labels", |n| "「数据 - 排序...」中“...”按钮".repeat(n), n);
    assert_linear("route frames", |n| "： —地名— 中".repeat(n), n);
    assert_linear("spaced hyphens", |n| "中 - 文".repeat(n), n);
    assert_linear("spaced hyphens between long parts", |n| "命名区域与表达式 - ".repeat(n), n);
    assert_linear("spaced hyphens after an open bracket", |n| "（命名区域与表达式 - ".repeat(n), n);
    assert_linear("format separators on a technical page", |n| "see man page [设备号]:节点号 ".repeat(n), n);
    assert_linear("dashes between sentences", |n| "。————要想实现".repeat(n), n);
    assert_linear("menu paths in corner brackets", |n| "「数据 - 排序」中".repeat(n), n);
    assert_linear("spaces after closing brackets", |n| "中） ".repeat(n), n);
    assert_linear("spaces after notes opened once", |n| format!("（{}", "中中） ".repeat(n)), n);
    assert_linear("dashes on a technical page", |n| "ls 中-- 中 ".repeat(n), n);
    assert_linear("double hyphens", |n| "中--文".repeat(n), n);
    assert_linear("ellipses between Han", |n| "中...文".repeat(n), n);
    assert_linear("bullets between words", |n| "新闻•资讯".repeat(n), n);
    assert_linear("optional arguments without braces", |n| "命令 ?选项? ...中".repeat(n), n);
    assert_linear("symbols listed before ?", |n| "如 +, - 或 ? ".repeat(n), n);
    assert_linear("quotations in two languages", |n| "“为爱出发 fly for love”".repeat(n), n);
}
