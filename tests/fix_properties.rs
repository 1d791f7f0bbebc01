//! Properties of fixing, on generated text mixing Han, Latin, Cyrillic, punctuation and
//! whitespace: fixing is idempotent (a second pass changes nothing), every edit keeps the
//! text outside it byte for byte, and the result is valid text with the same line count.

use proptest::prelude::*;
use zhqa::{check_as, fix, Format, Selection};

/// Pieces the generated text is made of: the characters the rules care about.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "中",
        "国",
        "的",
        "了",
        "说",
        "托卡耶夫",
        "總統",
        "杰夫",
        " ",
        "\u{3000}",
        "\n",
        "\r\n",
        "a",
        "word",
        "Tokayev",
        "заявил",
        "ә",
        "3",
        "2025",
        "，",
        "。",
        "、",
        "；",
        "：",
        "？",
        "！",
        ",",
        ".",
        ";",
        ":",
        "?",
        "!",
        "(",
        ")",
        "（",
        "）",
        "《",
        "》",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        "「",
        "」",
        "—",
        "——",
        "-",
        " - ",
        "--",
        "…",
        "...",
        "。。。",
        "·",
        "•",
        "\u{200b}",
        "ＡＰＥＣ",
        "１２",
        "<!-- zhqa-disable -->",
        "`x`",
        "# ",
        "- ",
        "<p>",
        "&nbsp;",
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

/// Found by the `fix` fuzz target: a run of straight quotes was paired one pair per pass,
/// so 38 of them outlasted the pass limit and a second `--fix` changed the text again.
#[test]
fn a_run_of_straight_quotes_is_fixed_in_one_go() {
    let all = Selection::default();
    let text = format!("# {}标题\n`code`", "\"".repeat(38));
    for format in [Format::Plain, Format::Markdown, Format::Html] {
        let (fixed, _) = fix::fix_text(&text, format, &all, true);
        let (again, n) = fix::fix_text(&fixed, format, &all, true);
        assert_eq!(n, 0, "{fixed:?} → {again:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn fixing_is_idempotent_and_keeps_the_text_around_edits(t in text(), unsafe_too in any::<bool>()) {
        let all = Selection::default();
        for format in [Format::Plain, Format::Markdown, Format::Html] {
            // One pass: every edit applied, the text between edits unchanged.
            let found = check_as(&t, format, &all);
            let (once, _) = fix::apply(&t, &found, unsafe_too);
            let mut edits: Vec<_> = found.iter().filter_map(|d| d.fix.as_ref()).flat_map(|f| &f.edits).collect();
            edits.sort_by_key(|e| e.start);
            if let (Some(first), Some(last)) = (edits.first(), edits.iter().map(|e| e.end).max()) {
                prop_assert!(once.starts_with(&t[..first.start]));
                prop_assert!(once.ends_with(&t[last..]));
            }
            // To the end: a fixed text has nothing left to fix, and keeps its lines.
            let (fixed, _) = fix::fix_text(&t, format, &all, unsafe_too);
            let (again, n) = fix::fix_text(&fixed, format, &all, unsafe_too);
            prop_assert_eq!(n, 0, "{:?} → {:?} → {:?}", t, fixed, again);
            prop_assert_eq!(fixed.matches('\n').count(), t.matches('\n').count());
        }
    }
}
