//! `endplate serve`: the teaching page on a local web server (src/serve/).

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::process::{Command, Stdio};

use crate::cli::Failure;
use endplate::serve::{Bound, Options};

/// Binds `host:port`, prints the address, opens a browser when asked and
/// there is one, and serves until the process is stopped.
pub fn serve(host: IpAddr, port: u16, open: bool) -> Result<(), Failure> {
    let slots = std::thread::available_parallelism().map_or(1, usize::from);
    let folder = std::env::temp_dir().join(format!("endplate-serve-{}", std::process::id()));
    let options = Options {
        address: SocketAddr::new(host, port),
        folder,
        slots,
    };
    let bound = Bound::new(&options).map_err(|e| Failure::Input(e.to_string()))?;
    let address = bound
        .address()
        .ok_or_else(|| Failure::Input("the server has no IP address".into()))?;
    let url = format!("http://{address}/");
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(
        stdout,
        "endplate serve: {url} (at most {slots} simulations at once; files in {}; Ctrl-C stops)",
        options.folder.display()
    );
    let _ = stdout.flush();
    drop(stdout);
    if open {
        open_browser(&url);
    }
    bound.serve_forever();
    Ok(())
}

/// Best effort: `xdg-open` when it exists; never an error.
fn open_browser(url: &str) {
    let started = Command::new("xdg-open")
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    if started.is_err() {
        eprintln!("endplate serve: no xdg-open here; open {url} in a browser");
    }
}
