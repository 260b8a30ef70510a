//! `endplate serve`: the teaching page. A small synchronous HTTP server
//! (tiny_http, no async runtime) serves one page whose HTML, CSS and script
//! are compiled into the binary, and runs the page's scenarios on the same
//! engine and scenario files as the CLI ([`runner`]).
//!
//! Routes:
//! - `GET /` the page, `GET /page.css`, `GET /page.js` its assets;
//! - `GET /api/setup` the presets (name, description, explanation, slider
//!   values) and the controls (key path, unit, range, normal range);
//! - `POST /api/run` `{"preset": name, "values": {key: number or option}}`
//!   → the scenario TOML run, the metrics beside the normal control, the
//!   download names; 400 for a key, preset or option the page does not
//!   offer, 422 with the CLI's located message for a value the scenario
//!   refuses, 409 when a newer request superseded it, 413 for a body over
//!   [`MAX_BODY_BYTES`]; never a stack trace;
//! - `GET /api/progress` what the newest request is doing;
//! - `GET /files/<generation>/<name>` figure.png, figure.svg, trace.csv,
//!   scenario.toml of a finished run.
//!
//! Nothing is written outside the temporary folder given to [`serve`].

pub mod controls;
pub mod runner;

use std::io::{self, Read};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Deserialize;
use serde_json::json;
use tiny_http::{Header, Method, Request, Response, Server};

use controls::{CHOICES, PRESETS, Refusal, Value};
use runner::{RunError, Runner, Stopped};

/// Largest request body accepted (bytes): the page's requests are a few hundred.
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// Threads answering requests (runs wait for a simulation slot; the others
/// keep answering progress polls and files meanwhile).
const HANDLER_THREADS: usize = 8;

const PAGE_HTML: &str = include_str!("page/index.html");
const PAGE_CSS: &str = include_str!("page/page.css");
const PAGE_JS: &str = include_str!("page/page.js");

/// Where and how to serve.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to bind (port 0: any free port).
    pub address: SocketAddr,
    /// Temporary folder for the runs' files (created; emptied first).
    pub folder: PathBuf,
    /// Most simulations at once.
    pub slots: usize,
}

/// A bound server, not yet answering.
pub struct Bound {
    server: Arc<Server>,
    runner: Arc<Runner>,
}

impl Bound {
    /// Binds the address and prepares the temporary folder.
    pub fn new(options: &Options) -> io::Result<Self> {
        if options.folder.exists() {
            std::fs::remove_dir_all(&options.folder)?;
        }
        let runner = Runner::new(options.folder.clone(), options.slots)?;
        let server = Server::http(options.address)
            .map_err(|e| io::Error::other(format!("cannot listen on {}: {e}", options.address)))?;
        Ok(Self {
            server: Arc::new(server),
            runner: Arc::new(runner),
        })
    }

    /// The address actually bound (the port chosen when 0 was asked).
    pub fn address(&self) -> Option<SocketAddr> {
        self.server.server_addr().to_ip()
    }

    /// Answers requests until the process ends.
    pub fn serve_forever(self) {
        let threads: Vec<_> = (0..HANDLER_THREADS)
            .map(|_| {
                let server = Arc::clone(&self.server);
                let runner = Arc::clone(&self.runner);
                std::thread::spawn(move || {
                    for request in server.incoming_requests() {
                        handle(&runner, request);
                    }
                })
            })
            .collect();
        for thread in threads {
            let _ = thread.join();
        }
    }
}

/// The body of `POST /api/run`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RunRequest {
    preset: String,
    #[serde(default)]
    values: serde_json::Map<String, serde_json::Value>,
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values here are ASCII constants")
}

fn text_response(status: u16, content_type: &str, body: Vec<u8>) -> Response<io::Cursor<Vec<u8>>> {
    Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

fn json_response(status: u16, value: &serde_json::Value) -> Response<io::Cursor<Vec<u8>>> {
    text_response(
        status,
        "application/json; charset=utf-8",
        value.to_string().into_bytes(),
    )
}

fn error(status: u16, message: &str) -> Response<io::Cursor<Vec<u8>>> {
    json_response(status, &json!({ "error": message }))
}

/// Answers one request; a failure to send (the client left) is not ours to report.
fn handle(runner: &Runner, mut request: Request) {
    let response = route(runner, &mut request);
    let _ = request.respond(response);
}

fn route(runner: &Runner, request: &mut Request) -> Response<io::Cursor<Vec<u8>>> {
    let url = request.url().to_owned();
    let path = url.split('?').next().unwrap_or("");
    match (request.method(), path) {
        (Method::Get, "/") => text_response(200, "text/html; charset=utf-8", PAGE_HTML.into()),
        (Method::Get, "/page.css") => {
            text_response(200, "text/css; charset=utf-8", PAGE_CSS.into())
        }
        (Method::Get, "/page.js") => {
            text_response(200, "text/javascript; charset=utf-8", PAGE_JS.into())
        }
        (Method::Get, "/api/setup") => json_response(200, &setup()),
        (Method::Get, "/api/progress") => json_response(200, &json!(runner.progress())),
        (Method::Post, "/api/run") => match read_body(request) {
            Ok(body) => run(runner, &body),
            Err(response) => response,
        },
        (Method::Get, p) if p.starts_with("/files/") => file(runner, &p["/files/".len()..]),
        (_, "/" | "/page.css" | "/page.js" | "/api/setup" | "/api/progress" | "/api/run") => {
            error(405, "method not allowed")
        }
        _ => error(404, "not found"),
    }
}

/// The body, at most [`MAX_BODY_BYTES`], as UTF-8.
fn read_body(request: &mut Request) -> Result<String, Response<io::Cursor<Vec<u8>>>> {
    if request.body_length().is_some_and(|n| n > MAX_BODY_BYTES) {
        return Err(error(
            413,
            &format!("the body is larger than {MAX_BODY_BYTES} bytes"),
        ));
    }
    let mut body = Vec::new();
    request
        .as_reader()
        .take(MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| error(400, &format!("cannot read the body: {e}")))?;
    if body.len() > MAX_BODY_BYTES {
        return Err(error(
            413,
            &format!("the body is larger than {MAX_BODY_BYTES} bytes"),
        ));
    }
    String::from_utf8(body).map_err(|_| error(400, "the body is not UTF-8"))
}

fn run(runner: &Runner, body: &str) -> Response<io::Cursor<Vec<u8>>> {
    let request: RunRequest = match serde_json::from_str(body) {
        Ok(request) => request,
        Err(e) => return error(400, &format!("the body is not a run request: {e}")),
    };
    let mut values = Vec::with_capacity(request.values.len());
    for (key, value) in request.values {
        let value = match value {
            serde_json::Value::Number(n) => n.as_f64().map(Value::Number),
            serde_json::Value::String(s) => Some(Value::Text(s)),
            _ => None,
        };
        let Some(value) = value else {
            return error(400, &format!("`{key}` takes a number or an option name"));
        };
        values.push((key, value));
    }
    match runner.run(&request.preset, &values) {
        Ok(answer) => json_response(200, &json!(answer)),
        Err(RunError::Refused(Refusal::Unknown(message))) => error(400, &message),
        Err(RunError::Refused(Refusal::Scenario(message))) => error(422, &message),
        Err(RunError::Stopped(Stopped::Superseded)) => error(409, "superseded by a newer request"),
        Err(RunError::Stopped(Stopped::TooLong)) => error(
            422,
            &format!(
                "the run took longer than {} s and was stopped",
                runner::MAX_RUN_TIME.as_secs()
            ),
        ),
        Err(RunError::Failed(message)) => error(500, &message),
    }
}

/// `GET /files/<generation>/<name>`.
fn file(runner: &Runner, rest: &str) -> Response<io::Cursor<Vec<u8>>> {
    let found = rest.split_once('/').and_then(|(generation, name)| {
        let generation: u64 = generation.parse().ok()?;
        runner.file(generation, name).map(|path| (path, name))
    });
    let Some((path, name)) = found else {
        return error(404, "no such file");
    };
    let content_type = match name.rsplit('.').next() {
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("csv") => "text/csv; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
    match std::fs::read(&path) {
        Ok(bytes) => text_response(200, content_type, bytes).with_header(header(
            "Content-Disposition",
            &format!("inline; filename=\"{name}\""),
        )),
        Err(_) => error(404, "no such file"),
    }
}

/// The presets and controls, for the page.
fn setup() -> serde_json::Value {
    let sliders = controls::sliders();
    let presets: Vec<serde_json::Value> = PRESETS
        .iter()
        .map(|preset| {
            let document: toml::Table = toml::from_str(preset.text).unwrap_or_default();
            let description = document
                .get("description")
                .and_then(toml::Value::as_str)
                .unwrap_or("");
            let values: serde_json::Map<String, serde_json::Value> = sliders
                .iter()
                .filter_map(|slider| {
                    let value =
                        controls::preset_value(&document, slider).or(match slider.mapping {
                            controls::Mapping::PercentOf(_) => Some(100.0),
                            _ => None,
                        })?;
                    Some((slider.key.to_owned(), json!(value)))
                })
                .collect();
            json!({
                "name": preset.name,
                "description": description,
                "explanation": controls::explanation(preset),
                "values": values,
            })
        })
        .collect();
    json!({
        "presets": presets,
        "control": controls::CONTROL,
        "sliders": sliders,
        "choices": CHOICES,
        "max_body_bytes": MAX_BODY_BYTES,
    })
}
