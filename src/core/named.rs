//! Closed sets of values that a user names by a word — document kinds, formats, merge-tag styles,
//! diagnostic formats. The command line builds its choices (names, completions) from [`Named`],
//! and their help from its catalogue (`cli-value-<set>-<name>`); the library knows nothing of the
//! command-line parser.

/// A value of a closed set, named by one word.
pub trait Named: Sized + Copy + Send + Sync + 'static {
    /// Every value, in the order help lists them.
    const ALL: &'static [Self];
    fn name(self) -> &'static str;
}
