//! Files that appear whole or not at all: written to a hidden temporary
//! name in the destination folder, renamed into place on [`AtomicFile::commit`],
//! removed if dropped uncommitted.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file being written, invisible under its final name until committed.
#[derive(Debug)]
pub struct AtomicFile {
    final_path: PathBuf,
    temporary_path: PathBuf,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Starts writing what will become `path`. The folder must exist.
    pub fn create(path: &Path) -> io::Result<Self> {
        let stem = path
            .file_stem()
            .ok_or_else(|| io::Error::other(format!("{} is not a file path", path.display())))?;
        // Keep the extension last: image backends choose the format from it.
        let extension = path
            .extension()
            .map_or(String::new(), |e| format!(".{}", e.to_string_lossy()));
        let temporary_path = path.with_file_name(format!(
            ".{}.tmp-{}{extension}",
            stem.to_string_lossy(),
            std::process::id()
        ));
        let file = File::create(&temporary_path)?;
        Ok(Self {
            final_path: path.to_owned(),
            temporary_path,
            writer: Some(BufWriter::new(file)),
        })
    }

    /// Where to write.
    pub fn writer(&mut self) -> &mut BufWriter<File> {
        self.writer
            .as_mut()
            .expect("writer is present until commit")
    }

    /// The temporary path (for writers that need a path, such as plot backends).
    pub fn temporary_path(&self) -> &Path {
        &self.temporary_path
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(mut self) -> io::Result<PathBuf> {
        let mut writer = self.writer.take().expect("writer is present until commit");
        writer.flush()?;
        writer.get_ref().sync_all()?;
        drop(writer);
        fs::rename(&self.temporary_path, &self.final_path)?;
        Ok(self.final_path.clone())
    }
}

/// Writes through the buffered writer, so a `csv::Writer` can own the file.
impl Write for AtomicFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.writer().write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer().flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.writer.is_some() {
            self.writer = None;
            // Best effort: an uncommitted file must not be left behind; if removal
            // fails there is nothing better to do while unwinding or returning an error.
            let _ = fs::remove_file(&self.temporary_path);
        }
    }
}

/// Commits several files in order; on the first failure the rest are discarded.
pub fn commit_all(files: Vec<AtomicFile>) -> io::Result<Vec<PathBuf>> {
    files.into_iter().map(AtomicFile::commit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_appears_only_on_commit_and_vanishes_when_dropped() {
        let dir = std::env::temp_dir().join(format!("endplate-atomic-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let target = dir.join("a.txt");
        let mut file = AtomicFile::create(&target).unwrap();
        writeln!(file.writer(), "hello").unwrap();
        assert!(!target.exists());
        file.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "hello\n");

        let dropped = dir.join("b.txt");
        let mut file = AtomicFile::create(&dropped).unwrap();
        writeln!(file.writer(), "half").unwrap();
        drop(file);
        assert!(!dropped.exists());
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            1,
            "no temporary file left"
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
