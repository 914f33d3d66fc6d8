//! The PDFs are accessible by their structure, not only by typst's claim of PDF/UA-1 and
//! PDF/A-2a: each PDF's structure tree is walked in reading order, and
//! - every figure (image, chart) has alt text,
//! - headings are nested in order (never a level deeper than one below the previous),
//! - every table has header cells, and every row is in a table,
//! - the table of contents is a TOC with an entry (TOCI) for each heading of level 1 and 2 (the
//!   outline's depth), each entry a link,
//! - the document language is Dutch and the window shows the title, not the file name.

use crate::common;

use common::read;
use lopdf::{Dictionary, Document, Object};

/// A structure element: its type (after the role map), alt text, and children in reading order.
struct Element {
    kind: String,
    alt: Option<String>,
    children: Vec<Element>,
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match o {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

fn name(doc: &Document, o: &Object) -> Option<String> {
    let o = match o {
        Object::Reference(id) => doc.get_object(*id).ok()?,
        o => o,
    };
    o.as_name().ok().map(|n| String::from_utf8_lossy(n).into_owned())
}

fn text(doc: &Document, o: &Object) -> Option<String> {
    let o = match o {
        Object::Reference(id) => doc.get_object(*id).ok()?,
        o => o,
    };
    match o {
        Object::String(bytes, _) => {
            Some(lopdf::decode_text_string(o).unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned()))
        }
        _ => None,
    }
}

fn element(doc: &Document, d: &Dictionary, roles: &Dictionary, depth: usize) -> Element {
    assert!(depth < 200, "the structure tree is too deep (a cycle?)");
    let mut kind = d.get(b"S").ok().and_then(|s| name(doc, s)).unwrap_or_default();
    // Custom types map to standard ones through the role map.
    for _ in 0..8 {
        match roles.get(kind.as_bytes()).ok().and_then(|o| name(doc, o)) {
            Some(mapped) if mapped != kind => kind = mapped,
            _ => break,
        }
    }
    let alt = d.get(b"Alt").ok().and_then(|a| text(doc, a));
    let mut children = Vec::new();
    let mut push = |o: &Object| {
        if let Some(k) = dict(doc, o)
            && k.get(b"S").is_ok()
        {
            children.push(element(doc, k, roles, depth + 1));
        }
    };
    match d.get(b"K") {
        Ok(Object::Array(items)) => items.iter().for_each(&mut push),
        Ok(Object::Reference(id)) => match doc.get_object(*id) {
            Ok(Object::Array(items)) => items.iter().for_each(&mut push),
            Ok(o) => push(o),
            Err(_) => {}
        },
        Ok(o) => push(o),
        Err(_) => {}
    }
    Element { kind, alt, children }
}

fn tree(pdf: &[u8]) -> (Document, Element) {
    let doc = Document::load_mem(pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let root = dict(&doc, catalog.get(b"StructTreeRoot").expect("a tagged PDF has a structure tree")).unwrap();
    let empty = Dictionary::new();
    let roles = root.get(b"RoleMap").ok().and_then(|r| dict(&doc, r)).unwrap_or(&empty);
    let top = element(&doc, root, roles, 0);
    (doc, top)
}

fn walk<'a>(e: &'a Element, out: &mut Vec<&'a Element>) {
    out.push(e);
    for c in &e.children {
        walk(c, out);
    }
}

fn heading_level(kind: &str) -> Option<usize> {
    kind.strip_prefix('H').and_then(|n| n.parse().ok())
}

fn check(path: &str) {
    let pdf = read(path);
    let (doc, top) = tree(&pdf);
    let mut all = Vec::new();
    walk(&top, &mut all);
    assert!(all.len() > 50, "{path}: only {} structure elements", all.len());

    // Alt text on every figure.
    let figures: Vec<&&Element> = all.iter().filter(|e| e.kind == "Figure").collect();
    for f in &figures {
        assert!(f.alt.as_deref().is_some_and(|a| a.trim().len() > 3), "{path}: a figure without alt text");
    }

    // Headings in order: a level at most one deeper than the one before; the first is a level 1.
    let levels: Vec<usize> = all.iter().filter_map(|e| heading_level(&e.kind)).collect();
    assert!(levels.len() >= 3, "{path}: {} headings", levels.len());
    assert_eq!(levels[0], 1, "{path}: the first heading is H{}", levels[0]);
    for w in levels.windows(2) {
        assert!(w[1] <= w[0] + 1, "{path}: a heading H{} follows H{} (levels {levels:?})", w[1], w[0]);
    }

    // Tables with header cells; rows only inside tables.
    let tables: Vec<&&Element> = all.iter().filter(|e| e.kind == "Table").collect();
    for t in &tables {
        let mut cells = Vec::new();
        walk(t, &mut cells);
        assert!(cells.iter().any(|c| c.kind == "TH"), "{path}: a table without header cells");
        assert!(cells.iter().any(|c| c.kind == "TR"), "{path}: a table without rows");
    }
    let rows_in_tables: usize = tables
        .iter()
        .map(|t| {
            let mut v = Vec::new();
            walk(t, &mut v);
            v.iter().filter(|e| e.kind == "TR").count()
        })
        .sum();
    assert_eq!(all.iter().filter(|e| e.kind == "TR").count(), rows_in_tables, "{path}: a row outside a table");

    // Language and title.
    let catalog = doc.catalog().unwrap();
    let lang = catalog.get(b"Lang").ok().and_then(|l| text(&doc, l)).unwrap_or_default();
    assert!(lang.starts_with("nl"), "{path}: language {lang:?}");
    let prefs = catalog.get(b"ViewerPreferences").ok().and_then(|p| dict(&doc, p)).expect("viewer preferences");
    assert_eq!(
        prefs.get(b"DisplayDocTitle").ok().and_then(|b| b.as_bool().ok()),
        Some(true),
        "{path}: the window shows the file name"
    );
    let info = doc.trailer.get(b"Info").ok().and_then(|i| dict(&doc, i)).expect("document information");
    let title = info.get(b"Title").ok().and_then(|t| text(&doc, t)).unwrap_or_default();
    assert!(!title.trim().is_empty(), "{path}: no title");
    eprintln!(
        "{path}: {} elements, {} figures with alt text, {} headings, {} tables; title {title:?}",
        all.len(),
        figures.len(),
        levels.len(),
        tables.len()
    );
}

/// The table of contents: one TOC (with nested TOCs for the levels below) whose entries are one
/// per chapter (and per listed heading of level 2) but its own title, each entry holding a link.
fn check_toc(path: &str) {
    let pdf = read(path);
    let (_, top) = tree(&pdf);
    let mut all = Vec::new();
    walk(&top, &mut all);
    let tocs: Vec<&&Element> = all.iter().filter(|e| e.kind == "TOC").collect();
    assert!(!tocs.is_empty(), "{path}: no table of contents");
    let mut in_toc = Vec::new();
    walk(tocs[0], &mut in_toc);
    let entries: Vec<&&Element> = in_toc.iter().filter(|e| e.kind == "TOCI").collect();
    let entries_anywhere = all.iter().filter(|e| e.kind == "TOCI").count();
    assert_eq!(entries.len(), entries_anywhere, "{path}: an entry outside the table of contents");
    // Every chapter (H1, but the title) has an entry; a H2 of a text's own (not listed, as in the
    // seed) has none.
    let h1 = all.iter().filter(|e| heading_level(&e.kind) == Some(1)).count();
    let h12 = all.iter().filter(|e| matches!(heading_level(&e.kind), Some(1 | 2))).count();
    assert!(
        (h1 - 1..h12).contains(&entries.len()),
        "{path}: {} entries for {h1} chapters (one the title) and {h12} headings H1–H2",
        entries.len()
    );
    for e in &entries {
        let mut inside = Vec::new();
        walk(e, &mut inside);
        assert!(inside.iter().any(|c| c.kind == "Link"), "{path}: an entry of the table of contents is no link");
    }
}

#[test]
fn the_rapportage_pdf_is_accessible_by_its_structure() {
    check("rapportage/tussentijdse-rapportage-2024-H1.pdf");
    check_toc("rapportage/tussentijdse-rapportage-2024-H1.pdf");
}

#[test]
fn the_regioplan_pdf_is_accessible_by_its_structure() {
    check("regioplan/regioplan-2024-2026.pdf");
    check_toc("regioplan/regioplan-2024-2026.pdf");
}

#[test]
fn the_informatiepakket_pdf_is_accessible_by_its_structure() {
    check("informatiepakket/informatiepakket-2024-10-31.pdf");
}
