//! What a rule reports: a diagnostic with a byte span, a message and an optional fix.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Whether a fix may be applied without an editor looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Meaning is kept; `--fix` applies it.
    Safe,
    /// Probably right, but an editor should confirm it.
    Unsafe,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub title: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(applicability: Applicability, title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix { applicability, title: title.into(), edits }
    }

    /// One edit replacing `start..end`; the title says what it becomes.
    pub fn replace(applicability: Applicability, start: usize, end: usize, with: &str) -> Self {
        let title = if with.is_empty() { "删除".to_string() } else { format!("改为“{with}”") };
        Fix::new(applicability, title, vec![Edit { start, end, replacement: with.to_string() }])
    }
}

/// A secondary span shown with the finding (the closing marker of dash-marked speech...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub labels: Vec<Label>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// The severity is filled in from the rule's metadata when the diagnostic is reported.
    pub fn new(rule: &'static str, start: usize, end: usize, message: String) -> Self {
        Diagnostic { rule, severity: Severity::Warning, start, end, message, labels: Vec::new(), fix: None }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn with_label(mut self, start: usize, end: usize, message: impl Into<String>) -> Self {
        self.labels.push(Label { start, end, message: message.into() });
        self
    }

    /// Move every span (the finding's, its labels', its edits') `by` bytes later: a
    /// finding in a segment of a text becomes a finding in the text.
    pub fn shift(&mut self, by: usize) {
        self.start += by;
        self.end += by;
        for l in &mut self.labels {
            l.start += by;
            l.end += by;
        }
        for e in self.fix.iter_mut().flat_map(|f| &mut f.edits) {
            e.start += by;
            e.end += by;
        }
    }
}
