//! The files to hash: command-line paths, directories walked recursively, and names read from
//! standard input, produced lazily and in a deterministic order.

use std::ffi::OsString;
use std::io::BufRead;
use std::path::PathBuf;

/// A file to hash, or a problem met while listing.
pub enum Listed {
    /// A file to hash. `named` is true when the user named it (on the command line or on
    /// standard input), false when it was found in a directory: found files that are not images
    /// are skipped, named ones are errors.
    File {
        /// Its path, as given or as found under the directory given.
        path: PathBuf,
        /// Named by the user rather than found in a directory.
        named: bool,
    },
    /// A directory entry or standard input that could not be read.
    Error {
        /// What could not be read.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

/// Everything the arguments designate, in order: each argument in turn, `-` standing for the
/// names on standard input (one per line), directories expanded recursively in byte order of
/// their names.
pub fn list(arguments: Vec<PathBuf>) -> impl Iterator<Item = Listed> {
    arguments.into_iter().flat_map(|argument| {
        if argument.as_os_str() == "-" {
            Box::new(stdin_names().flat_map(|name| match name {
                Ok(path) => expand(path),
                Err(message) => Box::new(std::iter::once(Listed::Error {
                    path: PathBuf::from("-"),
                    message,
                })),
            })) as Box<dyn Iterator<Item = Listed>>
        } else {
            expand(argument)
        }
    })
}

/// A named path: the file itself, or every file under it when it is a directory.
fn expand(path: PathBuf) -> Box<dyn Iterator<Item = Listed>> {
    if !path.is_dir() {
        // Missing and unreadable files are reported when they are read, in their place.
        return Box::new(std::iter::once(Listed::File { path, named: true }));
    }
    let walk = walkdir::WalkDir::new(&path)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name();
    Box::new(walk.into_iter().filter_map(|entry| match entry {
        Ok(entry) => {
            let file_type = entry.file_type();
            // Symbolic links to files are hashed; links to directories are not followed, so a
            // link cycle cannot make the walk endless.
            let is_file = file_type.is_file()
                || (file_type.is_symlink() && entry.path().metadata().is_ok_and(|m| m.is_file()));
            is_file.then(|| Listed::File {
                path: entry.into_path(),
                named: false,
            })
        }
        Err(error) => Some(Listed::Error {
            path: error.path().map(PathBuf::from).unwrap_or_default(),
            message: match error.io_error() {
                Some(io) => io.to_string(),
                None => error.to_string(),
            },
        }),
    }))
}

/// File names on standard input, one per line (a final `\r` is dropped, empty lines skipped).
fn stdin_names() -> impl Iterator<Item = Result<PathBuf, String>> {
    let mut stdin = std::io::stdin().lock();
    let mut failed = false;
    std::iter::from_fn(move || {
        if failed {
            return None;
        }
        loop {
            let mut line = Vec::new();
            match stdin.read_until(b'\n', &mut line) {
                Ok(0) => return None,
                Ok(_) => {
                    while line.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                        line.pop();
                    }
                    if line.is_empty() {
                        continue;
                    }
                    return Some(Ok(PathBuf::from(bytes_to_os_string(line))));
                }
                Err(error) => {
                    failed = true;
                    return Some(Err(format!("cannot read file names: {error}")));
                }
            }
        }
    })
}

#[cfg(unix)]
fn bytes_to_os_string(bytes: Vec<u8>) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(bytes)
}

#[cfg(not(unix))]
fn bytes_to_os_string(bytes: Vec<u8>) -> OsString {
    OsString::from(String::from_utf8_lossy(&bytes).into_owned())
}
