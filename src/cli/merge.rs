//! `endplate merge`: the results folders of all shards of one sweep into
//! one folder whose results.csv is byte-identical to an unsharded run.

use std::path::{Path, PathBuf};

use crate::cli::{Failure, emit, output_folder};
use endplate::output::counted;
use endplate::sweep::manifest::Manifest;
use endplate::sweep::results::{self, Piece, RESULTS};
use endplate::sweep::shard::Shard;

/// Merges the shard folders `dirs` into `out`.
pub fn merge(dirs: &[PathBuf], out: &Path) -> Result<(), Failure> {
    let mut manifests = Vec::with_capacity(dirs.len());
    for dir in dirs {
        let manifest = Manifest::read(dir).map_err(|e| {
            Failure::Input(format!(
                "{} is not a sweep results folder: sweep.json: {e}",
                dir.display()
            ))
        })?;
        if !manifest.complete {
            return Err(Failure::Input(format!(
                "{} holds an unfinished shard: finish it with `endplate sweep ... --shard {} --resume`",
                dir.display(),
                manifest.shard
            )));
        }
        if same_folder(dir, out) {
            return Err(Failure::Input(format!(
                "--out {} is one of the shards: merge into a new folder",
                out.display()
            )));
        }
        manifests.push(manifest);
    }
    let Some(first) = manifests.first() else {
        return Err(Failure::Input("no folders to merge".to_owned()));
    };
    let count = first.shard.count;
    for (dir, manifest) in dirs.iter().zip(&manifests) {
        let why = first.mismatch(manifest).or_else(|| {
            (manifest.shard.count != count).then(|| {
                format!(
                    "it is split in {} shards, the first folder in {count}",
                    manifest.shard.count
                )
            })
        });
        if let Some(why) = why {
            return Err(Failure::Input(format!(
                "{} does not belong to the same sweep as {}: {why}",
                dir.display(),
                dirs[0].display()
            )));
        }
    }
    let mut present: Vec<u64> = manifests.iter().map(|m| m.shard.index).collect();
    present.sort_unstable();
    let expected: Vec<u64> = (0..count).collect();
    if present != expected {
        let missing: Vec<String> = expected
            .iter()
            .filter(|i| !present.contains(i))
            .map(|i| format!("{i}/{count}"))
            .collect();
        let problem = if missing.is_empty() {
            "a shard is given twice".to_owned()
        } else {
            format!("shards {} are missing", missing.join(", "))
        };
        return Err(Failure::Input(format!("cannot merge: {problem}")));
    }

    let folder = output_folder(out)?;
    let header = results::header(
        first.axes.iter().map(|a| a.path.as_str()),
        first.metrics.iter().map(String::as_str),
    );
    let pieces: Vec<Piece> = dirs
        .iter()
        .zip(&manifests)
        .map(|(dir, m)| Piece {
            path: dir.join(RESULTS),
            shard: m.shard,
        })
        .collect();
    results::merge(&pieces, &header, first.points, &out.join(RESULTS))
        .and_then(|file| file.commit().map_err(Into::into))
        .map_err(|e| Failure::Input(format!("cannot merge: {e}")))?;

    let failed = manifests
        .iter()
        .filter_map(|m| m.failed_points)
        .sum::<u64>();
    let merged = Manifest {
        shard: Shard::WHOLE,
        shard_points: first.points,
        complete: true,
        failed_points: Some(failed),
        sessions: manifests.iter().flat_map(|m| m.sessions.clone()).collect(),
        merged_from: dirs.iter().map(|d| d.display().to_string()).collect(),
        ..first.clone()
    };
    merged.write(out).map_err(|e| {
        Failure::Output(format!("cannot write sweep.json in {}: {e}", out.display()))
    })?;
    let mut text = format!(
        "{}: merged {}, {} ({failed} failed)\n  wrote {}/{{results.csv, sweep.json}}\n",
        first.name,
        counted(count, "shard"),
        counted(first.points, "point"),
        out.display()
    );
    text += &super::sweep::plot_lines(out)?;
    drop(folder);
    emit(&text)
}

/// Whether two paths name the same existing folder.
fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
