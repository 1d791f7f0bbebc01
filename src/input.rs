//! Input: which files to check (paths given, directories walked honouring .gitignore),
//! and reading one file into text, with a clear error naming the problem.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// File name endings of the text formats a directory walk picks up.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// A file's text, decoded to UTF-8.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user should see it (`-` or `--stdin-filename` for stdin).
    pub path: String,
    pub text: String,
    /// The encoding the bytes were in.
    pub encoding: Encoding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    /// UTF-16 little-endian; `bom`: the file began with a byte-order mark (it is written
    /// back the same way).
    Utf16Le {
        bom: bool,
    },
    Utf16Be {
        bom: bool,
    },
    /// GB18030 (and so GBK and GB2312, its subsets), still common in newsroom archives.
    Gb18030,
}

/// The encoding to read files in: found out (`auto`) or given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum EncodingChoice {
    /// UTF-8 (with or without BOM), UTF-16 with a BOM, or else GB18030 when the bytes are
    /// valid GB18030 that reads as Chinese.
    #[default]
    Auto,
    Utf8,
    /// GB18030, GBK or GB2312.
    Gb18030,
}

/// Why a file could not be checked.
#[derive(Debug)]
pub enum InputError {
    Io(std::io::Error),
    /// Bytes that are not UTF-8, at this offset.
    InvalidUtf8 {
        offset: usize,
    },
    InvalidUtf16,
    /// Bytes that are not GB18030 (when it was asked for), at this offset.
    InvalidGb18030 {
        offset: usize,
    },
    /// A NUL byte: not a text file; `kind` names it when its first bytes do (a PNG image).
    Binary {
        offset: usize,
        kind: Option<&'static str>,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(e) => write!(f, "{e}"),
            InputError::InvalidUtf8 { offset } => write!(
                f,
                "not valid UTF-8 (invalid byte at offset {offset}), nor GB18030 text; not checked (--encoding chooses)"
            ),
            InputError::InvalidUtf16 => {
                write!(f, "not valid UTF-16 despite its byte-order mark; not checked")
            }
            InputError::InvalidGb18030 { offset } => {
                write!(f, "not valid GB18030 (invalid byte at offset {offset}); not checked")
            }
            InputError::Binary { offset, kind: Some(kind) } => {
                write!(f, "binary file ({kind}, NUL byte at offset {offset}); skipped")
            }
            InputError::Binary { offset, kind: None } => {
                write!(f, "binary file (NUL byte at offset {offset}); skipped")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Decode a file's bytes: UTF-8 (a BOM is dropped and not counted in offsets), UTF-16
/// with a byte-order mark, or — when the bytes are not UTF-8 — GB18030 if they are valid
/// GB18030 that reads as Chinese.
pub fn decode(bytes: Vec<u8>) -> Result<(String, Encoding), InputError> {
    decode_as(bytes, EncodingChoice::Auto)
}

/// Decode a file's bytes in the chosen encoding.
pub fn decode_as(bytes: Vec<u8>, choice: EncodingChoice) -> Result<(String, Encoding), InputError> {
    if choice == EncodingChoice::Gb18030 {
        return gb18030(&bytes)
            .ok_or_else(|| InputError::InvalidGb18030 { offset: gb18030_error_at(&bytes) })
            .map(|s| (s, Encoding::Gb18030));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(|s| (s, Encoding::Utf16Le { bom: true }));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(|s| (s, Encoding::Utf16Be { bom: true }));
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        if choice == EncodingChoice::Auto {
            if let Some(found) = utf16_without_bom(&bytes) {
                return Ok(found);
            }
        }
        return Err(InputError::Binary { offset, kind: binary_kind(&bytes) });
    }
    let (body, encoding) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest.to_vec(), Encoding::Utf8Bom),
        None => (bytes, Encoding::Utf8),
    };
    let bom = if encoding == Encoding::Utf8Bom { 3 } else { 0 };
    match utf8_string(body) {
        Ok(s) => Ok((s, encoding)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to() + bom;
            let bytes = e.into_bytes();
            match gb18030(&bytes).filter(|s| choice == EncodingChoice::Auto && reads_as_chinese(s)) {
                Some(s) if bom == 0 => Ok((s, Encoding::Gb18030)),
                _ => Err(InputError::InvalidUtf8 { offset }),
            }
        }
    }
}

/// `bytes` as a string if they are UTF-8. simdutf8 checks them many bytes at a time (the
/// standard check spends about ten instructions on each byte of Chinese text); the
/// standard check runs only on text that fails, for its error and offset.
fn utf8_string(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just found every byte of `bytes` to be valid UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes)
}

/// Where GB18030 decoding of `bytes` first fails.
fn gb18030_error_at(bytes: &[u8]) -> usize {
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    match decoder.decode_to_string_without_replacement(bytes, &mut out, true) {
        (encoding_rs::DecoderResult::Malformed(bad, _), read) => read.saturating_sub(bad as usize),
        (_, read) => read,
    }
}

fn gb18030(bytes: &[u8]) -> Option<String> {
    encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes).map(|s| s.into_owned())
}

/// Most non-ASCII characters are Han or Chinese punctuation: bytes in another legacy
/// encoding (Latin-1, Shift-JIS) would decode as GB18030 too, but read as nonsense.
fn reads_as_chinese(s: &str) -> bool {
    let (mut other, mut chinese) = (0usize, 0usize);
    for c in s.chars().filter(|c| !c.is_ascii()) {
        if ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
        {
            chinese += 1;
        } else {
            other += 1;
        }
    }
    chinese > 0 && chinese >= 4 * other
}

fn utf16(bytes: &[u8], from: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    if bytes.len() % 2 != 0 {
        return Err(InputError::InvalidUtf16);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| from([c[0], c[1]])).collect();
    String::from_utf16(&units).map_err(|_| InputError::InvalidUtf16)
}

/// Text in UTF-16 without a byte-order mark, as some Windows tools write it: every NUL
/// byte on one side of its 16-bit unit (the high byte of ASCII characters), the units
/// valid UTF-16, and the text made only of printable characters and line breaks. Any
/// binary file with a NUL fails one of these.
fn utf16_without_bom(bytes: &[u8]) -> Option<(String, Encoding)> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let nul_at = |parity: usize| bytes.iter().skip(parity).step_by(2).any(|&b| b == 0);
    let (from, encoding): (fn([u8; 2]) -> u16, _) = match (nul_at(0), nul_at(1)) {
        (false, true) => (u16::from_le_bytes, Encoding::Utf16Le { bom: false }),
        (true, false) => (u16::from_be_bytes, Encoding::Utf16Be { bom: false }),
        _ => return None,
    };
    let text = utf16(bytes, from).ok()?;
    let printable = |c: char| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\u{c}');
    text.chars().all(printable).then_some((text, encoding))
}

/// What a binary file is, from its first bytes, for the note that skips it.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or a .docx, .xlsx, .epub)"),
        (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\x7fELF", "an executable"),
    ];
    MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, kind)| *kind)
}

/// Encode text back into the encoding the file had (with its byte-order mark).
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        Encoding::Utf16Le { bom } => {
            let mark = if bom { &[0xFF, 0xFE][..] } else { &[] };
            mark.iter().copied().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect()
        }
        Encoding::Utf16Be { bom } => {
            let mark = if bom { &[0xFE, 0xFF][..] } else { &[] };
            mark.iter().copied().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect()
        }
        Encoding::Gb18030 => encoding_rs::GB18030.encode(text).0.into_owned(),
    }
}

/// Replace a file's contents atomically: write a temporary file beside it, give it the
/// original's permissions, then rename it over the original. If anything fails, the
/// original is left as it was and the temporary file is removed. A symbolic link is
/// followed: the file it points to is rewritten, the link stays a link.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    replace_file(
        path,
        bytes,
        |file, bytes| file.write_all(bytes),
        |tmp, path| tmp.persist(path).map(drop).map_err(|e| e.error),
    )
}

/// The steps of [`write_atomically`], with the write and the rename passed in, so that
/// tests can make them fail the way a full disk or a refused rename does.
fn replace_file(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
    rename: impl FnOnce(tempfile::NamedTempFile, &Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let path = &std::fs::canonicalize(path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(path)?.permissions();
    if permissions.readonly() {
        return Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the file is read-only"));
    }
    let mut tmp = tempfile::Builder::new().prefix(".zhqa-fix-").tempfile_in(dir)?;
    write(tmp.as_file_mut(), bytes)?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), permissions)?;
    rename(tmp, path)
}

/// Read one file (or stdin for `-`).
pub fn load(path: &Path, display: &str) -> Result<Source, InputError> {
    load_as(path, display, EncodingChoice::Auto)
}

/// Read one file (or stdin for `-`) in the chosen encoding.
pub fn load_as(path: &Path, display: &str, choice: EncodingChoice) -> Result<Source, InputError> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(InputError::Io)?;
        buf
    } else {
        std::fs::read(path).map_err(InputError::Io)?
    };
    let (text, encoding) = decode_as(bytes, choice)?;
    Ok(Source { path: display.to_string(), text, encoding })
}

/// Plain-text files larger than this are read and checked in pieces (see `Segments`)
/// when the output format allows it: a text a whole read would check in segments too
/// (`document::SEGMENTED_ABOVE`, and three bytes for a BOM).
pub const READ_IN_PIECES_ABOVE: u64 = crate::document::SEGMENTED_ABOVE as u64 + 3;

/// A large UTF-8 file read one segment at a time (cut where `document::segment_end` cuts
/// a long text, so the findings are the same as when the file is read whole): about two
/// segments of it are in memory at once, whatever its size.
pub struct Segments {
    file: std::fs::File,
    /// Bytes read and not yet given out; `offset` is where they begin in the text.
    buf: Vec<u8>,
    offset: usize,
    eof: bool,
    pub encoding: Encoding,
}

/// Why reading a file in pieces stopped.
#[derive(Debug)]
pub enum PieceError {
    Io(std::io::Error),
    /// The file is not plain UTF-8 (a byte-order mark of UTF-16, a NUL byte, bytes that
    /// are not UTF-8): read it whole, and `decode` says what it is.
    ReadWhole,
}

impl Segments {
    pub fn open(path: &Path) -> Result<Segments, PieceError> {
        let file = std::fs::File::open(path).map_err(PieceError::Io)?;
        let mut s = Segments { file, buf: Vec::new(), offset: 0, eof: false, encoding: Encoding::Utf8 };
        s.read(2 * crate::document::SEGMENT).map_err(PieceError::Io)?;
        // A byte-order mark of UTF-16.
        if s.buf.starts_with(&[0xFF, 0xFE]) || s.buf.starts_with(&[0xFE, 0xFF]) {
            return Err(PieceError::ReadWhole);
        }
        if let Some(rest) = s.buf.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            s.buf = rest.to_vec();
            s.encoding = Encoding::Utf8Bom;
        }
        Ok(s)
    }

    /// Read up to `n` more bytes.
    fn read(&mut self, n: usize) -> std::io::Result<()> {
        let before = self.buf.len();
        (&mut self.file).take(n as u64).read_to_end(&mut self.buf)?;
        self.eof |= self.buf.len() - before < n;
        Ok(())
    }

    /// The next segment and where it begins in the text (a BOM not counted); `None` at
    /// the end.
    pub fn next_segment(&mut self) -> Result<Option<(usize, String)>, PieceError> {
        use crate::document::{segment_end, SEGMENT};
        let end = loop {
            if self.buf.len() < 2 * SEGMENT && !self.eof {
                self.read(2 * SEGMENT - self.buf.len()).map_err(PieceError::Io)?;
            }
            match segment_end(&self.buf, self.eof) {
                Some(end) => break end,
                // A line longer than what is read: read as much again, so that the search
                // for its end stays linear in its length.
                None => self.read(self.buf.len().max(SEGMENT)).map_err(PieceError::Io)?,
            }
        };
        if end == 0 {
            return Ok(None);
        }
        let rest = self.buf.split_off(end);
        let piece = std::mem::replace(&mut self.buf, rest);
        if memchr::memchr(0, &piece).is_some() {
            return Err(PieceError::ReadWhole);
        }
        let text = utf8_string(piece).map_err(|_| PieceError::ReadWhole)?;
        let offset = self.offset;
        self.offset += end;
        Ok(Some((offset, text)))
    }
}

/// The files to check: each path given (a file as it is, a directory walked for text
/// files, honouring .gitignore and hidden files), sorted and de-duplicated. Paths that
/// cannot be walked come back as errors.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(String, InputError)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            files.push(path.clone());
            continue;
        }
        // The error says why: missing, a link loop, no permission.
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                files.push(path.clone());
                continue;
            }
            Err(e) => {
                errors.push((path.display().to_string(), InputError::Io(e)));
                continue;
            }
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(path).build() {
            match entry {
                Ok(e) => {
                    let is_text = e.file_type().is_some_and(|t| t.is_file())
                        && e.path()
                            .extension()
                            .and_then(|x| x.to_str())
                            .is_some_and(|x| TEXT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()));
                    if is_text {
                        found.push(e.into_path());
                    }
                }
                Err(err) => errors.push((
                    path.display().to_string(),
                    InputError::Io(std::io::Error::other(err.to_string())),
                )),
            }
        }
        // Path order (by components), with each path split once rather than per comparison.
        found.sort_by_cached_key(|p| p.components().map(|c| c.as_os_str().to_owned()).collect::<Vec<_>>());
        files.extend(found);
    }
    files.dedup();
    (files, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(bytes: &[u8]) -> Result<Vec<(usize, String)>, PieceError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, bytes).unwrap();
        let mut segments = Segments::open(&path)?;
        let mut out = Vec::new();
        while let Some(piece) = segments.next_segment()? {
            out.push(piece);
        }
        Ok(out)
    }

    #[test]
    fn a_file_read_in_pieces_is_cut_where_a_long_text_is() {
        use crate::document::segment_end;
        let text = "第一段，内容。\n\n第二段没有空行。\n".repeat(150_000);
        let mut cuts = Vec::new();
        let mut at = 0;
        while at < text.len() {
            cuts.push(at);
            at += segment_end(&text.as_bytes()[at..], true).unwrap();
        }
        let got = pieces(text.as_bytes()).unwrap();
        assert!(got.len() > 3);
        assert_eq!(got.iter().map(|(o, _)| *o).collect::<Vec<_>>(), cuts);
        assert_eq!(got.iter().map(|(_, t)| t.as_str()).collect::<String>(), text);
        // A UTF-8 BOM is left out and not counted.
        let with_bom = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
        let got = pieces(&with_bom).unwrap();
        assert_eq!(got[1].0, cuts[1]);
        assert_eq!(got.iter().map(|(_, t)| t.as_str()).collect::<String>(), text);
    }

    #[test]
    fn what_is_not_plain_utf8_is_read_whole() {
        let text = "第一段，内容。\n\n".repeat(150_000).into_bytes();
        let utf16 = [&[0xFF, 0xFE][..], &text].concat();
        assert!(matches!(pieces(&utf16), Err(PieceError::ReadWhole)));
        let mut nul = text.clone();
        let at = nul.len() - 5;
        nul[at] = 0;
        assert!(matches!(pieces(&nul), Err(PieceError::ReadWhole)));
        let mut bad = text;
        bad[3_000_000] = 0xFF;
        assert!(matches!(pieces(&bad), Err(PieceError::ReadWhole)));
    }

    #[test]
    fn decodes_utf8_bom_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFab".to_vec()).unwrap(), ("ab".into(), Encoding::Utf8Bom));
        let le = Encoding::Utf16Le { bom: true };
        assert_eq!(decode(vec![0xFF, 0xFE, b'a', 0]).unwrap(), ("a".into(), le));
        let be = Encoding::Utf16Be { bom: true };
        assert_eq!(decode(vec![0xFE, 0xFF, 0, b'a']).unwrap(), ("a".into(), be));
    }

    #[test]
    fn utf16_without_bom_is_read_when_its_nul_bytes_say_so() {
        let text = "中文，内容。\r\nEnglish 1 2\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(le.clone()).unwrap(), (text.into(), Encoding::Utf16Le { bom: false }));
        assert_eq!(decode(be.clone()).unwrap(), (text.into(), Encoding::Utf16Be { bom: false }));
        assert_eq!(encode(text, Encoding::Utf16Le { bom: false }), le);
        // Asked for UTF-8, the NUL bytes make it binary.
        assert!(matches!(decode_as(le, EncodingChoice::Utf8), Err(InputError::Binary { .. })));
        // NUL bytes on both sides, or control characters: binary, not UTF-16.
        assert!(matches!(decode(b"a\0\0b".to_vec()), Err(InputError::Binary { .. })));
        assert!(matches!(decode(b"a\0\x01\0".to_vec()), Err(InputError::Binary { .. })));
    }

    #[test]
    fn a_failed_write_or_rename_leaves_the_file_and_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "原文。").unwrap();
        let full = || std::io::Error::new(std::io::ErrorKind::StorageFull, "no space left on device");
        let e = replace_file(&path, "改后。".as_bytes(), |_, _| Err(full()), |_, _| Ok(())).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::StorageFull);
        // Half written, then the disk filled.
        let half = |f: &mut std::fs::File, b: &[u8]| {
            std::io::Write::write_all(f, &b[..2])?;
            Err(full())
        };
        replace_file(&path, "改后。".as_bytes(), half, |_, _| Ok(())).unwrap_err();
        let refused = |_, _: &Path| Err(std::io::Error::other("rename refused"));
        replace_file(&path, "改后。".as_bytes(), std::io::Write::write_all, refused).unwrap_err();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "原文。");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, ["a.txt"], "a temporary file was left behind");
        write_atomically(&path, "改后。".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "改后。");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let (real, link) = (dir.path().join("real.txt"), dir.path().join("link.txt"));
        std::fs::write(&real, "原文。").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, "改后。".as_bytes()).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "改后。");
    }

    #[test]
    fn encoding_round_trips() {
        for bytes in [
            b"\xEF\xBB\xBFab\r\n".to_vec(),
            b"ab\n".to_vec(),
            vec![0xFF, 0xFE, b'a', 0, b'\r', 0, b'\n', 0],
            vec![0xFE, 0xFF, 0, b'a'],
            vec![b'a', 0, b'\n', 0],
        ] {
            let (text, enc) = decode(bytes.clone()).unwrap();
            assert_eq!(encode(&text, enc), bytes);
        }
    }

    #[test]
    fn gb18030_is_detected_and_written_back() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("总统表示，双方将加强合作。\n");
        let (text, enc) = decode(bytes.to_vec()).unwrap();
        assert_eq!((text.as_str(), enc), ("总统表示，双方将加强合作。\n", Encoding::Gb18030));
        assert_eq!(encode(&text, enc), bytes.to_vec());
        // Latin-1 bytes are not taken for Chinese.
        assert!(decode(b"caf\xe9 cr\xe8me br\xfbl\xe9e".to_vec()).is_err());
        let e = decode_as(b"\xd6\xd0\xff\xff".to_vec(), EncodingChoice::Gb18030).unwrap_err();
        assert!(matches!(e, InputError::InvalidGb18030 { offset: 2 }), "{e:?}");
    }

    #[test]
    fn reports_invalid_utf8_offset_and_binary() {
        let e = decode(b"ab\xFFcd".to_vec()).unwrap_err();
        assert!(matches!(e, InputError::InvalidUtf8 { offset: 2 }), "{e:?}");
        let e = decode(b"\x89PNG\r\n\x1a\n\0\0".to_vec()).unwrap_err();
        assert!(matches!(e, InputError::Binary { offset: 8, kind: Some("a PNG image") }), "{e:?}");
        let e = decode(b"PK\x03\x04\x14\0\0\0".to_vec()).unwrap_err();
        assert!(e.to_string().contains("ZIP archive"), "{e}");
    }
}
