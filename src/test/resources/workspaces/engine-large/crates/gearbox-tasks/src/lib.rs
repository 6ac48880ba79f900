//! A task executor tuned for game loops
