//! Keyboard, mouse, touch and gamepad input
