//! SDK: the public entry point.

pub use llmo_core::ask;
pub use llmo_providers::{Echo, Provider};

/// The SDK version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
