//! The Jarosz downscale to 64x64, streamed, vectorised and bit-exact.
//!
//! The reference blurs the whole luma plane with four one-dimensional running-sum box filters
//! (along rows, along columns, along rows, along columns, each over whole-image buffers) and then
//! keeps 64x64 samples. This module performs the same float operations on every value that can
//! reach a sample, in the same order, but organised for speed:
//!
//! - Rows are streamed from top to bottom in batches of sixteen ([`BATCH`]); no full-size float
//!   buffer exists. The column passes keep per-column running sums plus a ring of the last rows
//!   they must subtract again.
//! - The row passes run on sixteen rows at once, one row per vector lane in two vectors of eight
//!   (the running sum along a row is a serial chain, but sixteen rows are sixteen independent
//!   chains). The column pass runs on eight adjacent columns per vector. 8x8 transposes switch
//!   between the two layouts.
//! - The second row pass only divides at the 64 sampled columns, and the second column pass only
//!   runs on those columns and only divides at the 64 sampled rows: nothing else is ever read.
//!
//! Every running sum starts at 0.0 and sees the same additions and subtractions in the same order
//! as the reference's `box1DFloat`, so the samples are bit-identical (property-tested against a
//! line-by-line port of the reference).

use crate::luma::LumaRows;
use crate::simd::{LANES, Lanes, Simd};

/// The 64x64 downsample, `[row][column]`.
pub(crate) type Buffer64 = [[f32; 64]; 64];

/// One box-filter pass along lines of `length` samples, as `box1DFloat` runs it.
///
/// The reference's four phases collapse into one rule: at step `s` (0 to `length + lead - 1`) it
/// adds sample `s` if `s < length`, then subtracts sample `s - window` if `s >= window`, then, if
/// `s >= lead`, writes output `s - lead` as the sum divided by the number of samples in the window.
#[derive(Debug, Clone, Copy)]
struct BoxPass {
    length: usize,
    window: usize,
    lead: usize,
}

impl BoxPass {
    /// The pass that prepares `length` samples for decimation to 64 (`computeJaroszFilterWindowSize`).
    fn for_length(length: usize) -> Self {
        let window = length.div_ceil(128);
        BoxPass {
            length,
            window,
            lead: (window + 2) / 2 - 1,
        }
    }

    fn steps(&self) -> usize {
        self.length + self.lead
    }

    /// The divisor after step `step`: how many samples the running sum holds.
    fn count(&self, step: usize) -> f32 {
        let last = step.min(self.length - 1);
        let first = (step + 1).saturating_sub(self.window);
        (last - first + 1) as f32
    }
}

/// The 64 positions that `decimateFloat` samples along `length`:
/// `(int)(((i + 0.5) * length) / 64)`, exact in integers.
fn sample_positions(length: usize) -> [usize; 64] {
    std::array::from_fn(|i| ((2 * i as u64 + 1) * length as u64 / 128) as usize)
}

/// Groups of [`LANES`] rows that a batch holds. Two groups give the row passes two independent
/// dependency chains per step, which hides the latency of their serial additions.
const GROUPS: usize = 2;

/// Rows per batch.
const BATCH: usize = LANES * GROUPS;

/// One column of a batch in transposed layout: `GROUPS` vectors, lane `k` of vector `g` being row
/// `g * LANES + k`.
type Block = [Lanes; GROUPS];

/// Buffers the downscaler reuses from one image to the next.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Luma of the batch's rows, row-major: row `r`, chunk `c` at `r * chunks + c`.
    rows: Vec<Lanes>,
    /// The same transposed: entry `x` holds column `x` of every row of the batch.
    luma_t: Vec<Block>,
    /// First row pass output, transposed like `luma_t`.
    a_t: Vec<Block>,
    /// First column pass output, transposed like `luma_t`.
    b_t: Vec<Block>,
    /// The last rows of first-row-pass output, for the column pass to subtract: chunk `c` of
    /// ring row `slot` at `c * ring_rows + slot`, so that each chunk's history is contiguous.
    ring_a: Vec<Lanes>,
    /// Column pass running sums, one vector per chunk of eight columns.
    sum_b: Vec<Lanes>,
    /// The last rows of second-row-pass samples, for the second column pass to subtract.
    ring_c: Vec<[f32; 64]>,
}

impl Scratch {
    fn prepare(&mut self, chunks: usize, ring_a_rows: usize, ring_c_rows: usize) {
        let padded = chunks * LANES;
        let zeroed = |buffer: &mut Vec<Lanes>, length: usize| {
            buffer.clear();
            buffer.resize(length, [0.0; LANES]);
        };
        // Zeroed so that padding columns hold finite values and running sums start at 0.0.
        zeroed(&mut self.rows, BATCH * chunks);
        zeroed(&mut self.sum_b, chunks);
        for buffer in [&mut self.luma_t, &mut self.a_t, &mut self.b_t] {
            buffer.resize(padded, [[0.0; LANES]; GROUPS]);
        }
        self.ring_a.resize(ring_a_rows * chunks, [0.0; LANES]);
        self.ring_c.resize(ring_c_rows, [0.0; 64]);
    }
}

/// Where a pass along rows puts its outputs.
///
/// A trait with always-inlined methods rather than a closure: a closure is a function of its own
/// that the compiler builds without the caller's instruction-set features, and if it is not
/// inlined, every vector operation in it becomes an out-of-line call.
trait RowSink<S: Simd> {
    /// Output `position` of every row of the batch is `sums / divisor`.
    fn emit(&mut self, simd: S, position: usize, sums: &[S::V; GROUPS], divisor: S::V);
}

/// Keeps every output.
struct EveryColumn<'a>(&'a mut [Block]);

impl<S: Simd> RowSink<S> for EveryColumn<'_> {
    #[inline(always)]
    fn emit(&mut self, simd: S, position: usize, sums: &[S::V; GROUPS], divisor: S::V) {
        for (to, &sum) in self.0[position].iter_mut().zip(sums) {
            simd.store(to, simd.div(sum, divisor));
        }
    }
}

/// Keeps only the outputs at the 64 sampled columns (dividing only for those).
struct SampledColumnsOfRows<'a> {
    positions: &'a [usize; 64],
    next: usize,
    out: &'a mut [Block; 64],
}

impl<S: Simd> RowSink<S> for SampledColumnsOfRows<'_> {
    #[inline(always)]
    fn emit(&mut self, simd: S, position: usize, sums: &[S::V; GROUPS], divisor: S::V) {
        while self.next < 64 && self.positions[self.next] == position {
            for (to, &sum) in self.out[self.next].iter_mut().zip(sums) {
                simd.store(to, simd.div(sum, divisor));
            }
            self.next += 1;
        }
    }
}

#[inline(always)]
fn add_block<S: Simd>(simd: S, sums: &mut [S::V; GROUPS], block: &Block) {
    for (sum, value) in sums.iter_mut().zip(block) {
        *sum = simd.add(*sum, simd.load(value));
    }
}

#[inline(always)]
fn subtract_block<S: Simd>(simd: S, sums: &mut [S::V; GROUPS], block: &Block) {
    for (sum, value) in sums.iter_mut().zip(block) {
        *sum = simd.sub(*sum, simd.load(value));
    }
}

/// Runs a box pass along the batch's rows (`input[x]` holds sample `x` of every row) into
/// `sink`.
#[inline(always)]
fn box_along_rows<S: Simd>(simd: S, pass: BoxPass, input: &[Block], sink: &mut impl RowSink<S>) {
    let BoxPass {
        length,
        window,
        lead,
    } = pass;
    let input = &input[..length];
    let mut sums = [simd.zero(); GROUPS];
    for block in &input[..lead] {
        add_block(simd, &mut sums, block);
    }
    for (step, block) in input.iter().enumerate().take(window).skip(lead) {
        add_block(simd, &mut sums, block);
        sink.emit(simd, step - lead, &sums, simd.splat((step + 1) as f32));
    }
    let full = simd.splat(window as f32);
    for (step, (block, old)) in (window..).zip(input[window..].iter().zip(input)) {
        add_block(simd, &mut sums, block);
        subtract_block(simd, &mut sums, old);
        sink.emit(simd, step - lead, &sums, full);
    }
    for (i, old) in input[length - window..].iter().take(lead).enumerate() {
        subtract_block(simd, &mut sums, old);
        let divisor = simd.splat((window - 1 - i) as f32);
        sink.emit(simd, length + i - lead, &sums, divisor);
    }
}

/// What the column pass does at one step (one row of a batch).
#[derive(Debug, Clone, Copy, Default)]
struct RowStep {
    /// Ring offset where this step's input row is stored and added, if it has one.
    add: Option<usize>,
    /// Ring offset of the row to subtract, if any.
    subtract: Option<usize>,
    /// Divisor of this step's output, if it has one.
    divisor: Option<f32>,
}

/// The second column pass, on the 64 sampled columns only, writing the 64 sampled rows.
struct SampledColumns<'a> {
    pass: BoxPass,
    rows: [usize; 64],
    next_row: usize,
    sum: [f32; 64],
    ring: &'a mut [[f32; 64]],
    step: usize,
}

impl SampledColumns<'_> {
    /// Step with input row `values` (the next row of the second row pass's samples).
    fn push(&mut self, values: &[f32; 64], out: &mut Buffer64) {
        let cap = self.ring.len();
        self.ring[self.step % cap] = *values;
        for (sum, value) in self.sum.iter_mut().zip(values) {
            *sum += value;
        }
        if self.step >= self.pass.window {
            let old = &self.ring[(self.step - self.pass.window) % cap];
            for (sum, value) in self.sum.iter_mut().zip(old) {
                *sum -= value;
            }
        }
        self.emit(out);
        self.step += 1;
    }

    /// The steps after the last input row: subtract and emit.
    fn finish(&mut self, out: &mut Buffer64) {
        let cap = self.ring.len();
        while self.step < self.pass.steps() {
            let old = &self.ring[(self.step - self.pass.window) % cap];
            for (sum, value) in self.sum.iter_mut().zip(old) {
                *sum -= value;
            }
            self.emit(out);
            self.step += 1;
        }
    }

    fn emit(&mut self, out: &mut Buffer64) {
        let Some(position) = self.step.checked_sub(self.pass.lead) else {
            return;
        };
        while self.next_row < 64 && self.rows[self.next_row] == position {
            let divisor = self.pass.count(self.step);
            for (value, sum) in out[self.next_row].iter_mut().zip(&self.sum) {
                *value = sum / divisor;
            }
            self.next_row += 1;
        }
    }
}

/// Blurs and decimates `source` to 64x64 exactly as `jaroszFilterFloat` (two passes) followed by
/// `decimateFloat` do. `source` must be at least 1x1.
#[inline(always)]
pub(crate) fn run<S: Simd, R: LumaRows>(
    simd: S,
    scratch: &mut Scratch,
    source: &R,
    out: &mut Buffer64,
) {
    let (width, height) = (source.width(), source.height());
    let along_rows = BoxPass::for_length(width);
    let along_columns = BoxPass::for_length(height);
    let chunks = width.div_ceil(LANES);
    // The column pass stores a batch's rows before it subtracts rows `window` steps back.
    let ring_a_rows = along_columns.window + BATCH;
    scratch.prepare(chunks, ring_a_rows, along_columns.window + 1);
    let Scratch {
        rows,
        luma_t,
        a_t,
        b_t,
        ring_a,
        sum_b,
        ring_c,
    } = scratch;
    let sampled_x = sample_positions(width);
    let mut second_column_pass = SampledColumns {
        pass: along_columns,
        rows: sample_positions(height),
        next_row: 0,
        sum: [0.0; 64],
        ring: ring_c,
        step: 0,
    };
    let mut samples_t: [Block; 64] = [[[0.0; LANES]; GROUPS]; 64];
    let steps = along_columns.steps();

    for first in (0..steps).step_by(BATCH) {
        let inputs = height.saturating_sub(first).min(BATCH);

        if inputs > 0 {
            // Luma of the batch's rows, transposed so that each lane is one row.
            for (r, row) in rows.chunks_exact_mut(chunks).take(inputs).enumerate() {
                source.fill_row(first + r, &mut row.as_flattened_mut()[..width]);
            }
            for c in 0..chunks {
                for g in 0..GROUPS {
                    let mut tile = [simd.zero(); LANES];
                    for (k, value) in tile.iter_mut().enumerate() {
                        *value = simd.load(&rows[(g * LANES + k) * chunks + c]);
                    }
                    let tile = simd.transpose(tile);
                    for (i, &value) in tile.iter().enumerate() {
                        simd.store(&mut luma_t[c * LANES + i][g], value);
                    }
                }
            }
            // First pass along rows.
            box_along_rows(simd, along_rows, luma_t, &mut EveryColumn(a_t));
        }

        // First pass along columns, eight columns per vector, the batch's rows in order.
        let plan: [RowStep; BATCH] = std::array::from_fn(|r| {
            let step = first + r;
            let slot = |row: usize| row % ring_a_rows;
            RowStep {
                add: (step < height).then(|| slot(step)),
                subtract: (step >= along_columns.window && step < steps)
                    .then(|| slot(step - along_columns.window)),
                divisor: (step >= along_columns.lead && step < steps)
                    .then(|| along_columns.count(step)),
            }
        });
        let steady = first >= along_columns.window && first + BATCH <= height;
        let steady_add = plan.map(|step| step.add.unwrap_or(0));
        let steady_subtract = plan.map(|step| step.subtract.unwrap_or(0));
        let full = simd.splat(along_columns.window as f32);
        for c in 0..chunks {
            let mut a = [simd.zero(); BATCH];
            if inputs > 0 {
                for g in 0..GROUPS {
                    let mut tile = [simd.zero(); LANES];
                    for (i, value) in tile.iter_mut().enumerate() {
                        *value = simd.load(&a_t[c * LANES + i][g]);
                    }
                    a[g * LANES..(g + 1) * LANES].copy_from_slice(&simd.transpose(tile));
                }
            }
            let mut sum = simd.load(&sum_b[c]);
            let mut b = [simd.zero(); BATCH];
            // This chunk's ring: its columns of the last rows, contiguous.
            let ring = &mut ring_a[c * ring_a_rows..(c + 1) * ring_a_rows];
            if steady {
                // Every row adds, subtracts and writes with the full window: no branches.
                for r in 0..BATCH {
                    simd.store(&mut ring[steady_add[r]], a[r]);
                    sum = simd.add(sum, a[r]);
                    sum = simd.sub(sum, simd.load(&ring[steady_subtract[r]]));
                    b[r] = simd.div(sum, full);
                }
            } else {
                for r in 0..BATCH {
                    let step = plan[r];
                    if let Some(add) = step.add {
                        simd.store(&mut ring[add], a[r]);
                        sum = simd.add(sum, a[r]);
                    }
                    if let Some(subtract) = step.subtract {
                        sum = simd.sub(sum, simd.load(&ring[subtract]));
                    }
                    if let Some(divisor) = step.divisor {
                        b[r] = simd.div(sum, simd.splat(divisor));
                    }
                }
            }
            simd.store(&mut sum_b[c], sum);
            for g in 0..GROUPS {
                let mut tile = [simd.zero(); LANES];
                tile.copy_from_slice(&b[g * LANES..(g + 1) * LANES]);
                let tile = simd.transpose(tile);
                for (i, &value) in tile.iter().enumerate() {
                    simd.store(&mut b_t[c * LANES + i][g], value);
                }
            }
        }

        // Second pass along rows, only at the sampled columns.
        if plan.iter().all(|step| step.divisor.is_none()) {
            continue;
        }
        let mut sink = SampledColumnsOfRows {
            positions: &sampled_x,
            next: 0,
            out: &mut samples_t,
        };
        box_along_rows(simd, along_rows, b_t, &mut sink);

        // Second pass along columns, row by row in order.
        for r in (0..BATCH).filter(|&r| plan[r].divisor.is_some()) {
            let values: [f32; 64] = std::array::from_fn(|j| samples_t[j][r / LANES][r % LANES]);
            second_column_pass.push(&values, out);
        }
    }
    second_column_pass.finish(out);
}

/// Blurs and decimates with the best instruction set this CPU has.
pub(crate) fn downscale<R: LumaRows>(scratch: &mut Scratch, source: &R, out: &mut Buffer64) {
    #[cfg(target_arch = "x86_64")]
    {
        if let Some(avx512) = crate::simd::avx512::Avx512::detect() {
            return avx512.downscale(scratch, source, out);
        }
        if let Some(avx2) = crate::simd::avx2::Avx2::detect() {
            return avx2.downscale(scratch, source, out);
        }
    }
    run(crate::simd::portable::Portable, scratch, source, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::luma::PlaneRows;
    use crate::reference;
    use crate::simd::portable::Portable;
    use proptest::prelude::*;

    /// A luma plane with fractional values, as real luma has.
    fn plane(seed: u64, width: usize, height: usize) -> Vec<f32> {
        reference::luma_single(&crate::tests::noise(seed, width * height * 3), 3)
    }

    fn downscale_with<S: Simd>(
        simd: S,
        scratch: &mut Scratch,
        luma: &[f32],
        width: usize,
        height: usize,
    ) -> Buffer64 {
        let mut out = [[f32::NAN; 64]; 64];
        let source = PlaneRows {
            luma,
            width,
            height,
        };
        run(simd, scratch, &source, &mut out);
        out
    }

    fn bits(buffer: &Buffer64) -> Vec<u32> {
        buffer.as_flattened().iter().map(|v| v.to_bits()).collect()
    }

    /// Sizes that exercise every window: small, around the 128-multiples where windows grow, and
    /// long thin lines where windows are wide.
    fn sizes() -> impl Strategy<Value = (usize, usize)> {
        prop_oneof![
            (1usize..300, 1usize..300),
            (1usize..3000, 1usize..24),
            (1usize..24, 1usize..3000),
        ]
    }

    #[test]
    fn box_pass_counts_follow_the_phases() {
        // 16 samples, window 7 (the reference's worked example): lead 3, counts 4..7, 7.., 6, 5, 4.
        let pass = BoxPass {
            length: 16,
            window: 7,
            lead: 3,
        };
        let counts: Vec<f32> = (pass.lead..pass.steps()).map(|s| pass.count(s)).collect();
        assert_eq!(
            counts,
            [
                4.0, 5.0, 6.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 6.0, 5.0, 4.0
            ]
        );
        assert_eq!(BoxPass::for_length(4000).window, 32);
        assert_eq!(BoxPass::for_length(512).window, 4);
        assert_eq!(BoxPass::for_length(128).window, 1);
        assert_eq!(BoxPass::for_length(129).window, 2);
    }

    #[test]
    fn samples_are_the_references_decimation() {
        for length in 1..5000usize {
            let fast = sample_positions(length);
            for (i, &x) in fast.iter().enumerate() {
                assert_eq!(x, (((i as f64 + 0.5) * length as f64) / 64.0) as usize);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn portable_matches_the_reference((width, height) in sizes(), seed in any::<u64>()) {
            let luma = plane(seed, width, height);
            let fast = downscale_with(Portable, &mut Scratch::default(), &luma, width, height);
            let slow = reference::downscale(&luma, height, width, false);
            prop_assert_eq!(bits(&fast), bits(&slow));
        }

        #[test]
        fn scratch_reuse_changes_nothing(
            (w1, h1) in sizes(), (w2, h2) in sizes(), seed in any::<u64>(),
        ) {
            let (first, second) = (plane(seed, w1, h1), plane(seed ^ 1, w2, h2));
            let mut scratch = Scratch::default();
            downscale_with(Portable, &mut scratch, &first, w1, h1);
            let reused = downscale_with(Portable, &mut scratch, &second, w2, h2);
            let fresh = downscale_with(Portable, &mut Scratch::default(), &second, w2, h2);
            prop_assert_eq!(bits(&reused), bits(&fresh));
        }
    }

    /// Every instruction set gives the portable kernel's bits on `source`.
    #[cfg(target_arch = "x86_64")]
    fn all_kernels_agree<R: LumaRows>(source: &R) -> Result<(), TestCaseError> {
        let mut expected = [[f32::NAN; 64]; 64];
        run(Portable, &mut Scratch::default(), source, &mut expected);
        if let Some(avx2) = crate::simd::avx2::Avx2::detect() {
            let mut got = [[f32::NAN; 64]; 64];
            avx2.downscale(&mut Scratch::default(), source, &mut got);
            prop_assert_eq!(bits(&got), bits(&expected), "avx2");
        }
        if let Some(avx512) = crate::simd::avx512::Avx512::detect() {
            let mut got = [[f32::NAN; 64]; 64];
            avx512.downscale(&mut Scratch::default(), source, &mut got);
            prop_assert_eq!(bits(&got), bits(&expected), "avx512");
        }
        Ok(())
    }

    #[cfg(target_arch = "x86_64")]
    fn formats() -> impl Strategy<Value = crate::PixelFormat> {
        use crate::PixelFormat;
        prop_oneof![
            Just(PixelFormat::Luma8),
            Just(PixelFormat::Rgb8),
            Just(PixelFormat::Rgba8)
        ]
    }

    #[cfg(target_arch = "x86_64")]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn every_instruction_set_matches_portable_on_planes((width, height) in sizes(), seed in any::<u64>()) {
            let luma = plane(seed, width, height);
            all_kernels_agree(&PlaneRows { luma: &luma, width, height })?;
        }

        /// The luma conversion is compiled inside each kernel, where the compiler vectorises it
        /// for that instruction set: it must still round exactly as the portable code does.
        #[test]
        fn every_instruction_set_matches_portable_on_pixels(
            (width, height) in sizes(),
            format in formats(),
            double in any::<bool>(),
            resized in any::<bool>(),
            seed in any::<u64>(),
        ) {
            use crate::luma::{PixelRows, ResizedRows};
            use crate::{ImageRef, LumaArithmetic};
            let data = crate::tests::noise(seed, width * height * format.channels());
            let image = ImageRef::new(&data, width as u32, height as u32, format).unwrap();
            let arithmetic = if double { LumaArithmetic::Double } else { LumaArithmetic::Single };
            if resized {
                all_kernels_agree(&ResizedRows::new(image, arithmetic))?;
            } else {
                all_kernels_agree(&PixelRows { image, arithmetic })?;
            }
        }
    }
}
