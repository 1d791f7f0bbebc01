//! Micro-benchmarks of the library's hot path (divan): `cargo bench`.
//!
//! The whole-program comparison with AutoCorrect (throughput on real news, start-up, peak
//! memory) is `scripts/bench`; these measure the pieces in process, without start-up or
//! output, on the bundled sample documents in `seeds/`.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use zhqa::{check_as, fix, Format, Selection};

fn main() {
    divan::main();
}

/// The sample documents of `seeds/`, one after another.
fn seeds() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/ is in the repository")
        .map(|e| e.expect("a readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read_to_string(p).expect("UTF-8 seeds")).collect()
}

/// About `kib` KiB of seed text.
fn text_of(kib: usize) -> String {
    let seeds = seeds();
    seeds.repeat((kib * 1024).div_ceil(seeds.len()))
}

/// Checking copy of growing size: the cost per byte should stay flat.
#[divan::bench(args = [16, 256, 4096])]
fn check(bencher: Bencher, kib: usize) {
    let text = text_of(kib);
    let selection = Selection::default();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| check_as(black_box(&text), Format::Plain, &selection));
}

/// One article, as a pre-commit hook or the editors' page checks it.
#[divan::bench]
fn check_one_article(bencher: Bencher) {
    let text = seeds();
    let selection = Selection::default();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| check_as(black_box(&text), Format::Plain, &selection));
}

/// Markdown: the prose found by pulldown-cmark, then the same checks.
#[divan::bench]
fn check_markdown(bencher: Bencher) {
    let text = text_of(256).replace("\n", "\n\n");
    let selection = Selection::default();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| check_as(black_box(&text), Format::Markdown, &selection));
}

/// Every safe and unsafe fix applied, pass after pass.
#[divan::bench]
fn fix_all(bencher: Bencher) {
    let text = text_of(256);
    let selection = Selection::default();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| fix::fix_text(black_box(&text), Format::Plain, &selection, true));
}
