//! The `empreinte` command line: a thin layer over the library crates.
//!
//! Each subcommand lives in its own module under `cmd/`, with its clap arguments and a `run`
//! function; this file only dispatches.

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Empreinte stops intimate images from being shared without consent.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the PDQ hash of image files.
    Hash(cmd::hash::HashArgs),
    /// Run the hub: the case API, the platform API and (later) the portal.
    Serve(cmd::serve::ServeArgs),
    /// Operator commands: platforms and keys, negative bank, quarantine, statistics.
    Admin(cmd::admin::AdminArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Hash(args) => cmd::hash::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Admin(args) => cmd::admin::run(args),
    };
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
