//! Multi-index hashing over immutable segments: the layout and its cost model
//! ([`layout`]), the substring tables, the pipelined probe, and the segment that holds them.

pub mod layout;
mod probe;
mod segment;
mod table;

pub use layout::{CostModel, LayoutLimits, MAX_PLANNED_RADIUS, UnitSpec, choose_layout, extract};
pub(crate) use probe::Scratch;
pub(crate) use segment::Segment;
