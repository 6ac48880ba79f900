//! An archetypal entity component system
