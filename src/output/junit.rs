//! `--format junit`: a JUnit XML report for CI systems that show test results (GitLab,
//! Jenkins, Azure Pipelines). One `testsuite` per checked file; each finding is a failed
//! `testcase` named after its rule and position, and a clean file is one passing case, so
//! the file list shows up in the report either way.

use std::io::{self, Write};

use super::FileReport;

/// Escape text for an XML attribute or element. Characters XML 1.0 cannot carry (C0
/// controls other than tab, LF and CR) become U+FFFD instead of breaking the document.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let failures: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
    let tests: usize = reports.iter().map(|r| r.diagnostics.len().max(1)).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="zhqa" tests="{tests}" failures="{failures}" errors="0">"#)?;
    for r in reports {
        let path = xml(&r.source.path);
        let n = r.diagnostics.len();
        writeln!(out, r#"  <testsuite name="{path}" tests="{}" failures="{n}" errors="0">"#, n.max(1))?;
        if n == 0 {
            writeln!(out, r#"    <testcase name="zhqa" classname="{path}" file="{path}"/>"#)?;
        }
        for l in r.located() {
            let (rule, message, severity) = (l.d.rule, xml(&l.d.message), l.d.severity.as_str());
            writeln!(
                out,
                r#"    <testcase name="{rule} at {line}:{col}" classname="{path}" file="{path}" line="{line}">"#,
                line = l.line,
                col = l.column,
            )?;
            writeln!(
                out,
                r#"      <failure message="{message}" type="{rule}">{path}:{}:{}: {severity}[{rule}] {message}</failure>"#,
                l.line, l.column,
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_unencodable_controls() {
        assert_eq!(xml(r#"a<b>&"c"'d'"#), "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
        assert_eq!(xml("甲\u{1}乙\t丙"), "甲\u{FFFD}乙\t丙");
    }
}
