//! One-time secrets sent in links: 32 random bytes from the OS, kept only as SHA-256.

use sha2::{Digest, Sha256};

/// A freshly made secret: the text for the link, and the hash for the database.
pub struct NewToken {
    /// Goes into the link; never stored.
    pub plain: String,
    /// Stored; compared against the hash of what comes back.
    pub hash: Vec<u8>,
}

/// Makes a new token from 32 bytes of the operating system's RNG.
pub fn new_token() -> NewToken {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random number generator failed");
    let plain = hex(&bytes);
    let hash = hash_token(&plain);
    NewToken { plain, hash }
}

/// The stored form of a token that came back in a link.
pub fn hash_token(plain: &str) -> Vec<u8> {
    Sha256::digest(plain.as_bytes()).to_vec()
}

/// Lowercase hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 0xf) as usize] as char);
    }
    out
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_64_hex_characters_and_differ() {
        let a = new_token();
        let b = new_token();
        assert_eq!(a.plain.len(), 64);
        assert!(a.plain.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a.plain, b.plain);
        assert_eq!(a.hash, hash_token(&a.plain));
        assert_eq!(a.hash.len(), 32);
    }

    #[test]
    fn constant_time_eq_compares_whole_values() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
