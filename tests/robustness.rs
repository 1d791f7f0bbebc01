//! Generated text mixing every kind of character the rules look at: no panic, every span
//! on character boundaries inside the text, and applying all fixes gives valid text
//! whose parts outside the edits are unchanged.

use zhqa::{check_as, check_text, fix, Format, Selection};

/// Characters that exercise the checks: Han (including transliteration and traditional
/// ones), Latin, Cyrillic, Greek, digits, full-width letters, every mark the rules know,
/// spaces of each kind, line breaks, invisible characters.
const ALPHABET: &[&str] = &[
    "中", "国", "的", "了", "托", "卡", "耶", "夫", "斯", "總", "說", "a", "Z", "e", "n", "d", "я", "ә", "а",
    "α", "0", "7", "Ａ", "２", ",", ".", ";", ":", "?", "!", "(", ")", "\"", "'", "-", "–", "—", "―", "─",
    "－", "…", "。", "，", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "「", "」", "«", "»", "„", "（",
    "）", "《", "》", "〈", "〉", "【", "】", "·", "•", "・", "．", " ", "\u{3000}", "\u{a0}", "\n", "\r\n",
    "\u{200b}", "\u{fffd}", "\u{feff}", "@", "/", "&", "x.com", "http://",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn generated_text_never_breaks_the_checks_or_the_fixes() {
    let mut rng = Lcg(0x5eed);
    let all = Selection::default();
    for round in 0..3000 {
        let len = rng.next() % 60;
        let text: String = (0..len).map(|_| ALPHABET[rng.next() % ALPHABET.len()]).collect();
        let found = check_text(&text, &all);
        for d in &found {
            assert!(d.start <= d.end && d.end <= text.len(), "round {round}: {d:?} in {text:?}");
            assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end), "{d:?} in {text:?}");
            for e in d.fix.iter().flat_map(|f| &f.edits) {
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end), "{e:?} in {text:?}");
            }
        }
        let (fixed, _) = fix::apply(&text, &found, true);
        // The text before the first edit and after the last one is unchanged.
        let edits: Vec<_> = found.iter().filter_map(|d| d.fix.as_ref()).flat_map(|f| &f.edits).collect();
        if let (Some(first), Some(last)) =
            (edits.iter().map(|e| e.start).min(), edits.iter().map(|e| e.end).max())
        {
            assert!(fixed.starts_with(&text[..first]), "{text:?} → {fixed:?}");
            assert!(fixed.ends_with(&text[last..]), "{text:?} → {fixed:?}");
        } else {
            assert_eq!(fixed, text);
        }
        check_text(&fixed, &all);
        // Markdown and HTML: the prose is masked in place, spans stay on boundaries.
        for format in [Format::Markdown, Format::Html] {
            for d in check_as(&text, format, &all) {
                assert!(d.end <= text.len(), "{format:?} {d:?} in {text:?}");
                assert!(
                    text.is_char_boundary(d.start) && text.is_char_boundary(d.end),
                    "{format:?} {d:?} in {text:?}"
                );
            }
        }
    }
}

mod bytes {
    //! The fuzz target `lint` (fuzz/) as a short property test that CI runs: arbitrary
    //! bytes, biased towards UTF-8 Chinese text, through every way of reading and every
    //! input format; no panic and every span inside the text on character boundaries.
    use proptest::prelude::*;
    use zhqa::input::{decode_as, EncodingChoice};
    use zhqa::{check_as, Format, Selection};

    fn ok(text: &str, s: usize, e: usize) -> bool {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    }

    fn input() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..300),
            // Valid text from the characters the rules care about, then a few bytes broken.
            (
                prop::collection::vec(prop::sample::select(super::ALPHABET.to_vec()), 0..120),
                prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..3)
            )
                .prop_map(|(parts, breaks)| {
                    let mut b = parts.concat().into_bytes();
                    for (i, v) in breaks {
                        if !b.is_empty() {
                            let at = i.index(b.len());
                            b[at] = v;
                        }
                    }
                    b
                }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, .. ProptestConfig::default() })]

        #[test]
        fn arbitrary_bytes_in_every_encoding_and_format(data in input()) {
            let all = Selection::default();
            for choice in [EncodingChoice::Auto, EncodingChoice::Utf8, EncodingChoice::Gb18030] {
                let Ok((text, _)) = decode_as(data.clone(), choice) else { continue };
                for format in [Format::Plain, Format::Markdown, Format::Html] {
                    for d in check_as(&text, format, &all) {
                        prop_assert!(ok(&text, d.start, d.end), "{} {}..{}", d.rule, d.start, d.end);
                        for l in &d.labels {
                            prop_assert!(ok(&text, l.start, l.end));
                        }
                        for e in d.fix.iter().flat_map(|f| &f.edits) {
                            prop_assert!(ok(&text, e.start, e.end));
                        }
                    }
                }
            }
        }
    }
}

/// Found by the `fix` fuzz target: `<!-->` (an HTML comment closed at once) made the
/// suppression-comment parser slice backwards and panic.
#[test]
fn comments_closed_at_once_are_empty_comments() {
    let text = "# 标题\n\n<!-->“引语”<!--->\n\n<!-- zhqa-disable -->\n因此，‘中亚+’合作。\n";
    for format in [Format::Markdown, Format::Html] {
        let found = check_as(text, format, &Selection::default());
        assert!(found.iter().all(|d| d.rule != "quote/nesting"), "{format:?}: {found:?}");
    }
}
