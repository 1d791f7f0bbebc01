//! A publication's configuration: `zhqa.toml` (or `.zhqa.toml`), found by walking up from
//! each checked file or given with `--config`. It selects rules, overrides severities,
//! sets the house style and lists the foreign words and names the publication allows.
//! Unknown keys and bad values are errors that point at their line.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::rules::{HanLatin, Selection};

/// The file names looked for, in order, in each directory.
pub const FILE_NAMES: &[&str] = &["zhqa.toml", ".zhqa.toml"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub rules: RulesConfig,
    #[serde(default)]
    pub style: StyleConfig,
    #[serde(default)]
    pub foreign: ForeignConfig,
    #[serde(default)]
    pub files: FilesConfig,
    /// Settings for some paths only, applied in order over the rest.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// The directory the file is in: globs are relative to it.
    #[serde(skip)]
    pub root: PathBuf,
    /// `root` made absolute, worked out once, on first need.
    #[serde(skip)]
    canonical_root: std::sync::OnceLock<Option<PathBuf>>,
    /// The rules of `[rules] extra`, loaded.
    #[serde(skip)]
    pub house: Option<std::sync::Arc<crate::rules::term::HouseRules>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilesConfig {
    /// Only files matching these globs are checked when a directory is walked.
    #[serde(default)]
    pub include: Vec<String>,
    /// Files matching these globs are never checked.
    #[serde(default)]
    pub exclude: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Globs, relative to the configuration file's directory.
    pub paths: Vec<String>,
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub severity: std::collections::BTreeMap<String, Severity>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesConfig {
    /// Only these rules (ids or categories); empty: all.
    #[serde(default)]
    pub select: Vec<String>,
    /// Not these rules (ids or categories).
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity by rule id or category: `"punct/ellipsis" = "error"`, `space = "info"`.
    #[serde(default)]
    pub severity: std::collections::BTreeMap<String, Severity>,
    /// Files or directories of the publication's own term rules (ids `house/...`), in the
    /// format of rules/term.toml; relative to this file.
    #[serde(default)]
    pub extra: Vec<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct StyleConfig {
    #[serde(default)]
    pub han_latin_spacing: Option<HanLatinStyle>,
}

/// The house style values as they are written in the file.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HanLatinStyle {
    Never,
    Always,
    Consistent,
}

impl From<HanLatinStyle> for HanLatin {
    fn from(s: HanLatinStyle) -> Self {
        match s {
            HanLatinStyle::Never => HanLatin::Never,
            HanLatinStyle::Always => HanLatin::Always,
            HanLatinStyle::Consistent => HanLatin::Consistent,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForeignConfig {
    /// Foreign words and names the publication keeps as they are (brands, bylines,
    /// programme names); compared without regard to letter case.
    #[serde(default)]
    pub allow: Vec<String>,
}

/// A configuration file that could not be used: where and why.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub text: String,
    /// Byte span of the offending part, when known.
    pub span: Option<std::ops::Range<usize>>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.span {
            Some(span) => {
                let line = self.text[..span.start].matches('\n').count() + 1;
                let col = self.text[..span.start].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                write!(f, "{}:{line}:{col}: {}", self.path.display(), self.message)
            }
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl Config {
    /// Read and validate a configuration file: its keys, and that every rule selector
    /// names a rule or a category.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            text: String::new(),
            span: None,
            message: e.to_string(),
        })?;
        let error = |span, message: String| ConfigError {
            path: path.to_path_buf(),
            text: text.clone(),
            span,
            message,
        };
        let mut config: Config =
            toml::from_str(&text).map_err(|e| error(e.span(), e.message().to_string()))?;
        config.root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let globs = config
            .files
            .include
            .iter()
            .chain(&config.files.exclude)
            .chain(config.overrides.iter().flat_map(|o| &o.paths));
        for g in globs {
            if let Err(e) = globset::Glob::new(g) {
                let span = text.find(&format!("\"{g}\"")).map(|i| i..i + g.len() + 2);
                return Err(error(span, format!("`{g}` is not a valid glob: {}", e.kind())));
            }
        }
        config.house = load_house(&config, path)?;
        let c = crate::rules::catalog::catalog();
        let over =
            config.overrides.iter().flat_map(|o| o.select.iter().chain(&o.ignore).chain(o.severity.keys()));
        let selectors = config
            .rules
            .select
            .iter()
            .chain(&config.rules.ignore)
            .chain(config.rules.severity.keys())
            .chain(over);
        for s in selectors {
            let house = config
                .house
                .as_ref()
                .is_some_and(|h| h.ids().any(|id| id == s || id.starts_with(&format!("{s}/"))));
            if c.matching(s).next().is_none() && !house {
                let span = text
                    .find(&format!("\"{s}\""))
                    .or_else(|| text.find(s.as_str()))
                    .map(|i| i..i + s.len() + 2);
                return Err(error(span, format!("`{s}` is not a rule or a category (see `zhqa rules`)")));
            }
        }
        Ok(config)
    }

    /// The nearest configuration file for `file`: in its directory or one above it.
    pub fn find(file: &Path) -> Option<PathBuf> {
        let start = if file.is_dir() { file } else { file.parent()? };
        let start = start.canonicalize().ok()?;
        start.ancestors().find_map(|dir| FILE_NAMES.iter().map(|n| dir.join(n)).find(|p| p.is_file()))
    }

    /// The selection for checking `file`: this configuration with its overrides for the
    /// file's path, and the command line's selectors on top (`--select` replaces, `--ignore`
    /// adds). `None` when the configuration excludes the file.
    pub fn selection_for(
        &self,
        file: &Path,
        walked: bool,
        cli_select: &[String],
        cli_ignore: &[String],
        cli_style: Option<HanLatin>,
    ) -> Option<Selection> {
        // The path relative to the configuration, for its globs; a configuration without
        // globs (most, and the default) costs no system call per file.
        let has_globs = !self.files.exclude.is_empty()
            || (walked && !self.files.include.is_empty())
            || !self.overrides.is_empty();
        let rel = has_globs
            .then(|| {
                let root = self.canonical_root.get_or_init(|| self.root.canonicalize().ok()).as_ref()?;
                file.canonicalize().ok()?.strip_prefix(root).ok().map(Path::to_path_buf)
            })
            .flatten();
        let matches = |globs: &[String]| {
            let Some(rel) = rel.as_deref() else { return false };
            let mut b = globset::GlobSetBuilder::new();
            for g in globs {
                b.add(globset::Glob::new(g).expect("validated when loaded"));
            }
            b.build().is_ok_and(|set| set.is_match(rel))
        };
        if matches(&self.files.exclude)
            || (walked && !self.files.include.is_empty() && !matches(&self.files.include))
        {
            return None;
        }
        let mut select = self.rules.select.clone();
        let mut ignore = self.rules.ignore.clone();
        let mut severity: Vec<(String, Severity)> =
            self.rules.severity.iter().map(|(k, v)| (k.clone(), *v)).collect();
        for o in self.overrides.iter().filter(|o| matches(&o.paths)) {
            if !o.select.is_empty() {
                select = o.select.clone();
            }
            ignore.extend(o.ignore.iter().cloned());
            severity.extend(o.severity.iter().map(|(k, v)| (k.clone(), *v)));
        }
        if !cli_select.is_empty() {
            select = cli_select.to_vec();
        }
        ignore.extend(cli_ignore.iter().cloned());
        let allow: HashSet<String> = self.foreign.allow.iter().map(|w| w.to_lowercase()).collect();
        let han_latin = cli_style.or(self.style.han_latin_spacing.map(Into::into)).unwrap_or_default();
        Some(Selection { select, ignore, han_latin, severity, allow, house: self.house.clone() })
    }

    /// The selection with no file in view (no overrides apply).
    pub fn selection(
        &self,
        cli_select: &[String],
        cli_ignore: &[String],
        cli_style: Option<HanLatin>,
    ) -> Selection {
        self.selection_for(Path::new(""), false, cli_select, cli_ignore, cli_style).unwrap_or_default()
    }
}

/// Load the publication's own term rules named in `[rules] extra`: every `.toml` file of
/// a directory, or a file. Errors point at the rule file.
fn load_house(
    config: &Config,
    config_path: &Path,
) -> Result<Option<std::sync::Arc<crate::rules::term::HouseRules>>, ConfigError> {
    if config.rules.extra.is_empty() {
        return Ok(None);
    }
    let fail = |path: &Path, text: &str, span, message: String| ConfigError {
        path: path.to_path_buf(),
        text: text.to_string(),
        span,
        message,
    };
    let mut files = Vec::new();
    for p in &config.rules.extra {
        let p = config.root.join(p);
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(&p)
                .map_err(|e| fail(config_path, "", None, format!("{}: {e}", p.display())))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "toml"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(p);
        }
    }
    let mut rules = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| fail(&f, "", None, e.to_string()))?;
        let file: crate::rules::catalog::RuleFile =
            toml::from_str(&text).map_err(|e| fail(&f, &text, e.span(), e.message().to_string()))?;
        for r in file.rule.into_iter().map(crate::rules::catalog::RuleMeta::expanded) {
            let span = text.find(&format!("\"{}\"", r.id)).map(|i| i..i + r.id.len() + 2);
            let name = r.id.strip_prefix("house/").unwrap_or("");
            if name.is_empty()
                || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(fail(
                    &f,
                    &text,
                    span,
                    format!("rule id `{}` should be `house/` and a kebab-case name", r.id),
                ));
            }
            if r.terms.is_empty() {
                return Err(fail(&f, &text, span, format!("rule `{}` has no [[rule.term]] entries", r.id)));
            }
            for t in r.terms.iter().filter(|t| t.regex) {
                if let Err(message) = crate::rules::term::compile_pattern(&t.wrong) {
                    let at = text.find(t.wrong.as_str()).map(|i| i..i + t.wrong.len());
                    return Err(fail(&f, &text, at.or(span), format!("rule `{}`: {message}", r.id)));
                }
            }
            rules.push(r);
        }
    }
    crate::rules::term::HouseRules::new(rules)
        .map(|h| Some(std::sync::Arc::new(h)))
        .map_err(|e| fail(config_path, "", None, e))
}

/// A commented starter configuration for `zhqa init`.
pub const STARTER: &str = r#"# zhqa configuration (see zhqa's README, "Configuration").
# zhqa looks for zhqa.toml or .zhqa.toml in the checked file's directory and above.

[rules]
# Only these rules or categories (empty: all). `zhqa rules` lists them.
select = []
# Not these rules or categories.
ignore = []
# Files or directories of this publication's own term rules (ids house/...), in the
# format of zhqa's rules/term.toml.
extra = []

# Severity by rule id or category: "error", "warning" or "info".
[rules.severity]
# "quote/corner-brackets" = "error"
# "space" = "info"

[style]
# Spaces between Han and Latin letters or digits: "never", "always" or "consistent".
han-latin-spacing = "consistent"

[foreign]
# Foreign words and names this publication keeps as they are (any letter case).
allow = []

[files]
# Globs relative to this file. Only matching files are checked when a directory is walked
# (empty: every .txt, .md and .html file); excluded files are never checked.
include = []
exclude = []

# Settings for some paths only, applied in order:
# [[overrides]]
# paths = ["archive/**"]
# ignore = ["char/traditional"]
# severity = { "punct" = "info" }
"#;
