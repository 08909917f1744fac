//! One module per subcommand.

pub mod admin;
pub mod hash;
pub mod options;
pub mod serve;
