//! `empreinte hash`: PDQ hashes of image files.

mod inputs;
mod ordered;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use inputs::Listed;
use media::fs::FileError;
use media::{DecodeOptions, DecodedImage, Limits};
use ordered::{Input, Sink};
use pdq::{Convention, DihedralOutput, PdqOutput};
use std::io::{self, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `empreinte hash`.
#[derive(clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct HashArgs {
    /// Image files, or directories to search recursively; `-` reads file names from standard
    /// input, one per line.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    paths: Vec<PathBuf>,

    /// Print one JSON object per line: path, convention, hash, quality, width, height, format
    /// (and the eight dihedral hashes with --dihedral).
    #[arg(long)]
    json: bool,

    /// Also compute the hashes of the image's eight rotations and mirror images, which match
    /// rotated or mirrored copies. CSV lines become
    /// `original,rotate90,rotate180,rotate270,flipx,flipy,flipplus1,flipminus1,quality,path`
    /// (the reference's --pdqdih-across); JSON records get a "dihedral" object.
    #[arg(long)]
    dihedral: bool,

    /// PDQ convention: `reference` resizes images larger than 512 px to 512x512 first (Meta's
    /// pdq-photo-hasher, StopNCII); `full-resolution` does not (pdqhash, python-threatexchange,
    /// HMA); `both` prints one line per convention for each file, reference first (in JSON,
    /// the "convention" field tells them apart).
    #[arg(long, value_enum, default_value_t = ConventionChoice::Reference)]
    convention: ConventionChoice,

    /// Hash the stored pixels and ignore the EXIF orientation tag, as Meta's pdq-photo-hasher
    /// does. By default the image is turned as the tag says: as a person sees it.
    #[arg(long)]
    ignore_exif: bool,

    /// Refuse images of more pixels than this (decompression bombs), read from the header
    /// before anything is decoded. Accepts K, M and G (powers of 1000).
    #[arg(long, value_name = "PIXELS", default_value = "100M", value_parser = parse_amount)]
    max_pixels: u64,

    /// Refuse files larger than this many bytes. Accepts K, M and G (powers of 1000), and a
    /// trailing B.
    #[arg(long, value_name = "BYTES", default_value = "200MB", value_parser = parse_amount)]
    max_bytes: u64,

    /// Number of files hashed at once [default: the number of cores].
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<NonZeroUsize>,
}

const AFTER_HELP: &str = "\
Output: one line per file, `hash,quality,path`, as Meta's pdq-photo-hasher prints, in the order \
the files were given (directories in name order). Quality runs from 0 to 100; hashes of quality \
below 50 describe featureless images and match too much to be used.

Files are recognised by content, not by name. Files found in directories that are not images \
are skipped; files named explicitly that cannot be hashed are reported on standard error as \
`path: reason`, and the others are still hashed.

Exit status: 0 when every file was hashed, 1 when any file could not be, 2 on a usage error.";

/// `--convention` values.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ConventionChoice {
    Reference,
    FullResolution,
    Both,
}

impl ConventionChoice {
    fn conventions(self) -> &'static [Convention] {
        match self {
            ConventionChoice::Reference => &[Convention::Reference],
            ConventionChoice::FullResolution => &[Convention::FullResolution],
            ConventionChoice::Both => &Convention::ALL,
        }
    }
}

/// `100M`, `200MB`, `1500`: an amount with an optional decimal suffix.
fn parse_amount(text: &str) -> Result<u64, String> {
    let upper = text.trim().to_ascii_uppercase();
    let digits = upper.strip_suffix('B').unwrap_or(&upper);
    let (digits, factor) = match digits.as_bytes().last() {
        Some(b'K') => (&digits[..digits.len() - 1], 1_000),
        Some(b'M') => (&digits[..digits.len() - 1], 1_000_000),
        Some(b'G') => (&digits[..digits.len() - 1], 1_000_000_000),
        _ => (digits, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .filter(|&n| n > 0)
        .ok_or_else(|| {
            format!("expected a positive whole number such as 5000, 100M or 2G, not {text:?}")
        })
}

/// What hashing one file gave.
enum Outcome {
    Hashed {
        path: PathBuf,
        image: ImageFacts,
        results: Vec<(Convention, Hashes)>,
    },
    Failed {
        path: PathBuf,
        reason: String,
    },
    /// Found in a directory and not an image.
    Skipped,
}

/// What is printed about the decoded image besides its hashes.
struct ImageFacts {
    width: u32,
    height: u32,
    format: media::ImageFormat,
}

enum Hashes {
    One(PdqOutput),
    /// The plain hash is kept besides the eight: for a 64x64 image the reference's plain hasher
    /// differs from its dihedral one (it skips the blur), and "hash" must mean the same thing
    /// with and without --dihedral.
    Dihedral {
        plain: PdqOutput,
        all: Box<DihedralOutput>,
    },
}

thread_local! {
    /// One hasher per worker thread, so its working buffers are reused from file to file.
    static HASHER: std::cell::RefCell<pdq::PdqHasher> = std::cell::RefCell::new(pdq::PdqHasher::new());
}

/// What every file is hashed with.
struct Job {
    options: DecodeOptions,
    conventions: &'static [Convention],
    dihedral: bool,
}

impl Job {
    fn hash_file(&self, path: PathBuf, named: bool) -> Outcome {
        // A decoder bug must cost one file, not the run.
        let result = catch_unwind(AssertUnwindSafe(|| self.try_hash_file(&path)));
        match result {
            Ok(Ok((image, results))) => Outcome::Hashed {
                path,
                image,
                results,
            },
            Ok(Err(error)) if !named && error.is_not_an_image() => Outcome::Skipped,
            Ok(Err(error)) => Outcome::Failed {
                path,
                reason: error.to_string(),
            },
            Err(_) => Outcome::Failed {
                path,
                reason: "internal error (a bug in a decoder or the hasher; please report it)"
                    .into(),
            },
        }
    }

    #[allow(clippy::type_complexity)]
    fn try_hash_file(
        &self,
        path: &Path,
    ) -> Result<(ImageFacts, Vec<(Convention, Hashes)>), FileError> {
        // The reference convention reads only a 512x512 sample of a larger image: decoding just
        // that sample (large JPEGs) gives the same hashes several times faster.
        let image: DecodedImage = if self.conventions == [Convention::Reference] {
            media::fs::decode_file_for_reference(path, &self.options)?
        } else {
            media::fs::decode_file(path, &self.options)?
        };
        let pixels = image.as_image_ref();
        let results = HASHER.with_borrow_mut(|hasher| {
            self.conventions
                .iter()
                .map(|&convention| {
                    let plain = hasher.hash(&pixels, convention);
                    let hashes = if self.dihedral {
                        Hashes::Dihedral {
                            plain,
                            all: Box::new(hasher.hash_dihedral(&pixels, convention)),
                        }
                    } else {
                        Hashes::One(plain)
                    };
                    (convention, hashes)
                })
                .collect()
        });
        let (width, height) = image.original_size();
        let facts = ImageFacts {
            width,
            height,
            format: image.format(),
        };
        Ok((facts, results))
    }
}

/// Runs `empreinte hash`.
pub fn run(args: HashArgs) -> anyhow::Result<ExitCode> {
    let threads = match args.threads {
        Some(n) => n.get(),
        None => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
    };
    let job = Job {
        options: DecodeOptions {
            limits: Limits {
                max_bytes: args.max_bytes,
                max_pixels: args.max_pixels,
            },
            apply_exif_orientation: !args.ignore_exif,
        },
        conventions: args.convention.conventions(),
        dihedral: args.dihedral,
    };
    let progress = Progress::new();
    let mut printer = Printer {
        out: io::BufWriter::with_capacity(1 << 16, io::stdout()),
        json: args.json,
        progress: &progress,
        hashed: 0,
        failed: 0,
        skipped: 0,
        write_error: None,
    };
    let listed = inputs::list(args.paths).map(|listed| {
        progress.found_one();
        match listed {
            Listed::File { path, named } => Input::Work((path, named)),
            Listed::Error { path, message } => Input::Ready(Outcome::Failed {
                path,
                reason: message,
            }),
        }
    });
    ordered::run(
        listed,
        threads,
        |(path, named)| job.hash_file(path, named),
        &mut printer,
    )
    .context("cannot start the hashing threads")?;
    progress.finish();

    if let Some(error) = printer.write_error {
        // A closed pipe (`| head`) is the reader saying it has enough.
        if error.kind() != io::ErrorKind::BrokenPipe {
            return Err(error).context("cannot write the hashes to standard output");
        }
    }
    let Printer {
        hashed,
        failed,
        skipped,
        ..
    } = printer;
    if skipped > 0 {
        progress.println(&format!(
            "skipped {skipped} file{} found in directories that {} not images",
            plural(skipped),
            if skipped == 1 { "is" } else { "are" }
        ));
    }
    if failed > 0 {
        progress.println(&format!(
            "{failed} of {} file{} could not be hashed",
            failed + hashed,
            plural(failed + hashed)
        ));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Prints outcomes as they come, in order.
struct Printer<'a, W: Write> {
    out: W,
    json: bool,
    progress: &'a Progress,
    hashed: u64,
    failed: u64,
    skipped: u64,
    write_error: Option<io::Error>,
}

impl<W: Write + Send> Sink<Outcome> for Printer<'_, W> {
    fn item(&mut self, outcome: Outcome) -> ControlFlow<()> {
        self.progress.done_one();
        let written = match outcome {
            Outcome::Hashed {
                path,
                image,
                results,
            } => {
                self.hashed += 1;
                if self.json {
                    write_json(&mut self.out, &path, &image, &results)
                } else {
                    write_csv(&mut self.out, &path, &results)
                }
            }
            Outcome::Failed { path, reason } => {
                self.failed += 1;
                // Flush first, so that the error lands after the lines before it.
                let flushed = self.out.flush();
                self.progress
                    .println(&format!("{}: {reason}", path.display()));
                flushed
            }
            Outcome::Skipped => {
                self.skipped += 1;
                Ok(())
            }
        };
        self.check(written)
    }

    fn idle(&mut self) -> ControlFlow<()> {
        let flushed = self.out.flush();
        self.check(flushed)
    }
}

impl<W: Write> Printer<'_, W> {
    fn check(&mut self, result: io::Result<()>) -> ControlFlow<()> {
        match result {
            Ok(()) => ControlFlow::Continue(()),
            Err(error) => {
                self.write_error = Some(error);
                ControlFlow::Break(())
            }
        }
    }
}

fn write_csv(
    out: &mut impl Write,
    path: &Path,
    results: &[(Convention, Hashes)],
) -> io::Result<()> {
    for (_, hashes) in results {
        match hashes {
            Hashes::One(output) => write!(out, "{},{},", output.hash, output.quality)?,
            // The reference's --pdqdih-across line: its dihedral hasher's eight hashes.
            Hashes::Dihedral { all, .. } => {
                for hash in &all.hashes {
                    write!(out, "{hash},")?;
                }
                write!(out, "{},", all.quality)?;
            }
        }
        write_path_bytes(out, path)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The path as the system gave it, byte for byte, as the reference prints file names.
#[cfg(unix)]
fn write_path_bytes(out: &mut impl Write, path: &Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    out.write_all(path.as_os_str().as_bytes())
}

#[cfg(not(unix))]
fn write_path_bytes(out: &mut impl Write, path: &Path) -> io::Result<()> {
    out.write_all(path.to_string_lossy().as_bytes())
}

/// Names of the dihedral hashes in JSON, in the reference's order.
const DIHEDRAL_NAMES: [&str; 8] = [
    "original",
    "rotate90",
    "rotate180",
    "rotate270",
    "flipx",
    "flipy",
    "flipplus1",
    "flipminus1",
];

#[derive(serde::Serialize)]
struct JsonRecord<'a> {
    /// Not valid UTF-8 paths are printed with U+FFFD in place of the bad bytes.
    path: &'a str,
    convention: &'static str,
    hash: String,
    quality: u8,
    width: u32,
    height: u32,
    format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    dihedral: Option<serde_json::Map<String, serde_json::Value>>,
}

fn write_json(
    out: &mut impl Write,
    path: &Path,
    image: &ImageFacts,
    results: &[(Convention, Hashes)],
) -> io::Result<()> {
    let path = path.to_string_lossy();
    for (convention, hashes) in results {
        let (plain, dihedral) = match hashes {
            Hashes::One(output) => (output, None),
            Hashes::Dihedral { plain, all } => {
                let named = DIHEDRAL_NAMES
                    .iter()
                    .zip(&all.hashes)
                    .map(|(name, hash)| (name.to_string(), hash.to_hex().into()))
                    .collect();
                (plain, Some(named))
            }
        };
        let record = JsonRecord {
            path: &path,
            convention: convention.as_str(),
            hash: plain.hash.to_hex(),
            quality: plain.quality,
            width: image.width,
            height: image.height,
            format: image.format.as_str(),
            dihedral,
        };
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The progress bar: drawn on standard error only when it is a terminal and there are enough
/// files for progress to matter.
struct Progress {
    bar: ProgressBar,
    interactive: bool,
}

/// Below this many files the run is over before a bar would help.
const PROGRESS_MIN_FILES: u64 = 50;

impl Progress {
    fn new() -> Self {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {pos}/{len} files hashed, {rate}, {elapsed} elapsed {wide_bar}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key(
                "rate",
                |state: &indicatif::ProgressState, out: &mut dyn std::fmt::Write| {
                    let _ = write!(out, "{:.0} files/s", state.per_sec());
                },
            ),
        );
        Progress {
            bar,
            interactive: io::stderr().is_terminal(),
        }
    }

    fn found_one(&self) {
        self.bar.inc_length(1);
        if self.interactive && self.bar.is_hidden() && self.bar.length() >= Some(PROGRESS_MIN_FILES)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn done_one(&self) {
        self.bar.inc(1);
    }

    /// Prints a line on standard error without garbling the bar.
    fn println(&self, line: &str) {
        self.bar.suspend(|| {
            let mut stderr = io::stderr().lock();
            let _ = writeln!(stderr, "{line}");
        });
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_take_decimal_suffixes() {
        assert_eq!(parse_amount("1500"), Ok(1500));
        assert_eq!(parse_amount("100M"), Ok(100_000_000));
        assert_eq!(parse_amount("200MB"), Ok(200_000_000));
        assert_eq!(parse_amount("2g"), Ok(2_000_000_000));
        assert_eq!(parse_amount("7kb"), Ok(7_000));
        for bad in ["", "M", "-5", "1.5G", "0", "12X", "99999999999G"] {
            assert!(parse_amount(bad).is_err(), "{bad:?}");
        }
    }
}
