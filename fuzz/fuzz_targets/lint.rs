//! Arbitrary bytes through every way zhqa reads a file (automatic detection, UTF-8,
//! GB18030) and every input format (plain text, Markdown, HTML): no panic, no hang, and
//! every span — of a finding, its labels and its fix's edits — inside the text and on
//! character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhqa::input::{decode_as, EncodingChoice};
use zhqa::{check_as, Format, Selection};

fn in_text(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

fuzz_target!(|data: &[u8]| {
    let all = Selection::default();
    for choice in [EncodingChoice::Auto, EncodingChoice::Utf8, EncodingChoice::Gb18030] {
        let Ok((text, _)) = decode_as(data.to_vec(), choice) else { continue };
        for format in [Format::Plain, Format::Markdown, Format::Html] {
            for d in check_as(&text, format, &all) {
                assert!(in_text(&text, d.start, d.end), "{} span {}..{}", d.rule, d.start, d.end);
                for l in &d.labels {
                    assert!(in_text(&text, l.start, l.end), "{} label {}..{}", d.rule, l.start, l.end);
                }
                for e in d.fix.iter().flat_map(|f| &f.edits) {
                    assert!(in_text(&text, e.start, e.end), "{} edit {}..{}", d.rule, e.start, e.end);
                }
            }
        }
    }
});
