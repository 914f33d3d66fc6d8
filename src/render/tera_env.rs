//! One tera environment per output language, each with its own escaping and `markdown` filter:
//! plain strings are escaped for the target, Markdown texts are converted to it. (PDFs are not
//! made from tera templates: `document.typ` reads the document tree as JSON.)

use super::RenderError;
use super::templates::TemplateSet;
use crate::core::markdown;
use std::io::Write;
use tera::{Kwargs, State, Tera, Value};

/// The output languages templates are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Markdown,
    Html,
    Text,
}

/// Escape plain text for Markdown: characters that would start markup get a backslash.
pub fn markdown_escape(input: &str) -> String {
    let mut s = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                s.push('\\');
                s.push(c);
            }
            '\n' => s.push(' '),
            _ => s.push(c),
        }
    }
    s
}

fn escape_markdown(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(markdown_escape(input).as_bytes())
}

fn no_escape(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(input.as_bytes())
}

/// Build the tera environment for one language from the templates that use it.
pub fn environment(lang: Lang, templates: &TemplateSet) -> Result<Tera, RenderError> {
    let mut tera = Tera::new();
    let suffix = match lang {
        Lang::Markdown => ".md",
        Lang::Html => ".html",
        Lang::Text => ".txt",
    };
    match lang {
        Lang::Markdown => tera.set_escape_fn(escape_markdown),
        Lang::Html => {}
        Lang::Text => tera.set_escape_fn(no_escape),
    }
    tera.autoescape_on(vec![suffix]);
    // In a document with a glossary (`afkortingen` in its view), its abbreviations link to it.
    match lang {
        Lang::Markdown => tera.register_filter("markdown", |s: &str, _: Kwargs, state: &State| {
            Value::safe_string(&markdown::to_markdown_with(s, &glossary(state)))
        }),
        Lang::Html => tera.register_filter("markdown", |s: &str, _: Kwargs, state: &State| {
            Value::safe_string(&markdown::to_html_with(s, &glossary(state)))
        }),
        Lang::Text => tera.register_filter("markdown", |s: &str, kwargs: Kwargs, _: &State| {
            let width = kwargs.get::<i64>("width").ok().flatten().unwrap_or(72).clamp(20, 200) as usize;
            Value::safe_string(&markdown::to_plain(s, width))
        }),
    }
    // Plain text wrapped to a width (text templates).
    tera.register_filter("wrap", |s: &str, kwargs: Kwargs, _: &State| {
        let width = kwargs.get::<i64>("width").ok().flatten().unwrap_or(72).clamp(20, 200) as usize;
        Value::safe_string(&textwrap::fill(s, width))
    });
    // Markdown block helpers: a block quote, and a list item's continuation lines.
    tera.register_filter("quote", |s: &str, _: Kwargs, _: &State| {
        Value::safe_string(
            &s.lines()
                .map(|l| if l.is_empty() { ">".to_string() } else { format!("> {l}") })
                .collect::<Vec<_>>()
                .join("\n"),
        )
    });
    tera.register_filter("list_item", |s: &str, _: Kwargs, _: &State| {
        Value::safe_string(
            &s.lines()
                .enumerate()
                .map(|(i, l)| if i == 0 || l.is_empty() { l.to_string() } else { format!("  {l}") })
                .collect::<Vec<_>>()
                .join("\n"),
        )
    });
    // Plain text of a Markdown text (titles, alt texts, preheaders).
    tera.register_filter("plain", |s: &str, _: Kwargs, _: &State| Value::from(markdown::to_plain(s, usize::MAX / 2)));
    let names: Vec<(&String, &String)> = templates
        .sources
        .iter()
        .filter(|(n, _)| n.ends_with(suffix) || (lang == Lang::Html && n.ends_with(".css")))
        .collect();
    // All at once: templates may include or extend each other in any order.
    tera.add_raw_templates(names.iter().map(|(n, s)| (n.as_str(), s.as_str())))
        .map_err(|e| RenderError::Template { template: format!("*{suffix}"), message: tera_error(&e) })?;
    Ok(tera)
}

/// Render a template, with a readable error.
/// The glossary of the document being rendered: its view's `afkortingen` (abbreviation, meaning).
fn glossary(state: &State) -> Vec<(String, String)> {
    let Ok(Some(list)) = state.get::<Value>("afkortingen") else { return vec![] };
    let field = |entry: &Value, name: &str| -> Option<String> {
        entry.as_map()?.iter().find(|(k, _)| k.as_str() == Some(name)).and_then(|(_, v)| v.as_str().map(str::to_string))
    };
    list.as_array()
        .unwrap_or_default()
        .iter()
        .filter_map(|e| Some((field(e, "afkorting")?, field(e, "betekenis")?)))
        .collect()
}

pub fn render(tera: &Tera, name: &str, context: &tera::Context) -> Result<String, RenderError> {
    tera.render(name, context)
        .map_err(|e| RenderError::Template { template: name.to_string(), message: tera_error(&e) })
}

fn tera_error(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}
