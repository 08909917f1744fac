//! Integration tests of the `empreinte` binary: each subcommand's module runs the built binary
//! as a user would.

mod hash;
mod serve;
