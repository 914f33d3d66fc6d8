//! The `koers` command line: parse the flags, run the command, turn its outcome into an exit code
//! (one rule for every command: [`cmd::Exit`]).

mod cli;

use clap::FromArgMatches;
use cli::cmd::{self, Exit};
use cli::flags::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cli::lang::choose(&args);
    koers::core::i18n::set_language(lang);
    let bin_name = args
        .first()
        .and_then(|a| std::path::Path::new(a).file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "koers".to_string());
    let parsed =
        cli::help::command(lang, &bin_name).try_get_matches_from_mut(&args).and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            cli::help::print_error(&e, lang);
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
            clap_complete::generate(shell, &mut cli::help::command_for_pages(lang), "koers", &mut std::io::stdout());
            Ok(Exit::Ok)
        }
        Command::Man => {
            let mut roff = Vec::new();
            clap_mangen::Man::new(cli::help::command_for_pages(lang))
                .render(&mut roff)
                .map_err(anyhow::Error::from)
                .and_then(|_| {
                    let page = cli::help::man_page(&String::from_utf8_lossy(&roff), lang);
                    std::io::Write::write_all(&mut std::io::stdout(), page.as_bytes()).map_err(anyhow::Error::from)
                })
                .map(|_| Exit::Ok)
        }
    };
    match result {
        Ok(exit) => exit.into(),
        Err(e) => {
            cmd::error_line(&format!("{e:#}"));
            Exit::of_error(&e).into()
        }
    }
}
