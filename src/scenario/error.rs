//! Scenario errors a person can act on: file, line and column, the key
//! path, the offending value, what is allowed, and a suggestion.

use std::fmt;
use std::path::PathBuf;

/// Where a bad value came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// A place in a scenario file (1-based line and column).
    File {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
    },
    /// A `--set key=value` argument on the command line.
    Override {
        /// The argument as given.
        argument: String,
        /// The file it overrides.
        path: PathBuf,
    },
    /// A file as a whole (no position applies, e.g. it cannot be read).
    WholeFile(PathBuf),
}

/// A scenario that cannot be run as written.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioError {
    /// Where.
    pub origin: Origin,
    /// The key path, e.g. `simulation.duration_ms`; empty for the whole document.
    pub key_path: String,
    /// What is wrong.
    pub problem: String,
    /// The value found, as written.
    pub value: Option<String>,
    /// What would be accepted.
    pub allowed: Option<String>,
    /// A likely fix.
    pub suggestion: Option<String>,
}

impl ScenarioError {
    /// An error at `origin` about `key_path`.
    pub fn new(origin: Origin, key_path: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            origin,
            key_path: key_path.into(),
            problem: problem.into(),
            value: None,
            allowed: None,
            suggestion: None,
        }
    }

    /// Adds the offending value.
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// Adds what is allowed.
    pub fn with_allowed(mut self, allowed: impl Into<String>) -> Self {
        self.allowed = Some(allowed.into());
        self
    }

    /// Adds a suggestion.
    pub fn with_suggestion(mut self, suggestion: Option<String>) -> Self {
        self.suggestion = suggestion;
        self
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.origin {
            Origin::File { path, line, column } => write!(f, "{}:{line}:{column}", path.display())?,
            Origin::Override { argument, path } => {
                write!(f, "--set {argument} (for {})", path.display())?
            }
            Origin::WholeFile(path) => write!(f, "{}", path.display())?,
        }
        if self.key_path.is_empty() {
            write!(f, ": {}", self.problem)?;
        } else {
            write!(f, ": `{}`: {}", self.key_path, self.problem)?;
        }
        if let Some(value) = &self.value {
            write!(f, "\n  found: {value}")?;
        }
        if let Some(allowed) = &self.allowed {
            write!(f, "\n  allowed: {allowed}")?;
        }
        if let Some(suggestion) = &self.suggestion {
            write!(f, "\n  help: {suggestion}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioError {}

/// The closest of `candidates` to a misspelt `name`, as "did you mean" text.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_key_and_nothing_for_strangers() {
        let keys = ["duration_ms", "output_dt_ms"];
        assert_eq!(
            did_you_mean("durration_ms", keys).as_deref(),
            Some("did you mean `duration_ms`?")
        );
        assert_eq!(
            did_you_mean("output_dt", keys).as_deref(),
            Some("did you mean `output_dt_ms`?")
        );
        assert_eq!(did_you_mean("zzz", keys), None);
    }
}
