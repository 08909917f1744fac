//! `empreinte hash`, run as a user runs it.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn empreinte() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_empreinte"));
    // No terminal here, but make sure a progress bar could never end up in the captured output.
    command.env_remove("CLICOLOR_FORCE");
    command
}

fn run(args: &[&str]) -> Output {
    empreinte().args(args).output().expect("the binary runs")
}

fn run_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = empreinte()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin written");
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `../shared/testdata/pdq`, or `None` (with a message) when it is missing outside CI.
fn testdata() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/testdata/pdq");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "the shared test data is missing at {} (required on CI)",
        dir.display()
    );
    eprintln!(
        "SKIPPED: the shared test data is missing at {}",
        dir.display()
    );
    None
}

/// expected.csv rows of PNG files: file -> columns.
fn expected_png_rows(data: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let text = std::fs::read_to_string(data.join("expected.csv")).expect("expected.csv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    lines
        .map(|line| {
            let row: BTreeMap<String, String> = header
                .iter()
                .zip(line.split(','))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            (row["file"].clone(), row)
        })
        .filter(|(file, _)| file.ends_with(".png"))
        .collect()
}

/// Splits a default output line into hash, quality and path.
fn parse_line(line: &str) -> (&str, &str, &str) {
    let mut parts = line.splitn(3, ',');
    let hash = parts.next().expect("hash");
    let quality = parts.next().expect("quality");
    let path = parts.next().expect("path");
    assert_eq!(hash.len(), 64, "{line}");
    assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()), "{line}");
    (hash, quality, path)
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn both_conventions_print_the_reference_values_for_every_png() {
    let Some(data) = testdata() else { return };
    let rows = expected_png_rows(&data);
    let paths: Vec<String> = rows
        .keys()
        .map(|file| data.join("images").join(file).display().to_string())
        .collect();
    let mut args = vec!["hash", "--convention", "both", "--ignore-exif"];
    args.extend(paths.iter().map(String::as_str));
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2 * paths.len(), "two lines per file");
    for (pair, path) in lines.chunks(2).zip(&paths) {
        let row = &rows[&file_name(path)];
        let (hash, quality, printed) = parse_line(pair[0]);
        assert_eq!(printed, path, "input order, path as given");
        assert_eq!(
            (hash, quality),
            (row["hash"].as_str(), row["quality"].as_str()),
            "{path} reference"
        );
        let (hash, quality, printed) = parse_line(pair[1]);
        assert_eq!(printed, path);
        assert_eq!(
            (hash, quality),
            (
                row["hash_fullres"].as_str(),
                row["quality_fullres"].as_str()
            ),
            "{path} full-resolution"
        );
    }
}

#[test]
fn default_output_is_the_reference_format_and_convention() {
    let Some(data) = testdata() else { return };
    let rows = expected_png_rows(&data);
    let file = "synthetic__gradient-640x480.png";
    let path = data.join("images").join(file).display().to_string();
    let output = run(&["hash", &path]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        format!("{},{},{path}\n", rows[file]["hash"], rows[file]["quality"])
    );
    assert_eq!(stderr(&output), "");

    let output = run(&["hash", "--convention", "full-resolution", &path]);
    assert_eq!(
        stdout(&output),
        format!(
            "{},{},{path}\n",
            rows[file]["hash_fullres"], rows[file]["quality_fullres"]
        )
    );
}

/// A directory tree with images at several depths and some files that are not images.
fn image_tree(data: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    let images = data.join("images");
    let copy = |from: &str, to: &str| {
        let to = dir.path().join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(images.join(from), to).unwrap();
    };
    copy("synthetic__noise-64x64.png", "b/one.png");
    copy("synthetic__checker-512.png", "a/deeper/two.png");
    copy("misc-images__wee.jpg", "c.jpg");
    // Named like an image, but is not: found in a directory, so skipped.
    std::fs::write(dir.path().join("a/notes.jpg"), "shopping list").unwrap();
    std::fs::write(
        dir.path().join(".DS_Store"),
        [0u8, 0, 0, 1, 66, 117, 100, 49],
    )
    .unwrap();
    dir
}

#[test]
fn directories_are_walked_recursively_in_name_order_skipping_non_images() {
    let Some(data) = testdata() else { return };
    let tree = image_tree(&data);
    let root = tree.path().display().to_string();
    let output = run(&["hash", "-j", "2", &root]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed: Vec<String> = stdout(&output)
        .lines()
        .map(|line| parse_line(line).2.to_string())
        .collect();
    assert_eq!(
        printed,
        ["a/deeper/two.png", "b/one.png", "c.jpg"].map(|relative| tree
            .path()
            .join(relative)
            .display()
            .to_string())
    );
    assert!(
        stderr(&output).contains("skipped 2 files"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn dash_reads_file_names_from_stdin_in_order() {
    let Some(data) = testdata() else { return };
    let tree = image_tree(&data);
    let names = ["c.jpg", "b/one.png", "c.jpg", "a/deeper/two.png"]
        .map(|relative| tree.path().join(relative).display().to_string());
    // Windows line ends and blank lines are tolerated.
    let stdin = format!("{}\r\n\n{}\n{}\n{}", names[0], names[1], names[2], names[3]);
    let output = run_with_stdin(&["hash", "-"], &stdin);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed: Vec<String> = stdout(&output)
        .lines()
        .map(|line| parse_line(line).2.to_string())
        .collect();
    assert_eq!(printed, names);
}

#[test]
fn a_corrupt_file_among_good_ones_fails_alone() {
    let Some(data) = testdata() else { return };
    let tree = image_tree(&data);
    let good = tree.path().join("b/one.png");
    // Explicitly named, so reported rather than skipped.
    let not_image = tree.path().join("a/notes.jpg");
    let truncated = tree.path().join("truncated.jpg");
    let bytes = std::fs::read(data.join("images/bridge-mods__square-512x512.jpg")).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let missing = tree.path().join("missing.png");

    let paths = [&good, &not_image, &truncated, &missing, &good];
    let mut args = vec!["hash".to_string()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run(&args);

    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let printed: Vec<String> = stdout(&output)
        .lines()
        .map(|line| parse_line(line).2.to_string())
        .collect();
    assert_eq!(printed, vec![good.display().to_string(); 2]);
    let errors = stderr(&output);
    for (path, reason) in [
        (&not_image, "not an image"),
        (&truncated, "truncated"),
        (&missing, "No such file"),
    ] {
        let prefix = format!("{}: ", path.display());
        assert!(
            errors
                .lines()
                .any(|line| line.starts_with(&prefix) && line.contains(reason)),
            "no `{prefix}...{reason}` line in:\n{errors}"
        );
    }
    assert!(
        errors.contains("3 of 5 files could not be hashed"),
        "{errors}"
    );
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        &["hash", "--no-such-flag", "x.png"][..],
        &["hash"],
        &["hash", "--convention", "sideways", "x.png"],
        &["hash", "-j", "0", "x.png"],
        &["hash", "--max-pixels", "lots", "x.png"],
    ] {
        let output = run(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn size_limits_are_options() {
    let Some(data) = testdata() else { return };
    let path = data.join("images/synthetic__noise-1000x750.png");
    let path = path.display().to_string();
    let output = run(&["hash", "--max-pixels", "700K", &path]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("1000x750 pixels, more than the limit of 700000"),
        "{}",
        stderr(&output)
    );
    let output = run(&["hash", "--max-bytes", "1KB", &path]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("more than the limit of 1000"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn json_records_carry_every_field_and_the_named_dihedral_hashes() {
    let Some(data) = testdata() else { return };
    let rows = expected_png_rows(&data);
    let file = "synthetic__noise-129x127.png";
    let path = data.join("images").join(file).display().to_string();

    let output = run(&["hash", "--json", "--convention", "both", &path]);
    assert!(output.status.success(), "{}", stderr(&output));
    let records: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    assert_eq!(records.len(), 2);
    for (record, (convention, hash, quality)) in records.iter().zip([
        ("reference", "hash", "quality"),
        ("full-resolution", "hash_fullres", "quality_fullres"),
    ]) {
        assert_eq!(record["path"], path.as_str());
        assert_eq!(record["convention"], convention);
        assert_eq!(record["hash"], rows[file][hash].as_str());
        assert_eq!(
            record["quality"].as_u64(),
            Some(rows[file][quality].parse().unwrap())
        );
        assert_eq!(record["width"], 129);
        assert_eq!(record["height"], 127);
        assert_eq!(record["format"], "png");
        assert!(record.get("dihedral").is_none());
    }

    let dihedral_csv = std::fs::read_to_string(data.join("dihedral.csv")).unwrap();
    let mut lines = dihedral_csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines
        .find(|line| line.starts_with(&format!("{file},")))
        .expect("a dihedral row")
        .split(',')
        .collect();
    let output = run(&["hash", "--json", "--dihedral", &path]);
    assert!(output.status.success(), "{}", stderr(&output));
    let record: serde_json::Value =
        serde_json::from_str(stdout(&output).trim()).expect("one JSON object");
    let dihedral = record["dihedral"].as_object().expect("a dihedral object");
    assert_eq!(dihedral.len(), 8);
    for (name, expected) in header[1..9].iter().zip(&row[1..9]) {
        assert_eq!(dihedral[*name], *expected, "{name}");
    }
    assert_eq!(record["hash"], row[1], "hash is the original's");

    // CSV with --dihedral: the reference's --pdqdih-across line.
    let output = run(&["hash", "--dihedral", &path]);
    assert_eq!(
        stdout(&output),
        format!("{},{}\n", row[1..10].join(","), path)
    );
}

#[test]
fn many_files_on_several_threads_keep_their_order() {
    let Some(data) = testdata() else { return };
    let images = data.join("images");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&images)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            // Small files only, to keep the test quick.
            std::fs::metadata(path).unwrap().len() < 200_000
        })
        .collect();
    files.sort();
    files.reverse();
    let mut args = vec!["hash".to_string(), "-j".into(), "3".into()];
    for _ in 0..3 {
        args.extend(files.iter().map(|p| p.display().to_string()));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed: Vec<String> = stdout(&output)
        .lines()
        .map(|line| parse_line(line).2.to_string())
        .collect();
    assert_eq!(printed, args[3..]);
}

#[test]
fn exif_orientation_is_applied_unless_ignored() {
    let Some(data) = testdata() else { return };
    let path = data.join("images/exif-rotn__exif-rotn-6.jpg");
    let path = path.display().to_string();
    let width_height = |args: &[&str]| {
        let output = run(args);
        assert!(output.status.success(), "{}", stderr(&output));
        let record: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
        (
            record["width"].as_u64().unwrap(),
            record["height"].as_u64().unwrap(),
        )
    };
    // Stored 4032x3024, tagged "rotate 90 degrees clockwise".
    assert_eq!(width_height(&["hash", "--json", &path]), (3024, 4032));
    assert_eq!(
        width_height(&["hash", "--json", "--ignore-exif", &path]),
        (4032, 3024)
    );
}
