//! `koers schema`: the JSON Schemas of the data files, for editors.

use super::Exit;
use crate::cli::flags::SchemaArgs;
use anyhow::{Context, Result};

pub(crate) fn run(a: SchemaArgs) -> Result<Exit> {
    std::fs::create_dir_all(&a.out).with_context(|| koers::t!("cmd-creating", path = a.out.display().to_string()))?;
    for kind in koers::load::schema::FileKind::ALL {
        let path = a.out.join(kind.schema_file());
        let mut json = serde_json::to_string_pretty(&kind.schema())?;
        json.push('\n');
        std::fs::write(&path, json).with_context(|| koers::t!("cmd-writing", path = path.display().to_string()))?;
        println!("{}", path.display());
    }
    Ok(Exit::Ok)
}
