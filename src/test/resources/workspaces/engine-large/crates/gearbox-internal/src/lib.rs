//! Re-exports of every Gearbox crate, behind features
