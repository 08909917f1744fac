//! The on-disk snapshot: the live `(id, hash)` entries of an index, checksummed.
//!
//! ```text
//! offset  size  field
//!      0     8  magic "PDQIDX\r\n" (the CR LF catches text-mode mangling)
//!      8     4  format version, u32 little-endian (1)
//!     12     4  flags, u32 little-endian (0; any other value is refused)
//!     16     8  entry count n, u64 little-endian
//!     24     4  CRC-32 (IEEE) of the payload
//!     28     4  CRC-32 (IEEE) of bytes 0..28
//!     32  8n    ids, u64 little-endian, ascending
//! 32+8n 32n    hashes, 32 bytes each in `PdqHash` byte order (hex-form order)
//! ```
//!
//! Only data is stored, never the substring tables: a snapshot cannot hold tables that
//! disagree with its hashes, does not depend on the layout this build would choose, and is 40
//! bytes per entry. Loading reads the file in 32 MiB chunks straight into the final arrays,
//! checksumming as it goes, then builds the tables (about 0.3 s per million entries on two
//! cores), so an agent with 10 M hashes is answering again within seconds. The reader allocates
//! as the bytes arrive, so a header that lies about its length cannot make it reserve memory
//! the file does not back.
//!
//! Every way a file can be wrong (not a snapshot, a future version, a torn write, a flipped
//! bit, trailing garbage, ids out of order) is a [`SnapshotError`]; nothing panics and no index
//! is built from a file that fails a check. [`MihIndex::save`] writes to a temporary file
//! beside the target, syncs it and renames it over the target, so a crash leaves the old
//! snapshot or the new one, never half of one.

use crate::index::{MihIndex, MihOptions};
use crate::simd::Words;
use crate::{HammingIndex, ScanIndex};
use pdq::PdqHash;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// First eight bytes of every snapshot.
pub const MAGIC: [u8; 8] = *b"PDQIDX\r\n";
/// The format version this build writes and reads.
pub const VERSION: u32 = 1;
const HEADER_LEN: usize = 32;
const ENTRY_LEN: u64 = 40;
/// Entries read per chunk: bounds what a lying header can make the reader allocate ahead of
/// the bytes actually present.
const CHUNK_ENTRIES: usize = 1 << 20;

/// Why a snapshot could not be written or read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SnapshotError {
    /// Reading or writing failed.
    #[error("snapshot I/O failed: {0}")]
    Io(#[from] io::Error),
    /// The file does not start with the snapshot magic bytes.
    #[error("not an index snapshot (wrong magic bytes)")]
    BadMagic,
    /// The header's checksum does not match: the header is damaged.
    #[error("the snapshot header is corrupt (checksum mismatch)")]
    HeaderChecksum,
    /// Written by another version of the format.
    #[error(
        "snapshot format version {found} is not supported (this build reads version {supported})"
    )]
    UnsupportedVersion {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        supported: u32,
    },
    /// The header sets flags this build does not know.
    #[error("the snapshot uses unknown flags {0:#x}")]
    UnknownFlags(u32),
    /// The file is shorter than its header says.
    #[error("the snapshot is truncated: {expected} bytes expected, {found} present")]
    Truncated {
        /// Length the header implies.
        expected: u64,
        /// Length present.
        found: u64,
    },
    /// Bytes follow the payload.
    #[error("the snapshot has unexpected bytes after its payload")]
    TrailingBytes,
    /// The payload's checksum does not match: the entries are damaged.
    #[error("the snapshot payload is corrupt (checksum mismatch)")]
    PayloadChecksum,
    /// The ids are not in ascending order although the checksum matched: written wrongly.
    #[error("the snapshot's ids are out of order")]
    Unordered,
    /// The entry count cannot be held in memory on this machine.
    #[error("the snapshot claims {0} entries, more than this machine can address")]
    TooLarge(u64),
}

/// Writes the snapshot of `entries` (`(id, hash)`, ascending by id) to `writer`.
fn write_entries<W: Write>(
    writer: &mut W,
    ids: &[u64],
    hashes: &[Words],
) -> Result<(), SnapshotError> {
    debug_assert_eq!(ids.len(), hashes.len());
    let mut crc = crc32fast::Hasher::new();
    for chunk in ids.chunks(CHUNK_ENTRIES) {
        crc.update(&ids_bytes(chunk));
    }
    for chunk in hashes.chunks(CHUNK_ENTRIES) {
        crc.update(&hashes_bytes(chunk));
    }
    let mut header = [0u8; HEADER_LEN];
    header[0..8].copy_from_slice(&MAGIC);
    header[8..12].copy_from_slice(&VERSION.to_le_bytes());
    header[12..16].copy_from_slice(&0u32.to_le_bytes());
    header[16..24].copy_from_slice(&(ids.len() as u64).to_le_bytes());
    header[24..28].copy_from_slice(&crc.finalize().to_le_bytes());
    let header_crc = crc32fast::hash(&header[..28]);
    header[28..32].copy_from_slice(&header_crc.to_le_bytes());
    writer.write_all(&header)?;
    for chunk in ids.chunks(CHUNK_ENTRIES) {
        writer.write_all(&ids_bytes(chunk))?;
    }
    for chunk in hashes.chunks(CHUNK_ENTRIES) {
        writer.write_all(&hashes_bytes(chunk))?;
    }
    Ok(())
}

fn ids_bytes(ids: &[u64]) -> Vec<u8> {
    ids.iter().flat_map(|id| id.to_le_bytes()).collect()
}

fn hashes_bytes(hashes: &[Words]) -> Vec<u8> {
    hashes
        .iter()
        .flat_map(|&h| *PdqHash::from(h).as_bytes())
        .collect()
}

/// Reads exactly `buf.len()` bytes, reporting a short read as truncation of the whole file.
fn read_section<R: Read>(
    reader: &mut R,
    buf: &mut [u8],
    consumed: &mut u64,
    expected_total: u64,
) -> Result<(), SnapshotError> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => {
                return Err(SnapshotError::Truncated {
                    expected: expected_total,
                    found: *consumed + filled as u64,
                });
            }
            Ok(k) => filled += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    *consumed += filled as u64;
    Ok(())
}

/// Reads a snapshot into id-sorted parallel arrays, checking everything.
fn read_entries<R: Read>(reader: &mut R) -> Result<(Vec<u64>, Vec<Words>), SnapshotError> {
    let mut header = [0u8; HEADER_LEN];
    let mut consumed = 0u64;
    read_section(reader, &mut header, &mut consumed, HEADER_LEN as u64)?;
    if header[0..8] != MAGIC {
        return Err(SnapshotError::BadMagic);
    }
    let field32 = |at: usize| u32::from_le_bytes(header[at..at + 4].try_into().expect("4 bytes"));
    if crc32fast::hash(&header[..28]) != field32(28) {
        return Err(SnapshotError::HeaderChecksum);
    }
    let version = field32(8);
    if version != VERSION {
        return Err(SnapshotError::UnsupportedVersion {
            found: version,
            supported: VERSION,
        });
    }
    let flags = field32(12);
    if flags != 0 {
        return Err(SnapshotError::UnknownFlags(flags));
    }
    let count = u64::from_le_bytes(header[16..24].try_into().expect("8 bytes"));
    let expected_total = count
        .checked_mul(ENTRY_LEN)
        .and_then(|p| p.checked_add(HEADER_LEN as u64))
        .ok_or(SnapshotError::TooLarge(count))?;
    let n = usize::try_from(count).map_err(|_| SnapshotError::TooLarge(count))?;
    if n.checked_mul(ENTRY_LEN as usize).is_none() {
        return Err(SnapshotError::TooLarge(count));
    }
    let payload_crc = field32(24);

    let mut crc = crc32fast::Hasher::new();
    let mut buffer = vec![0u8; 32 * CHUNK_ENTRIES.min(n.max(1))];
    // Grow the arrays chunk by chunk, so that a header that lies about the count costs no more
    // memory than the bytes that are really there.
    let mut ids: Vec<u64> = Vec::with_capacity(n.min(CHUNK_ENTRIES));
    while ids.len() < n {
        let k = (n - ids.len()).min(CHUNK_ENTRIES);
        let bytes = &mut buffer[..8 * k];
        read_section(reader, bytes, &mut consumed, expected_total)?;
        crc.update(bytes);
        ids.extend(
            bytes
                .chunks_exact(8)
                .map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes"))),
        );
    }
    let mut hashes: Vec<Words> = Vec::with_capacity(n.min(CHUNK_ENTRIES));
    while hashes.len() < n {
        let k = (n - hashes.len()).min(CHUNK_ENTRIES);
        let bytes = &mut buffer[..32 * k];
        read_section(reader, bytes, &mut consumed, expected_total)?;
        crc.update(bytes);
        hashes.extend(
            bytes
                .chunks_exact(32)
                .map(|b| Words::from(PdqHash::from_bytes(b.try_into().expect("32 bytes")))),
        );
    }
    let mut probe = [0u8; 1];
    loop {
        match reader.read(&mut probe) {
            Ok(0) => break,
            Ok(_) => return Err(SnapshotError::TrailingBytes),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    if crc.finalize() != payload_crc {
        return Err(SnapshotError::PayloadChecksum);
    }
    if ids.windows(2).any(|w| w[0] > w[1]) {
        return Err(SnapshotError::Unordered);
    }
    Ok((ids, hashes))
}

/// Writes to `path` atomically: a temporary file beside it, synced, then renamed over it.
fn save_atomically(
    path: &Path,
    write: impl FnOnce(&mut io::BufWriter<&File>) -> Result<(), SnapshotError>,
) -> Result<(), SnapshotError> {
    let mut temporary = PathBuf::from(path);
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "snapshot path has no file name",
        )
    })?;
    let mut temporary_name = name.to_os_string();
    temporary_name.push(".tmp");
    temporary.set_file_name(temporary_name);
    let result = (|| {
        let file = File::create(&temporary)?;
        let mut writer = io::BufWriter::with_capacity(1 << 20, &file);
        write(&mut writer)?;
        writer.flush()?;
        drop(writer);
        file.sync_all()?;
        std::fs::rename(&temporary, path)?;
        // Make the rename itself durable where the platform allows syncing a directory.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Ok(dir) = File::open(dir)
        {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

fn open_checked(path: &Path) -> Result<File, SnapshotError> {
    let file = File::open(path)?;
    Ok(file)
}

impl MihIndex {
    /// Writes a snapshot of the live entries to `writer`.
    pub fn write_snapshot<W: Write>(&self, writer: &mut W) -> Result<(), SnapshotError> {
        let (ids, hashes) = self.sorted_live_arrays();
        write_entries(writer, &ids, &hashes)
    }

    /// Saves a snapshot to `path` atomically (see the module documentation).
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), SnapshotError> {
        let (ids, hashes) = self.sorted_live_arrays();
        save_atomically(path.as_ref(), |w| write_entries(w, &ids, &hashes))
    }

    /// Reads a snapshot from `reader` and builds the index with default options.
    pub fn read_snapshot<R: Read>(reader: &mut R) -> Result<Self, SnapshotError> {
        Self::read_snapshot_with_options(reader, MihOptions::default())
    }

    /// [`MihIndex::read_snapshot`] with options.
    pub fn read_snapshot_with_options<R: Read>(
        reader: &mut R,
        options: MihOptions,
    ) -> Result<Self, SnapshotError> {
        let (ids, hashes) = read_entries(reader)?;
        Ok(MihIndex::from_sorted_arrays(ids, hashes, options))
    }

    /// Loads a snapshot file and builds the index with default options.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, SnapshotError> {
        Self::read_snapshot(&mut open_checked(path.as_ref())?)
    }

    fn sorted_live_arrays(&self) -> (Vec<u64>, Vec<Words>) {
        let mut entries: Vec<(u64, Words)> = self
            .entries()
            .map(|(hash, id)| (id, Words::from(hash)))
            .collect();
        entries.sort_by_key(|e| e.0);
        entries.into_iter().unzip()
    }
}

impl ScanIndex {
    /// Writes a snapshot of the entries to `writer` (the same format as [`MihIndex`]'s).
    pub fn write_snapshot<W: Write>(&self, writer: &mut W) -> Result<(), SnapshotError> {
        let mut entries: Vec<(u64, Words)> = self
            .entries()
            .map(|(hash, id)| (id, Words::from(hash)))
            .collect();
        entries.sort_by_key(|e| e.0);
        let (ids, hashes): (Vec<u64>, Vec<Words>) = entries.into_iter().unzip();
        write_entries(writer, &ids, &hashes)
    }

    /// Saves a snapshot to `path` atomically.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), SnapshotError> {
        save_atomically(path.as_ref(), |w| self.write_snapshot(w))
    }

    /// Reads a snapshot from `reader`.
    pub fn read_snapshot<R: Read>(reader: &mut R) -> Result<Self, SnapshotError> {
        let (ids, hashes) = read_entries(reader)?;
        let mut index = ScanIndex::new();
        for (id, hash) in ids.into_iter().zip(hashes) {
            index.insert(PdqHash::from(hash), id);
        }
        Ok(index)
    }

    /// Loads a snapshot file.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, SnapshotError> {
        Self::read_snapshot(&mut open_checked(path.as_ref())?)
    }
}
