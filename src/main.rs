//! The `endplate` command: parse the command line, call the library, map
//! the outcome to an exit code (0 success, 1 simulation failure, 2 bad input).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = endplate::cli::Cli::parse();
    match endplate::cli::dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}
