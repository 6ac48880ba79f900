//! The application builder and plugin system of Gearbox
