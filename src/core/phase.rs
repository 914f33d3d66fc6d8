//! The six-phase project ladder.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A project phase. Always written and shown with its full Dutch name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema)]
pub enum Fase {
    Initiatiefase,
    Definitiefase,
    Ontwerpfase,
    Voorbereidingsfase,
    Realisatiefase,
    Borgingsfase,
}

impl Fase {
    pub const ALL: [Fase; 6] = [
        Fase::Initiatiefase,
        Fase::Definitiefase,
        Fase::Ontwerpfase,
        Fase::Voorbereidingsfase,
        Fase::Realisatiefase,
        Fase::Borgingsfase,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Fase::Initiatiefase => "Initiatiefase",
            Fase::Definitiefase => "Definitiefase",
            Fase::Ontwerpfase => "Ontwerpfase",
            Fase::Voorbereidingsfase => "Voorbereidingsfase",
            Fase::Realisatiefase => "Realisatiefase",
            Fase::Borgingsfase => "Borgingsfase",
        }
    }

    /// 0-based position on the ladder.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn names() -> impl Iterator<Item = &'static str> {
        Self::ALL.iter().map(|f| f.name())
    }
}

impl std::fmt::Display for Fase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
