//! A minimal HTTP/1.1 client for the tests of `endplate serve` and for
//! chromedriver's W3C WebDriver endpoint: one request per connection
//! (`Connection: close`), the body read to its `Content-Length` or to the
//! last chunk of a `chunked` body. It replaces a general HTTP
//! client crate, which cost CI about 50 s of CPU to compile for these few
//! requests (issue 13, `cargo build --timings`).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// Longest wait for a connection, a write or a read: a run on CI's loaded
/// two cores can take tens of seconds.
const TIMEOUT: Duration = Duration::from_secs(90);

/// Status and body bytes of `method url` with an optional JSON body, or
/// what went wrong on the way.
pub fn send(method: &str, url: &str, body: Option<&str>) -> Result<(u16, Vec<u8>), String> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| format!("{url}: only http:// URLs"))?;
    let (authority, path) = match rest.find('/') {
        Some(slash) => rest.split_at(slash),
        None => (rest, "/"),
    };
    let mut stream = TcpStream::connect(authority).map_err(|e| format!("connect {url}: {e}"))?;
    stream
        .set_read_timeout(Some(TIMEOUT))
        .and_then(|()| stream.set_write_timeout(Some(TIMEOUT)))
        .map_err(|e| e.to_string())?;
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n");
    // GET and DELETE carry no body (as the WebDriver and serve APIs expect).
    let body = match method {
        "GET" | "DELETE" => "",
        _ => body.unwrap_or(""),
    };
    if !matches!(method, "GET" | "DELETE") {
        request += &format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        );
    }
    request += "\r\n";
    request += body;
    stream
        .write_all(request.as_bytes())
        .map_err(|e| format!("{method} {url}: {e}"))?;
    let mut answer = Vec::new();
    let mut buffer = [0_u8; 65536];
    loop {
        if let Some(whole) = parse_response(&answer)? {
            return Ok(whole);
        }
        let read = stream
            .read(&mut buffer)
            .map_err(|e| format!("{method} {url}: {e}"))?;
        if read == 0 {
            return Err(format!(
                "{method} {url}: the connection closed mid-response"
            ));
        }
        answer.extend_from_slice(&buffer[..read]);
    }
}

/// Status and body of an HTTP/1.1 response once `answer` holds all of it,
/// `None` while it is still incomplete. The body ends at its
/// `Content-Length`, at the last chunk of a `chunked` body, or (neither
/// given) when the server closes the connection; some servers (chromedriver)
/// keep it open despite `Connection: close`, so the length is what counts.
fn parse_response(answer: &[u8]) -> Result<Option<(u16, Vec<u8>)>, String> {
    let Some(end) = answer.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Ok(None);
    };
    let head = String::from_utf8_lossy(&answer[..end]).to_ascii_lowercase();
    let body = &answer[end + 4..];
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("no status in `{}`", head.lines().next().unwrap_or("")))?;
    let header = |name: &str| {
        head.lines()
            .filter_map(|line| line.split_once(':'))
            .find(|(key, _)| key.trim() == name)
            .map(|(_, value)| value.trim().to_owned())
    };
    if header("transfer-encoding").is_some_and(|coding| coding.contains("chunked")) {
        return Ok(dechunk(body)?.map(|data| (status, data)));
    }
    let length = match header("content-length") {
        Some(length) => length
            .parse::<usize>()
            .map_err(|e| format!("Content-Length `{length}`: {e}"))?,
        None if status == 204 || status == 304 => 0,
        None => return Err("a response without Content-Length or chunked body".into()),
    };
    Ok(body.get(..length).map(|data| (status, data.to_vec())))
}

/// The data of a `chunked` body (RFC 9112 §7.1; extensions and trailers
/// ignored), `None` while it is still incomplete.
fn dechunk(mut body: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let mut data = Vec::new();
    loop {
        let Some(line_end) = body.windows(2).position(|w| w == b"\r\n") else {
            return Ok(None);
        };
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|e| format!("chunk size `{size_text}`: {e}"))?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Ok(Some(data));
        }
        let Some(chunk) = body.get(..size) else {
            return Ok(None);
        };
        data.extend_from_slice(chunk);
        let Some(rest) = body.get(size + 2..) else {
            return Ok(None);
        };
        body = rest;
    }
}

#[test]
fn chunked_and_sized_bodies_are_read_whole_and_only_when_complete() {
    let sized = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
    assert_eq!(parse_response(sized), Ok(Some((200, b"hello".to_vec()))));
    assert_eq!(parse_response(&sized[..sized.len() - 1]), Ok(None));
    let chunked = b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n";
    assert_eq!(parse_response(chunked), Ok(Some((404, b"abcde".to_vec()))));
    assert_eq!(parse_response(&chunked[..60]), Ok(None));
    assert!(parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n").is_err());
}
