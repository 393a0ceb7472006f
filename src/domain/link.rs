//! Local links: where a `next` parameter may send someone, and query values in links.
//! Pure rules (URL parsing only), used by the pages and by the flows that write e-mail links.

/// Where to go after sign-in or sign-up: `next` when it is a path on our own origin, else
/// the dashboard. `next` is resolved against `public_base` with a real URL parser and its
/// origin compared, and any control or whitespace character refuses it outright (browsers
/// drop a TAB or newline, which turned `/\t/evil.example` into `//evil.example`). The answer
/// is the parser's percent-encoded path and query, so it is always a valid header value.
pub fn safe_next(next: Option<&str>, public_base: &str) -> String {
    const HOME: &str = "/dashboard";
    let Some(next) = next else {
        return HOME.into();
    };
    let plain_path = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        // U+FFFD is what the form layer puts where a query held a control character.
        && !next
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\u{FFFD}');
    if !plain_path {
        return HOME.into();
    }
    let Ok(base) = url::Url::parse(public_base) else {
        return HOME.into();
    };
    match base.join(next) {
        Ok(target) if target.origin() == base.origin() => match target.query() {
            Some(query) => format!("{}?{query}", target.path()),
            None => target.path().to_owned(),
        },
        _ => HOME.into(),
    }
}

/// Percent-encodes a query value (unreserved characters and `/` stay).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        let base = "https://portal.example";
        let next = |n| safe_next(Some(n), base);
        assert_eq!(next("/account/password"), "/account/password");
        assert_eq!(next("/invitations/abc?x=1"), "/invitations/abc?x=1");
        assert_eq!(safe_next(None, base), "/dashboard");
        for hostile in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "/\t/evil.example/x",
            "/\n/evil.example",
            "/\r\nSet-Cookie: x=1",
            "/ /evil.example",
            "/\u{0}x",
            "/\u{a0}/evil.example",
            "evil.example",
            "",
        ] {
            assert_eq!(next(hostile), "/dashboard", "{hostile:?}");
        }
        // Non-ASCII comes back percent-encoded: always a valid Location header.
        assert_eq!(next("/gr\u{fc}n"), "/gr%C3%BCn");
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(encode_query_value("/a b?c=d&e"), "/a%20b%3Fc%3Dd%26e");
    }
}
