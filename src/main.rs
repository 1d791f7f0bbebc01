//! The `zhqa` binary: parse the command line, run, and map the outcome to the exit
//! status — 0 nothing at or above `--fail-on`, 1 findings, 2 usage or input errors.

mod cli;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use cli::{CheckArgs, Cli, ColorChoice, Command};
use zhqa::input::{self, InputError};
use zhqa::output::{self, FileReport};
use zhqa::rules::catalog::catalog;
use zhqa::Selection;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules => rules(),
        Command::Explain { rule } => explain(&rule),
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
    let selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        han_latin: args.han_latin_spacing,
    };
    let unknown = selection.unknown();
    if !unknown.is_empty() {
        eprintln!("zhqa: error: unknown rule or category: {} (see `zhqa rules`)", unknown.join(", "));
        return Ok(2);
    }
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() };
    let (files, mut errors) = input::collect(&paths);
    let mut reports = Vec::new();
    for path in &files {
        let display = if path.as_os_str() == "-" {
            args.stdin_filename.clone().unwrap_or_else(|| "-".into())
        } else {
            path.display().to_string()
        };
        match input::load(path, &display) {
            Ok(source) => {
                let diagnostics = zhqa::check_text(&source.text, &selection);
                reports.push(FileReport { source, diagnostics });
            }
            Err(e) => errors.push((display, e)),
        }
    }
    reports.sort_by(|a, b| a.source.path.cmp(&b.source.path));
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    output::render(args.format, &reports, reports.len(), color, &mut out)?;
    out.flush()?;
    for (path, e) in &errors {
        report_input_error(path, e);
    }
    let fail = args.fail_on.severity();
    let failed = reports.iter().flat_map(|r| &r.diagnostics).any(|d| d.severity >= fail);
    Ok(if !errors.is_empty() {
        2
    } else if failed {
        1
    } else {
        0
    })
}

fn report_input_error(path: &str, e: &InputError) {
    eprintln!("zhqa: error: {path}: {e}");
}

fn rules() -> std::io::Result<u8> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for r in &catalog().rules {
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
