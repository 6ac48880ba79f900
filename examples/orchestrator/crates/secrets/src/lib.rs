//! Secrets: where API keys come from.

/// A named secret source.
pub trait SecretSource {
    /// Looks a secret up by name.
    fn get(&self, name: &str) -> Option<String>;
}

/// Reads secrets from environment variables.
pub struct EnvSecrets;

impl SecretSource for EnvSecrets {
    fn get(&self, name: &str) -> Option<String> {
        std::env::var(name).ok()
    }
}
