//! results.csv: one row per point — `point`, every axis value, every
//! metric, `status` (`ok` or `error`) and `error` (the message).
//!
//! Rows stream to `results.partial.csv` in the order points finish, one
//! line each (messages are kept to one line), so a kill can only tear the
//! last line. At the end the partial file is scanned — its torn last line
//! dropped — and rewritten sorted by point index into `results.csv`, which
//! therefore does not depend on thread count, interruptions or shards.
//! Sorting keeps one byte offset per point, never the rows themselves;
//! merging shards streams their (sorted) files side by side.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::output::atomic::AtomicFile;
use crate::sweep::shard::Shard;

/// Sorted results of a finished sweep.
pub const RESULTS: &str = "results.csv";
/// Rows in completion order while a sweep runs.
pub const PARTIAL: &str = "results.partial.csv";

/// `status` of a point that ran.
pub const OK: &str = "ok";
/// `status` of a point that failed.
pub const ERROR: &str = "error";

/// Why results cannot be read or combined.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    /// Reading or writing failed.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The file is not what this sweep would write (the message says how).
    #[error("{0}")]
    Mismatch(String),
}

/// The header line (with its newline) for these axes and metrics.
pub fn header<'a>(
    axes: impl IntoIterator<Item = &'a str>,
    metrics: impl IntoIterator<Item = &'a str>,
) -> String {
    let mut line = Line::new();
    line.field("point");
    for name in axes.into_iter().chain(metrics) {
        line.field(name);
    }
    line.field("status");
    line.field("error");
    line.finish()
}

/// One line of results.csv, written field by field through `csv::Writer`
/// (quoted only when a field holds a comma or a quote, RFC 4180). Line
/// breaks inside a field become spaces so that every row is one line.
#[derive(Debug)]
pub struct Line(csv::Writer<Vec<u8>>);

impl Line {
    /// An empty line.
    pub fn new() -> Self {
        Self(csv::Writer::from_writer(Vec::new()))
    }

    /// Appends `field`.
    pub fn field(&mut self, field: &str) {
        let written = if field.contains(['\n', '\r']) {
            self.0.write_field(field.replace(['\n', '\r'], " "))
        } else {
            self.0.write_field(field)
        };
        written.expect("writing to memory does not fail");
    }

    /// The line with its newline.
    pub fn finish(mut self) -> String {
        self.0
            .write_record(None::<&[u8]>)
            .expect("writing to memory does not fail");
        let bytes = self
            .0
            .into_inner()
            .expect("writing to memory does not fail");
        String::from_utf8(bytes).expect("every field is text")
    }
}

impl Default for Line {
    fn default() -> Self {
        Self::new()
    }
}

/// What a partial file already holds.
#[derive(Debug)]
pub struct Scan {
    shard: Shard,
    /// Byte offset of each shard point's row (by position in the shard); `u64::MAX` if absent.
    offsets: Vec<u64>,
    /// Rows found.
    pub rows: u64,
    /// Rows with `status = error`.
    pub failed: u64,
    /// Length of the header and the complete rows: everything after is a torn line.
    pub valid_len: u64,
}

const MISSING: u64 = u64::MAX;

impl Scan {
    /// Nothing yet: an empty or new partial file.
    pub fn empty(shard: Shard, total: u64) -> Self {
        Self {
            shard,
            offsets: vec![MISSING; shard.size(total) as usize],
            rows: 0,
            failed: 0,
            valid_len: 0,
        }
    }

    /// Whether `point` (of this shard) has a row.
    pub fn has(&self, point: u64) -> bool {
        self.offsets[self.shard.position(point) as usize] != MISSING
    }

    /// Whether every point of the shard has a row.
    pub fn is_complete(&self) -> bool {
        self.rows == self.offsets.len() as u64
    }
}

/// Reads the partial file at `path`, checking that it was written for this
/// sweep (`header`, `shard`, `total` points). A last line without its
/// newline is torn (the writer was killed) and left out; anything else
/// malformed is an error.
pub fn scan(path: &Path, header: &str, shard: Shard, total: u64) -> Result<Scan, ResultsError> {
    let mut scan = Scan::empty(shard, total);
    let mut file = File::open(path)?;
    let length = file.metadata()?.len();
    let mut head = Vec::new();
    (&mut file)
        .take(header.len() as u64)
        .read_to_end(&mut head)?;
    if head != header.as_bytes() {
        if header.as_bytes().starts_with(&head) && head.len() as u64 == length {
            return Ok(scan); // the header itself was torn: nothing was written
        }
        return Err(ResultsError::Mismatch(format!(
            "{} has other columns than this sweep writes:\n  found:    {}\n  expected: {}",
            path.display(),
            String::from_utf8_lossy(head.split(|&b| b == b'\n').next().unwrap_or(&[])),
            header.trim_end()
        )));
    }
    scan.valid_len = header.len() as u64;
    let columns = header.split(',').count();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(BufReader::new(file));
    let mut record = csv::ByteRecord::new();
    let base = scan.valid_len;
    let mut start = base;
    let mut line = 2;
    while reader
        .read_byte_record(&mut record)
        .map_err(io::Error::other)?
    {
        let end = base + reader.position().byte();
        let bad =
            |problem: &str| ResultsError::Mismatch(format!("{}:{line}: {problem}", path.display()));
        let complete = end < length || ends_with_newline(path, length)?;
        if !complete {
            break; // a torn last line
        }
        if record.len() != columns {
            return Err(bad(&format!(
                "a row with {} fields where the header has {columns}",
                record.len()
            )));
        }
        let point = std::str::from_utf8(&record[0])
            .ok()
            .and_then(|text| text.parse::<u64>().ok())
            .filter(|&p| p < total && shard.contains(p))
            .ok_or_else(|| bad(&format!("not a point of shard {shard} of this sweep")))?;
        let slot = &mut scan.offsets[shard.position(point) as usize];
        if *slot != MISSING {
            return Err(bad(&format!("point {point} appears twice")));
        }
        *slot = start;
        scan.rows += 1;
        match &record[columns - 2] {
            b"ok" => {}
            b"error" => scan.failed += 1,
            _ => return Err(bad("the status is neither ok nor error")),
        }
        scan.valid_len = end;
        start = end;
        line += 1;
    }
    Ok(scan)
}

fn ends_with_newline(path: &Path, length: u64) -> io::Result<bool> {
    if length == 0 {
        return Ok(false);
    }
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(length - 1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Writes the rows of `partial` sorted by point into a new `results`
/// (returned uncommitted). `scan` must be complete.
pub fn sort_into(
    partial: &Path,
    results: &Path,
    header: &str,
    scan: &Scan,
) -> Result<AtomicFile, ResultsError> {
    if !scan.is_complete() {
        return Err(ResultsError::Mismatch(format!(
            "{} lacks {} of its {} points",
            partial.display(),
            scan.offsets.len() as u64 - scan.rows,
            scan.offsets.len()
        )));
    }
    let mut out = AtomicFile::create(results)?;
    out.writer().write_all(header.as_bytes())?;
    let mut reader = BufReader::new(File::open(partial)?);
    let mut at: u64 = 0;
    let mut line = Vec::new();
    for &offset in &scan.offsets {
        // Rows are nearly in order: a relative seek mostly stays inside the buffer.
        reader.seek_relative(offset as i64 - at as i64)?;
        line.clear();
        at = offset + reader.read_until(b'\n', &mut line)? as u64;
        out.writer().write_all(&line)?;
    }
    Ok(out)
}

/// One shard's results to merge.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Its results.csv.
    pub path: PathBuf,
    /// Which shard it holds.
    pub shard: Shard,
}

/// Merges the sorted results of complementary shards into `out` (returned
/// uncommitted): every point of `total` exactly once, in order, with the
/// same header everywhere.
pub fn merge(
    pieces: &[Piece],
    header: &str,
    total: u64,
    out: &Path,
) -> Result<AtomicFile, ResultsError> {
    let mut readers = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let mut reader = BufReader::new(File::open(&piece.path)?);
        let mut first = String::new();
        reader.read_line(&mut first)?;
        if first != header {
            return Err(ResultsError::Mismatch(format!(
                "{} has other columns than {}",
                piece.path.display(),
                pieces[0].path.display()
            )));
        }
        readers.push(reader);
    }
    let mut lines: Vec<Vec<u8>> = vec![Vec::new(); pieces.len()];
    let mut heap = BinaryHeap::new();
    for (k, reader) in readers.iter_mut().enumerate() {
        if let Some(point) = next_row(reader, &mut lines[k], &pieces[k])? {
            heap.push(Reverse((point, k)));
        }
    }
    let mut file = AtomicFile::create(out)?;
    file.writer().write_all(header.as_bytes())?;
    let mut expected = 0u64;
    while let Some(Reverse((point, k))) = heap.pop() {
        if point != expected {
            // A missing point is missing from the shard it belongs to.
            let (problem, at) = if point < expected {
                (format!("point {point} appears twice"), &pieces[k])
            } else {
                (
                    format!("point {expected} is missing"),
                    owner(pieces, expected).unwrap_or(&pieces[k]),
                )
            };
            return Err(ResultsError::Mismatch(format!(
                "{problem} (in {})",
                at.path.display()
            )));
        }
        file.writer().write_all(&lines[k])?;
        expected += 1;
        if let Some(next) = next_row(&mut readers[k], &mut lines[k], &pieces[k])? {
            heap.push(Reverse((next, k)));
        }
    }
    if expected != total {
        let at = owner(pieces, expected).map_or(String::new(), |piece| {
            format!(" (in {})", piece.path.display())
        });
        return Err(ResultsError::Mismatch(format!(
            "the shards hold points 0 to {} of {total}: point {expected} is missing{at}",
            expected.saturating_sub(1)
        )));
    }
    Ok(file)
}

/// The piece whose shard holds `point`.
fn owner(pieces: &[Piece], point: u64) -> Option<&Piece> {
    pieces.iter().find(|piece| piece.shard.contains(point))
}

/// The next row of a shard's results into `line`, and its point.
fn next_row(
    reader: &mut BufReader<File>,
    line: &mut Vec<u8>,
    piece: &Piece,
) -> Result<Option<u64>, ResultsError> {
    line.clear();
    if reader.read_until(b'\n', line)? == 0 {
        return Ok(None);
    }
    let point = line
        .split(|&b| b == b',')
        .next()
        .and_then(|field| std::str::from_utf8(field).ok())
        .and_then(|text| text.parse::<u64>().ok())
        .filter(|&p| piece.shard.contains(p) && line.ends_with(b"\n"))
        .ok_or_else(|| {
            ResultsError::Mismatch(format!(
                "{}: a row that is not a point of shard {}",
                piece.path.display(),
                piece.shard
            ))
        })?;
    Ok(Some(point))
}

/// Columns of a results.csv, for plots: the cells of the named columns,
/// `None` where empty or not a number (a failed point has empty metrics).
#[derive(Debug, Clone)]
pub struct Columns {
    /// The values of each requested column, row by row.
    pub values: Vec<Vec<Option<f64>>>,
}

/// Reads the named columns of the results at `path`.
pub fn read_columns(path: &Path, names: &[String]) -> Result<Columns, ResultsError> {
    let mut reader = csv::Reader::from_path(path).map_err(io::Error::other)?;
    let headers = reader.headers().map_err(io::Error::other)?.clone();
    let index_of = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| {
            ResultsError::Mismatch(format!("{} has no column `{name}`", path.display()))
        })
    };
    let wanted = names
        .iter()
        .map(|n| index_of(n))
        .collect::<Result<Vec<_>, _>>()?;
    let mut columns = Columns {
        values: vec![Vec::new(); names.len()],
    };
    for record in reader.records() {
        let record = record.map_err(io::Error::other)?;
        for (column, &i) in columns.values.iter_mut().zip(&wanted) {
            column.push(record.get(i).and_then(|cell| cell.parse::<f64>().ok()));
        }
    }
    Ok(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        tempfile::TempDir::new().unwrap()
    }

    const HEADER: &str = "point,a,m,status,error\n";

    #[test]
    fn fields_are_quoted_only_when_needed_and_rows_stay_on_one_line() {
        let mut line = Line::new();
        line.field("7");
        line.field("1.5");
        line.field("x, \"y\"\nz");
        line.field("");
        assert_eq!(line.finish(), "7,1.5,\"x, \"\"y\"\" z\",\n");
        assert_eq!(header(["a"], ["m"]), HEADER);
    }

    #[test]
    fn scan_drops_a_torn_last_line_and_sorting_restores_index_order() {
        let dir = folder();
        let partial = dir.path().join(PARTIAL);
        let rows = "2,20,4,ok,\n0,0,\"1,5\",ok,\n1,10,,error,\"boom, \"\"bad\"\"\"\n3,30,9,o";
        std::fs::write(&partial, format!("{HEADER}{rows}")).unwrap();
        let scan = scan(&partial, HEADER, Shard::WHOLE, 4).unwrap();
        assert_eq!((scan.rows, scan.failed), (3, 1));
        assert!(scan.has(0) && scan.has(1) && scan.has(2) && !scan.has(3));
        assert_eq!(
            scan.valid_len as usize,
            HEADER.len() + rows.len() - "3,30,9,o".len()
        );
        assert!(!scan.is_complete());

        // Completed (as a resume would append), the file sorts into index order.
        let valid = std::fs::read(&partial).unwrap()[..scan.valid_len as usize].to_vec();
        std::fs::write(&partial, [valid, b"3,30,9,ok,\n".to_vec()].concat()).unwrap();
        let scan = super::scan(&partial, HEADER, Shard::WHOLE, 4).unwrap();
        let results = dir.path().join(RESULTS);
        sort_into(&partial, &results, HEADER, &scan)
            .unwrap()
            .commit()
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(&results).unwrap(),
            format!(
                "{HEADER}0,0,\"1,5\",ok,\n1,10,,error,\"boom, \"\"bad\"\"\"\n2,20,4,ok,\n3,30,9,ok,\n"
            )
        );
    }

    #[test]
    fn scan_refuses_other_columns_foreign_points_and_duplicates() {
        let dir = folder();
        let partial = dir.path().join(PARTIAL);
        let check = |text: &str, shard: Shard| {
            std::fs::write(&partial, text).unwrap();
            scan(&partial, HEADER, shard, 4).map(|s| s.rows)
        };
        assert!(check("point,b,m,status,error\n", Shard::WHOLE).is_err());
        assert!(check(&format!("{HEADER}7,0,0,ok,\n"), Shard::WHOLE).is_err());
        assert!(
            check(
                &format!("{HEADER}1,0,0,ok,\n"),
                Shard { index: 0, count: 2 }
            )
            .is_err()
        );
        assert!(check(&format!("{HEADER}1,0,0,ok,\n1,0,0,ok,\n"), Shard::WHOLE).is_err());
        assert!(check(&format!("{HEADER}1,0,ok,\n2,0,0,ok,\n"), Shard::WHOLE).is_err());
        // A header torn while being written means nothing was written.
        assert_eq!(check("point,a,", Shard::WHOLE).unwrap(), 0);
        assert_eq!(
            check(&format!("{HEADER}1,0,0,ok,\n"), Shard::WHOLE).unwrap(),
            1
        );
    }

    #[test]
    fn merge_interleaves_shards_and_finds_gaps_and_overlaps() {
        let dir = folder();
        let piece = |name: &str, rows: &str, index: u64| {
            let path = dir.path().join(name);
            std::fs::write(&path, format!("{HEADER}{rows}")).unwrap();
            Piece {
                path,
                shard: Shard { index, count: 2 },
            }
        };
        let even = piece("even.csv", "0,a,1,ok,\n2,c,3,ok,\n4,e,5,ok,\n", 0);
        let odd = piece("odd.csv", "1,b,2,ok,\n3,d,4,error,x\n", 1);
        let out = dir.path().join("merged.csv");
        merge(&[odd.clone(), even.clone()], HEADER, 5, &out)
            .unwrap()
            .commit()
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            format!("{HEADER}0,a,1,ok,\n1,b,2,ok,\n2,c,3,ok,\n3,d,4,error,x\n4,e,5,ok,\n")
        );
        let error = merge(std::slice::from_ref(&even), HEADER, 5, &out)
            .err()
            .unwrap();
        assert!(error.to_string().contains("point 1 is missing"), "{error}");
        let error = merge(&[even.clone(), even], HEADER, 5, &out).err().unwrap();
        assert!(error.to_string().contains("appears twice"), "{error}");
    }
}
