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

/// HMAC-SHA-256 (RFC 2104) of `message` under `key` (at most 64 bytes, as our keys are).
/// Written out over `sha2` rather than adding a crate for twenty lines.
pub fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut block_key = [0u8; BLOCK];
    if key.len() > BLOCK {
        block_key[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block_key[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block_key.map(|k| k ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

/// A form token that needs no stored session: `nonce.mac`, where the MAC under the
/// server's key proves the portal made it. It travels as a cookie and in the form
/// (signed double-submit), so an anonymous page view writes nothing to the database.
pub fn new_signed_token(key: &[u8]) -> String {
    let mut nonce = [0u8; 16];
    getrandom::fill(&mut nonce).expect("the operating system's random number generator failed");
    let nonce = hex(&nonce);
    let mac = hex(&hmac_sha256(key, nonce.as_bytes()));
    format!("{nonce}.{mac}")
}

/// True when `token` was made by [`new_signed_token`] under `key`.
pub fn signed_token_is_valid(key: &[u8], token: &str) -> bool {
    let Some((nonce, mac)) = token.split_once('.') else {
        return false;
    };
    nonce.len() == 32
        && constant_time_eq(
            mac.as_bytes(),
            hex(&hmac_sha256(key, nonce.as_bytes())).as_bytes(),
        )
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
    fn hmac_matches_the_rfc_4231_test_vectors() {
        // Test case 2: key "Jefe".
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // Test case 1: key of twenty 0x0b bytes.
        assert_eq!(
            hex(&hmac_sha256(&[0x0b; 20], b"Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
    }

    #[test]
    fn signed_tokens_verify_only_under_their_key_and_unaltered() {
        let key = [7u8; 32];
        let token = new_signed_token(&key);
        assert!(signed_token_is_valid(&key, &token));
        assert!(!signed_token_is_valid(&[8u8; 32], &token));
        let mut forged = token.clone();
        forged.replace_range(0..1, if token.starts_with('a') { "b" } else { "a" });
        assert!(!signed_token_is_valid(&key, &forged));
        assert!(!signed_token_is_valid(&key, "abc"));
        assert!(!signed_token_is_valid(&key, ""));
    }

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
