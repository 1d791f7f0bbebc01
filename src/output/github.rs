//! `--format github`: GitHub Actions workflow commands, one annotation per finding:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=zhqa punct/halfwidth::message`.
//! Values are escaped as the Actions toolkit does (`%`, CR and LF everywhere; `:` and `,`
//! in properties too); columns are in Unicode scalar values.

use std::io::{self, Write};

use super::FileReport;
use crate::diagnostic::Severity;

/// Escape a message (the data after `::`).
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for r in reports {
        for l in r.located() {
            let level = match l.d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&r.source.path),
                l.line,
                l.column,
                l.end_line,
                l.end_column,
                property(&format!("zhqa {}", l.d.rule)),
                data(&l.d.message),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_toolkit() {
        assert_eq!(data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
