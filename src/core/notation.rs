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
