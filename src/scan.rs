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
    /// Number of characters (Unicode scalar values) in the run.
    pub chars: usize,
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
        self.kind == Kind::Punct(c)
    }
    pub fn is_han(&self) -> bool {
        self.kind == Kind::Han
    }
}

/// Classify one character.
pub fn classify(c: char) -> Kind {
    match c {
        'a'..='z' | 'A'..='Z' => Kind::Latin,
        '0'..='9' => Kind::Digit,
        ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' => Kind::Space,
        '\n' | '\r' => Kind::Newline,
        crate::format::MASK => Kind::Masked,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{3007}' => Kind::Han,
        '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => Kind::FullwidthAlnum,
        '\u{fffd}'
        | '\u{ad}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2060}'..='\u{2064}'
        | '\u{feff}'
        | '\u{202a}'..='\u{202e}' => Kind::Invisible,
        c if c.is_control() => Kind::Invisible,
        c if c.is_ascii() => Kind::Punct(c),
        // Fast paths for the marks of Chinese text, without a script lookup: general
        // punctuation (— … “ ”), CJK symbols and punctuation (、。《》), full-width forms.
        '\u{2010}'..='\u{205f}'
        | '\u{3001}'..='\u{3006}'
        | '\u{3008}'..='\u{303f}'
        | '\u{ff01}'..='\u{ffef}' => Kind::Punct(c),
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

/// Scan the text once into runs.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(text.len() / 8 + 16);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let end = i + c.len_utf8();
        if c == '\r' && bytes.get(end) == Some(&b'\n') {
            out.push(Run { kind: Kind::Newline, start: i, end: end + 1, chars: 2 });
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
            last.chars += 1;
        } else {
            out.push(Run { kind, start: i, end, chars: 1 });
        }
        // The rest of a run of Han characters (most of a Chinese text), ASCII letters or
        // digits is taken without decoding and classifying each character.
        let last = out.last_mut().expect("the run just extended");
        let (more, n) = match last.kind {
            Kind::Han => han_bytes(&bytes[end..]),
            Kind::Latin => ascii_bytes(&bytes[end..], u8::is_ascii_alphabetic),
            Kind::Digit => ascii_bytes(&bytes[end..], u8::is_ascii_digit),
            _ => (0, 0),
        };
        last.end += more;
        last.chars += n;
        i = end + more;
    }
    out
}

/// The bytes and the number of the characters of the common CJK ideograph blocks
/// (U+4E00–9FFF, U+3400–4DBF: `classify` says Han for them) at the start of `b`, which
/// is valid UTF-8 from a character boundary on.
fn han_bytes(b: &[u8]) -> (usize, usize) {
    let (mut j, mut n) = (0, 0);
    while let [b0 @ 0xE3..=0xE9, b1, b2, ..] = b[j..] {
        let c = (u32::from(b0) & 0x0F) << 12 | (u32::from(b1) & 0x3F) << 6 | (u32::from(b2) & 0x3F);
        if !((0x4E00..=0x9FFF).contains(&c) || (0x3400..=0x4DBF).contains(&c)) {
            break;
        }
        j += 3;
        n += 1;
    }
    (j, n)
}

/// The ASCII bytes at the start of `b` that `keep`s.
fn ascii_bytes(b: &[u8], keep: fn(&u8) -> bool) -> (usize, usize) {
    let n = b.iter().take_while(|x| keep(x)).count();
    (n, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        runs(text).iter().map(|r| (r.kind, &text[r.start..r.end])).collect()
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
            let chars: Vec<usize> = runs(text).iter().map(|r| r.chars).collect();
            let counted: Vec<usize> = want.iter().map(|(_, s)| s.chars().count()).collect();
            assert_eq!(chars, counted, "{text}");
        }
    }

    #[test]
    fn combining_marks_stay_in_their_word() {
        assert_eq!(kinds("Kovac\u{30c}ic"), vec![(Kind::Latin, "Kovac\u{30c}ic")]);
    }
}
