//! The `zhqa` binary: parse the command line, run, and map the outcome to the exit
//! status — 0 nothing at or above `--fail-on`, 1 findings, 2 usage or input errors.

mod cli;

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;

use cli::{CheckArgs, Cli, ColorChoice, Command};
use zhqa::config::{Config, ConfigError};
use zhqa::fix;
use zhqa::input::{self, InputError};
use zhqa::output::{self, FileReport};
use zhqa::rules::catalog::catalog;
use zhqa::{Selection, Severity};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules => rules(),
        Command::Explain { rule } => explain(&rule),
        Command::Init => init(),
        Command::Lsp => zhqa::lsp::run().map(|()| 0).map_err(std::io::Error::other),
        Command::Serve { addr, config } => {
            zhqa::serve::run(addr, config).map(|()| 0).map_err(std::io::Error::other)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // Output to a closed pipe (`zhqa check | head -1`) ends quietly.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(0),
        Err(e) => {
            eprintln!("zhqa: error: {e}");
            ExitCode::from(2)
        }
    }
}

fn check(args: CheckArgs) -> std::io::Result<u8> {
    let cli = Selection { select: args.select.clone(), ignore: args.ignore.clone(), ..Default::default() };
    let unknown = cli.unknown();
    if !unknown.is_empty() {
        eprintln!("zhqa: error: unknown rule or category: {} (see `zhqa rules`)", unknown.join(", "));
        return Ok(2);
    }
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() };
    let (files, mut errors) = input::collect(&paths);
    let selections = match selections(&files, &paths, &args) {
        Ok(s) => s,
        Err(e) => {
            report_config_error(&e);
            return Ok(2);
        }
    };
    // Files the configuration excludes are left out.
    let (files, selections): (Vec<PathBuf>, Vec<Arc<Selection>>) =
        files.into_iter().zip(selections).filter_map(|(f, s)| Some((f, s?))).unzip();
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let checked = check_files(&files, &args, &selections, threads);
    let mut reports = Vec::new();
    let (mut fixes, mut fixed_files, mut diffs) = (0, 0, String::new());
    let mut notes = Vec::new();
    let mut worst = None;
    for result in checked {
        match result {
            // A binary file is not copy: it is skipped with a note, not an error.
            Err((path, e @ InputError::Binary { .. })) => notes.push((path, e)),
            Ok(done) => {
                worst = worst.max(done.worst);
                fixes += done.fixed;
                fixed_files += usize::from(done.fixed > 0);
                diffs.push_str(done.diff.as_deref().unwrap_or(""));
                if let Some(report) = done.report {
                    reports.push((report, done.rendered));
                }
            }
            Err(e) => errors.push(e),
        }
    }
    if args.diff {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        out.write_all(diffs.as_bytes())?;
        out.flush()?;
        for (path, e) in &errors {
            report_input_error(path, e);
        }
        eprintln!("zhqa: {fixes} fixes would change {fixed_files} files");
        return Ok(if !errors.is_empty() { 2 } else { u8::from(fixes > 0) });
    }
    reports.sort_by(|a, b| a.0.source.path.cmp(&b.0.source.path));
    // Parts rendered on the workers, when the format allows it for every file.
    let mut parts: Option<Vec<output::Part>> = reports.iter_mut().map(|(_, part)| part.take()).collect();
    let reports: Vec<FileReport> = reports.into_iter().map(|(r, _)| r).collect();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match &mut parts {
        Some(parts) => output::render_parts(args.format, parts, reports.len(), &mut out)?,
        None => output::render(args.format, &reports, reports.len(), color, &mut out)?,
    }
    out.flush()?;
    for (path, e) in &errors {
        report_input_error(path, e);
    }
    for (path, e) in &notes {
        eprintln!("zhqa: note: {path}: {e}");
    }
    if args.fix {
        eprintln!("zhqa: applied {fixes} fixes in {fixed_files} files");
    }
    let fail = args.fail_on.severity();
    let failed = worst.is_some_and(|w| w >= fail);
    Ok(if !errors.is_empty() {
        2
    } else if failed {
        1
    } else {
        0
    })
}

/// The selection for each file: the command line over the file's configuration (given
/// with --config, or the nearest zhqa.toml above the file). Files that share a
/// configuration share one selection.
fn selections(
    files: &[PathBuf],
    named: &[PathBuf],
    args: &CheckArgs,
) -> Result<Vec<Option<Arc<Selection>>>, ConfigError> {
    let explicit = match &args.config {
        Some(path) => Some(Arc::new(Config::load(path)?)),
        None => None,
    };
    let none = Arc::new(Config::default());
    let mut loaded: HashMap<PathBuf, Arc<Config>> = HashMap::new();
    // The configuration found for each directory: files side by side share the search.
    let mut found_in: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let config = match &explicit {
            Some(c) => c.clone(),
            None => {
                // The walk gives files only; stdin and a bare file name are in the
                // current directory.
                let dir = match file.as_os_str() == "-" {
                    true => Path::new("."),
                    false => file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")),
                };
                let found = found_in.entry(dir.to_path_buf()).or_insert_with(|| Config::find(dir)).clone();
                match found {
                    None => none.clone(),
                    Some(p) => match loaded.get(&p) {
                        Some(c) => c.clone(),
                        None => {
                            let c = Arc::new(Config::load(&p)?);
                            loaded.insert(p, c.clone());
                            c
                        }
                    },
                }
            }
        };
        // A file named on the command line is checked whatever `include` says.
        let walked = !named.contains(file);
        let s = config.selection_for(file, walked, &args.select, &args.ignore, args.han_latin_spacing);
        out.push(s.map(Arc::new));
    }
    Ok(out)
}

/// A configuration error, with the offending line shown when its place is known.
fn report_config_error(e: &ConfigError) {
    use codespan_reporting::diagnostic::{Diagnostic, Label};
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term;
    match &e.span {
        Some(span) => {
            let name = e.path.display().to_string();
            let file = SimpleFile::new(name.as_str(), e.text.as_str());
            let d = Diagnostic::error()
                .with_message(format!("invalid configuration: {}", e.message))
                .with_labels(vec![Label::primary((), span.clone())]);
            let mut out = term::termcolor::Buffer::no_color();
            let _ = term::emit_to_write_style(
                &mut term::StylesWriter::new(&mut out, &term::Styles::default()),
                &term::Config::default(),
                &file,
                &d,
            );
            eprintln!("zhqa: error: {e}");
            eprint!("{}", String::from_utf8_lossy(out.as_slice()));
        }
        None => eprintln!("zhqa: error: {e}"),
    }
}

/// What checking one file gives: its report and what was fixed, or the error that kept it
/// from being checked (or fixed).
type Checked = Result<Done, (String, InputError)>;

struct Done {
    report: Option<FileReport>,
    /// Fixes applied (or, with --diff, that would be).
    fixed: usize,
    /// With --diff: the unified diff of the fixes.
    diff: Option<String>,
    /// The file's part of the output, for the formats a worker can render (see
    /// `output::prerender`).
    rendered: Option<output::Part>,
    /// The most severe finding's severity, if anything was found.
    worst: Option<Severity>,
}

/// Read and check every file, on `threads` worker threads that take the next file as they
/// finish one; results come back in the order of `files`, so output is deterministic.
fn check_files(
    files: &[PathBuf],
    args: &CheckArgs,
    selections: &[Arc<Selection>],
    threads: usize,
) -> Vec<Checked> {
    let one = |k: usize| -> Checked {
        let (path, selection) = (&files[k], &*selections[k]);
        let display = if path.as_os_str() == "-" {
            args.stdin_filename.clone().unwrap_or_else(|| "-".into())
        } else {
            path.display().to_string()
        };
        let format = zhqa::Format::of_path(Path::new(&display));
        let in_pieces = format == zhqa::Format::Plain
            && !(args.fix || args.diff)
            && args.encoding != input::EncodingChoice::Gb18030
            && output::renders_per_file(args.format)
            && path.as_os_str() != "-"
            && std::fs::metadata(path).is_ok_and(|m| m.len() > input::READ_IN_PIECES_ABOVE);
        if in_pieces {
            match check_in_pieces(path, &display, selection, args.format) {
                Ok(Some(done)) => return Ok(done),
                Ok(None) => {}
                Err(e) => return Err((display, InputError::Io(e))),
            }
        }
        let mut source = input::load_as(path, &display, args.encoding).map_err(|e| (display.clone(), e))?;
        let mut done = Done { fixed: 0, diff: None, report: None, rendered: None, worst: None };
        if args.fix || args.diff {
            let (fixed, n) = fix::fix_text(&source.text, format, selection, args.unsafe_fixes);
            if n > 0 && fixed != source.text {
                if args.diff {
                    let diff = similar::TextDiff::from_lines(&source.text, &fixed)
                        .unified_diff()
                        .header(&display, &display)
                        .to_string();
                    done.diff = Some(diff);
                } else if path.as_os_str() == "-" {
                    let e = std::io::Error::other("text from stdin cannot be fixed in place; use --diff");
                    return Err((display, InputError::Io(e)));
                } else {
                    input::write_atomically(path, &input::encode(&fixed, source.encoding))
                        .map_err(|e| (display.clone(), InputError::Io(e)))?;
                    source.text = fixed;
                }
                done.fixed = n;
            }
        }
        let diagnostics = zhqa::check_as(&source.text, format, selection);
        done.worst = diagnostics.iter().map(|d| d.severity).max();
        let mut report = FileReport::new(source, diagnostics);
        done.rendered = output::prerender(args.format, &report).map(output::Part::from);
        if done.rendered.is_some() {
            // The part is all the output needs of the text.
            report.source.text = String::new();
        }
        done.report = Some(report);
        Ok(done)
    };
    let threads = threads.clamp(1, files.len().max(1));
    if threads == 1 {
        return (0..files.len()).map(one).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, Checked)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if k >= files.len() {
                            break;
                        }
                        mine.push((k, one(k)));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("a worker panicked")).collect()
    });
    done.sort_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Check a large plain-text file segment by segment as it is read (`input::Segments`),
/// rendering its part of the output as it goes: memory stays bounded whatever the size
/// of the file and the number of findings. `None` when the file turns out not to be
/// plain UTF-8 and is to be read whole.
fn check_in_pieces(
    path: &Path,
    display: &str,
    selection: &Selection,
    format: output::Format,
) -> std::io::Result<Option<Done>> {
    let piece_error = |e| match e {
        input::PieceError::ReadWhole => Ok(None),
        input::PieceError::Io(e) => Err(e),
    };
    let mut segments = match input::Segments::open(path) {
        Ok(segments) => segments,
        Err(e) => return piece_error(e),
    };
    let mut part = output::Part::default();
    let (mut lines_before, mut worst) = (0, None);
    loop {
        let (offset, text) = match segments.next_segment() {
            Ok(Some(segment)) => segment,
            Ok(None) => break,
            Err(e) => return piece_error(e),
        };
        let mut diagnostics = zhqa::check_as(&text, zhqa::Format::Plain, selection);
        diagnostics.iter_mut().for_each(|d| d.shift(offset));
        worst = worst.max(diagnostics.iter().map(|d| d.severity).max());
        let lines = zhqa::document::LineIndex::new(&text).line_count() - 1;
        let source = input::Source { path: display.to_string(), text, encoding: segments.encoding };
        let report = FileReport { source, diagnostics, offset, lines_before };
        part.push(&output::prerender(format, &report).expect("the format renders per file"))?;
        lines_before += lines;
    }
    let source =
        input::Source { path: display.to_string(), text: String::new(), encoding: segments.encoding };
    let report = Some(FileReport::new(source, Vec::new()));
    Ok(Some(Done { report, fixed: 0, diff: None, rendered: Some(part), worst }))
}

fn report_input_error(path: &str, e: &InputError) {
    eprintln!("zhqa: error: {path}: {e}");
}

/// Write a commented starter zhqa.toml in the current directory (never over one).
fn init() -> std::io::Result<u8> {
    let path = Path::new("zhqa.toml");
    if path.exists() {
        eprintln!("zhqa: error: zhqa.toml already exists; it was left as it is");
        return Ok(2);
    }
    std::fs::write(path, zhqa::config::STARTER)?;
    println!("wrote zhqa.toml");
    Ok(0)
}

fn rules() -> std::io::Result<u8> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for r in catalog().rules() {
        writeln!(out, "{:<24} {:<8} {:<7} {}", r.id, r.severity.as_str(), r.fix.as_str(), r.summary)?;
    }
    out.flush()?;
    Ok(0)
}

fn explain(id: &str) -> std::io::Result<u8> {
    let Some(r) = catalog().get(id) else {
        eprintln!("zhqa: error: no rule `{id}` (see `zhqa rules`)");
        return Ok(2);
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "{}  ({}, fix: {}, since {})\n", r.id, r.severity.as_str(), r.fix.as_str(), r.since)?;
    writeln!(out, "{}\n", r.summary)?;
    writeln!(out, "{}", r.explain.trim())?;
    writeln!(out, "\n依据：{}", r.basis.trim())?;
    let wrong: Vec<_> = r.cases.iter().filter(|c| !c.flags.is_empty()).collect();
    let right: Vec<_> = r.cases.iter().filter(|c| c.flags.is_empty()).collect();
    if !wrong.is_empty() {
        writeln!(out, "\n错误示例：")?;
        for c in wrong.iter().take(4) {
            writeln!(out, "  ✗ {}", c.text.replace('\n', "⏎"))?;
            if let Some(f) = &c.fixed {
                writeln!(out, "  ✓ {}", f.replace('\n', "⏎"))?;
            }
        }
    }
    if !right.is_empty() {
        writeln!(out, "\n正确用法（不报）：")?;
        for c in right.iter().take(4) {
            writeln!(out, "  ✓ {}", c.text.replace('\n', "⏎"))?;
        }
    }
    out.flush()?;
    Ok(0)
}
