//! An output folder held by one command at a time.
//!
//! [`OutputFolder::open`] creates the folder, takes an advisory lock on it
//! (a `.endplate.lock` file holding the process id, locked with flock
//! through [`fs4::FileExt::try_lock`], std's `File::try_lock` before Rust
//! 1.89) and removes the temporary files that killed processes
//! left there. A second command on the same folder is refused with the
//! holder's process id. The kernel releases the lock when its process ends,
//! however it ends, so a SIGKILL leaves at worst the small lock file, which
//! the next command takes over. Dropping the guard removes the lock file
//! and the folders the command created if they are still empty, so a failed
//! command leaves nothing behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::output::atomic;

/// The lock file's name inside a locked folder.
pub const LOCK_FILE: &str = ".endplate.lock";

/// Why a folder cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    /// Another process holds the folder.
    #[error(
        "{} is in use by another endplate process ({}); wait for it to finish, or choose another --out",
        dir.display(),
        pid.map_or("process id unknown".to_owned(), |pid| format!("PID {pid}"))
    )]
    Busy {
        /// The folder.
        dir: PathBuf,
        /// The holder's process id, if it could be read.
        pid: Option<u32>,
    },
    /// The folder or its lock file cannot be created or read.
    #[error("cannot use the folder {}: {error}", dir.display())]
    Io {
        /// The folder.
        dir: PathBuf,
        /// What failed.
        error: io::Error,
    },
}

/// A locked output folder; unlocked (and removed if this command created
/// it and left it empty) when dropped.
#[derive(Debug)]
pub struct OutputFolder {
    dir: PathBuf,
    lock_path: PathBuf,
    lock: Option<File>,
    /// Folders this command created, outermost first.
    created: Vec<PathBuf>,
}

impl OutputFolder {
    /// Creates (if needed) and locks `dir`, and removes stale temporary
    /// files in it and its direct subfolders.
    pub fn open(dir: &Path) -> Result<Self, FolderError> {
        let io_error = |error| FolderError::Io {
            dir: dir.to_owned(),
            error,
        };
        let mut created: Vec<PathBuf> = dir
            .ancestors()
            .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
            .map(Path::to_path_buf)
            .collect();
        created.reverse();
        fs::create_dir_all(dir).map_err(io_error)?;
        for folder in &created {
            atomic::remove_if_empty_on_interrupt(folder);
        }
        let mut folder = Self {
            dir: dir.to_owned(),
            lock_path: dir.join(LOCK_FILE),
            lock: None,
            created,
        };
        let lock = folder.lock()?;
        folder.lock = Some(lock);
        folder.remove_stale().map_err(io_error)?;
        Ok(folder)
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Takes the lock, retrying when the file it locked was removed by a
    /// finishing holder in between (then it locks a file no one else sees).
    fn lock(&self) -> Result<File, FolderError> {
        let io_error = |error| FolderError::Io {
            dir: self.dir.clone(),
            error,
        };
        loop {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&self.lock_path)
                .map_err(io_error)?;
            match fs4::FileExt::try_lock(&file) {
                Ok(()) => {}
                Err(fs4::TryLockError::WouldBlock) => {
                    let mut text = String::new();
                    // An unreadable id only makes the message less precise.
                    let _ = file.read_to_string(&mut text);
                    return Err(FolderError::Busy {
                        dir: self.dir.clone(),
                        pid: text.trim().parse().ok(),
                    });
                }
                Err(fs4::TryLockError::Error(error)) => return Err(io_error(error)),
            }
            if !same_file(&file, &self.lock_path) {
                continue;
            }
            file.set_len(0).map_err(io_error)?;
            write!(file, "{}", std::process::id()).map_err(io_error)?;
            atomic::remove_on_interrupt(&self.lock_path);
            return Ok(file);
        }
    }

    fn remove_stale(&self) -> io::Result<()> {
        atomic::remove_stale(&self.dir)?;
        for entry in fs::read_dir(&self.dir)? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                atomic::remove_stale(&entry.path())?;
            }
        }
        Ok(())
    }

    /// Removes the files named in `owned` (names inside the folder) that
    /// this command did not just write (`written`): what an earlier run of
    /// the same command left and this one replaces.
    pub fn clear_owned(&self, owned: &[String], written: &[PathBuf]) -> io::Result<()> {
        for name in owned {
            let path = self.dir.join(name);
            if written.contains(&path) {
                continue;
            }
            match fs::remove_file(&path) {
                Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
        }
        Ok(())
    }
}

/// Whether the open `file` is the file now at `path` (the lock file was
/// not removed and made anew in between).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.ino() == named.ino() && open.dev() == named.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

impl Drop for OutputFolder {
    fn drop(&mut self) {
        if self.lock.is_some() {
            // Removed while still locked; best effort, as in any destructor.
            let _ = fs::remove_file(&self.lock_path);
            atomic::forget(&self.lock_path);
            self.lock = None;
        }
        for folder in self.created.iter().rev() {
            // Fails, as meant, when the command left files there.
            let _ = fs::remove_dir(folder);
            atomic::forget_folder(folder);
        }
    }
}
