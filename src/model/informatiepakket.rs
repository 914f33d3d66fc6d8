//! The Informatiepakket's model: its texts, its staffing and its budget with every total computed
//! from the lines, never copied from the data (check/informatiepakket.rs holds the stated totals
//! against the same sums).

use crate::core::notation::Fte;
use crate::load::DataSet;
use crate::load::data_files::BegrotingZijde;
use crate::model::content::{Begrotingspost, Bouwstenen, Markdown, Paragraaf};

/// The Informatiepakket with its totals computed.
#[derive(Debug, Clone)]
pub struct Informatiepakket {
    pub titel: String,
    /// To whom it is addressed, and who gets a copy.
    pub voor: Option<String>,
    pub afschrift_aan: Option<String>,
    pub datum: chrono::NaiveDate,
    pub vooraf: Option<Markdown>,
    pub strategisch: Option<Markdown>,
    pub ontstaansgeschiedenis: Option<Markdown>,
    pub governance: Option<Markdown>,
    pub personeel: Option<Personeel>,
    pub gastheer: Option<Paragraaf>,
    pub context: Vec<Paragraaf>,
    /// The themalijnen by id with the projects as this document names them (the view looks the
    /// themalijnen up).
    pub bouwstenen: Option<Bouwstenen>,
    pub financien: Option<Markdown>,
    pub begroting: Option<Begroting>,
    pub bronnen: Option<Markdown>,
}

/// A role of the staff with its size.
#[derive(Debug, Clone)]
pub struct Functie {
    pub functie: String,
    pub fte: Fte,
    pub omschrijving: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Personeel {
    pub peildatum: chrono::NaiveDate,
    pub functies: Vec<Functie>,
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
    pub posten: Vec<Begrotingspost>,
    /// The sum of the lines.
    pub totaal: i64,
    pub risicoreserve: Option<i64>,
    /// The sum of the lines plus the risicoreserve (present when the risicoreserve is).
    pub totaal_incl_reserve: Option<i64>,
}

impl Zijde {
    fn of(z: &BegrotingZijde) -> Zijde {
        let totaal = z.sum();
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
            let functies: Vec<Functie> = p
                .functies
                .iter()
                .map(|f| {
                    Ok(Functie {
                        functie: f.functie.clone(),
                        fte: f.fte.valid().ok_or_else(|| not_parsed("an fte"))?,
                        omschrijving: f.omschrijving.clone(),
                    })
                })
                .collect::<Result<_, crate::model::Unresolved>>()?;
            Ok::<_, crate::model::Unresolved>(Personeel {
                peildatum: p.peildatum.valid().ok_or_else(|| not_parsed("peildatum"))?.0,
                totaal: Fte(functies.iter().map(|f| f.fte.0).sum()),
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
        Ok(Some(Informatiepakket {
            titel: d.titel.clone(),
            voor: d.voor.clone(),
            afschrift_aan: d.afschrift_aan.clone(),
            datum,
            vooraf: d.vooraf.clone(),
            strategisch: d.strategisch.clone(),
            ontstaansgeschiedenis: d.ontstaansgeschiedenis.clone(),
            governance: d.governance.clone(),
            personeel,
            gastheer: d.gastheer.clone(),
            context: d.context.clone(),
            bouwstenen: d.bouwstenen.clone(),
            financien: d.financien.clone(),
            begroting,
            bronnen: d.bronnen.clone(),
        }))
    }
}
