//! Case numbers, PINs, platform keys and opaque ids: how they are made, read and stored.
//!
//! None of them is ever logged. The store only sees hashes of the secrets: the SHA-256 of the
//! canonical case number (a 100-bit random value needs no slow hash) and the Argon2id hash of
//! the PIN (8 digits do), and the SHA-256 of platform keys (256-bit random values).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};
use std::fmt;

/// Crockford's base32 alphabet (no I, L, O, U).
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Symbols in a case number (5 bits each: 100 random bits).
pub const CASE_NUMBER_SYMBOLS: usize = 20;
/// Digits in a PIN.
pub const PIN_DIGITS: usize = 8;

/// A case number: 20 Crockford base32 symbols, shown in four groups of five.
#[derive(Clone, PartialEq, Eq)]
pub struct CaseNumber(String);

impl CaseNumber {
    /// A new random case number (100 bits from the operating system's generator).
    pub fn generate() -> Self {
        let mut rng = rand::rng();
        let symbols = (0..CASE_NUMBER_SYMBOLS)
            .map(|_| CROCKFORD[rng.random_range(0..32)] as char)
            .collect();
        CaseNumber(symbols)
    }

    /// Reads a case number as a person typed it: any case, with or without separators (spaces,
    /// hyphens, dots), with Crockford's confusable letters mapped (`I`, `L` to `1`; `O` to `0`).
    pub fn parse(text: &str) -> Option<Self> {
        let mut symbols = String::with_capacity(CASE_NUMBER_SYMBOLS);
        for c in text.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '.' | '\u{2010}'..='\u{2015}' | '\u{a0}' => continue,
                'I' | 'L' => '1',
                'O' => '0',
                c if c.is_ascii() && CROCKFORD.contains(&(c as u8)) => c,
                _ => return None,
            };
            symbols.push(c);
            if symbols.len() > CASE_NUMBER_SYMBOLS {
                return None;
            }
        }
        (symbols.len() == CASE_NUMBER_SYMBOLS).then_some(CaseNumber(symbols))
    }

    /// The grouped form shown to the person: `7KQ2M-XJ4PA-9D0RT-W3HNB`.
    pub fn display(&self) -> String {
        self.0
            .as_bytes()
            .chunks(5)
            .map(|chunk| std::str::from_utf8(chunk).expect("ASCII"))
            .collect::<Vec<_>>()
            .join("-")
    }

    /// The key the store finds the case by.
    pub fn lookup_key(&self) -> [u8; 32] {
        let mut hasher = Sha256::new();
        hasher.update(b"empreinte case number v1\0");
        hasher.update(self.0.as_bytes());
        hasher.finalize().into()
    }
}

impl fmt::Debug for CaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never printed, even by accident in a debug log.
        f.write_str("CaseNumber(<redacted>)")
    }
}

/// A new random PIN of 8 digits.
pub fn generate_pin() -> String {
    let n: u32 = rand::rng().random_range(0..100_000_000);
    format!("{n:08}")
}

/// A PIN as typed, without spaces or hyphens, if it is 8 digits.
pub fn normalise_pin(text: &str) -> Option<String> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\u{a0}'))
        .collect();
    (digits.len() == PIN_DIGITS && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// Argon2id with the configured costs.
#[derive(Clone)]
pub struct PinHasher {
    argon2: Argon2<'static>,
    /// A hash of no PIN, verified against when a case number is unknown, so that an unknown case
    /// number takes as long to refuse as a wrong PIN.
    decoy: String,
}

impl PinHasher {
    /// A hasher with `memory_kib` KiB and `iterations` passes, one lane.
    pub fn new(memory_kib: u32, iterations: u32) -> Result<Self, argon2::Error> {
        let params = Params::new(memory_kib, iterations, 1, None)?;
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let mut hasher = PinHasher {
            argon2,
            decoy: String::new(),
        };
        hasher.decoy = hasher.hash(&format!("decoy-{}", generate_pin()));
        Ok(hasher)
    }

    /// The PHC string of `pin` with a fresh random salt. Slow by design: call off the async
    /// threads.
    pub fn hash(&self, pin: &str) -> String {
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt).expect("16 bytes make a valid salt");
        self.argon2
            .hash_password(pin.as_bytes(), &salt)
            .expect("valid parameters hash any input")
            .to_string()
    }

    /// Whether `pin` matches the PHC string `stored` (constant-time comparison); with `None`,
    /// verifies against the decoy and answers false. Slow by design.
    pub fn verify(&self, pin: &str, stored: Option<&str>) -> bool {
        let target = stored.unwrap_or(&self.decoy);
        let Ok(parsed) = PasswordHash::new(target) else {
            return false;
        };
        let matches = self.argon2.verify_password(pin.as_bytes(), &parsed).is_ok();
        matches && stored.is_some()
    }
}

/// A new platform API key, its SHA-256 (stored), and its prefix (shown to tell keys apart).
pub fn generate_api_key() -> (String, [u8; 32], String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let key = format!("empk_{}", hex(&bytes));
    let hash = api_key_hash(&key);
    let prefix = key[..12].to_string();
    (key, hash, prefix)
}

/// The SHA-256 of an API key, as stored.
pub fn api_key_hash(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

/// A new opaque per-case id, in the UUID form StopNCII's `caseNumbers` keys have.
pub fn generate_public_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let h = hex(&bytes);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers_read_as_people_type_them() {
        let number = CaseNumber::generate();
        let shown = number.display();
        assert_eq!(shown.len(), 23);
        assert_eq!(shown.matches('-').count(), 3);
        assert_eq!(CaseNumber::parse(&shown), Some(number.clone()));
        assert_eq!(
            CaseNumber::parse(&shown.to_lowercase()),
            Some(number.clone())
        );
        assert_eq!(CaseNumber::parse(&shown.replace('-', " ")), Some(number));
        let confusable = CaseNumber::parse("ILO00-11111-00000-11111").unwrap();
        assert_eq!(confusable.display(), "11000-11111-00000-11111");
        assert!(CaseNumber::parse("7KQ2M-XJ4PA-9D0RT-W3HN").is_none());
        assert!(CaseNumber::parse("7KQ2M-XJ4PA-9D0RT-W3HNBB").is_none());
        assert!(CaseNumber::parse("7KQ2M-XJ4PA-9D0RT-W3HNU").is_none());
        assert!(CaseNumber::parse("7KQ2M-XJ4PA-9D0RT-W3HNé").is_none());
        assert!(!format!("{:?}", CaseNumber::generate()).contains('-'));
    }

    #[test]
    fn pins_and_argon2() {
        let pin = generate_pin();
        assert_eq!(normalise_pin(&pin), Some(pin.clone()));
        assert_eq!(normalise_pin("1234 5678"), Some("12345678".into()));
        assert_eq!(normalise_pin("1234567"), None);
        let hasher = PinHasher::new(64, 1).unwrap();
        let stored = hasher.hash(&pin);
        assert!(stored.starts_with("$argon2id$"));
        assert!(hasher.verify(&pin, Some(&stored)));
        assert!(!hasher.verify("00000000", Some(&stored)) || pin == "00000000");
        assert!(!hasher.verify(&pin, None));
    }

    #[test]
    fn keys_and_ids() {
        let (key, hash, prefix) = generate_api_key();
        assert!(key.starts_with("empk_") && key.len() == 69 && !key.contains(','));
        assert_eq!(api_key_hash(&key), hash);
        assert!(key.starts_with(&prefix));
        let id = generate_public_id();
        assert_eq!(id.len(), 36);
        assert_ne!(id, generate_public_id());
    }
}
