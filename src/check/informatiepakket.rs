//! The rules of informatiepakket.yaml: every total is the sum of its lines.
//!
//! The data states totals as the source document prints them (`totaal`, `risicoreserve`,
//! `totaal_incl_reserve`, `totaal_fte`); each is checked against the sum of its lines and a
//! difference is reported with the file, line and column of the stated total. The documents always
//! print the computed sums (model/informatiepakket.rs).

use crate::core::diagnostics::{Diagnostics, did_you_mean};
use crate::core::notation::{Fte, StatedFte, euro};
use crate::load::data_files::{self as df, BegrotingZijde};
use crate::load::yaml_tree::Step;
use crate::load::{DataSet, SourceFile};
use crate::path;
use std::collections::HashMap;

/// The rules of informatiepakket.yaml: dates, references to themalijnen and projects, and every
/// stated total against the sum of its lines.
pub fn validate(set: &DataSet) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let Some(ip) = &set.informatiepakket else { return diags };
    let (f, d) = (&ip.file, &ip.data);
    if let Some(p) = &d.personeel {
        personeel(f, p, &mut diags);
    }
    if let Some(p) = set.programme.as_ref().filter(|p| !p.data.eigenaren.is_empty()) {
        owner_counts(f, p.data.eigenaren.len(), &mut diags);
    }
    if let Some(b) = &d.bouwstenen {
        bouwstenen(set, f, b, &mut diags);
    }
    if let Some(b) = &d.begroting {
        let baten = zijde(f, "baten", &b.baten, &mut diags);
        let lasten = zijde(f, "lasten", &b.lasten, &mut diags);
        // A budget balances: compare the computed sums, so that a wrong stated total is reported once.
        let (bz, lz) = (&b.baten, &b.lasten);
        if baten && lasten && bz.sum() != lz.sum() {
            let diff = bz.sum() - lz.sum();
            diags.push(
                f.error_at(
                    &path!["begroting", "lasten", "posten"],
                    format!(
                        "the budget does not balance: the baten add up to {}, the lasten to {}",
                        euro(bz.sum()),
                        euro(lz.sum())
                    ),
                )
                .hint(format!(
                    "correct the line that is wrong, or account for the difference ({}) in a line of its own, as the source does with \"Positief resultaat\"",
                    euro(diff.abs())
                )),
            );
        } else if baten && lasten && bz.risicoreserve.unwrap_or(0) != lz.risicoreserve.unwrap_or(0) {
            diags.push(
                f.error_at(
                    &path!["begroting", "lasten", "risicoreserve"],
                    format!(
                        "the risicoreserve of the lasten ({}) differs from that of the baten ({})",
                        euro(lz.risicoreserve.unwrap_or(0)),
                        euro(bz.risicoreserve.unwrap_or(0))
                    ),
                )
                .hint("the reserve stands on both sides of the budget with the same amount"),
            );
        }
    }
    diags
}

/// The texts count the owners ("17 eigenaren"): the count must agree with the list in koers.yaml,
/// so that a new owner is not forgotten in the texts (a warning at the number).
fn owner_counts(f: &SourceFile, owners: usize, diags: &mut Diagnostics) {
    for (i, line) in crate::core::diagnostics::source_lines(&f.text).enumerate() {
        for (at, _) in line.match_indices(" eigenaren") {
            let digits: String = line[..at]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let Ok(n) = digits.parse::<usize>() else { continue };
            if n != owners {
                let column = line[..at - digits.len()].chars().count() + 1;
                diags.push(
                    crate::core::diagnostics::Diagnostic::warning(
                        &f.path,
                        format!("the text speaks of {n} eigenaren, but koers.yaml lists {owners} owners"),
                    )
                    .at(crate::core::diagnostics::Pos { line: i + 1, column }, &f.text)
                    .hint("correct the number here, or the list \"eigenaren\" in koers.yaml"),
                );
            }
        }
    }
}

fn personeel(f: &SourceFile, p: &df::Personeel, diags: &mut Diagnostics) {
    let mut sum = Fte(0);
    let mut complete = true;
    for (i, r) in p.functies.iter().enumerate() {
        match r.fte {
            StatedFte::Valid(x) => sum.0 += x.0,
            StatedFte::Invalid(_) => {
                complete = false;
                diags.push(
                    f.error_at(&path!["personeel", "functies", i, "fte"], format!("{} is not an amount of fte", r.fte))
                        .hint("write fte as a decimal number of at least 0 with at most two decimals, e.g. 3.31"),
                );
            }
        }
    }
    if let (Some(stated), true) = (p.totaal_fte, complete) {
        match stated {
            StatedFte::Valid(t) if t != sum => diags.push(
                f.error_at(
                    &path!["personeel", "totaal_fte"],
                    format!(
                        "the stated total of {} fte differs from the sum of its {} roles ({} fte)",
                        t.dutch(),
                        p.functies.len(),
                        sum.dutch()
                    ),
                )
                .hint(format!(
                    "the documents print the sum: correct the total to {}, or correct the role that is wrong",
                    sum.decimal()
                )),
            ),
            StatedFte::Valid(_) => {}
            StatedFte::Invalid(_) => diags.push(
                f.error_at(&path!["personeel", "totaal_fte"], format!("{stated} is not an amount of fte"))
                    .hint(format!("write the total as a decimal with at most two decimals: {}", sum.decimal())),
            ),
        }
    }
}

/// Check one side of the budget; true when its stated totals agree with its lines.
fn zijde(f: &SourceFile, side: &str, z: &BegrotingZijde, diags: &mut Diagnostics) -> bool {
    let sum = z.sum();
    let mut ok = true;
    let lines = if z.posten.len() == 1 { "its 1 line".to_string() } else { format!("its {} lines", z.posten.len()) };
    if let Some(stated) = z.totaal
        && stated != sum
    {
        ok = false;
        diags.push(
            f.error_at(
                &path!["begroting", side, "totaal"],
                format!(
                    "the stated total of the {side} ({}) differs from the sum of {lines} ({})",
                    euro(stated),
                    euro(sum)
                ),
            )
            .hint(format!(
                "the documents print the sum: correct the total to {}, or correct the line that is wrong",
                sum
            )),
        );
    }
    match (z.totaal_incl_reserve, z.risicoreserve) {
        (Some(_), None) => {
            ok = false;
            diags.push(
                f.error_at(
                    &path!["begroting", side, "totaal_incl_reserve"],
                    format!("the {side} state a total including the reserve, but no \"risicoreserve\""),
                )
                .hint("add \"risicoreserve:\" with its amount, or remove \"totaal_incl_reserve\""),
            );
        }
        (Some(stated), Some(reserve)) if stated != sum + reserve => {
            ok = false;
            diags.push(
                f.error_at(
                    &path!["begroting", side, "totaal_incl_reserve"],
                    format!(
                        "the stated total including the reserve of the {side} ({}) differs from the sum of {lines} plus the risicoreserve ({} + {} = {})",
                        euro(stated),
                        euro(sum),
                        euro(reserve),
                        euro(sum + reserve)
                    ),
                )
                .hint(format!(
                    "the documents print the sum: correct it to {}, or correct the line or the reserve that is wrong",
                    sum + reserve
                )),
            );
        }
        _ => {}
    }
    ok
}

fn bouwstenen(set: &DataSet, f: &SourceFile, b: &df::Bouwstenen, diags: &mut Diagnostics) {
    let themalijn_ids: Vec<&str> = set.themalijnen.keys().map(String::as_str).collect();
    let project_ids: Vec<&str> = set.projecten.keys().map(String::as_str).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, bs) in b.themalijnen.iter().enumerate() {
        let at: Vec<Step> = path!["bouwstenen", "themalijnen", i, "themalijn"].to_vec();
        if let Some(first) = seen.insert(bs.themalijn.as_str(), i) {
            diags.push(
                f.error_at(&at, format!("themalijn \"{}\" is listed twice", bs.themalijn))
                    .hint(format!("remove this entry; it is already entry {}", first + 1)),
            );
        }
        if !set.themalijnen.contains_key(&bs.themalijn) && !set.failed_ids.contains(&bs.themalijn) {
            let d = f.error_at(&at, format!("there is no themalijn \"{}\"", bs.themalijn));
            diags.push(match did_you_mean(&bs.themalijn, themalijn_ids.iter().copied()) {
                Some(s) => d.hint(format!("did you mean \"{s}\"?")),
                None => d.hint(format!("known themalijnen: {}", themalijn_ids.join(", "))),
            });
        }
        let mut listed: HashMap<&str, usize> = HashMap::new();
        for (j, p) in bs.projecten.iter().enumerate() {
            let at = path!["bouwstenen", "themalijnen", i, "projecten", j, "project"];
            if let Some(first) = listed.insert(p.project.as_str(), j) {
                diags.push(
                    f.error_at(&at, format!("project \"{}\" is listed twice", p.project))
                        .hint(format!("remove this entry; it is already entry {}", first + 1)),
                );
                continue;
            }
            match set.projecten.get(&p.project) {
                None if set.failed_ids.contains(&p.project) => {}
                None => {
                    let d = f.error_at(&at, format!("there is no project \"{}\"", p.project));
                    diags.push(match did_you_mean(&p.project, project_ids.iter().copied()) {
                        Some(s) => d.hint(format!("did you mean \"{s}\"?")),
                        None => d.hint("projects are the files in projecten/"),
                    });
                }
                Some(proj) if proj.data.themalijn != bs.themalijn && set.themalijnen.contains_key(&bs.themalijn) => {
                    diags.push(
                        f.error_at(
                            &at,
                            format!(
                                "project \"{}\" belongs to themalijn \"{}\", not to \"{}\"",
                                p.project, proj.data.themalijn, bs.themalijn
                            ),
                        )
                        .hint("list it under its own themalijn"),
                    );
                }
                Some(_) => {}
            }
        }
    }
}
