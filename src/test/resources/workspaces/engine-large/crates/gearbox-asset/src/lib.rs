//! Asset loading, hot reloading and handles
