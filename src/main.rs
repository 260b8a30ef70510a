//! The `endplate` command: parse the command line, call the library, map
//! the outcome to an exit code (0 success, 1 simulation failure, 2 bad input).

// Scenario errors carry the file, the key path and the value by design (as
// in the library, src/lib.rs); built once on the cold path.
#![allow(clippy::result_large_err)]

use std::process::ExitCode;

use clap::Parser;

mod cli;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli::dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}
