//! The Informatiepakket: its rules (every total is the sum of its lines), its model (totals
//! computed, never copied from the data) and Dutch notation for euros and fte.
//!
//! The data states totals as the source document prints them (`totaal`, `risicoreserve`,
//! `totaal_incl_reserve`, `totaal_fte`); validation checks each against the sum of its lines and
//! reports a difference with the file, line and column of the stated total. The documents always
//! print the computed sums.

use crate::data_files::{self as df, BegrotingZijde, InformatiepakketFile};
use crate::diagnostics::{Diagnostics, did_you_mean};
use crate::load::{DataSet, SourceFile};
use crate::path;
use crate::yaml_tree::Step;
use std::collections::HashMap;

/// An amount of fte, in hundredths (33,21 fte = 3321).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Fte(pub i64);

impl Fte {
    /// A decimal from the data: at least 0, at most two decimals.
    pub fn from_decimal(x: f64) -> Option<Fte> {
        let hundredths = x * 100.0;
        let rounded = hundredths.round();
        (x.is_finite() && x >= 0.0 && (hundredths - rounded).abs() < 1e-6).then_some(Fte(rounded as i64))
    }

    /// Dutch notation with a decimal comma and at least one decimal, as the source prints it:
    /// "1,0", "0,88", "33,21".
    pub fn dutch(self) -> String {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        if frac % 10 == 0 { format!("{whole},{}", frac / 10) } else { format!("{whole},{frac:02}") }
    }

    /// As it is written in the data: "33.21".
    pub fn decimal(self) -> String {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        if frac % 10 == 0 { format!("{whole}.{}", frac / 10) } else { format!("{whole}.{frac:02}") }
    }
}

/// Whole euros in Dutch notation: "€ 5.326.438", "€ -1.500".
pub fn euro(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("€ {}{grouped}", if amount < 0 { "-" } else { "" })
}

/// The Informatiepakket with its totals computed.
#[derive(Debug, Clone)]
pub struct Informatiepakket {
    /// The texts as written.
    pub data: InformatiepakketFile,
    pub datum: chrono::NaiveDate,
    pub personeel: Option<Personeel>,
    pub begroting: Option<Begroting>,
}

#[derive(Debug, Clone)]
pub struct Personeel {
    pub peildatum: chrono::NaiveDate,
    pub functies: Vec<(df::Functie, Fte)>,
    /// The sum of the roles.
    pub totaal: Fte,
    pub medewerkers: Option<u32>,
    pub medewerkers_toelichting: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Begroting {
    pub jaar: i32,
    pub kolom: String,
    pub baten: Zijde,
    pub lasten: Zijde,
}

/// One side of the budget; the totals are computed from the lines.
#[derive(Debug, Clone)]
pub struct Zijde {
    pub posten: Vec<df::Begrotingspost>,
    /// The sum of the lines.
    pub totaal: i64,
    pub risicoreserve: Option<i64>,
    /// The sum of the lines plus the risicoreserve (present when the risicoreserve is).
    pub totaal_incl_reserve: Option<i64>,
}

impl Zijde {
    fn of(z: &BegrotingZijde) -> Zijde {
        let totaal = z.posten.iter().map(|p| p.bedrag).sum();
        Zijde {
            posten: z.posten.clone(),
            totaal,
            risicoreserve: z.risicoreserve,
            totaal_incl_reserve: z.risicoreserve.map(|r| totaal + r),
        }
    }
}

impl Informatiepakket {
    /// The model of a validated data set (None when there is no informatiepakket.yaml).
    /// A rule of validation that did not hold is an `Err` naming it (see `Programme::from_data`).
    pub fn from_data(set: &DataSet) -> Result<Option<Informatiepakket>, crate::model::Unresolved> {
        let Some(loaded) = &set.informatiepakket else { return Ok(None) };
        let d = &loaded.data;
        let not_parsed =
            |what: &str| crate::model::Unresolved(format!("{what} in informatiepakket.yaml did not parse"));
        let personeel = d.personeel.as_ref().map(|p| {
            let functies: Vec<(df::Functie, Fte)> = p
                .functies
                .iter()
                .map(|f| Ok((f.clone(), Fte::from_decimal(f.fte).ok_or_else(|| not_parsed("an fte"))?)))
                .collect::<Result<_, crate::model::Unresolved>>()?;
            Ok::<_, crate::model::Unresolved>(Personeel {
                peildatum: p.peildatum.valid().ok_or_else(|| not_parsed("peildatum"))?.0,
                totaal: Fte(functies.iter().map(|(_, f)| f.0).sum()),
                functies,
                medewerkers: p.medewerkers,
                medewerkers_toelichting: p.medewerkers_toelichting.clone(),
            })
        });
        let personeel = personeel.transpose()?;
        let begroting = d.begroting.as_ref().map(|b| Begroting {
            jaar: b.jaar,
            kolom: b.kolom.clone(),
            baten: Zijde::of(&b.baten),
            lasten: Zijde::of(&b.lasten),
        });
        let datum = d.datum.valid().ok_or_else(|| not_parsed("datum"))?.0;
        Ok(Some(Informatiepakket { data: d.clone(), datum, personeel, begroting }))
    }
}

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
        let (bz, lz) = (Zijde::of(&b.baten), Zijde::of(&b.lasten));
        if baten && lasten && bz.totaal != lz.totaal {
            let diff = bz.totaal - lz.totaal;
            diags.push(
                f.error_at(
                    &path!["begroting", "lasten", "posten"],
                    format!(
                        "the budget does not balance: the baten add up to {}, the lasten to {}",
                        euro(bz.totaal),
                        euro(lz.totaal)
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
    for (i, line) in crate::diagnostics::source_lines(&f.text).enumerate() {
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
                    crate::diagnostics::Diagnostic::warning(
                        &f.path,
                        format!("the text speaks of {n} eigenaren, but koers.yaml lists {owners} owners"),
                    )
                    .at(crate::diagnostics::Pos { line: i + 1, column }, &f.text)
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
        match Fte::from_decimal(r.fte) {
            Some(x) => sum.0 += x.0,
            None => {
                complete = false;
                diags.push(
                    f.error_at(&path!["personeel", "functies", i, "fte"], format!("{} is not an amount of fte", r.fte))
                        .hint("write fte as a decimal number of at least 0 with at most two decimals, e.g. 3.31"),
                );
            }
        }
    }
    if let (Some(stated), true) = (p.totaal_fte, complete) {
        match Fte::from_decimal(stated) {
            Some(t) if t != sum => diags.push(
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
            Some(_) => {}
            None => diags.push(
                f.error_at(&path!["personeel", "totaal_fte"], format!("{stated} is not an amount of fte"))
                    .hint(format!("write the total as a decimal with at most two decimals: {}", sum.decimal())),
            ),
        }
    }
}

/// Check one side of the budget; true when its stated totals agree with its lines.
fn zijde(f: &SourceFile, side: &str, z: &BegrotingZijde, diags: &mut Diagnostics) -> bool {
    let computed = Zijde::of(z);
    let mut ok = true;
    let lines = if z.posten.len() == 1 { "its 1 line".to_string() } else { format!("its {} lines", z.posten.len()) };
    if let Some(stated) = z.totaal
        && stated != computed.totaal
    {
        ok = false;
        diags.push(
            f.error_at(
                &path!["begroting", side, "totaal"],
                format!(
                    "the stated total of the {side} ({}) differs from the sum of {lines} ({})",
                    euro(stated),
                    euro(computed.totaal)
                ),
            )
            .hint(format!(
                "the documents print the sum: correct the total to {}, or correct the line that is wrong",
                computed.totaal
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
        (Some(stated), Some(reserve)) if stated != computed.totaal + reserve => {
            ok = false;
            diags.push(
                f.error_at(
                    &path!["begroting", side, "totaal_incl_reserve"],
                    format!(
                        "the stated total including the reserve of the {side} ({}) differs from the sum of {lines} plus the risicoreserve ({} + {} = {})",
                        euro(stated),
                        euro(computed.totaal),
                        euro(reserve),
                        euro(computed.totaal + reserve)
                    ),
                )
                .hint(format!(
                    "the documents print the sum: correct it to {}, or correct the line or the reserve that is wrong",
                    computed.totaal + reserve
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_notation() {
        assert_eq!(euro(5_326_438), "€ 5.326.438");
        assert_eq!(euro(496_165), "€ 496.165");
        assert_eq!(euro(160_000), "€ 160.000");
        assert_eq!(euro(999), "€ 999");
        assert_eq!(euro(0), "€ 0");
        assert_eq!(euro(-1_500), "€ -1.500");
        assert_eq!(Fte::from_decimal(33.21).unwrap().dutch(), "33,21");
        assert_eq!(Fte::from_decimal(1.0).unwrap().dutch(), "1,0");
        assert_eq!(Fte::from_decimal(0.88).unwrap().dutch(), "0,88");
        assert_eq!(Fte::from_decimal(14.09).unwrap().dutch(), "14,09");
        assert_eq!(Fte::from_decimal(0.5).unwrap().dutch(), "0,5");
        assert_eq!(Fte::from_decimal(14.09).unwrap().decimal(), "14.09");
        assert_eq!(Fte::from_decimal(0.875), None, "at most two decimals");
        assert_eq!(Fte::from_decimal(-1.0), None);
    }

    #[test]
    fn fte_sums_are_exact() {
        // The roles of the source document: 0.1-style binary fractions must not drift.
        let roles = [1.0, 3.31, 0.88, 0.77, 1.0, 1.55, 8.95, 14.09, 1.66];
        let sum: i64 = roles.iter().map(|r| Fte::from_decimal(*r).unwrap().0).sum();
        assert_eq!(Fte(sum).dutch(), "33,21");
    }
}
