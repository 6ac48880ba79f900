//! Frame time and entity count diagnostics
