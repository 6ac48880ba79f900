//! Logging setup for Gearbox applications
