//! Shards: `--shard I/N` runs the points whose index is `I` modulo `N`, so
//! N machines (a SLURM job array, GNU parallel) split a sweep without
//! talking to each other, and `merge` puts the pieces back together.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One of `count` interleaved parts of a sweep; `0/1` is the whole sweep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    /// Which part, from 0.
    pub index: u64,
    /// How many parts.
    pub count: u64,
}

impl Shard {
    /// The whole sweep.
    pub const WHOLE: Shard = Shard { index: 0, count: 1 };

    /// Whether this is the whole sweep.
    pub fn is_whole(self) -> bool {
        self.count == 1
    }

    /// Whether point `point` belongs to this shard.
    pub fn contains(self, point: u64) -> bool {
        point % self.count == self.index
    }

    /// How many of `total` points belong to this shard.
    pub fn size(self, total: u64) -> u64 {
        total / self.count + u64::from(total % self.count > self.index)
    }

    /// The position of `point` (which belongs to this shard) among the shard's points.
    pub fn position(self, point: u64) -> u64 {
        point / self.count
    }

    /// The shard's point at `position`.
    pub fn point(self, position: u64) -> u64 {
        position * self.count + self.index
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    /// Parses `I/N` with 0 ≤ I < N.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let invalid = || format!("`{text}` is not a shard: give I/N with 0 ≤ I < N, e.g. 0/4");
        let (index, count) = text.split_once('/').ok_or_else(invalid)?;
        let index: u64 = index.trim().parse().map_err(|_| invalid())?;
        let count: u64 = count.trim().parse().map_err(|_| invalid())?;
        if count == 0 || index >= count {
            return Err(invalid());
        }
        Ok(Shard { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_points_and_number_them_densely() {
        for total in [0u64, 1, 7, 10] {
            let mut seen = vec![0; total as usize];
            for index in 0..3 {
                let shard = Shard { index, count: 3 };
                let members: Vec<u64> = (0..total).filter(|&p| shard.contains(p)).collect();
                assert_eq!(members.len() as u64, shard.size(total));
                for (k, &p) in members.iter().enumerate() {
                    assert_eq!(shard.position(p), k as u64);
                    assert_eq!(shard.point(k as u64), p);
                    seen[p as usize] += 1;
                }
            }
            assert!(seen.iter().all(|&n| n == 1));
        }
    }

    #[test]
    fn parses_i_over_n_and_rejects_the_rest() {
        assert_eq!("2/5".parse(), Ok(Shard { index: 2, count: 5 }));
        assert_eq!("0/1".parse::<Shard>().map(Shard::is_whole), Ok(true));
        for bad in ["5/5", "1/0", "a/2", "3", "-1/2", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        assert_eq!(Shard { index: 1, count: 4 }.to_string(), "1/4");
    }
}
