//! CLI: helpers behind the command line.

/// The banner the CLI prints.
pub fn banner() -> String {
    format!("llmo {}", llmo_sdk::VERSION)
}

pub use llmo_core::ask;
pub use llmo_providers::Provider;
