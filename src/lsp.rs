//! `zhqa lsp`: a language server over stdio for editors. It publishes diagnostics when a
//! plain-text, Markdown or HTML document is opened or changed, offers each fix as a
//! quick-fix code action and all safe fixes as one "fix all" action, reads the same
//! zhqa.toml as `zhqa check`, and speaks the client's position encoding: UTF-16 code
//! units by default, UTF-8 bytes when the client offers them.
//!
//! The messages are built with serde_json rather than a typed protocol crate: zhqa
//! needs a handful of shapes, and the server stays a thin layer over `check_as`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use serde_json::{json, Value};

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity};
use crate::document::LineIndex;
use crate::{check_as, fix, Format, Selection};

/// An open document: its text and what it is written in.
struct Doc {
    text: String,
    format: Format,
}

struct Server {
    docs: HashMap<String, Doc>,
    /// Positions in UTF-8 bytes (negotiated) instead of UTF-16 code units.
    utf8: bool,
}

/// Run the server until the client asks it to exit.
pub fn run() -> Result<(), String> {
    let (conn, io) = Connection::stdio();
    let (id, params) = conn.initialize_start().map_err(|e| e.to_string())?;
    let offered = &params["capabilities"]["general"]["positionEncodings"];
    let utf8 = offered.as_array().is_some_and(|a| a.iter().any(|e| e == "utf-8"));
    let result = json!({
        "capabilities": {
            "positionEncoding": if utf8 { "utf-8" } else { "utf-16" },
            // Full text on every change: copy is short, and a check is milliseconds.
            "textDocumentSync": { "openClose": true, "change": 1 },
            "codeActionProvider": { "codeActionKinds": ["quickfix", "source.fixAll.zhqa"] },
        },
        "serverInfo": { "name": "zhqa", "version": env!("CARGO_PKG_VERSION") },
    });
    conn.initialize_finish(id, result).map_err(|e| e.to_string())?;
    let mut server = Server { docs: HashMap::new(), utf8 };
    for msg in &conn.receiver {
        match msg {
            Message::Request(req) => {
                if conn.handle_shutdown(&req).map_err(|e| e.to_string())? {
                    break;
                }
                let resp = server.request(req);
                conn.sender.send(Message::Response(resp)).map_err(|e| e.to_string())?;
            }
            Message::Notification(n) => {
                for out in server.notification(n) {
                    conn.sender.send(Message::Notification(out)).map_err(|e| e.to_string())?;
                }
            }
            Message::Response(_) => {}
        }
    }
    drop(conn);
    io.join().map_err(|e| e.to_string())
}

impl Server {
    fn request(&self, req: Request) -> Response {
        match req.method.as_str() {
            "textDocument/codeAction" => Response::new_ok(req.id, self.code_actions(&req.params)),
            _ => Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                format!("{} is not supported", req.method),
            ),
        }
    }

    fn notification(&mut self, n: Notification) -> Vec<Notification> {
        let p = &n.params;
        let uri = p["textDocument"]["uri"].as_str().unwrap_or_default().to_string();
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let item = &p["textDocument"];
                let format = format_of(item["languageId"].as_str().unwrap_or(""), &uri);
                let text = item["text"].as_str().unwrap_or_default().to_string();
                self.docs.insert(uri.clone(), Doc { text, format });
            }
            "textDocument/didChange" => {
                // Full sync: the last change holds the whole text.
                let Some(doc) = self.docs.get_mut(&uri) else { return Vec::new() };
                if let Some(text) =
                    p["contentChanges"].as_array().and_then(|c| c.last()).and_then(|c| c["text"].as_str())
                {
                    doc.text = text.to_string();
                }
            }
            "textDocument/didClose" => {
                self.docs.remove(&uri);
                return vec![publish(&uri, Vec::new())];
            }
            _ => return Vec::new(),
        }
        let Some(doc) = self.docs.get(&uri) else { return Vec::new() };
        let found = diagnose(&uri, doc);
        let index = LineIndex::new(&doc.text);
        let items = found.iter().map(|d| self.diagnostic(&doc.text, &index, d)).collect();
        vec![publish(&uri, items)]
    }

    fn position(&self, text: &str, index: &LineIndex, offset: usize) -> Value {
        let offset = offset.min(text.len());
        let line = index.line_of(offset);
        let before = &text[index.line_start(line)..offset];
        let character = if self.utf8 { before.len() } else { before.encode_utf16().count() };
        json!({ "line": line, "character": character })
    }

    fn range(&self, text: &str, index: &LineIndex, start: usize, end: usize) -> Value {
        json!({ "start": self.position(text, index, start), "end": self.position(text, index, end) })
    }

    fn diagnostic(&self, text: &str, index: &LineIndex, d: &Diagnostic) -> Value {
        let severity = match d.severity {
            Severity::Error => 1,
            Severity::Warning => 2,
            Severity::Info => 3,
        };
        json!({
            "range": self.range(text, index, d.start, d.end),
            "severity": severity,
            "code": d.rule,
            "source": "zhqa",
            "message": d.message,
        })
    }

    fn edits(&self, text: &str, index: &LineIndex, edits: &[Edit]) -> Vec<Value> {
        edits
            .iter()
            .map(|e| json!({ "range": self.range(text, index, e.start, e.end), "newText": e.replacement }))
            .collect()
    }

    /// A quick fix for each finding with a fix in the requested range, and one action
    /// that applies every safe fix of the document.
    fn code_actions(&self, params: &Value) -> Value {
        let uri = params["textDocument"]["uri"].as_str().unwrap_or_default();
        let Some(doc) = self.docs.get(uri) else { return json!([]) };
        let text = &doc.text;
        let index = LineIndex::new(text);
        let found = diagnose(uri, doc);
        let want = &params["range"];
        let (from, to) = (pos_key(&want["start"]), pos_key(&want["end"]));
        let mut actions = Vec::new();
        for d in &found {
            let Some(fix) = &d.fix else { continue };
            let range = self.range(text, &index, d.start, d.end);
            // Findings that touch the requested range.
            if pos_key(&range["end"]) < from || pos_key(&range["start"]) > to {
                continue;
            }
            let safe = fix.applicability == Applicability::Safe;
            let title = if safe {
                format!("{}（{}）", fix.title, d.rule)
            } else {
                format!("{}（{}，需确认）", fix.title, d.rule)
            };
            actions.push(json!({
                "title": title,
                "kind": "quickfix",
                "diagnostics": [self.diagnostic(text, &index, d)],
                "isPreferred": safe,
                "edit": { "changes": { uri: self.edits(text, &index, &fix.edits) } },
            }));
        }
        let (fixed, n) = fix::apply(text, &found, false);
        if n > 0 {
            let whole = self.range(text, &index, 0, text.len());
            actions.push(json!({
                "title": format!("zhqa：修复全部 {n} 处可安全修复的问题"),
                "kind": "source.fixAll.zhqa",
                "edit": { "changes": { uri: [{ "range": whole, "newText": fixed }] } },
            }));
        }
        Value::Array(actions)
    }
}

/// (line, character) of an LSP position, for comparing.
fn pos_key(p: &Value) -> (u64, u64) {
    (p["line"].as_u64().unwrap_or(0), p["character"].as_u64().unwrap_or(0))
}

fn publish(uri: &str, diagnostics: Vec<Value>) -> Notification {
    Notification::new(
        "textDocument/publishDiagnostics".into(),
        json!({ "uri": uri, "diagnostics": diagnostics }),
    )
}

/// The format of a document from the client's language id, or its file name.
fn format_of(language: &str, uri: &str) -> Format {
    match language {
        "markdown" => Format::Markdown,
        "html" => Format::Html,
        "plaintext" => Format::Plain,
        _ => Format::of_path(Path::new(uri)),
    }
}

/// The document's findings, with the settings of the zhqa.toml nearest to its file.
fn diagnose(uri: &str, doc: &Doc) -> Vec<Diagnostic> {
    let selection = match file_path(uri) {
        Some(path) => match Config::find(&path).map(|c| Config::load(&c)) {
            Some(Ok(config)) => match config.selection_for(&path, false, &[], &[], None) {
                Some(s) => s,
                None => return Vec::new(), // excluded by the configuration
            },
            // A broken configuration is reported by `zhqa check`; the editor still
            // gets the default rules.
            _ => Selection::default(),
        },
        None => Selection::default(),
    };
    check_as(&doc.text, doc.format, &selection)
}

/// The local path of a `file://` URI, percent-decoded.
fn file_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&rest[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_become_paths() {
        assert_eq!(file_path("file:///tmp/a%20b/%E7%A8%BF.md"), Some(PathBuf::from("/tmp/a b/稿.md")));
        assert_eq!(file_path("untitled:1"), None);
    }

    #[test]
    fn positions_in_both_encodings() {
        // 𠀀 is one scalar value, two UTF-16 code units, four UTF-8 bytes.
        let text = "第一行\n𠀀‘中亚+’";
        let index = LineIndex::new(text);
        let at = text.find('‘').unwrap();
        let utf16 = Server { docs: HashMap::new(), utf8: false };
        let utf8 = Server { docs: HashMap::new(), utf8: true };
        assert_eq!(utf16.position(text, &index, at), json!({"line": 1, "character": 2}));
        assert_eq!(utf8.position(text, &index, at), json!({"line": 1, "character": 4}));
    }
}
