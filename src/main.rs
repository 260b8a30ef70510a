//! The `endplate` command: parse the command line, call the library, map
//! the outcome to an exit code (0 success, 1 simulation failure, 2 bad input).

// Scenario errors carry the file, the key path and the value by design (as
// in the library, src/lib.rs); built once on the cold path.
#![allow(clippy::result_large_err)]

use std::process::ExitCode;

use clap::Parser;

mod cli;

/// SIGINT and SIGTERM end the process through
/// [`endplate::output::atomic::remove_all_and_exit`]: its unfinished files
/// and empty new folders are removed, the exit code is 128 + the signal
/// (130, 143), as a shell reports a process killed by it.
fn remove_outputs_on_interrupt() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return; // no handler: the default action still ends the process
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            eprintln!("\nendplate: interrupted; unfinished outputs removed");
            endplate::output::atomic::remove_all_and_exit(128 + signal);
        }
    });
}

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    remove_outputs_on_interrupt();
    match cli::dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!(
                "error: {}",
                endplate::output::plain_error(&failure.to_string())
            );
            ExitCode::from(failure.exit_code())
        }
    }
}
