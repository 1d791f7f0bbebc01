//! The one pass over the characters: the text becomes a stream of classified runs.
//!
//! Every rule reads these runs (and the chunks and paragraphs built from them in
//! `document`) instead of scanning the text again. A run is a maximal stretch of
//! characters of one kind; punctuation runs hold one repeated mark (`……` is one run of
//! `…` with two characters, `，。` is two runs), so rules can reason about the
//! neighbours of a mark without looking at the raw text.

use unicode_script::{Script, UnicodeScript};

/// What a run is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Han ideographs (CJK unified ideographs and extensions, 〇).
    Han,
    /// Latin letters (ASCII and accented), not full-width.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Letters of any other script (Greek, Arabic, kana, Hangul...).
    OtherScript(Script),
    /// ASCII digits.
    Digit,
    /// Full-width Latin letters and digits (U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A).
    FullwidthAlnum,
    /// One punctuation mark or symbol, repeated `chars` times.
    Punct(char),
    /// Spaces and tabs, including U+3000 and no-break spaces.
    Space,
    /// One line break (`\n`, `\r\n` or `\r`).
    Newline,
    /// Characters that should not be in copy: U+FFFD, control characters, zero-width
    /// characters, soft hyphens, a BOM inside the text.
    Invisible,
    /// What is not prose (code, markup) in a format that has both: see `format::MASK`.
    Masked,
}

impl Kind {
    /// Letters of a script that is written in words (Latin, Cyrillic, others).
    pub fn is_letter(self) -> bool {
        matches!(self, Kind::Latin | Kind::Cyrillic | Kind::OtherScript(_))
    }
}

/// A maximal stretch of characters of one kind; `start..end` in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Number of characters (Unicode scalar values) in the run (32 bits, with `han`
    /// beside it: a run fills 32 bytes, and every check walks the runs).
    pub chars: u32,
    /// For a Han run, what it holds that a rule looks for (bits of `han`), so that a rule
    /// passes over the runs with nothing for it; 0 for other runs.
    pub han: u8,
}

/// What Han characters and runs hold for the rules. A character's bits come from the
/// `HanTable`; a run's bits gather its characters'. A run of ideographs outside the
/// table (extension B and beyond, compatibility ideographs) gets `ALL`: the rules look.
pub mod han {
    /// A traditional-only character (char/traditional); a run holding one.
    pub const TRADITIONAL: u8 = 1;
    /// A character typical of transliterated names; a run holding `NAME_RUN` or more
    /// in a row (name/*).
    pub const TRANSLITERATION: u8 = 2;
    /// A character char/doubled watches; a run where one follows itself.
    pub const WATCHED: u8 = 4;
    /// A character a term of term/* starts with; a run where a term may start: one holding
    /// such a character before a `TERM_SECOND` one, or a `TERM_ALONE` one.
    pub const TERM_START: u8 = 8;
    /// A character that is the second of a term.
    pub const TERM_SECOND: u8 = 16;
    /// A character a term starts with whose second character is no common ideograph
    /// (a mark, a letter, a rare ideograph) or that is a term by itself.
    pub const TERM_ALONE: u8 = 32;
    // `HanRun::add` shifts the term bits onto `TERM_START`.
    const _: () = assert!(TERM_SECOND == TERM_START << 1 && TERM_ALONE == TERM_START << 2);
    // … and looks at the last three characters for a name.
    const _: () = assert!(NAME_RUN == 3);
    pub const ALL: u8 = u8::MAX;
    /// The transliteration characters in a row that make a run `TRANSLITERATION`.
    pub const NAME_RUN: u8 = 3;
}

/// The bits of `han` for each character of the common ideograph blocks, U+3400–9FFF,
/// built from the rule data once (`Catalog::han_table`).
#[derive(Clone)]
pub struct HanTable(Vec<u8>);

/// The table's entry for the characters inside its range that are not Han (the Yijing
/// hexagram symbols, U+4DC0–4DFF); `mark` never gives it.
const NOT_HAN: u8 = 0x80;

impl Default for HanTable {
    fn default() -> Self {
        let mut table = vec![0; (HanTable::LAST - HanTable::FIRST + 1) as usize];
        table[(0x4DC0 - HanTable::FIRST) as usize..=(0x4DFF - HanTable::FIRST) as usize].fill(NOT_HAN);
        HanTable(table)
    }
}

impl HanTable {
    const FIRST: u32 = 0x3400;
    const LAST: u32 = 0x9FFF;

    /// Give `c` the bit `bit`; characters outside the table need none (see `han`).
    pub fn mark(&mut self, c: char, bit: u8) {
        match (c as u32).checked_sub(HanTable::FIRST).and_then(|k| self.0.get_mut(k as usize)) {
            Some(slot) if *slot != NOT_HAN => *slot |= bit,
            _ => {}
        }
    }

    /// The offsets of the characters with bit `bit` in `run`, the text of a Han run whose
    /// bits are not `han::ALL` (so that each of its characters is one of the table's).
    pub fn offsets_with<'t>(&'t self, run: &'t str, bit: u8) -> impl Iterator<Item = usize> + 't {
        let chars = run.as_bytes().chunks_exact(3).enumerate();
        chars
            .filter(move |(_, b)| self.0[(utf8_3([b[0], b[1], b[2]]) - HanTable::FIRST) as usize] & bit != 0)
            .map(|(k, _)| 3 * k)
    }

    /// The bits of `c`: `han::ALL` for a character outside the table.
    pub fn of(&self, c: char) -> u8 {
        (c as u32)
            .checked_sub(HanTable::FIRST)
            .and_then(|k| self.0.get(k as usize))
            .filter(|b| **b != NOT_HAN)
            .map_or(han::ALL, |b| *b)
    }
}

/// A Han run's bits as its characters come, one by one.
#[derive(Clone, Copy, Default)]
struct HanRun {
    bits: u32,
    prev: u32,
    /// The table's bits of the last characters, a byte each, the latest lowest.
    recent: u32,
}

impl HanRun {
    /// Add character `c` with its bits `own` from the table (this runs for every Han
    /// character of the text: no branch that the processor would mispredict).
    #[inline(always)]
    fn add(&mut self, c: u32, own: u8) {
        let h = self.recent << 8 | u32::from(own);
        self.recent = h;
        let (prev, before) = (h >> 8, h >> 16);
        // Three (`han::NAME_RUN`) transliteration characters in a row.
        let long = h & prev & before & u32::from(han::TRANSLITERATION);
        // A term may start at the previous character (`TERM_SECOND` is `TERM_START` << 1)
        // or at this one (`TERM_ALONE` is `TERM_START` << 2).
        let term = (prev & h >> 1 | h >> 2) & u32::from(han::TERM_START);
        self.bits |= h & u32::from(han::TRADITIONAL) | term | long;
        // A character rarely follows itself: a branch the processor predicts.
        if c == self.prev {
            self.bits |= h & u32::from(han::WATCHED);
        }
        self.prev = c;
    }

    /// The run's bits (`han`).
    fn bits(&self) -> u8 {
        self.bits as u8
    }

    /// Add a character met outside the fast path: one outside the table makes the rules
    /// look at the whole run.
    fn add_char(&mut self, c: char, table: &HanTable) {
        match table.of(c) {
            han::ALL => self.bits = u32::from(han::ALL),
            own => self.add(c as u32, own),
        }
    }
}

impl Run {
    pub fn is(&self, kind: Kind) -> bool {
        self.kind == kind
    }
    /// The repeated mark if this is a punctuation run.
    pub fn mark(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    pub fn is_mark(&self, c: char) -> bool {
        matches!(self.kind, Kind::Punct(m) if m == c)
    }
    pub fn is_han(&self) -> bool {
        matches!(self.kind, Kind::Han)
    }
}

/// Classify one character.
pub fn classify(c: char) -> Kind {
    match c {
        // The marks of Chinese text first: most characters classified one by one are
        // marks (letters, digits and ideographs come in stretches the scan takes whole).
        // Full-width forms, CJK symbols and punctuation (、。《》), general punctuation
        // (— … “ ”): no script lookup.
        '\u{ff01}'..='\u{ffef}' => match c {
            '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => {
                Kind::FullwidthAlnum
            }
            _ => Kind::Punct(c),
        },
        '\u{3000}'..='\u{303f}' => match c {
            '\u{3000}' => Kind::Space,
            '\u{3007}' => Kind::Han,
            _ => Kind::Punct(c),
        },
        '\u{2010}'..='\u{205f}' => match c {
            '\u{202a}'..='\u{202e}' => Kind::Invisible,
            '\u{202f}' => Kind::Space,
            _ => Kind::Punct(c),
        },
        'a'..='z' | 'A'..='Z' => Kind::Latin,
        '0'..='9' => Kind::Digit,
        ' ' | '\t' | '\u{a0}' | '\u{2002}'..='\u{200a}' => Kind::Space,
        '\n' | '\r' => Kind::Newline,
        crate::format::MASK => Kind::Masked,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => Kind::Han,
        '\u{fffd}' | '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' => {
            Kind::Invisible
        }
        c if c.is_control() => Kind::Invisible,
        c if c.is_ascii() => Kind::Punct(c),
        c => match c.script() {
            Script::Han => Kind::Han,
            Script::Latin if c.is_alphabetic() => Kind::Latin,
            Script::Cyrillic if c.is_alphabetic() => Kind::Cyrillic,
            Script::Common | Script::Inherited | Script::Unknown => Kind::Punct(c),
            s if c.is_alphabetic() => Kind::OtherScript(s),
            _ => Kind::Punct(c),
        },
    }
}

/// Whether a combining mark continues the previous run (é written as e + U+0301).
fn is_combining(c: char) -> bool {
    !c.is_ascii() && c.script() == Script::Inherited && !matches!(c, '\u{200c}' | '\u{200d}')
}

/// Scan the text once into runs; `table` gives Han runs their bits (see `han`).
pub fn runs(text: &str, table: &HanTable) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(text.len() / 8 + 16);
    let bytes = text.as_bytes();
    let mut i = 0;
    // The bits of the last run so far, if it is a Han run.
    let mut han_run = HanRun::default();
    while i < bytes.len() {
        // A stretch of common ideographs (most of a Chinese text), ASCII letters or digits
        // is taken whole, without decoding and classifying each character.
        let stretch = match bytes[i] {
            0xE3..=0xE9 => {
                let mut h = if out.last().is_some_and(Run::is_han) { han_run } else { HanRun::default() };
                let (len, n) = han_bytes(&bytes[i..], table, &mut h);
                han_run = h;
                Some((Kind::Han, len, n))
            }
            b'a'..=b'z' | b'A'..=b'Z' => {
                Some(ascii_stretch(Kind::Latin, &bytes[i..], u8::is_ascii_alphabetic))
            }
            b'0'..=b'9' => Some(ascii_stretch(Kind::Digit, &bytes[i..], u8::is_ascii_digit)),
            _ => None,
        };
        // (A lead byte of the ideographs' blocks may start another character: no stretch.)
        if let Some((kind, len @ 1.., n)) = stretch {
            let han = if kind == Kind::Han { han_run.bits() } else { 0 };
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            match out.last_mut() {
                Some(last) if last.kind == kind => {
                    last.end += len;
                    last.chars = last.chars.saturating_add(n);
                    last.han = han;
                }
                _ => out.push(Run { kind, start: i, end: i + len, chars: n, han }),
            }
            i += len;
            continue;
        }
        // Any other character, one at a time.
        let c = text[i..].chars().next().expect("a character starts at i");
        let end = i + c.len_utf8();
        if c == '\r' && bytes.get(end) == Some(&b'\n') {
            out.push(Run { kind: Kind::Newline, start: i, end: end + 1, chars: 2, han: 0 });
            i = end + 1;
            continue;
        }
        let kind = classify(c);
        let joins = out.last().is_some_and(|last| match kind {
            Kind::Newline => false,
            Kind::Punct(_) if last.kind.is_letter() && is_combining(c) => true,
            k => k == last.kind,
        });
        if joins {
            let last = out.last_mut().expect("a run to join");
            last.end = end;
            last.chars = last.chars.saturating_add(1);
        } else {
            out.push(Run { kind, start: i, end, chars: 1, han: 0 });
            han_run = HanRun::default();
        }
        if kind == Kind::Han {
            han_run.add_char(c, table);
            out.last_mut().expect("the run just extended").han = han_run.bits();
        }
        i = end;
    }
    out
}

/// The bytes and the number of the characters of the common CJK ideograph blocks
/// (U+4E00–9FFF, U+3400–4DBF: `classify` says Han for them) at the start of `b`, which
/// is valid UTF-8 from a character boundary on; each is added to `run`.
fn han_bytes(b: &[u8], table: &HanTable, run: &mut HanRun) -> (usize, usize) {
    let mut han = *run;
    let mut j = 0;
    while let Some(&[b0 @ 0xE3..=0xE9, b1, b2]) = b.get(j..j + 3) {
        let c = utf8_3([b0, b1, b2]);
        // Below the table, or one of the symbols inside it (U+4DC0–4DFF): not Han.
        match table.0.get(c.wrapping_sub(HanTable::FIRST) as usize) {
            Some(&own) if own != NOT_HAN => han.add(c, own),
            _ => break,
        }
        j += 3;
    }
    *run = han;
    (j, j / 3)
}

/// The character of a three-byte UTF-8 sequence (of valid UTF-8: a lead byte 1110xxxx
/// and two continuation bytes 10xxxxxx, whose fixed bits are subtracted at once).
fn utf8_3(b: [u8; 3]) -> u32 {
    (u32::from(b[0]) << 12) + (u32::from(b[1]) << 6) + u32::from(b[2]) - (0xE0 << 12 | 0x80 << 6 | 0x80)
}

/// The stretch of ASCII bytes at the start of `b` that `keep`s, as a run of `kind`.
fn ascii_stretch(kind: Kind, b: &[u8], keep: fn(&u8) -> bool) -> (Kind, usize, usize) {
    let n = b.iter().take_while(|x| keep(x)).count();
    (kind, n, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        runs(text, &HanTable::default()).iter().map(|r| (r.kind, &text[r.start..r.end])).collect()
    }

    #[test]
    fn splits_scripts_and_marks() {
        assert_eq!(
            kinds("将为 revitalizing 这一……"),
            vec![
                (Kind::Han, "将为"),
                (Kind::Space, " "),
                (Kind::Latin, "revitalizing"),
                (Kind::Space, " "),
                (Kind::Han, "这一"),
                (Kind::Punct('…'), "……"),
            ]
        );
    }

    #[test]
    fn repeated_marks_form_one_run_and_different_marks_two() {
        let k = kinds("好，，。——");
        assert_eq!(k[1], (Kind::Punct('，'), "，，"));
        assert_eq!(k[2], (Kind::Punct('。'), "。"));
        assert_eq!(k[3], (Kind::Punct('—'), "——"));
    }

    #[test]
    fn cyrillic_fullwidth_invisible_and_breaks() {
        assert_eq!(kinds("заявил")[0].0, Kind::Cyrillic);
        assert_eq!(kinds("ＡＰＥＣ２")[0], (Kind::FullwidthAlnum, "ＡＰＥＣ２"));
        assert_eq!(kinds("a\u{200b}b")[1].0, Kind::Invisible);
        assert_eq!(kinds("a\r\nb")[1], (Kind::Newline, "\r\n"));
        assert_eq!(kinds("\n\n").len(), 2);
        assert_eq!(kinds("·")[0].0, Kind::Punct('·'));
        assert_eq!(kinds("α")[0].0, Kind::OtherScript(Script::Greek));
        // The ranges of marks classified first, and what inside them is not a mark.
        for (c, kind) in [
            ('，', Kind::Punct('，')),
            ('ｚ', Kind::FullwidthAlnum),
            ('\u{3000}', Kind::Space),
            ('〇', Kind::Han),
            ('、', Kind::Punct('、')),
            ('\u{202e}', Kind::Invisible),
            ('\u{202f}', Kind::Space),
            ('—', Kind::Punct('—')),
            ('\u{200b}', Kind::Invisible),
            ('\u{2060}', Kind::Invisible),
        ] {
            assert_eq!(classify(c), kind, "U+{:04X}", c as u32);
        }
    }

    /// The fast paths for Han, ASCII letters and digits cut runs where classifying
    /// every character does.
    #[test]
    fn runs_are_the_runs_of_classified_characters() {
        let samples = [
            "将为 revitalizing 这一〇〇七年𠀀𠀁丽麗",
            "Kovac\u{30c}ic说ABC123４５，，“”\r\n\r\n",
            "㐀䶵一龥\u{9fa6}ａ",
        ];
        for text in samples {
            let mut want: Vec<(Kind, &str)> = Vec::new();
            let mut prev_end = 0;
            for (i, c) in text.char_indices() {
                let k = classify(c);
                let crlf = c == '\n' && text[..i].ends_with('\r');
                let joins = want.last().is_some_and(|(last, _)| {
                    !crlf && k != Kind::Newline && (k == *last || (is_combining(c) && last.is_letter()))
                });
                if joins || crlf {
                    let (_, s) = want.last_mut().unwrap();
                    let start = text[..prev_end].len() - s.len();
                    *s = &text[start..i + c.len_utf8()];
                } else {
                    want.push((k, &text[i..i + c.len_utf8()]));
                }
                prev_end = i + c.len_utf8();
            }
            assert_eq!(kinds(text), want, "{text}");
            let chars: Vec<usize> =
                runs(text, &HanTable::default()).iter().map(|r| r.chars as usize).collect();
            let counted: Vec<usize> = want.iter().map(|(_, s)| s.chars().count()).collect();
            assert_eq!(chars, counted, "{text}");
        }
    }

    fn table() -> HanTable {
        let mut table = HanTable::default();
        table.mark('麗', han::TRADITIONAL);
        "斯克尔".chars().for_each(|c| table.mark(c, han::TRANSLITERATION));
        table.mark('的', han::WATCHED);
        table.mark('既', han::TERM_START);
        table.mark('使', han::TERM_SECOND);
        table.mark('另', han::TERM_START | han::TERM_ALONE);
        table
    }

    #[test]
    fn han_runs_carry_what_their_characters_hold() {
        let table = table();
        let bits = |text: &str| -> Vec<u8> {
            runs(text, &table).iter().filter(|r| r.is_han()).map(|r| r.han).collect()
        };
        assert_eq!(bits("美麗，好"), [han::TRADITIONAL, 0]);
        assert_eq!(bits("斯克尔说，斯克说，斯说克尔"), [han::TRANSLITERATION, 0, 0]);
        assert_eq!(bits("我的的书，的书的"), [han::WATCHED, 0]);
        // A term's first character before its second, or one that starts a term alone.
        assert_eq!(bits("既使，使既，既，使，既一使"), [han::TERM_START, 0, 0, 0, 0]);
        assert_eq!(bits("一另，另"), [han::TERM_START, han::TERM_START]);
        // An ideograph outside the table: the rules look at the whole run.
        assert_eq!(bits("一𠀀二，二〇二"), [han::ALL, han::ALL]);
        // The hexagram symbols inside the table's range are not Han.
        assert_eq!(kinds("一䷀二")[1], (Kind::Punct('䷀'), "䷀"));
        assert_eq!(bits("一䷀二"), [0, 0]);
    }

    /// A run's bits are those its characters give one by one, whichever path the scan
    /// takes through them.
    #[test]
    fn han_bits_match_the_characters() {
        let table = table();
        let pool: Vec<char> = "麗斯克尔的既使另一二，𠀀〇 a".chars().collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..3_000 {
            let text: String = (0..10)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    pool[(seed % pool.len() as u64) as usize]
                })
                .collect();
            for r in runs(&text, &table).iter().filter(|r| r.is_han()) {
                let cs: Vec<char> = text[r.start..r.end].chars().collect();
                let own: Vec<u8> = cs.iter().map(|&c| table.of(c)).collect();
                let mut want = own.iter().fold(0, |b, o| b | o) & han::TRADITIONAL;
                let pair =
                    own.windows(2).any(|w| w[0] & han::TERM_START != 0 && w[1] & han::TERM_SECOND != 0);
                if pair || own.iter().any(|o| o & han::TERM_ALONE != 0) {
                    want |= han::TERM_START;
                }
                if own.windows(3).any(|w| w.iter().all(|o| o & han::TRANSLITERATION != 0)) {
                    want |= han::TRANSLITERATION;
                }
                if cs.windows(2).zip(&own[1..]).any(|(w, o)| w[0] == w[1] && o & han::WATCHED != 0) {
                    want |= han::WATCHED;
                }
                if own.contains(&han::ALL) {
                    want = han::ALL;
                }
                assert_eq!(r.han, want, "{text}");
            }
        }
    }

    #[test]
    fn three_byte_sequences_decode_to_their_characters() {
        for c in ('\u{800}'..='\u{ffff}').filter(|c| c.len_utf8() == 3) {
            let mut b = [0; 4];
            c.encode_utf8(&mut b);
            assert_eq!(utf8_3([b[0], b[1], b[2]]), c as u32, "{c}");
        }
    }

    /// Every check walks the runs: they stay 32 bytes (two to a cache line).
    #[test]
    fn a_run_is_32_bytes() {
        assert_eq!(std::mem::size_of::<Run>(), 32);
    }

    #[test]
    fn combining_marks_stay_in_their_word() {
        assert_eq!(kinds("Kovac\u{30c}ic"), vec![(Kind::Latin, "Kovac\u{30c}ic")]);
    }
}
