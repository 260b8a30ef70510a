//! Files that appear whole or not at all: written to a hidden temporary
//! name in the destination folder, renamed into place on [`AtomicFile::commit`],
//! removed if dropped uncommitted.
//!
//! Every temporary name is also kept in a process-wide list, so that an
//! interrupt (SIGINT, SIGTERM: [`remove_all_and_exit`]) removes the files
//! no destructor will; what a SIGKILL leaves (`.NAME.tmp-PID.EXT`) is
//! removed by the next command that writes into the folder
//! ([`remove_stale`]).

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// What an interrupted process must remove: temporary files (and lock files),
/// then folders it created that are still empty, most recent first.
#[derive(Debug, Default)]
struct Pending {
    files: Vec<PathBuf>,
    folders: Vec<PathBuf>,
}

impl Pending {
    fn forget(&mut self, path: &Path) {
        if let Some(i) = self.files.iter().rposition(|p| p == path) {
            self.files.swap_remove(i);
        }
    }
}

static PENDING: Mutex<Pending> = Mutex::new(Pending {
    files: Vec::new(),
    folders: Vec::new(),
});

fn pending() -> MutexGuard<'static, Pending> {
    // A panic while the list was held leaves it usable: it is only paths.
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Remembers `path` as a file to remove if the process is interrupted.
pub fn remove_on_interrupt(path: &Path) {
    pending().files.push(path.to_owned());
}

/// Forgets `path` (it was committed or removed).
pub fn forget(path: &Path) {
    pending().forget(path);
}

/// Remembers `path` as a folder this process created, removed if it is
/// still empty when the process is interrupted.
pub fn remove_if_empty_on_interrupt(path: &Path) {
    pending().folders.push(path.to_owned());
}

/// Forgets the created folder `path`.
pub fn forget_folder(path: &Path) {
    let mut pending = pending();
    if let Some(i) = pending.folders.iter().rposition(|p| p == path) {
        pending.folders.remove(i);
    }
}

/// Removes every pending file and empty created folder, then exits with
/// `code`. The list stays locked until the exit, so no thread can start a
/// new temporary file in between.
pub fn remove_all_and_exit(code: i32) -> ! {
    let pending = pending();
    for file in &pending.files {
        // Best effort: the process is ending; a file that is gone already is fine.
        let _ = fs::remove_file(file);
    }
    for folder in pending.folders.iter().rev() {
        // Fails (and is meant to) when the folder is not empty.
        let _ = fs::remove_dir(folder);
    }
    std::process::exit(code)
}

/// The process id in a temporary or lock file name of ours, if `name` is one:
/// `.STEM.tmp-PID` followed by `.EXT` or nothing.
fn temporary_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let (_, after) = rest.rsplit_once(".tmp-")?;
    let digits: &str = after.split('.').next()?;
    digits.parse().ok()
}

/// Whether a process with id `pid` runs (Linux: `/proc/PID` exists).
pub fn process_alive(pid: u32) -> bool {
    pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists()
}

/// Removes the temporary files in `dir` whose process is gone (left by a
/// SIGKILL or a power cut); returns how many. Call with the folder locked.
pub fn remove_stale(dir: &Path) -> io::Result<usize> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(error) => return Err(error),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let stale = name
            .to_str()
            .and_then(temporary_owner)
            .is_some_and(|pid| !process_alive(pid));
        if stale && entry.file_type()?.is_file() {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

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
        let file = {
            // Created and listed under the lock, so an interrupt either sees it or stops it.
            let mut pending = pending();
            let file = File::create(&temporary_path)?;
            pending.files.push(temporary_path.clone());
            file
        };
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
    pub fn commit(self) -> io::Result<PathBuf> {
        let final_path = self.final_path.clone();
        commit_all(vec![self])?;
        Ok(final_path)
    }

    /// Flushes and syncs the file, still under its temporary name.
    fn sync(&mut self) -> io::Result<()> {
        let writer = self.writer();
        writer.flush()?;
        writer.get_ref().sync_all()
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
            forget(&self.temporary_path);
        }
    }
}

/// Commits several files in order; on the first failure the rest are
/// discarded. The renames happen with the interrupt list held, so an
/// interrupt comes before all of them or after all of them: a folder never
/// shows half of a command's outputs.
pub fn commit_all(mut files: Vec<AtomicFile>) -> io::Result<Vec<PathBuf>> {
    for file in &mut files {
        file.sync()?;
    }
    let mut renamed = Vec::with_capacity(files.len());
    let result = {
        let mut pending = pending();
        files.iter_mut().try_for_each(|file| {
            fs::rename(&file.temporary_path, &file.final_path)?;
            file.writer = None;
            pending.forget(&file.temporary_path);
            renamed.push(file.final_path.clone());
            Ok(())
        })
    };
    // The files not renamed are removed by their destructors, after the list is released.
    drop(files);
    result.map(|()| renamed)
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

    #[test]
    fn temporary_names_give_their_process() {
        assert_eq!(temporary_owner(".trace.tmp-4242.csv"), Some(4242));
        assert_eq!(temporary_owner(".point-0007.tmp-17.csv"), Some(17));
        assert_eq!(temporary_owner(".endplate.tmp-9"), Some(9));
        assert_eq!(temporary_owner("trace.csv"), None);
        assert_eq!(temporary_owner(".trace.tmp-x.csv"), None);
        assert_eq!(temporary_owner("trace.tmp-12.csv"), None);
    }
}
