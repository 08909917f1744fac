//! The 256-bit PDQ hash value, its textual form and its distance.

use std::fmt;
use std::str::FromStr;

/// Number of bits in a PDQ hash.
pub const HASH_BITS: usize = 256;
/// Number of bytes in a PDQ hash.
pub const HASH_BYTES: usize = HASH_BITS / 8;

/// A 256-bit PDQ hash.
///
/// The bytes are kept in the order of the hexadecimal form that Meta's reference prints (64 hex
/// digits, most significant first), so `from_hex(h).to_hex() == h` for every lowercase `h`, and
/// the bytes can be stored or sent as they are. Bit `k` of the reference's `Hash256` (word `k/16`,
/// bit `k%16`) is bit `k%8` of byte `31 - k/8`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PdqHash([u8; HASH_BYTES]);

/// Why a string is not a PDQ hash.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseHashError {
    /// The string does not have exactly 64 characters.
    #[error("a PDQ hash has 64 hexadecimal digits, this one has {0} characters")]
    WrongLength(usize),
    /// A character is not a hexadecimal digit.
    #[error("a PDQ hash has only hexadecimal digits, found {found:?} at position {position}")]
    NotHex {
        /// The offending character.
        found: char,
        /// Its position (0-based, in characters).
        position: usize,
    },
}

impl PdqHash {
    /// The all-zero hash, which the reference gives for images too small to hash.
    pub const ZERO: PdqHash = PdqHash([0; HASH_BYTES]);

    /// A hash from its bytes, in hexadecimal-form order.
    pub const fn from_bytes(bytes: [u8; HASH_BYTES]) -> Self {
        PdqHash(bytes)
    }

    /// The bytes of the hash, in hexadecimal-form order.
    pub const fn as_bytes(&self) -> &[u8; HASH_BYTES] {
        &self.0
    }

    /// The hash as four 64-bit words, for popcount-based distance kernels.
    ///
    /// Word `i` holds bytes `8i..8i+8` read little-endian; any fixed split works for Hamming
    /// distance, this one is what [`PdqHash::from_words`] inverts.
    pub fn to_words(&self) -> [u64; 4] {
        let mut words = [0u64; 4];
        for (word, chunk) in words.iter_mut().zip(self.0.chunks_exact(8)) {
            *word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight bytes"));
        }
        words
    }

    /// The hash whose [`PdqHash::to_words`] is `words`.
    pub fn from_words(words: [u64; 4]) -> Self {
        let mut bytes = [0u8; HASH_BYTES];
        for (chunk, word) in bytes.chunks_exact_mut(8).zip(words) {
            chunk.copy_from_slice(&word.to_le_bytes());
        }
        PdqHash(bytes)
    }

    /// Parses the 64-digit hexadecimal form (either case).
    pub fn from_hex(text: &str) -> Result<Self, ParseHashError> {
        // Validate by character first, so that errors name the character a person typed and
        // multi-byte input can never split a UTF-8 sequence below.
        if let Some((position, found)) = text
            .chars()
            .enumerate()
            .find(|(_, c)| !c.is_ascii_hexdigit())
        {
            return Err(ParseHashError::NotHex { found, position });
        }
        if text.len() != 2 * HASH_BYTES {
            return Err(ParseHashError::WrongLength(text.len()));
        }
        let nibble = |c: u8| match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => c - b'A' + 10,
        };
        let digits = text.as_bytes();
        let mut bytes = [0u8; HASH_BYTES];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = (nibble(digits[2 * i]) << 4) | nibble(digits[2 * i + 1]);
        }
        Ok(PdqHash(bytes))
    }

    /// The 64-digit lowercase hexadecimal form, as the reference prints it.
    pub fn to_hex(&self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut text = String::with_capacity(2 * HASH_BYTES);
        for byte in self.0 {
            text.push(DIGITS[usize::from(byte >> 4)] as char);
            text.push(DIGITS[usize::from(byte & 0xf)] as char);
        }
        text
    }

    /// Number of bits in which the two hashes differ (0 to 256).
    pub fn distance(&self, other: &PdqHash) -> u32 {
        let (a, b) = (self.to_words(), other.to_words());
        a.iter().zip(b).map(|(x, y)| (x ^ y).count_ones()).sum()
    }

    /// Whether bit `k` (0 to 255, in the reference's numbering) is set.
    pub fn bit(&self, k: usize) -> bool {
        assert!(k < HASH_BITS, "bit index {k} out of range");
        self.0[HASH_BYTES - 1 - k / 8] >> (k % 8) & 1 == 1
    }

    /// Sets bit `k` (0 to 255, in the reference's numbering).
    pub fn set_bit(&mut self, k: usize) {
        assert!(k < HASH_BITS, "bit index {k} out of range");
        self.0[HASH_BYTES - 1 - k / 8] |= 1 << (k % 8);
    }

    /// Number of set bits.
    pub fn count_ones(&self) -> u32 {
        self.0.iter().map(|b| b.count_ones()).sum()
    }
}

impl fmt::Display for PdqHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for PdqHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PdqHash({})", self.to_hex())
    }
}

impl FromStr for PdqHash {
    type Err = ParseHashError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        PdqHash::from_hex(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const BRIDGE: &str = "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";

    #[test]
    fn hex_round_trips_and_lowercases() {
        let hash = PdqHash::from_hex(BRIDGE).unwrap();
        assert_eq!(hash.to_hex(), BRIDGE);
        let upper = PdqHash::from_hex(&BRIDGE.to_uppercase()).unwrap();
        assert_eq!(upper, hash);
        assert_eq!(format!("{hash}"), BRIDGE);
    }

    #[test]
    fn bit_numbering_follows_the_reference() {
        // The reference's word 0 is the last four hex digits; its bit 0 is the lowest bit.
        let mut hash = PdqHash::ZERO;
        hash.set_bit(0);
        assert!(hash.to_hex().ends_with("01"));
        hash.set_bit(255);
        assert!(hash.to_hex().starts_with('8'));
        assert!(hash.bit(0) && hash.bit(255) && !hash.bit(1));
        assert_eq!(hash.count_ones(), 2);
    }

    #[test]
    fn bad_input_gives_clear_errors() {
        assert_eq!(PdqHash::from_hex(""), Err(ParseHashError::WrongLength(0)));
        assert_eq!(
            PdqHash::from_hex(&format!("{BRIDGE}00")),
            Err(ParseHashError::WrongLength(66))
        );
        assert_eq!(
            PdqHash::from_hex(&BRIDGE[..63]),
            Err(ParseHashError::WrongLength(63))
        );
        let mut bad = BRIDGE.to_string();
        bad.replace_range(10..11, "g");
        assert_eq!(
            PdqHash::from_hex(&bad),
            Err(ParseHashError::NotHex {
                found: 'g',
                position: 10
            })
        );
        // Multi-byte input is reported by character, never a panic.
        let multibyte = format!("é{}", &BRIDGE[2..]);
        assert!(matches!(
            PdqHash::from_hex(&multibyte),
            Err(ParseHashError::NotHex {
                found: 'é',
                position: 0
            })
        ));
        let message = PdqHash::from_hex("abc").unwrap_err().to_string();
        assert!(message.contains("64"), "{message}");
    }

    proptest! {
        #[test]
        fn distance_is_popcount_of_xor(a in any::<[u8; 32]>(), b in any::<[u8; 32]>()) {
            let (x, y) = (PdqHash::from_bytes(a), PdqHash::from_bytes(b));
            let expected: u32 = a.iter().zip(b.iter()).map(|(p, q)| (p ^ q).count_ones()).sum();
            prop_assert_eq!(x.distance(&y), expected);
            prop_assert_eq!(x.distance(&x), 0);
            prop_assert_eq!(PdqHash::from_words(x.to_words()), x);
            prop_assert_eq!(PdqHash::from_hex(&x.to_hex()).unwrap(), x);
        }
    }
}
