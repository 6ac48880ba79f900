//! Color spaces and conversions
