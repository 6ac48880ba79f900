//! Auth: checks callers against a shared secret.

use llmo_secrets::SecretSource;

/// Whether `token` equals the secret named `name`.
pub fn check(source: &dyn SecretSource, name: &str, token: &str) -> bool {
    source.get(name).map(|s| s == token).unwrap_or(false)
}
