//! Providers: the LLM back-ends.

use llmo_secrets::SecretSource;

/// An LLM provider.
pub trait Provider {
    fn name(&self) -> &str;
    fn complete(&self, prompt: &str) -> String;
}

/// A provider that echoes the prompt; needs an API key to exist.
pub struct Echo {
    key_present: bool,
}

impl Echo {
    pub fn new(secrets: &dyn SecretSource) -> Self {
        Echo { key_present: secrets.get("ECHO_API_KEY").is_some() }
    }
}

impl Provider for Echo {
    fn name(&self) -> &str {
        "echo"
    }

    fn complete(&self, prompt: &str) -> String {
        if self.key_present { prompt.to_string() } else { String::new() }
    }
}
