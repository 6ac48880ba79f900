//! Audit: what was asked of which provider.

/// An audit record.
#[derive(Debug, Clone)]
pub struct Record {
    pub actor: String,
    pub action: String,
}

/// Formats a record as one log line.
pub fn line(r: &Record) -> String {
    format!("{} did {}", r.actor, r.action)
}
