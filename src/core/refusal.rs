//! A request that does not fit the data: an unknown id, an edition or period the data lacks, a
//! file that exists already, a change after which the data would not validate. Nothing is done;
//! the command exits with 1, as for invalid data (README "Exit codes"), and says what to do.

/// What was refused, and how to go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub hint: Option<String>,
}

impl Refusal {
    pub fn new(message: impl Into<String>) -> Refusal {
        Refusal { message: message.into(), hint: None }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Refusal {
        self.hint = Some(hint.into());
        self
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n  {}: {h}", crate::t!("cmd-hint-label"))?;
        }
        Ok(())
    }
}

impl std::error::Error for Refusal {}

/// Whether an error (or one of its causes) is a [`Refusal`].
pub fn is_refusal(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.is::<Refusal>())
}
