//! The portal's static files (stylesheet, JavaScript modules, icon, the hashing worker and its
//! WebAssembly), embedded in the binary.
//!
//! Each file is served under two names: its plain name (`/assets/files.js`, revalidated on every
//! use) and a fingerprinted name (`/assets/files.3f9a0c1b2d.js`, cached for a year), which is
//! what the pages link to. JavaScript modules import each other by relative plain name
//! (`from './common.js'`), and the hashing worker names its WebAssembly the same way
//! (`new URL('./pdq.wasm', import.meta.url)`); those quoted names are rewritten to the
//! fingerprinted names here, so a change in one file changes the fingerprint of every module that
//! refers to it.

use std::collections::HashMap;
use std::io::Write as _;
use std::sync::{LazyLock, OnceLock};

/// One file as written in `assets/`.
struct Embedded {
    name: &'static str,
    bytes: &'static [u8],
}

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(Embedded { name: $name, bytes: include_bytes!(concat!("../assets/", $name)) }),*]
    };
}

/// Every embedded file. A module must come after the files it refers to (checked by a test),
/// because its fingerprint covers their fingerprinted names.
const EMBEDDED: &[Embedded] = embed!(
    "portal.css",
    "icon.svg",
    "common.js",
    "hasher-protocol.js",
    // Built by scripts/build-wasm from crates/pdq-wasm; committed so that building the server
    // needs no WebAssembly toolchain.
    "pdq.wasm",
    "pdq-baseline.wasm",
    "hasher-wasm.js",
    "hasher-worker.js",
    "case-credentials.js",
    "files.js",
    "status.js",
    "home.js",
    "letter.js",
    "letters.js",
);

/// A file ready to serve.
#[derive(Debug)]
pub struct Asset {
    /// The plain file name (`files.js`).
    pub name: &'static str,
    /// The fingerprinted file name (`files.3f9a0c1b2d.js`).
    pub fingerprinted_name: String,
    /// The `Content-Type` to serve it with.
    pub content_type: &'static str,
    /// Its content, with module imports rewritten.
    pub body: Vec<u8>,
    /// A strong entity tag (the fingerprint, quoted).
    pub etag: String,
    /// The gzip form, made on first use (`None` when compressing does not pay).
    gzip: OnceLock<Option<Vec<u8>>>,
}

impl Asset {
    /// Whether the format is worth compressing at all (text and WebAssembly are; images that
    /// are already compressed are not).
    pub fn compressible(&self) -> bool {
        !matches!(self.content_type, "image/png" | "font/woff2")
    }

    /// The body compressed with gzip, when that saves at least a tenth. The hashing module is
    /// close to a megabyte and compresses to about a third: on a phone's connection that is
    /// seconds saved before the first photo can be hashed.
    pub fn gzip(&self) -> Option<&[u8]> {
        if !self.compressible() {
            return None;
        }
        self.gzip
            .get_or_init(|| {
                let mut encoder =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
                encoder.write_all(&self.body).ok()?;
                let compressed = encoder.finish().ok()?;
                (compressed.len() * 10 <= self.body.len() * 9).then_some(compressed)
            })
            .as_deref()
    }

    /// The entity tag of the gzip form: another representation needs another strong tag.
    pub fn gzip_etag(&self) -> String {
        format!("{}-gz\"", self.etag.trim_end_matches('"'))
    }
}

/// Every asset, by plain and by fingerprinted name.
#[derive(Debug)]
pub struct Assets {
    by_name: HashMap<&'static str, usize>,
    by_fingerprinted_name: HashMap<String, usize>,
    assets: Vec<Asset>,
}

static ASSETS: LazyLock<Assets> = LazyLock::new(Assets::build);

impl Assets {
    /// The embedded assets (built once).
    pub fn get() -> &'static Assets {
        &ASSETS
    }

    fn build() -> Assets {
        let mut assets: Vec<Asset> = Vec::with_capacity(EMBEDDED.len());
        let mut by_name = HashMap::new();
        let mut by_fingerprinted_name = HashMap::new();
        for embedded in EMBEDDED {
            let body = if embedded.name.ends_with(".js") {
                rewrite_imports(embedded.bytes, &assets)
            } else {
                embedded.bytes.to_vec()
            };
            let fingerprint = format!("{:016x}", fnv1a64(&body));
            let fingerprint = &fingerprint[..10];
            let (stem, extension) = embedded
                .name
                .rsplit_once('.')
                .unwrap_or((embedded.name, ""));
            let asset = Asset {
                name: embedded.name,
                fingerprinted_name: format!("{stem}.{fingerprint}.{extension}"),
                content_type: content_type(embedded.name),
                body,
                etag: format!("\"{fingerprint}\""),
                gzip: OnceLock::new(),
            };
            by_name.insert(embedded.name, assets.len());
            by_fingerprinted_name.insert(asset.fingerprinted_name.clone(), assets.len());
            assets.push(asset);
        }
        Assets {
            by_name,
            by_fingerprinted_name,
            assets,
        }
    }

    /// The asset served at `/assets/{file_name}`, and whether that name is the fingerprinted one.
    pub fn lookup(&self, file_name: &str) -> Option<(&Asset, bool)> {
        if let Some(&index) = self.by_fingerprinted_name.get(file_name) {
            return Some((&self.assets[index], true));
        }
        self.by_name
            .get(file_name)
            .map(|&index| (&self.assets[index], false))
    }

    /// The URL pages use for the asset `name`: fingerprinted when it is embedded, else its plain
    /// path (for a file another part of the server provides).
    pub fn url(&self, name: &str) -> String {
        match self.by_name.get(name) {
            Some(&index) => format!("/assets/{}", self.assets[index].fingerprinted_name),
            None => format!("/assets/{name}"),
        }
    }

    /// Every asset.
    pub fn iter(&self) -> impl Iterator<Item = &Asset> {
        self.assets.iter()
    }
}

/// Rewrites quoted relative names (`'./name.js'`, `'./pdq.wasm'`) of already built assets to
/// their fingerprinted names. Only quoted relative specifiers are touched.
fn rewrite_imports(bytes: &[u8], built: &[Asset]) -> Vec<u8> {
    let Ok(source) = std::str::from_utf8(bytes) else {
        return bytes.to_vec();
    };
    let mut text = source.to_owned();
    for asset in built {
        for quote in ['\'', '"'] {
            let plain = format!("{quote}./{}{quote}", asset.name);
            let fingerprinted = format!("{quote}./{}{quote}", asset.fingerprinted_name);
            text = text.replace(&plain, &fingerprinted);
        }
    }
    text.into_bytes()
}

/// 64-bit FNV-1a: enough to tell versions of a file apart in a cache-busting name.
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, extension)| extension) {
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The plain names of every embedded asset (each served at `/assets/{name}`).
pub fn asset_names() -> Vec<&'static str> {
    Assets::get().iter().map(|asset| asset.name).collect()
}

/// Whether the portal embeds an asset of this plain name (for example `hasher-worker.js`).
pub fn has_asset(name: &str) -> bool {
    Assets::get().by_name.contains_key(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_the_folder_is_embedded_and_every_import_resolves() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/assets");
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = EMBEDDED.iter().map(|e| e.name.to_owned()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded, "assets/ and the EMBEDDED list differ");

        for asset in Assets::get().iter().filter(|a| a.name.ends_with(".js")) {
            let text = std::str::from_utf8(&asset.body).unwrap();
            for line in text
                .lines()
                .filter(|l| l.trim_start().starts_with("import"))
            {
                if let Some(start) = line.find("'./") {
                    let specifier = &line[start + 3..];
                    let specifier = &specifier[..specifier.find('\'').unwrap()];
                    assert!(
                        Assets::get().by_fingerprinted_name.contains_key(specifier),
                        "{} imports ./{specifier}, which is not an earlier asset",
                        asset.name
                    );
                }
            }
        }
    }

    #[test]
    fn the_worker_names_its_webassembly_by_fingerprint() {
        let assets = Assets::get();
        let (worker, _) = assets.lookup("hasher-worker.js").unwrap();
        let text = std::str::from_utf8(&worker.body).unwrap();
        for name in ["pdq.wasm", "pdq-baseline.wasm"] {
            let (wasm, _) = assets.lookup(name).unwrap();
            assert_eq!(wasm.content_type, "application/wasm");
            assert!(wasm.body.starts_with(b"\0asm"), "{name} is not WebAssembly");
            assert!(
                text.contains(&format!("'./{}'", wasm.fingerprinted_name)),
                "the worker does not load {}",
                wasm.fingerprinted_name
            );
            assert!(!text.contains(&format!("'./{name}'")));
        }
    }

    #[test]
    fn fingerprints_follow_content() {
        let assets = Assets::get();
        let (css, fingerprinted) = assets.lookup("portal.css").unwrap();
        assert!(!fingerprinted);
        let (same, fingerprinted) = assets.lookup(&css.fingerprinted_name).unwrap();
        assert!(fingerprinted);
        assert_eq!(same.name, "portal.css");
        assert_eq!(
            assets.url("portal.css"),
            format!("/assets/{}", css.fingerprinted_name)
        );
        assert_eq!(assets.url("not-embedded.js"), "/assets/not-embedded.js");
        assert_ne!(fnv1a64(b"a"), fnv1a64(b"b"));
    }
}
