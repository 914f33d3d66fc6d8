//! The Markdown (GitHub-flavoured: tables, footnotes, strikethrough) of any document tree
//! ([`crate::render::doc`]): one writer for every kind of document, by block and inline kind.
//!
//! Every text of the tree is data: each character that Markdown would read as markup is escaped
//! (`\*`, `\[`, `\<`, `1\.` at a line's start, …), so the text comes back as it was from any GFM
//! parser. The title part comes from the document's metadata; a heading with a label above it
//! ("Themalijn") is written `Label | Heading`. Internal links lead to the slug a GFM renderer
//! gives the heading they point at (the headings as written, numbered as GitHub numbers repeats);
//! footnotes are GFM footnotes (`[^id]`), each defined at the end of the part that refers to it.

use crate::render::doc::{
    Align, Block, Chart, Document, Inline, ParagraphStyle, RowStyle, StepState, Table, inline_text,
};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// Escape text for Markdown: every character that could start markup gets a backslash, and so do
/// the marks of an address GFM would link (`https\://`, `www\.`, `\@`). (A line's start — a list
/// marker, a numbered line — is escaped where lines are made.)
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // An entity (`&amp;`, `&#60;`) would be read as the character it names.
            '&' if entity_at(&chars[i + 1..]) => out.push_str("\\&"),
            // A web or mail address in the text would become a link (GFM's autolinks).
            ':' if chars[i + 1..].starts_with(&['/', '/']) => out.push_str("\\:"),
            '.' if i >= 3 && chars[i - 3..i].iter().collect::<String>().eq_ignore_ascii_case("www") => {
                out.push_str("\\.")
            }
            '@' => out.push_str("\\@"),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Whether `rest` (after an `&`) reads as an entity's name and its `;`.
fn entity_at(rest: &[char]) -> bool {
    let name = rest.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '#').count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Make a line's start plain text: a list marker, a numbered line's `1.`, a setext underline or
/// leading spaces (a code block) are escaped or dropped.
fn line_start(line: &str) -> String {
    let line = line.trim_start_matches([' ', '\t']);
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if line.starts_with(['-', '+', '=']) {
        format!("\\{line}")
    } else if digits > 0 && digits <= 9 && line[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line.to_string()
    }
}

/// A paragraph's lines, each made plain at its start.
fn lines_plain(text: &str) -> String {
    text.split('\n').map(line_start).collect::<Vec<_>>().join("\n")
}

/// The Markdown of a document. Its figures are referred to in `figures/` beside it (the caller
/// writes them there).
pub fn write(doc: &Document, figures: &str) -> String {
    let m = &doc.metadata;
    let mut w = Writer::new(doc, figures);
    if m.cover {
        let title = escape(&title_line(m));
        let mut line = escape(&m.author);
        if let Some(p) = &m.publication {
            let _ = write!(line, " · {}", escape(p));
        }
        w.parts.push(format!("# {title}"));
        w.parts.push(lines_plain(&line));
    }
    w.blocks(&doc.blocks);
    w.flush_notes();
    if let Some(c) = &m.colophon {
        w.parts.push("---".into());
        w.parts.push(format!("*{}*", escape(c)));
    }
    let mut out = w.parts.join("\n\n");
    out.push('\n');
    out
}

struct Writer<'f> {
    /// The blocks written so far, separated by blank lines when joined.
    parts: Vec<String>,
    shift: u8,
    /// Where an anchor leads: the slug of its heading.
    slugs: HashMap<String, String>,
    /// The label of each footnote id (the latest note of that id), and the labels given.
    labels: HashMap<String, String>,
    taken: HashSet<String>,
    /// Notes waiting for the end of their part: (label, Markdown of its blocks).
    pending: Vec<(String, String)>,
    depth: usize,
    in_note: bool,
    figures: &'f str,
}

impl<'f> Writer<'f> {
    fn new(doc: &Document, figures: &'f str) -> Writer<'f> {
        let shift = u8::from(doc.metadata.cover);
        // The slugs as a GFM renderer makes them, for every heading in order (repeats numbered).
        let mut anchorizer = comrak::Anchorizer::new();
        if doc.metadata.cover {
            anchorizer.anchorize(&title_line(&doc.metadata));
        }
        let mut slugs = HashMap::new();
        walk_slugs(&doc.blocks, &mut anchorizer, &mut Vec::new(), &mut slugs);
        Writer {
            parts: Vec::new(),
            shift,
            slugs,
            labels: HashMap::new(),
            taken: HashSet::new(),
            pending: Vec::new(),
            depth: 0,
            in_note: false,
            figures,
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    /// The Markdown of blocks inside a container, as one string (their notes wait).
    fn nested(&mut self, blocks: &[Block]) -> String {
        let saved = std::mem::take(&mut self.parts);
        self.depth += 1;
        self.blocks(blocks);
        self.depth -= 1;
        std::mem::replace(&mut self.parts, saved).join("\n\n")
    }

    /// Long because it is the one match over every kind of block of the tree (a writer knows block
    /// kinds, not documents); each arm is short.
    fn block(&mut self, b: &Block) {
        match b {
            Block::Heading { level, content, kicker, .. } => {
                self.flush_notes();
                let level = level.saturating_add(self.shift).clamp(1, 6) as usize;
                let mut text = String::new();
                if let Some(k) = kicker {
                    let _ = write!(text, "{} | ", escape(k));
                }
                text.push_str(&self.inlines(content).replace("  \n", " "));
                self.parts.push(format!("{} {}", "#".repeat(level), text.trim()));
            }
            Block::Paragraph { style, content } => {
                let text = self.inlines(content);
                let text = match style {
                    // Set apart as emphasis, unless it is already.
                    ParagraphStyle::Muted if !matches!(content.as_slice(), [Inline::Emphasis { .. }]) => {
                        delimit("*", &text)
                    }
                    _ => text,
                };
                if !text.trim().is_empty() {
                    self.parts.push(lines_plain(&text));
                }
            }
            Block::List { ordered, start, items, .. } => {
                let tight = items.iter().all(|i| tight_item(i));
                let mut out = Vec::new();
                for (k, item) in items.iter().enumerate() {
                    let marker = if *ordered { format!("{}. ", *start as usize + k) } else { "- ".to_string() };
                    let body = if tight {
                        // A line, and the lists under it without a blank line: a tight list.
                        item.iter().map(|b| self.nested(std::slice::from_ref(b))).collect::<Vec<_>>().join("\n")
                    } else {
                        self.nested(item)
                    };
                    out.push(indent_item(&marker, &body));
                }
                self.parts.push(out.join(if tight { "\n" } else { "\n\n" }));
            }
            Block::Table(t) => {
                if let Some(c) = &t.caption {
                    let caption = self.inlines(c);
                    self.parts.push(lines_plain(&delimit("*", &caption)));
                }
                let table = self.table(t);
                self.parts.push(table);
            }
            Block::Callout { title, content, link: callout_link, .. } => {
                let mut inner = Vec::new();
                if let Some(t) = title {
                    inner.push(format!("**{}**", escape(t)));
                }
                let body = self.nested(content);
                if !body.is_empty() {
                    inner.push(body);
                }
                if let Some(l) = callout_link {
                    inner.push(match &l.url {
                        Some(url) => link(&escape(&l.text), url),
                        None => lines_plain(&escape(&l.text)),
                    });
                }
                self.parts.push(quote(&inner.join("\n\n")));
            }
            Block::PhaseLadder { steps } => {
                let steps: Vec<String> = steps
                    .iter()
                    .map(|s| match s.state {
                        StepState::Current => format!("**{}**", escape(&s.name)),
                        _ => escape(&s.name),
                    })
                    .collect();
                self.parts.push(format!("Fase: {}", steps.join(" → ")));
            }
            Block::Facts { items } => {
                let lines: Vec<String> = items
                    .iter()
                    .map(|f| {
                        let label = self.inlines(&f.label);
                        let value = self.inlines(&f.value);
                        format!("{} {value}", delimit("**", &label))
                    })
                    .collect();
                self.parts.push(lines_plain(&lines.join("  \n")));
            }
            Block::Definitions { items } => {
                for d in items {
                    let term = delimit("**", &self.inlines(&d.term));
                    match d.description.as_slice() {
                        [Block::Paragraph { content, .. }] => {
                            let text = self.inlines(content);
                            self.parts.push(lines_plain(&format!("{term}: {text}")));
                        }
                        blocks => {
                            self.parts.push(lines_plain(&term));
                            self.blocks(blocks);
                        }
                    }
                }
            }
            Block::Chart(c) => self.chart(c),
            Block::Signature { names, roles } => {
                let mut s = format!("**{}**", escape(names));
                if let Some(r) = roles {
                    let _ = write!(s, "  \n{}", escape(r));
                }
                self.parts.push(lines_plain(&s));
            }
            Block::Quote { content } => {
                let body = self.nested(content);
                self.parts.push(quote(&body));
            }
            Block::Code { text } => {
                let longest = longest_run(text, '`');
                let fence = "`".repeat(longest.max(2) + 1);
                self.parts.push(format!("{fence}\n{text}\n{fence}"));
            }
            Block::Rule => self.parts.push("---".into()),
            Block::Break { .. } => {}
            Block::Section { content, .. } => {
                self.flush_notes();
                self.blocks(content);
                self.flush_notes();
            }
            Block::Figure(f) => {
                let file = f.image.rsplit('/').next().unwrap_or(&f.image);
                let path = if self.figures.is_empty() { file.to_string() } else { format!("{}/{file}", self.figures) };
                self.parts.push(format!("![{}]({})", escape(&f.alt), url(&path)));
            }
        }
    }

    /// A chart: its title, and its numbers as a table.
    fn chart(&mut self, c: &Chart) {
        self.parts.push(lines_plain(&format!("**{}**", escape(&c.title))));
        let table = self.table(&c.table);
        self.parts.push(table);
    }

    /// A GFM table: the header row, the alignment row, a line per row; a cell's blocks on one line.
    fn table(&mut self, t: &Table) -> String {
        self.depth += 1;
        let mut lines = Vec::new();
        let header: Vec<String> = t.columns.iter().map(|c| self.inlines(&c.header)).collect();
        lines.push(row_line(&header));
        lines.push(row_line(
            &t.columns
                .iter()
                .map(|c| {
                    match (c.numeric, c.align) {
                        (true, _) | (_, Align::Right) => "---:",
                        (_, Align::Center) => ":---:",
                        (_, Align::Left) => ":---",
                        _ => "---",
                    }
                    .to_string()
                })
                .collect::<Vec<_>>(),
        ));
        for r in &t.rows {
            let mut cells: Vec<String> = r.cells.iter().map(|c| self.cell(c)).collect();
            cells.resize(t.columns.len().max(cells.len()), String::new());
            match r.style {
                RowStyle::Sub => {
                    if let Some(first) = cells.first_mut() {
                        *first = format!("↳ {first}");
                    }
                }
                // A total is set in bold, as the paged formats set it.
                RowStyle::Total => {
                    for c in cells.iter_mut().filter(|c| !c.trim().is_empty() && !c.starts_with("**")) {
                        *c = delimit("**", c);
                    }
                }
                RowStyle::Normal => {}
            }
            lines.push(row_line(&cells));
        }
        self.depth -= 1;
        lines.join("\n")
    }

    /// A table cell's blocks on one line: paragraphs and list items apart by a line break.
    fn cell(&mut self, blocks: &[Block]) -> String {
        let mut pieces = Vec::new();
        for b in blocks {
            match b {
                Block::Paragraph { content, .. } | Block::Heading { content, .. } => pieces.push(self.inlines(content)),
                Block::List { ordered, start, items, .. } => {
                    for (k, item) in items.iter().enumerate() {
                        let marker = if *ordered { format!("{}. ", *start as usize + k) } else { "• ".into() };
                        pieces.push(format!("{marker}{}", self.cell(item)));
                    }
                }
                other => {
                    let mut texts = Vec::new();
                    crate::render::doc::blocks_texts(std::slice::from_ref(other), &mut texts);
                    pieces.push(escape(&texts.join(" ")));
                }
            }
        }
        pieces.join("<br>").replace("  \n", "<br>").replace('\n', " ")
    }

    fn inlines(&mut self, inlines: &[Inline]) -> String {
        let mut s = String::new();
        for i in inlines {
            self.inline(i, &mut s);
        }
        s
    }

    fn inline(&mut self, i: &Inline, s: &mut String) {
        match i {
            Inline::Text { text } => s.push_str(&escape(text)),
            Inline::Strong { content } => s.push_str(&delimit("**", &self.inlines(content))),
            Inline::Emphasis { content } => s.push_str(&delimit("*", &self.inlines(content))),
            Inline::Strikethrough { content } => s.push_str(&delimit("~~", &self.inlines(content))),
            Inline::Code { text } => {
                let fence = "`".repeat(longest_run(text, '`') + 1);
                let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
                let _ = write!(s, "{fence}{pad}{}{pad}{fence}", text.replace('\n', " "));
            }
            Inline::Link { url: target, content } => {
                let text = self.inlines(content);
                s.push_str(&link(&text, target));
            }
            Inline::InternalLink { anchor, content } => {
                let text = self.inlines(content);
                match self.slugs.get(anchor) {
                    Some(slug) if !text.is_empty() => {
                        let _ = write!(s, "[{text}](#{slug})");
                    }
                    _ => s.push_str(&text),
                }
            }
            Inline::Abbreviation { short, anchor, .. } => match self.slugs.get(anchor) {
                Some(slug) => {
                    let _ = write!(s, "[{}](#{slug})", escape(short));
                }
                None => s.push_str(&escape(short)),
            },
            Inline::Footnote { id, content } => {
                if self.in_note {
                    // A note in a note stands in brackets at its place.
                    let mut texts = Vec::new();
                    crate::render::doc::blocks_texts(content, &mut texts);
                    let text = texts.join(" ");
                    if !text.trim().is_empty() {
                        let _ = write!(s, " ({})", escape(&text));
                    }
                    return;
                }
                let label = self.label(id);
                self.in_note = true;
                let body = self.nested(content);
                self.in_note = false;
                self.pending.push((label.clone(), body));
                let _ = write!(s, "[^{label}]");
            }
            Inline::FootnoteRef { id } => {
                if let Some(label) = self.labels.get(id) {
                    let _ = write!(s, "[^{label}]");
                }
            }
            Inline::LineBreak => s.push_str("  \n"),
        }
    }

    /// A new note's label: its id, with only the characters a label may hold, unique.
    fn label(&mut self, id: &str) -> String {
        let base: String =
            id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
        let base = if base.is_empty() { "noot".to_string() } else { base };
        let mut label = base.clone();
        let mut k = 1;
        while !self.taken.insert(label.clone()) {
            k += 1;
            label = format!("{base}-{k}");
        }
        self.labels.insert(id.to_string(), label.clone());
        label
    }

    /// Define the notes referred to since the last definitions, at the top level only.
    fn flush_notes(&mut self) {
        if self.depth > 0 || self.pending.is_empty() {
            return;
        }
        let notes: Vec<String> = std::mem::take(&mut self.pending)
            .into_iter()
            .map(|(label, body)| {
                // The first line after the label, the rest indented under it.
                let mut lines = body.lines();
                let mut s = format!("[^{label}]: {}", lines.next().unwrap_or_default());
                for l in lines {
                    s.push('\n');
                    if !l.is_empty() {
                        s.push_str("    ");
                        s.push_str(l);
                    }
                }
                s
            })
            .collect();
        self.parts.push(notes.join("\n\n"));
    }
}

/// The title line of a document with a title page: its title, subtitle and period.
fn title_line(m: &crate::render::doc::Metadata) -> String {
    let mut title = m.title.clone();
    for x in [&m.subtitle, &m.period].into_iter().flatten() {
        let _ = write!(title, " — {x}");
    }
    title
}

/// The slug of every heading the writer writes, in order (`made`), and where each anchor leads:
/// a heading's anchor to its slug, a section's to the slug of the heading it begins with.
fn walk_slugs(
    blocks: &[Block],
    a: &mut comrak::Anchorizer,
    made: &mut Vec<String>,
    slugs: &mut HashMap<String, String>,
) {
    for b in blocks {
        match b {
            Block::Heading { content, anchor, kicker, .. } => {
                let slug = a.anchorize(&heading_text(kicker.as_deref(), content));
                if let Some(anchor) = anchor {
                    slugs.entry(anchor.clone()).or_insert_with(|| slug.clone());
                }
                made.push(slug);
            }
            Block::Section { anchor, content, .. } => {
                let first = made.len();
                walk_slugs(content, a, made, slugs);
                if let (Some(anchor), Some(Block::Heading { .. })) = (anchor, content.first()) {
                    slugs.entry(anchor.clone()).or_insert_with(|| made[first].clone());
                }
            }
            Block::Callout { content, .. } | Block::Quote { content } => walk_slugs(content, a, made, slugs),
            Block::List { items, .. } => items.iter().for_each(|i| walk_slugs(i, a, made, slugs)),
            Block::Definitions { items } => items.iter().for_each(|d| {
                if !matches!(d.description.as_slice(), [Block::Paragraph { .. }]) {
                    walk_slugs(&d.description, a, made, slugs)
                }
            }),
            _ => {}
        }
    }
}

/// The text of a heading as written (its label, a bar, the heading), for its slug.
fn heading_text(kicker: Option<&str>, content: &[Inline]) -> String {
    match kicker {
        Some(k) => format!("{k} | {}", inline_text(content)),
        None => inline_text(content),
    }
}

/// `text` between delimiters (`**`, `*`, `~~`), its spaces at either end outside them (a
/// delimiter beside a space is not one).
fn delimit(mark: &str, text: &str) -> String {
    let core = text.trim();
    if core.is_empty() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{lead}{mark}{core}{mark}{trail}")
}

/// A link: `<url>` when its text is the address, else `[text](url)`.
fn link(text: &str, target: &str) -> String {
    if escape(target) == text {
        format!("<{}>", target.replace('<', "%3C").replace('>', "%3E").replace(' ', "%20"))
    } else {
        format!("[{text}]({})", url(target))
    }
}

/// A link's destination: in angle brackets when it holds spaces or brackets.
fn url(target: &str) -> String {
    let t = target.replace('<', "%3C").replace('>', "%3E");
    if t.contains([' ', '(', ')']) { format!("<{t}>") } else { t }
}

fn row_line(cells: &[String]) -> String {
    let mut s = String::from("|");
    for c in cells {
        let _ = write!(s, " {} |", c.trim());
    }
    s
}

/// An item of a tight list: a paragraph, and lists under it that may follow it without a blank
/// line (a numbered list only from 1, else it would read as the paragraph's text).
fn tight_item(item: &[Block]) -> bool {
    match item {
        [] => true,
        [Block::Paragraph { .. }, rest @ ..] => {
            rest.iter().all(|b| matches!(b, Block::List { ordered, start, .. } if !*ordered || *start == 1))
        }
        _ => false,
    }
}

/// A list item: the marker before its first line, the other lines indented under it.
fn indent_item(marker: &str, body: &str) -> String {
    let pad = " ".repeat(marker.chars().count());
    let mut out = String::new();
    for (k, l) in body.lines().enumerate() {
        if k == 0 {
            out.push_str(marker);
            out.push_str(l);
        } else {
            out.push('\n');
            if !l.is_empty() {
                out.push_str(&pad);
                out.push_str(l);
            }
        }
    }
    if out.is_empty() { marker.trim_end().to_string() } else { out }
}

/// A block quote: `> ` before every line.
fn quote(body: &str) -> String {
    body.lines().map(|l| if l.is_empty() { ">".to_string() } else { format!("> {l}") }).collect::<Vec<_>>().join("\n")
}

fn longest_run(text: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for x in text.chars() {
        if x == c {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}
