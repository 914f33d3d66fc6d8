//! The `koers` command line: parse the flags, run the command, turn its outcome into an exit code.

mod cmd;
mod flags;

use clap::Parser;
use flags::{Cli, Command};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(a) => cmd::check::run(a),
        Command::BuildReport(a) => cmd::build::run(a),
        Command::Newsletter(a) => cmd::newsletter::run(a),
        Command::Schema(a) => cmd::schema::run(a),
        Command::Changes(a) => cmd::changes::run(a),
        Command::Project(c) => cmd::author::project(c),
        Command::Fase(a) => cmd::author::fase(a),
        Command::Resultaat(a) => cmd::author::resultaat(a),
        Command::Rapportage(c) => cmd::author::rapportage(c),
        Command::Serve(a) => cmd::serve::run(a),
        Command::PreviewWorker(a) => cmd::serve::worker::run(a),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "koers",
                &mut std::io::stdout(),
            );
            Ok(cmd::EXIT_OK)
        }
        Command::Man => clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
            .render(&mut std::io::stdout())
            .map(|_| cmd::EXIT_OK)
            .map_err(anyhow::Error::from),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{}: {e:#}", cmd::paint_error("error"));
            ExitCode::from(cmd::EXIT_ERROR)
        }
    }
}
