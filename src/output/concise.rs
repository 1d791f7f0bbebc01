//! `--format concise`: one line per finding, `path:line:col: severity[rule] message`.

use std::io::{self, Write};

use super::FileReport;

pub fn render(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for r in reports {
        for l in r.located() {
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                r.source.path,
                l.line,
                l.column,
                l.d.severity.as_str(),
                l.d.rule,
                l.d.message
            )?;
        }
    }
    Ok(())
}
