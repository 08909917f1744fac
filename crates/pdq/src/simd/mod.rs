//! The few vector operations the downscaler needs, over eight `f32` lanes, with one implementation
//! per instruction set (one file each, as tantivy does): [`portable`] is plain Rust that builds
//! everywhere (WebAssembly included) and that the compiler vectorises as the target allows;
//! `avx2` uses x86-64 AVX2, and `avx512` compiles the same kernel with AVX-512 enabled; both are
//! only chosen after runtime detection. Every operation is an exact IEEE-754 operation (no fused
//! multiply-add, no approximate division), so all of them give the same bits; property tests
//! check each against [`portable`], on luma planes and on pixels with both luma arithmetics.

pub(crate) mod portable;

#[cfg(target_arch = "x86_64")]
pub(crate) mod avx2;
#[cfg(target_arch = "x86_64")]
pub(crate) mod avx512;

/// Number of lanes in a vector.
pub(crate) const LANES: usize = 8;

/// Eight floats in memory: the unit in which the downscaler stores everything.
pub(crate) type Lanes = [f32; LANES];

/// A vector instruction set. Implementations are zero-sized tokens; holding one proves the
/// instructions are available on this CPU.
pub(crate) trait Simd: Copy {
    /// A vector of [`LANES`] floats.
    type V: Copy;

    /// All lanes zero.
    fn zero(self) -> Self::V;
    /// All lanes `value`.
    fn splat(self, value: f32) -> Self::V;
    /// Reads eight floats.
    fn load(self, from: &Lanes) -> Self::V;
    /// Writes eight floats.
    fn store(self, to: &mut Lanes, value: Self::V);
    /// Lane-wise `a + b`.
    fn add(self, a: Self::V, b: Self::V) -> Self::V;
    /// Lane-wise `a - b`.
    fn sub(self, a: Self::V, b: Self::V) -> Self::V;
    /// Lane-wise `a / b`, correctly rounded.
    fn div(self, a: Self::V, b: Self::V) -> Self::V;
    /// The 8x8 transpose: lane `j` of output `i` is lane `i` of input `j`.
    fn transpose(self, rows: [Self::V; LANES]) -> [Self::V; LANES];
}
