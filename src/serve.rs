//! `zhqa serve`: the page for copy editors and its JSON API, over HTTP on loopback.
//!
//! - `GET /` — the page (`web/index.html`, embedded: no file, font or script is fetched
//!   from anywhere else);
//! - `GET /api/rules` — every rule's id, severity, summary, explanation and standard;
//! - `POST /api/check` — `{"text", "format"?, "han_latin_spacing"?, "select"?, "ignore"?}`
//!   → the diagnostics of `--format json`, each also with its span and its edits in UTF-16
//!   code units (what a browser's strings count);
//! - `POST /api/fix` — the same, plus `"unsafe"?` → `{"text", "fixed"}`: the text with every
//!   safe (or also unsafe) fix applied.
//!
//! No state is kept between requests; bodies over [`MAX_BODY`] get 413. The server is a
//! few worker threads over tiny_http: a check is milliseconds of CPU, so an async runtime
//! would add weight and nothing else.

use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::json;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::input::{Encoding, Source};
use crate::output::json::DiagnosticOut;
use crate::output::FileReport;
use crate::rules::catalog::catalog;
use crate::rules::{HanLatin, Selection};
use crate::{check_as, fix, Format};

/// The largest request body accepted: 4 MiB, some thirty long articles.
pub const MAX_BODY: usize = 4 << 20;

const PAGE: &str = include_str!("../web/index.html");

/// What a check or fix request may carry besides the text.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ApiRequest {
    text: String,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    han_latin_spacing: Option<String>,
    #[serde(default)]
    select: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    /// `/api/fix` only: also apply the unsafe fixes.
    #[serde(default, rename = "unsafe")]
    unsafe_too: bool,
}

/// A request the API refuses, with its status.
struct Refusal(u16, String);

/// Serve until the process is stopped. `config`, when given, is the newsroom's zhqa.toml:
/// its selection, severities, allowed words and house rules apply to every request.
pub fn run(addr: SocketAddr, config: Option<PathBuf>) -> Result<(), String> {
    let config = match config {
        Some(path) => Some(Config::load(&path).map_err(|e| e.to_string())?),
        None => None,
    };
    let server = Server::http(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let bound = server.server_addr().to_ip().map_or_else(|| addr.to_string(), |a| a.to_string());
    // The first line says where to go; tests and scripts read the port from it.
    eprintln!("zhqa serve: listening on http://{bound}/");
    let (server, config) = (Arc::new(server), Arc::new(config));
    let workers: Vec<_> = (0..std::thread::available_parallelism().map_or(2, |n| n.get()).max(2))
        .map(|_| {
            let (server, config) = (server.clone(), config.clone());
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    handle(request, config.as_ref().as_ref());
                }
            })
        })
        .collect();
    for w in workers {
        w.join().map_err(|_| "a server thread panicked".to_string())?;
    }
    Ok(())
}

fn handle(mut request: Request, config: Option<&Config>) {
    let (method, url) = (request.method().clone(), request.url().to_string());
    let path = url.split('?').next().unwrap_or("");
    let response = match (&method, path) {
        (Method::Get, "/") | (Method::Get, "/index.html") => {
            Response::from_string(PAGE).with_header(header("Content-Type", "text/html; charset=utf-8"))
        }
        (Method::Get, "/api/rules") => json_response(200, &rules()),
        (Method::Post, "/api/check") | (Method::Post, "/api/fix") => {
            match body(&mut request).and_then(|b| api(path, &b, config)) {
                Ok(v) => json_response(200, &v),
                Err(Refusal(status, message)) => json_response(status, &json!({ "error": message })),
            }
        }
        (_, "/" | "/index.html" | "/api/rules" | "/api/check" | "/api/fix") => {
            json_response(405, &json!({ "error": format!("{method} is not allowed on {path}") }))
        }
        _ => json_response(404, &json!({ "error": format!("no such page: {path}") })),
    };
    let response = response
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        // The page needs nothing from elsewhere, and may not load it.
        .with_header(header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline' 'self'",
        ));
    // A client that went away is not the server's problem.
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn json_response(status: u16, value: &serde_json::Value) -> Response<std::io::Cursor<Vec<u8>>> {
    // The length is known: sent as Content-Length, never in chunks (tiny_http chunks
    // bodies over 32 KiB, such as the rule list, which simple clients then misread).
    Response::from_data(serde_json::to_vec(value).expect("JSON values serialise"))
        .with_chunked_threshold(usize::MAX)
        .with_status_code(status)
        .with_header(header("Content-Type", "application/json; charset=utf-8"))
}

/// The request body, refused when larger than [`MAX_BODY`] (whatever Content-Length says:
/// at most one byte more than the limit is read).
fn body(request: &mut Request) -> Result<Vec<u8>, Refusal> {
    let too_large =
        || Refusal(413, format!("the text is larger than {} MiB; check it in parts", MAX_BODY >> 20));
    if request.body_length().is_some_and(|n| n > MAX_BODY) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    request
        .as_reader()
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refusal(400, format!("the request body could not be read: {e}")))?;
    if bytes.len() > MAX_BODY {
        return Err(too_large());
    }
    Ok(bytes)
}

fn api(path: &str, body: &[u8], config: Option<&Config>) -> Result<serde_json::Value, Refusal> {
    let req: ApiRequest =
        serde_json::from_slice(body).map_err(|e| Refusal(400, format!("bad request: {e}")))?;
    let format = match req.format.as_deref() {
        None | Some("plain") => Format::Plain,
        Some("markdown") => Format::Markdown,
        Some("html") => Format::Html,
        Some(other) => return Err(Refusal(400, format!("unknown format `{other}` (plain, markdown, html)"))),
    };
    let han_latin = match req.han_latin_spacing.as_deref() {
        None => None,
        Some("never") => Some(HanLatin::Never),
        Some("always") => Some(HanLatin::Always),
        Some("consistent") => Some(HanLatin::Consistent),
        Some(other) => {
            return Err(Refusal(
                400,
                format!("unknown han_latin_spacing `{other}` (never, always, consistent)"),
            ))
        }
    };
    let selection = selection(config, &req, han_latin)?;
    if path == "/api/fix" {
        let (text, fixed) = fix::fix_text(&req.text, format, &selection, req.unsafe_too);
        return Ok(json!({ "text": text, "fixed": fixed }));
    }
    let diagnostics = check_as(&req.text, format, &selection);
    Ok(json!({
        "version": 1,
        "tool": { "name": "zhqa", "version": env!("CARGO_PKG_VERSION") },
        "diagnostics": located(&req.text, diagnostics),
    }))
}

fn selection(
    config: Option<&Config>,
    req: &ApiRequest,
    han_latin: Option<HanLatin>,
) -> Result<Selection, Refusal> {
    let selection = match config {
        Some(c) => c
            .selection_for(std::path::Path::new("page.txt"), false, &req.select, &req.ignore, han_latin)
            .unwrap_or_default(),
        None => Selection {
            select: req.select.clone(),
            ignore: req.ignore.clone(),
            han_latin: han_latin.unwrap_or_default(),
            ..Default::default()
        },
    };
    let unknown = selection.unknown();
    if !unknown.is_empty() {
        return Err(Refusal(400, format!("unknown rule or category: {}", unknown.join(", "))));
    }
    Ok(selection)
}

/// A diagnostic as `--format json` writes it, with its span and its edits also in UTF-16
/// code units, which is how a browser's strings count.
#[derive(Serialize)]
struct WebDiagnostic<'a> {
    #[serde(flatten)]
    diagnostic: DiagnosticOut<'a>,
    utf16: [usize; 2],
    edits_utf16: Vec<[usize; 2]>,
}

fn located(text: &str, diagnostics: Vec<Diagnostic>) -> serde_json::Value {
    let source = Source { path: "-".into(), text: text.to_string(), encoding: Encoding::Utf8 };
    let report = FileReport::new(source, diagnostics);
    let mut offsets: Vec<usize> = report
        .diagnostics
        .iter()
        .flat_map(|d| {
            let edits = d.fix.iter().flat_map(|f| &f.edits).flat_map(|e| [e.start, e.end]);
            [d.start, d.end].into_iter().chain(edits)
        })
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    // One sweep: the UTF-16 offset of each byte offset.
    let mut utf16 = std::collections::HashMap::with_capacity(offsets.len());
    let (mut units, mut pos) = (0, 0);
    for &target in &offsets {
        units += text.get(pos..target).map_or(0, |s| s.encode_utf16().count());
        pos = target;
        utf16.insert(target, units);
    }
    let out: Vec<WebDiagnostic> = report
        .located()
        .iter()
        .map(|l| WebDiagnostic {
            diagnostic: DiagnosticOut::new("-", l),
            utf16: [utf16[&l.d.start], utf16[&l.d.end]],
            edits_utf16: l
                .d
                .fix
                .iter()
                .flat_map(|f| &f.edits)
                .map(|e| [utf16[&e.start], utf16[&e.end]])
                .collect(),
        })
        .collect();
    serde_json::to_value(out).expect("diagnostics serialise")
}

fn rules() -> serde_json::Value {
    let rules: Vec<_> = crate::rules::implemented()
        .filter_map(|id| catalog().get(id))
        .map(|r| {
            json!({
                "id": r.id,
                "severity": r.severity.as_str(),
                "fix": r.fix.as_str(),
                "summary": r.summary,
                "explain": r.explain,
                "basis": r.basis,
            })
        })
        .collect();
    json!({ "rules": rules })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_lines_and_columns() {
        let text = "第一行。\r\n他说,好😀,好。\n";
        let out = located(text, check_as(text, Format::Plain, &Selection::default()));
        let commas: Vec<_> =
            out.as_array().unwrap().iter().filter(|d| d["rule"] == "punct/halfwidth").collect();
        assert_eq!(commas.len(), 2, "{out}");
        // 第一行。\r\n = 6 UTF-16 units; 他说 = 2 more; 😀 counts 2.
        let at = |d: &serde_json::Value| (d["utf16"].clone(), d["line"].clone(), d["column"].clone());
        assert_eq!(at(commas[0]), (json!([8, 9]), json!(2), json!(3)));
        assert_eq!(at(commas[1]), (json!([12, 13]), json!(2), json!(6)));
        assert_eq!(commas[1]["edits_utf16"], json!([[12, 13]]));
        assert_eq!(commas[1]["fix"]["edits"][0]["replacement"], "，");
        assert_eq!(commas[1]["end_line"], 2);
    }

    #[test]
    fn api_checks_fixes_and_refuses_what_it_cannot_do() {
        let body = br#"{"text": "\u2014\u6211\u4eec\u5c06\u5408\u4f5c\uff0c-\u90e8\u957f\u8bf4\u3002\u4ed6\u8bf4,\u597d\u3002"}"#;
        let v = api("/api/check", body, None).ok().unwrap();
        let rules: Vec<&str> =
            v["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
        assert_eq!(rules, ["quote/dash-speech", "punct/halfwidth"]);
        let v = api("/api/fix", body, None).ok().unwrap();
        assert_eq!(v["text"], "—我们将合作，-部长说。他说，好。");
        // The same request asking for the unsafe fixes too.
        let unsafe_too = std::str::from_utf8(body).unwrap().replacen('{', r#"{"unsafe": true, "#, 1);
        let v = api("/api/fix", unsafe_too.as_bytes(), None).ok().unwrap();
        assert_eq!(v["text"], "“我们将合作。”部长说。他说，好。");
        for (bad, says) in [
            (&br#"{"text": 1}"#[..], "bad request"),
            (br#"{"text": "", "format": "docx"}"#, "unknown format"),
            (br#"{"text": "", "select": ["nope"]}"#, "unknown rule"),
            (br#"{"text": "", "colour": "red"}"#, "unknown field"),
        ] {
            let Err(Refusal(status, message)) = api("/api/check", bad, None) else { panic!("accepted") };
            assert_eq!(status, 400);
            assert!(message.contains(says), "{message}");
        }
    }
}
