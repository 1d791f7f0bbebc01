//! `zhqa serve` over real HTTP: the page, the API, the limits. (The page itself is driven in
//! a browser by scripts/test-web.)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// A server on a free loopback port, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhqa"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
        let addr = line
            .trim()
            .strip_prefix("zhqa serve: listening on http://")
            .and_then(|a| a.strip_suffix('/'))
            .unwrap_or_else(|| panic!("unexpected first line: {line}"))
            .to_string();
        Server { child, addr }
    }

    /// Send one request; the status and the body.
    fn request(&self, method: &str, path: &str, body: &[u8]) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.addr,
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        // A server that refuses a large body may close before reading all of it.
        let _ = stream.write_all(body);
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let response = String::from_utf8(response).unwrap();
        let status = response[9..12].parse().unwrap();
        let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b).to_string();
        (status, body)
    }

    fn json(&self, path: &str, body: &serde_json::Value) -> (u16, serde_json::Value) {
        let (status, text) = self.request("POST", path, body.to_string().as_bytes());
        (status, serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}")))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_page_is_served_whole_with_nothing_from_elsewhere() {
    let server = Server::start();
    let (status, page) = server.request("GET", "/", b"");
    assert_eq!(status, 200);
    assert!(page.contains("<textarea") && page.contains("/api/check"), "{}", &page[..200]);
    for outside in ["src=\"http", "href=\"http", "@import", "url(http", "//cdn"] {
        assert!(!page.contains(outside), "the page loads something from elsewhere: {outside}");
    }
    let (status, body) = server.request("GET", "/nope", b"");
    assert_eq!(status, 404, "{body}");
    let (status, _) = server.request("GET", "/api/check", b"");
    assert_eq!(status, 405);
}

#[test]
fn check_gives_the_json_diagnostics_with_utf16_offsets() {
    let server = Server::start();
    let text = "—目前，中亚正经历深刻变革，-托卡耶夫说。\n𠀀双方将为 revitalizing 这一领域的合作提供基础,并加强交流。\n";
    let (status, v) = server.json("/api/check", &serde_json::json!({ "text": text }));
    assert_eq!(status, 200, "{v}");
    let ds = v["diagnostics"].as_array().unwrap();
    let rules: Vec<&str> = ds.iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["quote/dash-speech", "foreign/untranslated", "punct/halfwidth"]);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for d in ds {
        // Byte offsets and UTF-16 offsets name the same text.
        let (s, e) = (d["start"].as_u64().unwrap() as usize, d["end"].as_u64().unwrap() as usize);
        let (us, ue) = (d["utf16"][0].as_u64().unwrap() as usize, d["utf16"][1].as_u64().unwrap() as usize);
        assert_eq!(String::from_utf16(&utf16[us..ue]).unwrap(), &text[s..e], "{d}");
    }
    assert_eq!(ds[1]["line"], 2);
    assert_eq!(ds[2]["fix"]["applicability"], "safe");
    // Settings: a category ignored, a house style chosen.
    let (_, v) =
        server.json("/api/check", &serde_json::json!({ "text": text, "ignore": ["quote", "foreign"] }));
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1);
    let (_, v) = server
        .json("/api/check", &serde_json::json!({ "text": "在iPhone上。", "han_latin_spacing": "always" }));
    assert_eq!(v["diagnostics"][0]["rule"], "space/han-latin");
    let (_, v) = server.json("/api/rules", &serde_json::json!({}));
    assert!(v.get("error").is_some(), "GET only");
    let (status, rules) = server.request("GET", "/api/rules", b"");
    assert_eq!(status, 200);
    assert!(rules.contains("\"quote/dash-speech\"") && rules.contains("GB/T 15834"), "{}", &rules[..200]);
}

#[test]
fn fix_applies_the_safe_fixes_or_also_the_unsafe_ones() {
    let server = Server::start();
    let text = "—我们将合作，-部长说。他说,好。";
    let (status, v) = server.json("/api/fix", &serde_json::json!({ "text": text }));
    assert_eq!(status, 200);
    assert_eq!(v["text"], "—我们将合作，-部长说。他说，好。");
    assert_eq!(v["fixed"], 1);
    let (_, v) = server.json("/api/fix", &serde_json::json!({ "text": text, "unsafe": true }));
    assert_eq!(v["text"], "“我们将合作。”部长说。他说，好。");
}

#[test]
fn bad_and_oversized_requests_are_refused_clearly() {
    let server = Server::start();
    let (status, v) = server.json("/api/check", &serde_json::json!({ "txt": "a" }));
    assert_eq!(status, 400);
    assert!(v["error"].as_str().unwrap().contains("text"), "{v}");
    let (status, v) = server.json("/api/check", &serde_json::json!({ "text": "a", "select": ["nope"] }));
    assert_eq!((status, v["error"].as_str().unwrap()), (400, "unknown rule or category: nope"));
    let big = serde_json::json!({ "text": "中".repeat(2 << 20) }).to_string();
    let (status, body) = server.request("POST", "/api/check", big.as_bytes());
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("larger than 4 MiB"), "{body}");
    // The server is still there.
    let (status, _) = server.json("/api/check", &serde_json::json!({ "text": "好。" }));
    assert_eq!(status, 200);
}

#[test]
fn serve_listens_on_loopback_by_default() {
    let o = Command::new(env!("CARGO_BIN_EXE_zhqa")).args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("[default: 127.0.0.1:4780]"), "{help}");
}
