//! The `koers` command line: parse the flags, run the command, turn its outcome into an exit code
//! (one rule for every command: [`cmd::Exit`]).

mod cli;

use clap::Parser;
use cli::cmd::{self, Exit};
use cli::flags::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    koers::core::i18n::set_language(cli::lang::choose(&args));
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return Exit::of_usage(&e).into();
        }
    };
    let result = match cli.command {
        Command::Init(a) => cmd::init::run(a),
        Command::Check(a) => cmd::check::run(a),
        Command::BuildReport(a) => cmd::build::run(a),
        Command::Newsletter(a) => cmd::newsletter::run(a),
        Command::Status(a) => cmd::status::run(a),
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
            Ok(Exit::Ok)
        }
        Command::Man => clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
            .render(&mut std::io::stdout())
            .map(|_| Exit::Ok)
            .map_err(anyhow::Error::from),
    };
    match result {
        Ok(exit) => exit.into(),
        Err(e) => {
            cmd::error_line(&format!("{e:#}"));
            Exit::of_error(&e).into()
        }
    }
}
