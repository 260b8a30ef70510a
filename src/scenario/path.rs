//! Key paths: how a scenario value is named in errors, in `--set` and in
//! sweep axes, e.g. `stimulus.steps[0].amplitude_ua_per_cm2`.

use std::fmt;

/// One step of a key path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A table key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// A dotted key path with `[i]` indices.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct KeyPath(pub Vec<Segment>);

impl KeyPath {
    /// The empty path (the document root).
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// This path extended by a key.
    pub fn key(&self, key: &str) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(key.to_owned()));
        Self(segments)
    }

    /// This path extended by an index.
    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        Self(segments)
    }

    /// The path without its last segment.
    pub fn parent(&self) -> Self {
        Self(self.0[..self.0.len().saturating_sub(1)].to_vec())
    }

    /// Parses `a.b[0].c`; `None` if it is not of that form.
    pub fn parse(text: &str) -> Option<Self> {
        let mut segments = Vec::new();
        for part in text.split('.') {
            let (name, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                return None;
            }
            segments.push(Segment::Key(name.to_owned()));
            while !rest.is_empty() {
                let close = rest.find(']')?;
                let index = rest.get(1..close)?.parse().ok()?;
                if !rest.starts_with('[') {
                    return None;
                }
                segments.push(Segment::Index(index));
                rest = &rest[close + 1..];
            }
        }
        Some(Self(segments))
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => write!(f, "{key}")?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_round_trip() {
        for text in [
            "model",
            "simulation.duration_ms",
            "stimulus.steps[0].amplitude_ua_per_cm2",
            "a[1][2].b",
        ] {
            assert_eq!(KeyPath::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_malformed_paths() {
        for text in ["", "a..b", "a[", "a[x]", "a]", "a b", ".a", "a[0]x"] {
            assert!(KeyPath::parse(text).is_none(), "{text:?}");
        }
    }
}
