//! Months, half years and newsletter editions: parsing (with messages a secretary understands),
//! ordering and Dutch display.
//!
//! Where a date text of a data file is converted, once: the structural check of the load
//! (`load::schema`) hands every text whose schema has the `format` of a [`TextValue`] to
//! [`convert_text`], which parses it, and puts the result, a [`Converted`] (numbers and tags,
//! no text), in place of the text in what serde deserialises. [`Parsed`] reads only that form:
//! a date text given to it is refused, so it cannot be parsed a second time.

use serde::Serialize;
use std::fmt;

pub const MAANDEN: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1..=12
    pub month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    /// Parse `YYYY-MM` or `MM-YYYY` (as the reports print it).
    pub fn parse(s: &str) -> Result<Month, String> {
        let s = s.trim();
        let bad = || crate::t!("data-month-not-a-month", value = s);
        let (a, b) = s.split_once('-').ok_or_else(bad)?;
        let digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
        if !digits(a) || !digits(b) {
            return Err(bad());
        }
        let (year, month) = match (a.len(), b.len()) {
            (4, 1 | 2) => (a, b),
            (1 | 2, 4) => (b, a),
            _ => return Err(bad()),
        };
        let year: i32 = year.parse().map_err(|_| bad())?;
        let month: u32 = month.parse().map_err(|_| bad())?;
        Month::new(year, month)
            .ok_or_else(|| crate::t!("data-month-out-of-range", month = month.to_string(), value = s))
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month { year: self.year + 1, month: 1 }
        } else {
            Month { year: self.year, month: self.month + 1 }
        }
    }

    /// "maart 2024".
    pub fn dutch(self) -> String {
        format!("{} {}", MAANDEN[self.month as usize - 1], self.year)
    }

    /// "03-2024", as the project tables print it.
    pub fn table(self) -> String {
        format!("{:02}-{}", self.month, self.year)
    }

    /// The month a date falls in.
    pub fn of(date: chrono::NaiveDate) -> Month {
        use chrono::Datelike;
        Month { year: date.year(), month: date.month() }
    }

    /// First day, as a date.
    pub fn first_day(self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month")
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// When a project started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Month(Month),
    /// "voor huidige werkagenda"
    BeforeWerkagenda,
}

impl Start {
    pub fn parse(s: &str) -> Result<Start, String> {
        if s.trim().eq_ignore_ascii_case("voor huidige werkagenda") {
            return Ok(Start::BeforeWerkagenda);
        }
        Month::parse(s).map(Start::Month).map_err(|_| crate::t!("data-start-not-a-start", value = s.trim()))
    }

    pub fn month(self) -> Option<Month> {
        match self {
            Start::Month(m) => Some(m),
            Start::BeforeWerkagenda => None,
        }
    }

    /// As the project table shows it.
    pub fn table(self) -> String {
        match self {
            Start::Month(m) => m.table(),
            Start::BeforeWerkagenda => "voor huidige werkagenda".into(),
        }
    }
}

/// When a project ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Einde {
    Month(Month),
    /// Until the end of the werkagenda.
    Doorlopend,
    NogNietBekend,
}

impl Einde {
    pub fn parse(s: &str) -> Result<Einde, String> {
        match s.trim().to_lowercase().as_str() {
            "doorlopend" => Ok(Einde::Doorlopend),
            "nog niet bekend" => Ok(Einde::NogNietBekend),
            _ => Month::parse(s).map(Einde::Month).map_err(|_| crate::t!("data-end-not-an-end", value = s.trim())),
        }
    }

    pub fn month(self) -> Option<Month> {
        match self {
            Einde::Month(m) => Some(m),
            _ => None,
        }
    }

    pub fn table(self) -> String {
        match self {
            Einde::Month(m) => m.table(),
            Einde::Doorlopend => "doorlopend".into(),
            Einde::NogNietBekend => "nog niet bekend".into(),
        }
    }
}

/// A span of whole months, inclusive: a half year, a quarter or one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub first: Month,
    pub last: Month,
    pub kind: PeriodKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodKind {
    Month,
    Quarter(u32),
    Half(u32),
}

impl Period {
    pub fn half(year: i32, half: u32) -> Period {
        let first = Month { year, month: if half == 1 { 1 } else { 7 } };
        Period { first, last: Month { year, month: first.month + 5 }, kind: PeriodKind::Half(half) }
    }

    pub fn quarter(year: i32, q: u32) -> Period {
        let first = Month { year, month: (q - 1) * 3 + 1 };
        Period { first, last: Month { year, month: first.month + 2 }, kind: PeriodKind::Quarter(q) }
    }

    pub fn month(m: Month) -> Period {
        Period { first: m, last: m, kind: PeriodKind::Month }
    }

    /// `YYYY-H1` / `YYYY-H2`.
    pub fn parse_half(s: &str) -> Result<Period, String> {
        let s = s.trim();
        let bad = || crate::t!("data-half-year-not-a-half-year", value = s);
        let (y, h) = s.split_once('-').ok_or_else(bad)?;
        let year: i32 = y.parse().ok().filter(|_| y.len() == 4).ok_or_else(bad)?;
        match h.to_ascii_uppercase().as_str() {
            "H1" => Ok(Period::half(year, 1)),
            "H2" => Ok(Period::half(year, 2)),
            _ => Err(bad()),
        }
    }

    /// A newsletter edition: `YYYY-MM` or `YYYY-Q1`..`YYYY-Q4`.
    pub fn parse_edition(s: &str) -> Result<Period, String> {
        let s = s.trim();
        if let Some((y, q)) = s.split_once('-')
            && let Some(n) = q.strip_prefix(['Q', 'q'])
        {
            let year: i32 = y
                .parse()
                .ok()
                .filter(|_| y.len() == 4)
                .ok_or_else(|| crate::t!("data-edition-year-four-digits", value = s))?;
            return match n.parse::<u32>() {
                Ok(q @ 1..=4) => Ok(Period::quarter(year, q)),
                _ => Err(crate::t!("data-edition-not-a-quarter", value = s)),
            };
        }
        Month::parse(s).map(Period::month).map_err(|_| crate::t!("data-edition-not-an-edition", value = s))
    }

    pub fn contains(&self, m: Month) -> bool {
        self.first <= m && m <= self.last
    }

    /// The identifier: 2024-H1, 2025-Q3, 2025-04.
    pub fn id(&self) -> String {
        match self.kind {
            PeriodKind::Month => self.first.to_string(),
            PeriodKind::Quarter(q) => format!("{}-Q{q}", self.first.year),
            PeriodKind::Half(h) => format!("{}-H{h}", self.first.year),
        }
    }

    /// "Januari t/m juni 2024", "Q3 2025", "April 2025".
    pub fn dutch(&self) -> String {
        let cap = |s: &str| {
            let mut c = s.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        };
        match self.kind {
            PeriodKind::Month => cap(&self.first.dutch()),
            PeriodKind::Quarter(q) => format!("Q{q} {}", self.first.year),
            PeriodKind::Half(_) => format!(
                "{} t/m {} {}",
                cap(MAANDEN[self.first.month as usize - 1]),
                MAANDEN[self.last.month as usize - 1],
                self.first.year
            ),
        }
    }

    /// The half year a month falls in.
    pub fn half_of(m: Month) -> Period {
        Period::half(m.year, if m.month <= 6 { 1 } else { 2 })
    }
}

/// A period named on the command line: the half year of a rapportage or a newsletter edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodChoice {
    /// `YYYY-H1` / `YYYY-H2`: a rapportage.
    Half(Period),
    /// `YYYY-MM` / `YYYY-Qn`: a newsletter edition.
    Edition(Period),
}

impl std::str::FromStr for PeriodChoice {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if let Ok(h) = Period::parse_half(s) {
            return Ok(PeriodChoice::Half(h));
        }
        Period::parse_edition(s)
            .map(PeriodChoice::Edition)
            .map_err(|_| crate::t!("data-period-not-a-period", value = s))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id())
    }
}

/// A value that a data file writes as text and koers reads as a typed value: a month, a start,
/// an end, a half year, an edition, a date. Each is parsed once, when the file is loaded, by its
/// [`TextValue::parse_text`] called from [`convert_text`]: the structural check reports every
/// text that does not parse with its position, and hands the others on as a [`Converted`], which
/// the deserialisation reads into a [`Parsed`] value. Nothing after that parses a date again.
pub trait TextValue: Sized {
    /// The value's `format` in the JSON schema, by which the structural check recognises it.
    const FORMAT: &'static str;
    /// How to write it, for the schema's description and the hint of a diagnostic.
    const HOW: &'static str;
    fn parse_text(s: &str) -> Result<Self, String>;
    /// The value as the load hands it on.
    fn converted(self) -> Converted;
    /// The value back from what the load handed on; `None` when that is no value of this kind.
    fn from_converted(c: Converted) -> Option<Self>;
}

/// A date text as the load hands it to the deserialisation, converted already: numbers and
/// tags, no text to parse. Only the load's internal hand-over (`{"koers-converted": "Month",
/// "value": {"year": 2024, "month": 7}}`); the date types serialise as their text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(tag = "koers-converted", content = "value")]
pub enum Converted {
    Month {
        year: i32,
        month: u32,
    },
    BeforeWerkagenda,
    Doorlopend,
    NogNietBekend,
    Half {
        year: i32,
        half: u32,
    },
    Quarter {
        year: i32,
        quarter: u32,
    },
    /// A day by its number of days from the common era (1 January of year 1 is day 1).
    Day(i32),
    /// A text that did not parse (and has been reported): [`Parsed::Invalid`].
    Invalid,
}

impl Converted {
    fn month(self) -> Option<Month> {
        match self {
            Converted::Month { year, month } => Month::new(year, month),
            _ => None,
        }
    }

    fn day(self) -> Option<chrono::NaiveDate> {
        match self {
            Converted::Day(n) => chrono::NaiveDate::from_num_days_from_ce_opt(n),
            _ => None,
        }
    }

    fn of_month(m: Month) -> Converted {
        Converted::Month { year: m.year, month: m.month }
    }

    fn of_day(d: chrono::NaiveDate) -> Converted {
        Converted::Day(chrono::Datelike::num_days_from_ce(&d))
    }
}

/// A half year as the data writes it: `2024-H1`, `2024-H2` (the period of a rapportage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HalfYear(pub Period);

/// A newsletter edition as the data writes it: a month `2025-04` or a quarter `2025-Q3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Edition(pub Period);

/// A calendar day as the data writes it: `2024-10-31`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub chrono::NaiveDate);

/// A publication date as precise as its source: a month (`2024-10`: "oktober 2024") or a day
/// (`2024-10-31`: "31 oktober 2024").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Datum {
    Month(Month),
    Day(chrono::NaiveDate),
}

impl Datum {
    /// In Dutch: "oktober 2024", "31 oktober 2024".
    pub fn dutch(self) -> String {
        match self {
            Datum::Month(m) => m.dutch(),
            Datum::Day(d) => day_dutch(d),
        }
    }

    /// The day, where the source gives one.
    pub fn day(self) -> Option<chrono::NaiveDate> {
        match self {
            Datum::Month(_) => None,
            Datum::Day(d) => Some(d),
        }
    }

    pub fn month(self) -> Month {
        match self {
            Datum::Month(m) => m,
            Datum::Day(d) => Month::of(d),
        }
    }
}

/// A day in Dutch: "31 oktober 2024".
pub fn day_dutch(d: chrono::NaiveDate) -> String {
    format!("{} {}", chrono::Datelike::day(&d), Month::of(d).dutch())
}

impl TextValue for Datum {
    const FORMAT: &'static str = "koers-datum";
    const HOW: &'static str =
        "a month (YYYY-MM, e.g. 2024-10) or a day (YYYY-MM-DD, e.g. 2024-10-31), as precise as the source";
    fn parse_text(s: &str) -> Result<Self, String> {
        let t = s.trim();
        if t.len() > 7 { Day::parse_text(t).map(|d| Datum::Day(d.0)) } else { Month::parse(t).map(Datum::Month) }
    }
    fn converted(self) -> Converted {
        match self {
            Datum::Month(m) => Converted::of_month(m),
            Datum::Day(d) => Converted::of_day(d),
        }
    }
    fn from_converted(c: Converted) -> Option<Self> {
        c.month().map(Datum::Month).or_else(|| c.day().map(Datum::Day))
    }
}

impl fmt::Display for Datum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Datum::Month(m) => m.fmt(f),
            Datum::Day(d) => d.fmt(f),
        }
    }
}

impl TextValue for Month {
    const FORMAT: &'static str = "koers-month";
    const HOW: &'static str = "months are written YYYY-MM (2024-03); MM-YYYY (03-2024) is accepted too";
    fn parse_text(s: &str) -> Result<Self, String> {
        Month::parse(s)
    }
    fn converted(self) -> Converted {
        Converted::of_month(self)
    }
    fn from_converted(c: Converted) -> Option<Self> {
        c.month()
    }
}

impl TextValue for Start {
    const FORMAT: &'static str = "koers-start";
    const HOW: &'static str = "a month (YYYY-MM) or \"voor huidige werkagenda\"";
    fn parse_text(s: &str) -> Result<Self, String> {
        Start::parse(s)
    }
    fn converted(self) -> Converted {
        match self {
            Start::Month(m) => Converted::of_month(m),
            Start::BeforeWerkagenda => Converted::BeforeWerkagenda,
        }
    }
    fn from_converted(c: Converted) -> Option<Self> {
        match c {
            Converted::BeforeWerkagenda => Some(Start::BeforeWerkagenda),
            c => c.month().map(Start::Month),
        }
    }
}

impl TextValue for Einde {
    const FORMAT: &'static str = "koers-einde";
    const HOW: &'static str = "a month (YYYY-MM), \"doorlopend\" or \"nog niet bekend\"";
    fn parse_text(s: &str) -> Result<Self, String> {
        Einde::parse(s)
    }
    fn converted(self) -> Converted {
        match self {
            Einde::Month(m) => Converted::of_month(m),
            Einde::Doorlopend => Converted::Doorlopend,
            Einde::NogNietBekend => Converted::NogNietBekend,
        }
    }
    fn from_converted(c: Converted) -> Option<Self> {
        match c {
            Converted::Doorlopend => Some(Einde::Doorlopend),
            Converted::NogNietBekend => Some(Einde::NogNietBekend),
            c => c.month().map(Einde::Month),
        }
    }
}

impl TextValue for HalfYear {
    const FORMAT: &'static str = "koers-half-year";
    const HOW: &'static str = "a half year: YYYY-H1 (januari t/m juni) or YYYY-H2 (juli t/m december)";
    fn parse_text(s: &str) -> Result<Self, String> {
        Period::parse_half(s).map(HalfYear)
    }
    fn converted(self) -> Converted {
        match self.0.kind {
            PeriodKind::Half(half) => Converted::Half { year: self.0.first.year, half },
            // Not a half year (`parse_text` makes none such).
            _ => Converted::Invalid,
        }
    }
    fn from_converted(c: Converted) -> Option<Self> {
        match c {
            Converted::Half { year, half: half @ 1..=2 } => Some(HalfYear(Period::half(year, half))),
            _ => None,
        }
    }
}

impl TextValue for Edition {
    const FORMAT: &'static str = "koers-edition";
    const HOW: &'static str = "a newsletter edition: a month (YYYY-MM) or a quarter (YYYY-Q1 … YYYY-Q4)";
    fn parse_text(s: &str) -> Result<Self, String> {
        Period::parse_edition(s).map(Edition)
    }
    fn converted(self) -> Converted {
        match self.0.kind {
            PeriodKind::Quarter(quarter) => Converted::Quarter { year: self.0.first.year, quarter },
            _ => Converted::of_month(self.0.first),
        }
    }
    fn from_converted(c: Converted) -> Option<Self> {
        match c {
            Converted::Quarter { year, quarter: q @ 1..=4 } => Some(Edition(Period::quarter(year, q))),
            c => c.month().map(|m| Edition(Period::month(m))),
        }
    }
}

impl TextValue for Day {
    const FORMAT: &'static str = "koers-date";
    const HOW: &'static str = "a date: YYYY-MM-DD, e.g. 2024-10-31";
    fn parse_text(s: &str) -> Result<Self, String> {
        chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map(Day)
            .map_err(|_| crate::t!("data-date-not-a-date", value = s.trim()))
    }
    fn converted(self) -> Converted {
        Converted::of_day(self.0)
    }
    fn from_converted(c: Converted) -> Option<Self> {
        c.day().map(Day)
    }
}

/// The one conversion of a text whose schema has the `format` of a [`TextValue`], by the
/// structural check: `None` for a format koers does not define, else the value as the load hands
/// it on, or why the text does not parse (the message and how to write it). A month written in
/// words ("juli 2024", "jul 2024", "2024 juli") gets "did you mean 2024-07?" as its hint.
pub fn convert_text(format: &str, s: &str) -> Option<Result<Converted, (String, String)>> {
    fn check<T: TextValue>(s: &str) -> Result<Converted, (String, String)> {
        T::parse_text(s).map(T::converted).map_err(|e| {
            let hint = match month_in_words(s) {
                Some(m) if T::FORMAT != Day::FORMAT && T::FORMAT != HalfYear::FORMAT => {
                    crate::t!("data-month-in-words", month = m.to_string())
                }
                _ => how::<T>(),
            };
            (e, hint)
        })
    }
    Some(match format {
        Month::FORMAT => check::<Month>(s),
        Start::FORMAT => check::<Start>(s),
        Einde::FORMAT => check::<Einde>(s),
        HalfYear::FORMAT => check::<HalfYear>(s),
        Edition::FORMAT => check::<Edition>(s),
        Day::FORMAT => check::<Day>(s),
        Datum::FORMAT => check::<Datum>(s),
        _ => return None,
    })
}

/// How to write a [`TextValue`], in the language of the messages (its [`TextValue::HOW`] is the
/// schema's English description).
fn how<T: TextValue>() -> String {
    match T::FORMAT {
        Month::FORMAT => crate::t!("data-how-month"),
        Start::FORMAT => crate::t!("data-how-start"),
        Einde::FORMAT => crate::t!("data-how-end"),
        HalfYear::FORMAT => crate::t!("data-how-half-year"),
        Edition::FORMAT => crate::t!("data-how-edition"),
        Day::FORMAT => crate::t!("data-how-date"),
        Datum::FORMAT => crate::t!("data-how-datum"),
        _ => T::HOW.to_string(),
    }
}

/// The month that a text names in words and a year: "juli 2024", "Jul 2024", "2024 juli",
/// "februari, 2024", also in English ("July 2024"). `None` unless the text is exactly a month's
/// name (or its usual abbreviation) and a four-digit year.
pub fn month_in_words(s: &str) -> Option<Month> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '/')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let [a, b] = words.as_slice() else { return None };
    let year_of =
        |w: &str| (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())).then(|| w.parse::<i32>().ok()).flatten();
    let (name, year) = match (year_of(a), year_of(b)) {
        (None, Some(y)) => (a, y),
        (Some(y), None) => (b, y),
        _ => return None,
    };
    const ENGLISH: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const SHORT: [(&str, u32); 3] = [("mrt", 3), ("okt", 10), ("sept", 9)];
    let month = MAANDEN
        .iter()
        .chain(ENGLISH.iter())
        .position(|m| {
            *m == name.as_str() || (name.len() >= 3 && m.starts_with(name.as_str()) && m.len() > 3 && name.len() <= 4)
        })
        .map(|i| (i % 12) as u32 + 1)
        .or_else(|| SHORT.iter().find(|(w, _)| *w == name.as_str()).map(|(_, m)| *m))?;
    Month::new(year, month)
}

/// A [`TextValue`] as loaded from a data file: the typed value, or `Invalid` when its text did not
/// parse. The structural check has reported that text already (file, line, column, how to write
/// it), and the rest of the file is still checked; a rule that needs the value skips it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Parsed<T> {
    Valid(T),
    Invalid,
}

impl<T: Copy> Parsed<T> {
    /// The value, when its text parsed.
    pub fn valid(self) -> Option<T> {
        match self {
            Parsed::Valid(v) => Some(v),
            Parsed::Invalid => None,
        }
    }
}

impl<T> From<T> for Parsed<T> {
    fn from(v: T) -> Self {
        Parsed::Valid(v)
    }
}

/// Read from what the load hands on ([`Converted`]), never from text: the text was parsed once,
/// by [`convert_text`].
impl<'de, T: TextValue> serde::Deserialize<'de> for Parsed<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match <Converted as serde::Deserialize>::deserialize(d)? {
            Converted::Invalid => Ok(Parsed::Invalid),
            c => T::from_converted(c)
                .map(Parsed::Valid)
                .ok_or_else(|| serde::de::Error::custom(format_args!("{c:?} is not a converted {}", T::FORMAT))),
        }
    }
}

impl<T: Serialize> Serialize for Parsed<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Parsed::Valid(v) => v.serialize(s),
            Parsed::Invalid => s.serialize_none(),
        }
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Parsed<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// The JSON schema of a [`TextValue`]: text of its `format`.
macro_rules! text_value_schema {
    ($($t:ty),*) => {$(
        impl schemars::JsonSchema for $t {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> std::borrow::Cow<'static, str> {
                <$t as TextValue>::FORMAT.into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "format": <$t as TextValue>::FORMAT,
                    "description": <$t as TextValue>::HOW,
                })
            }
        }
    )*};
}
text_value_schema!(Month, Start, Einde, HalfYear, Edition, Day, Datum);

impl fmt::Display for Start {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Start::Month(m) => m.fmt(f),
            Start::BeforeWerkagenda => f.write_str("voor huidige werkagenda"),
        }
    }
}

impl fmt::Display for Einde {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Einde::Month(m) => m.fmt(f),
            Einde::Doorlopend => f.write_str("doorlopend"),
            Einde::NogNietBekend => f.write_str("nog niet bekend"),
        }
    }
}

/// A newtype shows as the value it wraps.
macro_rules! display_inner {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}
display_inner!(HalfYear, Edition, Day);

macro_rules! serialize_as_text {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
    )*};
}
serialize_as_text!(Month, Start, Einde, HalfYear, Edition, Day, Datum);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_both_orders() {
        assert_eq!(Month::parse("2024-03").unwrap(), Month { year: 2024, month: 3 });
        assert_eq!(Month::parse("03-2024").unwrap(), Month { year: 2024, month: 3 });
        assert!(Month::parse("2024-13").unwrap_err().contains("does not exist"));
        assert!(Month::parse("maart").is_err());
        assert!(Month::parse("2024-03-01").is_err());
    }

    #[test]
    fn period_choices() {
        use std::str::FromStr;
        assert_eq!(PeriodChoice::from_str("2024-H1"), Ok(PeriodChoice::Half(Period::half(2024, 1))));
        assert_eq!(PeriodChoice::from_str("2025-q3"), Ok(PeriodChoice::Edition(Period::quarter(2025, 3))));
        assert!(matches!(PeriodChoice::from_str("2025-04"), Ok(PeriodChoice::Edition(_))));
        assert!(PeriodChoice::from_str("2025-H3").unwrap_err().contains("is no period"));
    }

    #[test]
    fn periods() {
        let h = Period::parse_half("2024-H1").unwrap();
        assert_eq!(h.dutch(), "Januari t/m juni 2024");
        assert!(h.contains(Month::parse("2024-06").unwrap()));
        assert!(!h.contains(Month::parse("2024-07").unwrap()));
        let q = Period::parse_edition("2025-Q3").unwrap();
        assert_eq!((q.first.month, q.last.month), (7, 9));
        assert_eq!(Period::parse_edition("2025-04").unwrap().dutch(), "April 2025");
        assert!(Period::parse_edition("2025-Q5").is_err());
    }

    #[test]
    fn a_month_in_words_is_recognised() {
        let m = |y, n| Some(Month { year: y, month: n });
        assert_eq!(month_in_words("juli 2024"), m(2024, 7));
        assert_eq!(month_in_words("februari 2024"), m(2024, 2));
        assert_eq!(month_in_words("Jul 2024"), m(2024, 7));
        assert_eq!(month_in_words("2024 juli"), m(2024, 7));
        assert_eq!(month_in_words("mrt. 2025"), m(2025, 3));
        assert_eq!(month_in_words("okt 2023"), m(2023, 10));
        assert_eq!(month_in_words("mei 2024"), m(2024, 5));
        assert_eq!(month_in_words("September, 2024"), m(2024, 9));
        assert_eq!(month_in_words("July 2024"), m(2024, 7));
        // Not a month and a year.
        assert_eq!(month_in_words("juli"), None);
        assert_eq!(month_in_words("ooit 2024"), None);
        assert_eq!(month_in_words("ju 2024"), None);
        assert_eq!(month_in_words("juli 24"), None);
        assert_eq!(month_in_words("1 juli 2024"), None);
        assert_eq!(month_in_words("2024-07"), None);
        assert_eq!(month_in_words("juli augustus"), None);
        let hint = convert_text(Month::FORMAT, "juli 2024").unwrap().unwrap_err().1;
        assert_eq!(hint, "did you mean 2024-07?");
        let hint = convert_text(Month::FORMAT, "ooit").unwrap().unwrap_err().1;
        assert_eq!(hint, Month::HOW);
    }

    /// Every kind: the text converts once, and its converted form reads back as the value the
    /// text names (through JSON, as the load hands it on).
    #[test]
    fn converted_values_read_back() {
        fn back<T: TextValue + PartialEq + fmt::Debug>(text: &str) {
            let converted = convert_text(T::FORMAT, text).unwrap().unwrap();
            let json = serde_json::to_value(converted).unwrap();
            assert!(json.is_object(), "{json}");
            let read: Parsed<T> = serde_json::from_value(json).unwrap();
            assert_eq!(read, Parsed::Valid(T::parse_text(text).unwrap()), "{text}");
        }
        back::<Month>("2024-07");
        back::<Month>("03-2024");
        back::<Start>("2024-01");
        back::<Start>("voor huidige werkagenda");
        back::<Einde>("2026-12");
        back::<Einde>("doorlopend");
        back::<Einde>("nog niet bekend");
        back::<HalfYear>("2024-H1");
        back::<HalfYear>("2025-h2");
        back::<Edition>("2025-04");
        back::<Edition>("2025-Q3");
        back::<Day>("2024-10-31");
        back::<Day>("0001-01-01");
        back::<Datum>("2024-10");
        back::<Datum>("2024-10-31");
        let invalid = convert_text(Month::FORMAT, "juli 2024").unwrap().unwrap_err();
        assert_eq!(
            invalid,
            ("\"juli 2024\" is not a month: write it as YYYY-MM, e.g. 2024-03".into(), "did you mean 2024-07?".into())
        );
        let read: Parsed<Month> = serde_json::from_value(serde_json::to_value(Converted::Invalid).unwrap()).unwrap();
        assert_eq!(read, Parsed::Invalid);
        assert_eq!(convert_text("date-time", "2024-07"), None);
    }

    /// A text is never parsed when read: `Parsed` takes only what the load converted.
    #[test]
    fn a_text_is_not_parsed_a_second_time() {
        let err = serde_json::from_value::<Parsed<Month>>(serde_json::json!("2024-07")).unwrap_err();
        assert!(err.to_string().contains("invalid type: string"), "{err}");
        // A value of another kind is refused too (a day is no month).
        let day = serde_json::to_value(Day::parse_text("2024-10-31").unwrap().converted()).unwrap();
        assert!(serde_json::from_value::<Parsed<Month>>(day).is_err());
        // The date types still serialise as their text.
        assert_eq!(serde_json::to_value(Parsed::Valid(Month { year: 2024, month: 7 })).unwrap(), "2024-07");
    }

    #[test]
    fn start_and_end() {
        assert_eq!(Start::parse("Voor huidige werkagenda").unwrap(), Start::BeforeWerkagenda);
        assert_eq!(Einde::parse("doorlopend").unwrap(), Einde::Doorlopend);
        assert_eq!(Einde::parse("12-2026").unwrap().table(), "12-2026");
        assert!(Einde::parse("ooit").unwrap_err().contains("doorlopend"));
    }
}
