//! Windows and their events
