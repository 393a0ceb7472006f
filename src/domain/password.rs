//! The password policy: length and guessability, no composition rules (OWASP ASVS 2.1).

use crate::messages;

/// Fewest characters a password may have.
pub const MIN_LENGTH: usize = 12;
/// Most characters a password may have (bounds hashing work per request).
pub const MAX_LENGTH: usize = 256;

/// How long a temporary password works (a colleague or a customer admin added by an admin).
pub const TEMPORARY_PASSWORD_DAYS: i64 = 7;

/// Checks a new password; `related` are words the user gave us (name, e-mail,
/// organisation) that make a password easier to guess. The error is a message for the user.
pub fn check_new_password(password: &str, related: &[&str]) -> Result<(), String> {
    let length = password.chars().count();
    if length == 0 {
        return Err(messages::PASSWORD_REQUIRED.into());
    }
    if length < MIN_LENGTH {
        return Err(messages::PASSWORD_TOO_SHORT.into());
    }
    if length > MAX_LENGTH {
        return Err(messages::PASSWORD_TOO_LONG.into());
    }
    let mut inputs: Vec<&str> = Vec::new();
    for word in related {
        inputs.push(word);
        inputs.extend(
            word.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() >= 3),
        );
    }
    let estimate = zxcvbn::zxcvbn(password, &inputs);
    if u8::from(estimate.score()) < 3 {
        // What the estimator found, with the advice, in the reader's language.
        return Err(match estimate.feedback().and_then(|f| f.warning()) {
            Some(w) => crate::i18n::t_args(
                "password-too-weak-found",
                &[("finding", weakness(w).to_string().into())],
            ),
            None => messages::PASSWORD_TOO_WEAK.into(),
        });
    }
    Ok(())
}

/// What the strength estimator found, as a catalogue message (its own texts are English).
fn weakness(warning: zxcvbn::feedback::Warning) -> messages::Msg {
    use messages::Msg;
    use zxcvbn::feedback::Warning as W;
    match warning {
        W::StraightRowsOfKeysAreEasyToGuess => Msg("pw-weak-key-rows"),
        W::ShortKeyboardPatternsAreEasyToGuess => Msg("pw-weak-keyboard-pattern"),
        W::RepeatsLikeAaaAreEasyToGuess => Msg("pw-weak-repeats"),
        W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => Msg("pw-weak-repeated-groups"),
        W::ThisIsATop10Password | W::ThisIsATop100Password | W::ThisIsACommonPassword => {
            Msg("pw-weak-common")
        }
        W::ThisIsSimilarToACommonlyUsedPassword => Msg("pw-weak-like-common"),
        W::SequencesLikeAbcAreEasyToGuess => Msg("pw-weak-sequence"),
        W::RecentYearsAreEasyToGuess => Msg("pw-weak-recent-years"),
        W::AWordByItselfIsEasyToGuess => Msg("pw-weak-single-word"),
        W::DatesAreOftenEasyToGuess => Msg("pw-weak-dates"),
        W::NamesAndSurnamesByThemselvesAreEasyToGuess | W::CommonNamesAndSurnamesAreEasyToGuess => {
            Msg("pw-weak-names")
        }
    }
}

/// Readable characters for generated passwords (no 0/O, 1/l/I).
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// A random password of five groups of four characters (about 99 bits).
pub fn generate() -> String {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("the operating system's random number generator failed");
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_passwords_are_long_readable_and_strong() {
        let p = generate();
        assert_eq!(p.len(), 24);
        assert_eq!(p.split('-').count(), 5);
        assert!(check_new_password(&p, &[]).is_ok());
        assert_ne!(p, generate());
    }

    use super::*;

    #[test]
    fn refuses_short_passwords() {
        assert_eq!(
            check_new_password("", &[]).unwrap_err(),
            messages::PASSWORD_REQUIRED
        );
        assert_eq!(
            check_new_password("Tr0ub4dor&3", &[]).unwrap_err(),
            messages::PASSWORD_TOO_SHORT
        );
    }

    #[test]
    fn refuses_long_but_guessable_passwords() {
        let common = check_new_password("password1234", &[]).unwrap_err();
        assert!(
            common.starts_with("Password is too easy to guess"),
            "{common}"
        );
        assert!(
            common.contains(&messages::Msg("pw-weak-common").to_string()),
            "{common}"
        );
        let repeated = check_new_password("aaaaaaaaaaaaaaaa", &[]).unwrap_err();
        assert!(
            repeated.contains(&messages::Msg("pw-weak-repeats").to_string()),
            "{repeated}"
        );
        // In German, advice and finding alike.
        let german = crate::i18n::sync_scope(crate::i18n::Lang::De, || {
            check_new_password("aaaaaaaaaaaaaaaa", &[]).unwrap_err()
        });
        assert!(german.starts_with("Dieses Kennwort"), "{german}");
        assert!(german.contains("Wiederholungen"), "{german}");
    }

    #[test]
    fn refuses_a_password_made_of_the_users_own_details() {
        let related = ["Contoso Trading", "jane.doe@contoso.com"];
        assert!(check_new_password("contosotrading", &related).is_err());
    }

    #[test]
    fn accepts_a_passphrase() {
        assert!(check_new_password("correct horse battery staple", &[]).is_ok());
    }
}
