//! The phase ladder of a programme: its phases' names, number and order come from the data
//! (`fasen` in koers.yaml), never from the code — one region has six steps, another four.

use serde::{Serialize, Serializer};
use std::sync::Arc;

/// The fewest phases a ladder may have.
pub const MIN_FASEN: usize = 2;
/// The most phases a ladder may have: the charts tell phases apart by six fills and patterns.
pub const MAX_FASEN: usize = 6;

/// A phase of the programme's ladder: its place on the ladder and its name, as koers.yaml writes
/// it. Phases compare by their place.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fase {
    index: usize,
    /// The number of phases on its ladder.
    of: usize,
    name: Arc<str>,
}

impl Fase {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// 0-based position on the ladder.
    pub fn index(&self) -> usize {
        self.index
    }

    /// The number of phases on its ladder.
    pub fn of(&self) -> usize {
        self.of
    }
}

impl std::fmt::Display for Fase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Fase {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// The phases of a programme, in ladder order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ladder {
    fasen: Vec<Fase>,
}

impl Ladder {
    /// The ladder of these names, in this order (the check stage has made sure there are
    /// [`MIN_FASEN`] to [`MAX_FASEN`] of them, each once).
    pub fn new<S: AsRef<str>>(names: impl IntoIterator<Item = S>) -> Ladder {
        let names: Vec<Arc<str>> = names.into_iter().map(|n| Arc::from(n.as_ref())).collect();
        let of = names.len();
        Ladder { fasen: names.into_iter().enumerate().map(|(index, name)| Fase { index, of, name }).collect() }
    }

    /// The phase of this name, exactly as the ladder writes it.
    pub fn find(&self, name: &str) -> Option<&Fase> {
        self.fasen.iter().find(|f| f.name() == name)
    }

    /// The phases in ladder order.
    pub fn all(&self) -> &[Fase] {
        &self.fasen
    }

    pub fn len(&self) -> usize {
        self.fasen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fasen.is_empty()
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.fasen.iter().map(Fase::name)
    }

    pub fn first(&self) -> Option<&Fase> {
        self.fasen.first()
    }

    pub fn last(&self) -> Option<&Fase> {
        self.fasen.last()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ladder_is_its_names_in_order() {
        let l = Ladder::new(["Verkennen", "Ontwerpen", "Uitvoeren", "Borgen"]);
        assert_eq!(l.len(), 4);
        assert_eq!(l.find("Uitvoeren").map(Fase::index), Some(2));
        assert!(l.find("Realisatiefase").is_none());
        assert!(l.find("Borgen") > l.find("Verkennen"));
        assert_eq!(l.last().map(Fase::name), Some("Borgen"));
        assert_eq!(l.names().collect::<Vec<_>>().join(" → "), "Verkennen → Ontwerpen → Uitvoeren → Borgen");
    }
}
