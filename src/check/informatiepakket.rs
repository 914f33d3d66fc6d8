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
                    crate::t!("data-budget-unbalanced", baten = euro(bz.sum()), lasten = euro(lz.sum())),
                )
                .hint(crate::t!("data-budget-unbalanced-hint", difference = euro(diff.abs()))),
            );
        } else if baten && lasten && bz.risicoreserve.unwrap_or(0) != lz.risicoreserve.unwrap_or(0) {
            diags.push(
                f.error_at(
                    &path!["begroting", "lasten", "risicoreserve"],
                    crate::t!(
                        "data-budget-reserves-differ",
                        lasten = euro(lz.risicoreserve.unwrap_or(0)),
                        baten = euro(bz.risicoreserve.unwrap_or(0))
                    ),
                )
                .hint(crate::t!("data-budget-reserves-differ-hint")),
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
                        crate::t!("data-owner-count", stated = n, owners = owners),
                    )
                    .at(crate::core::diagnostics::Pos { line: i + 1, column }, &f.text)
                    .hint(crate::t!("data-owner-count-hint")),
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
                    f.error_at(
                        &path!["personeel", "functies", i, "fte"],
                        crate::t!("data-fte-invalid", value = r.fte.to_string()),
                    )
                    .hint(crate::t!("data-fte-invalid-hint")),
                );
            }
        }
    }
    if let (Some(stated), true) = (p.totaal_fte, complete) {
        match stated {
            StatedFte::Valid(t) if t != sum => diags.push(
                f.error_at(
                    &path!["personeel", "totaal_fte"],
                    crate::t!(
                        "data-fte-total-differs",
                        stated = t.dutch(),
                        count = p.functies.len(),
                        sum = sum.dutch()
                    ),
                )
                .hint(crate::t!("data-fte-total-differs-hint", sum = sum.decimal())),
            ),
            StatedFte::Valid(_) => {}
            StatedFte::Invalid(_) => diags.push(
                f.error_at(
                    &path!["personeel", "totaal_fte"],
                    crate::t!("data-fte-invalid", value = stated.to_string()),
                )
                .hint(crate::t!("data-fte-total-invalid-hint", sum = sum.decimal())),
            ),
        }
    }
}

/// Check one side of the budget; true when its stated totals agree with its lines.
fn zijde(f: &SourceFile, side: &str, z: &BegrotingZijde, diags: &mut Diagnostics) -> bool {
    let sum = z.sum();
    let mut ok = true;
    let lines = z.posten.len();
    if let Some(stated) = z.totaal
        && stated != sum
    {
        ok = false;
        diags.push(
            f.error_at(
                &path!["begroting", side, "totaal"],
                crate::t!(
                    "data-budget-total-differs",
                    side = side,
                    stated = euro(stated),
                    lines = lines,
                    sum = euro(sum)
                ),
            )
            .hint(crate::t!("data-budget-total-differs-hint", sum = sum.to_string())),
        );
    }
    match (z.totaal_incl_reserve, z.risicoreserve) {
        (Some(_), None) => {
            ok = false;
            diags.push(
                f.error_at(
                    &path!["begroting", side, "totaal_incl_reserve"],
                    crate::t!("data-budget-reserve-missing", side = side),
                )
                .hint(crate::t!("data-budget-reserve-missing-hint")),
            );
        }
        (Some(stated), Some(reserve)) if stated != sum + reserve => {
            ok = false;
            diags.push(
                f.error_at(
                    &path!["begroting", side, "totaal_incl_reserve"],
                    crate::t!(
                        "data-budget-total-with-reserve-differs",
                        side = side,
                        stated = euro(stated),
                        lines = lines,
                        sum = euro(sum),
                        reserve = euro(reserve),
                        total = euro(sum + reserve)
                    ),
                )
                .hint(crate::t!("data-budget-total-with-reserve-differs-hint", total = (sum + reserve).to_string())),
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
                f.error_at(&at, crate::t!("data-themalijn-listed-twice", themalijn = bs.themalijn.as_str()))
                    .hint(crate::t!("data-listed-twice-hint", first = first + 1)),
            );
        }
        if !set.themalijnen.contains_key(&bs.themalijn) && !set.failed_ids.contains(&bs.themalijn) {
            let d = f.error_at(&at, crate::t!("data-no-such-themalijn", themalijn = bs.themalijn.as_str()));
            diags.push(match did_you_mean(&bs.themalijn, themalijn_ids.iter().copied()) {
                Some(s) => d.hint(crate::t!("data-did-you-mean", best = s)),
                None => d.hint(crate::t!("data-known-themalijnen", themalijnen = themalijn_ids.join(", "))),
            });
        }
        let mut listed: HashMap<&str, usize> = HashMap::new();
        for (j, p) in bs.projecten.iter().enumerate() {
            let at = path!["bouwstenen", "themalijnen", i, "projecten", j, "project"];
            if let Some(first) = listed.insert(p.project.as_str(), j) {
                diags.push(
                    f.error_at(&at, crate::t!("data-project-listed-twice", project = p.project.as_str()))
                        .hint(crate::t!("data-listed-twice-hint", first = first + 1)),
                );
                continue;
            }
            match set.projecten.get(&p.project) {
                None if set.failed_ids.contains(&p.project) => {}
                None => {
                    let d = f.error_at(&at, crate::t!("data-no-such-project", project = p.project.as_str()));
                    diags.push(match did_you_mean(&p.project, project_ids.iter().copied()) {
                        Some(s) => d.hint(crate::t!("data-did-you-mean", best = s)),
                        None => d.hint(crate::t!("data-projects-are-files")),
                    });
                }
                Some(proj) if proj.data.themalijn != bs.themalijn && set.themalijnen.contains_key(&bs.themalijn) => {
                    diags.push(
                        f.error_at(
                            &at,
                            crate::t!(
                                "data-project-of-other-themalijn",
                                project = p.project.as_str(),
                                own = proj.data.themalijn.as_str(),
                                listed = bs.themalijn.as_str()
                            ),
                        )
                        .hint(crate::t!("data-list-under-own-themalijn")),
                    );
                }
                Some(_) => {}
            }
        }
    }
}
