//! The draft of a newsletter edition (`koers newsletter EDITIE --new`): the frame to fill in, a
//! block for each project with results reported in the edition, and what changed since the one
//! before, as comments.

use crate::core::dates::Period;
use crate::model::Programme;

/// A draft edition file: the edition's frame to fill in and a block for each project with results
/// reported in it, under its thema heading, in table order.
pub fn draft_edition_yaml(prog: &Programme, period: Period) -> String {
    use std::fmt::Write;
    let mut s = String::from("# yaml-language-server: $schema=../schema/nieuwsbrief.schema.json\n");
    let titel = match period.kind {
        crate::core::dates::PeriodKind::Quarter(q) => {
            format!("Even bijpraten... Q{q} - {}", period.first.year)
        }
        _ => format!("Even bijpraten... {}", period.dutch()),
    };
    let _ = writeln!(s, "titel: \"{titel}\"");
    s.push_str("inleiding: |\n  We verzenden iedere maand een update naar jou als betrokken BO- of AO-lid.\n");
    s.push_str("# highlights: |\n#   Deze maand lees je o.a. over ...\n");
    s.push_str(
        "# De blokken van de nieuwsbrief, in de volgorde waarin ze staan: een kop \"thema\", een update\n\
         # \"project\" (de resultaten die in deze editie gemeld zijn), een \"item\", het blok \"uitgelicht\".\n\
         # Verplaats, verwijder of voeg blokken toe; elk resultaat van deze editie moet in een blok staan.\n",
    );
    s.push_str(&draft_changes(prog, period));
    let mut blocks = String::new();
    for t in &prog.themalijnen {
        let mut thema = false;
        for p in &t.projecten {
            let n = p.resultaten_in_editie(period).count();
            if n == 0 {
                continue;
            }
            if !thema {
                thema = true;
                let _ = writeln!(blocks, "  - thema: {}  # Thema {}", t.id, t.naam.to_lowercase());
            }
            let _ =
                writeln!(blocks, "  - project: {}  # {}: {} result{}", p.id, p.naam, n, if n == 1 { "" } else { "s" });
            // What the updates say, to help choose (comments: not part of the data).
            for r in p.resultaten_in_editie(period) {
                let first = crate::core::text::cut_at_word(&crate::core::text::one_line(&r.tekst), 90);
                let _ = writeln!(blocks, "    #   {first}");
            }
        }
    }
    let example = |kind: &str| format!("  # - {kind}:\n  #     titel: ...\n  #     tekst: |\n  #       ...\n");
    if blocks.is_empty() {
        s.push_str("blokken: []  # no results are reported in this edition yet: add them to the project files\n");
        s.push_str(&example("item"));
    } else {
        s.push_str("blokken:\n");
        s.push_str(&example("item"));
        s.push_str(&blocks);
        s.push_str(&example("uitgelicht"));
    }
    s
}

/// Comment lines for a draft edition: what changed since the edition before it (or, for the first
/// edition, since the latest rapportage before it) — the same comparison as `koers changes` and
/// the rapportage's "Wat is er veranderd".
fn draft_changes(prog: &Programme, period: Period) -> String {
    use crate::model::changes::{Stand, compare};
    use std::fmt::Write;
    let vorige_editie = prog.edities.iter().map(|e| e.periode).filter(|e| e.last < period.first).max_by_key(|e| e.last);
    let (oud, sinds) = match vorige_editie {
        Some(e) => (Stand::editie(prog, e), format!("editie {}", e.id())),
        None => match prog.rapportage_periods().into_iter().filter(|r| r.last < period.first).max() {
            Some(r) => (Stand::rapportage(prog, r), format!("rapportage {}", r.id())),
            None => return String::new(),
        },
    };
    let lijst = compare(&oud, &Stand::editie(prog, period));
    let mut lines = Vec::new();
    for w in &lijst {
        let naam = &w.project.naam;
        for f in &w.fasen {
            let van = f.van.as_ref().map_or("–", |v| v.name());
            let sinds = f.sinds.map(|m| format!(" (sinds {})", m.table())).unwrap_or_default();
            let reden = f.reden.as_deref().filter(|_| f.terug()).map(|r| format!(" — terug: {r}")).unwrap_or_default();
            lines.push(format!("fase: {naam}: {van} → {}{sinds}{reden}", f.naar));
        }
        if w.nieuw {
            lines.push(format!("nieuw project: {naam}"));
        }
        if let Some(m) = w.beeindigd {
            lines.push(format!("beëindigd: {naam} ({})", m.table()));
        }
    }
    let zonder: Vec<&str> = lijst.iter().filter(|w| w.zonder_resultaten).map(|w| w.project.naam.as_str()).collect();
    if !zonder.is_empty() {
        lines.push(format!("zonder resultaten voor deze editie: {}", zonder.join(", ")));
    }
    let mut out =
        format!("# Wat er veranderd is sinds {sinds}, volgens de gegevens (koers changes berekent hetzelfde):\n");
    if lines.is_empty() {
        out.push_str("#   niets\n");
    }
    for l in lines {
        let _ = writeln!(out, "#   {}", crate::core::text::one_line(&l));
    }
    out
}
