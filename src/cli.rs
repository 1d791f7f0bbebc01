//! The command line (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use zhqa::input::EncodingChoice;
use zhqa::output::Format;
use zhqa::rules::HanLatin;
use zhqa::Severity;

#[derive(Parser, Debug)]
#[command(
    name = "zhqa",
    version,
    about = "A linter for Chinese editorial copy: untranslated words, dash-marked speech, quotes, punctuation"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check files and directories (directories are walked for .txt, .md and .html files,
    /// honouring .gitignore); `-` reads stdin.
    Check(CheckArgs),
    /// List every rule: id, default severity, fix, summary.
    Rules,
    /// Explain a rule: what it checks, why, wrong and right examples, the fix.
    Explain {
        /// A rule id, e.g. quote/dash-speech.
        rule: String,
    },
    /// Write a commented starter zhqa.toml in the current directory.
    Init,
    /// Run the language server over stdio (for editors: diagnostics as you type, fixes as
    /// code actions).
    Lsp,
    /// Serve the page for copy editors (paste, see the findings in place, fix, copy back)
    /// and its JSON API, on loopback.
    Serve {
        /// The address to listen on (port 0: any free port; the address is printed).
        #[arg(long, default_value = "127.0.0.1:4780")]
        addr: std::net::SocketAddr,
        /// The newsroom's zhqa.toml: its rules, severities, allowed words and house rules
        /// apply to every check.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or directories to check; none: the current directory; `-`: stdin.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Colour in human output (NO_COLOR is honoured by `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Only these rules: ids or categories, comma-separated (e.g. foreign,quote/nesting).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Skip these rules: ids or categories, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Exit with status 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// House style for spaces between Han and Latin letters or digits (space/han-latin;
    /// default: the configuration's, else consistent).
    #[arg(long, value_enum, value_name = "STYLE")]
    pub han_latin_spacing: Option<HanLatin>,
    /// Use this configuration file instead of the nearest zhqa.toml above each file.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Apply every safe fix in place (atomically), then report what is left.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff: also apply the unsafe fixes (dash-marked speech, a single —
    /// widened, traditional → simplified...), which an editor should review.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change; write nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// The encoding of the files: auto (UTF-8, UTF-16 with BOM, else GB18030 text), utf8,
    /// gb18030 (also GBK, GB2312). --fix writes a file back in its encoding.
    #[arg(long, value_enum, default_value_t = EncodingChoice::Auto)]
    pub encoding: EncodingChoice,
    /// Worker threads for checking files (default: the number of cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// The name to report for text read from stdin.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}
