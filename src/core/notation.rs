//! Dutch notation of amounts: euros ("€ 5.326.438") and fte ("33,21"), kept as exact integers.

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

/// An amount of fte as a data file states it: exact when it is one (at least 0, at most two
/// decimals), else the number as written, for the check to report with its place. Converted once,
/// when the file is read; the check and the model take the same value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StatedFte {
    Valid(Fte),
    Invalid(f64),
}

impl StatedFte {
    /// The amount, when the number is one.
    pub fn valid(self) -> Option<Fte> {
        match self {
            StatedFte::Valid(f) => Some(f),
            StatedFte::Invalid(_) => None,
        }
    }
}

impl std::fmt::Display for StatedFte {
    /// The number as a data file writes it: "3.31".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StatedFte::Valid(x) => f.write_str(&x.decimal()),
            StatedFte::Invalid(x) => write!(f, "{x}"),
        }
    }
}

impl<'de> serde::Deserialize<'de> for StatedFte {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let x = f64::deserialize(d)?;
        Ok(Fte::from_decimal(x).map_or(StatedFte::Invalid(x), StatedFte::Valid))
    }
}

impl serde::Serialize for StatedFte {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            StatedFte::Valid(x) => s.serialize_f64(x.0 as f64 / 100.0),
            StatedFte::Invalid(x) => s.serialize_f64(*x),
        }
    }
}

/// In the schema, a number (as the data file writes it).
impl schemars::JsonSchema for StatedFte {
    fn inline_schema() -> bool {
        <f64 as schemars::JsonSchema>::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <f64 as schemars::JsonSchema>::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <f64 as schemars::JsonSchema>::json_schema(generator)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stated_fte_is_read_once_and_keeps_a_wrong_number() {
        let read = |yaml: &str| serde_json::from_str::<StatedFte>(yaml).unwrap();
        assert_eq!(read("3.31"), StatedFte::Valid(Fte(331)));
        assert_eq!(read("1"), StatedFte::Valid(Fte(100)));
        assert_eq!(read("0.875"), StatedFte::Invalid(0.875));
        assert_eq!(read("-1"), StatedFte::Invalid(-1.0));
        assert_eq!(read("0.875").to_string(), "0.875");
        assert_eq!(serde_json::to_string(&read("14.09")).unwrap(), "14.09");
    }

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
