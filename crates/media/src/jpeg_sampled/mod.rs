//! A JPEG decoder that computes only the pixels that the reference convention's 512x512
//! nearest-neighbour resize reads.
//!
//! For an image larger than 512 px on a side, the reference convention hashes 512x512 pixels
//! of the image and ignores all others; for a 4000x3000 photo that is one pixel in 46. Every
//! block must still be entropy-decoded (Huffman codes and DC prediction chain through the whole
//! scan), but the inverse DCT, chroma upsampling and colour conversion, which are most of a full
//! decode's remaining time (and the 36 MB output buffer), are done here only for the pixels the
//! resize reads, each computed from its block's coefficients.
//!
//! The pixels must be bit-for-bit those of the full decode through `zune-jpeg` followed by the
//! resize, or the hashes would change. So every step reproduces `zune-jpeg`'s integer
//! arithmetic exactly: its integer IDCT (wrapping 32-bit arithmetic, its shortcut for blocks that
//! only have a DC coefficient), its "fancy" chroma upsampling (vertical first, rounded, then
//! horizontal, with edges replicated at the MCU-padded plane's border) and its 14-bit YCbCr to
//! RGB conversion. Tests compare both paths on every conformance JPEG and on generated ones.
//!
//! Only what this module is sure to reproduce is decoded here: baseline and extended Huffman
//! JPEGs with 8-bit samples, grey or YCbCr, one interleaved scan, luma sampled 1 or 2 times the
//! chroma in each direction (4:4:4, 4:2:2, 4:4:0, 4:2:0), with or without restart intervals.
//! Anything else, and any irregularity in the data (a Huffman code that does not exist, a run
//! past the end of a block, data that ends early, an unexpected marker), returns `None`: the
//! caller then decodes the whole image with `zune-jpeg`, which also decides how to report or
//! tolerate the irregularity, so that both paths always agree.

mod bits;
mod idct;

use bits::{BitReader, HuffmanTable};

/// The side of the reference convention's resize.
pub(crate) const SIDE: usize = 512;

/// Which stored pixels the 512x512 output reads: output pixel (i, j) (column i, row j) reads
/// the stored pixel (xs[i], ys[j]), or (xs[j], ys[i]) when `transposed` (the EXIF orientations
/// that swap width and height).
pub(crate) struct SampleGrid {
    pub(crate) xs: [u32; SIDE],
    pub(crate) ys: [u32; SIDE],
    pub(crate) transposed: bool,
}

/// What this decoder produces: the 512x512 sample, 1 byte a pixel (grey) or 3 (RGB).
pub(crate) struct Sampled {
    pub(crate) pixels: Vec<u8>,
    pub(crate) grey: bool,
}

/// JPEG's zigzag order: the natural (row-major) index of the k-th coded coefficient.
const ZIGZAG: [usize; 64] = [
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
    13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59,
    52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

struct Component {
    id: u8,
    h: usize,
    v: usize,
    quant: usize,
    dc_table: usize,
    ac_table: usize,
}

/// The headers up to the first scan.
struct Headers {
    width: usize,
    height: usize,
    components: Vec<Component>,
    /// Dequantisation tables in natural order.
    quant: [Option<[i32; 64]>; 4],
    dc: [Option<HuffmanTable>; 4],
    ac: [Option<HuffmanTable>; 4],
    restart_interval: usize,
    /// Offset of the entropy-coded data of the (only) scan.
    scan_start: usize,
}

fn be16(bytes: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes([
        *bytes.get(at)?,
        *bytes.get(at + 1)?,
    ])))
}

/// Reads the markers up to the start of scan; `None` for anything this decoder leaves to the
/// full decoder.
fn parse_headers(bytes: &[u8]) -> Option<Headers> {
    if bytes.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut at = 2;
    let mut frame: Option<(usize, usize, Vec<Component>)> = None;
    let mut quant: [Option<[i32; 64]>; 4] = [None; 4];
    let mut dc: [Option<HuffmanTable>; 4] = Default::default();
    let mut ac: [Option<HuffmanTable>; 4] = Default::default();
    let mut restart_interval = 0;
    loop {
        // Strictly a marker here: stray bytes are a case for the full decoder's lenient retry.
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        while *bytes.get(at + 1)? == 0xFF {
            at += 1;
        }
        let marker = *bytes.get(at + 1)?;
        at += 2;
        let length = be16(bytes, at)?;
        if length < 2 {
            return None;
        }
        let segment = bytes.get(at + 2..at + length)?;
        match marker {
            // SOF0 (baseline) and SOF1 (extended, Huffman): the same decoding for 8-bit samples.
            0xC0 | 0xC1 => {
                if frame.is_some() || *segment.first()? != 8 {
                    return None;
                }
                let height = be16(segment, 1)?;
                let width = be16(segment, 3)?;
                let count = usize::from(*segment.get(5)?);
                if width == 0 || height == 0 || !(count == 1 || count == 3) {
                    return None;
                }
                let mut components = Vec::with_capacity(count);
                for c in 0..count {
                    let spec = segment.get(6 + 3 * c..9 + 3 * c)?;
                    let quant = usize::from(spec[2]);
                    if quant > 3 {
                        return None;
                    }
                    components.push(Component {
                        id: spec[0],
                        h: usize::from(spec[1] >> 4),
                        v: usize::from(spec[1] & 15),
                        quant,
                        dc_table: 0,
                        ac_table: 0,
                    });
                }
                if segment.len() != 6 + 3 * count {
                    return None;
                }
                frame = Some((width, height, components));
            }
            0xC4 => {
                let mut rest = segment;
                while !rest.is_empty() {
                    let class = rest[0] >> 4;
                    let slot = usize::from(rest[0] & 15);
                    if class > 1 || slot > 3 {
                        return None;
                    }
                    let counts: [u8; 16] = rest.get(1..17)?.try_into().ok()?;
                    let total: usize = counts.iter().map(|&n| usize::from(n)).sum();
                    let symbols = rest.get(17..17 + total)?;
                    let table = HuffmanTable::new(&counts, symbols)?;
                    if class == 0 {
                        dc[slot] = Some(table);
                    } else {
                        ac[slot] = Some(table);
                    }
                    rest = &rest[17 + total..];
                }
            }
            0xDB => {
                let mut rest = segment;
                while !rest.is_empty() {
                    let precision = rest[0] >> 4;
                    let slot = usize::from(rest[0] & 15);
                    if precision > 1 || slot > 3 {
                        return None;
                    }
                    let mut table = [0i32; 64];
                    let size = if precision == 0 { 64 } else { 128 };
                    let values = rest.get(1..1 + size)?;
                    for (k, &natural) in ZIGZAG.iter().enumerate() {
                        table[natural] = if precision == 0 {
                            i32::from(values[k])
                        } else {
                            i32::from(u16::from_be_bytes([values[2 * k], values[2 * k + 1]]))
                        };
                    }
                    quant[slot] = Some(table);
                    rest = &rest[1 + size..];
                }
            }
            0xDD => {
                if segment.len() != 2 {
                    return None;
                }
                restart_interval = be16(segment, 0)?;
            }
            // APPn and COM: metadata, read by the full decoder's header pass where it matters.
            0xE0..=0xEF | 0xFE => {}
            0xDA => {
                let (width, height, mut components) = frame?;
                let count = usize::from(*segment.first()?);
                // One scan with every component; anything else (progressive-like multi-scan
                // baseline files) is left to the full decoder.
                if count != components.len() || segment.len() != 1 + 2 * count + 3 {
                    return None;
                }
                let mut order = Vec::with_capacity(count);
                for s in 0..count {
                    let id = segment[1 + 2 * s];
                    let tables = segment[2 + 2 * s];
                    let index = components.iter().position(|c| c.id == id)?;
                    if order.contains(&index) {
                        return None;
                    }
                    components[index].dc_table = usize::from(tables >> 4);
                    components[index].ac_table = usize::from(tables & 15);
                    if components[index].dc_table > 3 || components[index].ac_table > 3 {
                        return None;
                    }
                    order.push(index);
                }
                // Scan order equal to frame order keeps the MCU layout simple.
                if order.iter().enumerate().any(|(i, &c)| i != c) {
                    return None;
                }
                let tail = &segment[1 + 2 * count..];
                if tail != [0, 63, 0] {
                    return None;
                }
                return Some(Headers {
                    width,
                    height,
                    components,
                    quant,
                    dc,
                    ac,
                    restart_interval,
                    scan_start: at + length,
                });
            }
            // Every other marker (progressive, arithmetic, lossless, hierarchical frames,
            // DNL, ...) goes to the full decoder.
            _ => return None,
        }
        at += length;
    }
}

/// The samples of one component plane that are needed, and their values once decoded.
struct Plane {
    /// For each plane column, its index among the needed columns, or `u32::MAX`.
    column_slot: Vec<u32>,
    row_slot: Vec<u32>,
    /// For each block column, the (column in block, slot) pairs needed there.
    block_columns: Vec<Vec<(u8, u32)>>,
    block_rows: Vec<Vec<(u8, u32)>>,
    columns: usize,
    values: Vec<u8>,
}

impl Plane {
    fn new(width: usize, height: usize, needed_x: &[usize], needed_y: &[usize]) -> Plane {
        type Slots = (Vec<u32>, Vec<Vec<(u8, u32)>>, usize);
        fn slots(length: usize, needed: &[usize]) -> Slots {
            let mut slot = vec![u32::MAX; length];
            let mut count = 0u32;
            let mut sorted = needed.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            let mut blocks = vec![Vec::new(); length / 8];
            for &p in &sorted {
                slot[p] = count;
                blocks[p / 8].push(((p % 8) as u8, count));
                count += 1;
            }
            (slot, blocks, count as usize)
        }
        let (column_slot, block_columns, columns) = slots(width, needed_x);
        let (row_slot, block_rows, rows) = slots(height, needed_y);
        Plane {
            column_slot,
            row_slot,
            block_columns,
            block_rows,
            columns,
            values: vec![0; columns * rows],
        }
    }
}

/// Needed plane indices for upsampling by `factor` (1 or 2) of the given full-resolution
/// positions: the sample under each, and the neighbour the triangle filter mixes in (towards
/// the output position's side, replicated at the padded plane's edges).
fn needed(positions: &[u32], factor: usize, plane_length: usize) -> Vec<usize> {
    let mut out = Vec::with_capacity(positions.len() * factor);
    for &p in positions {
        let p = p as usize;
        if factor == 1 {
            out.push(p);
        } else {
            let (near, far) = neighbours(p, plane_length);
            out.push(near);
            out.push(far);
        }
    }
    out
}

#[inline]
fn neighbours(p: usize, plane_length: usize) -> (usize, usize) {
    let near = p / 2;
    let far = if p.is_multiple_of(2) {
        near.saturating_sub(1)
    } else {
        (near + 1).min(plane_length - 1)
    };
    (near, far)
}

/// Decodes the sample; `None` when this file is one for the full decoder.
pub(crate) fn decode(bytes: &[u8], grid: &SampleGrid) -> Option<Sampled> {
    let headers = parse_headers(bytes)?;
    let (width, height) = (headers.width, headers.height);
    let grey = headers.components.len() == 1;
    // Sampling factors: grey must be 1x1 (the full decoder reinterprets other factors), colour
    // must be luma 1 or 2 in each direction with chroma 1x1.
    let (h_max, v_max) = (headers.components[0].h, headers.components[0].v);
    if !(1..=2).contains(&h_max) || !(1..=2).contains(&v_max) || (grey && (h_max, v_max) != (1, 1))
    {
        return None;
    }
    if headers.components[1..].iter().any(|c| (c.h, c.v) != (1, 1)) {
        return None;
    }
    let mcus_x = width.div_ceil(8 * h_max);
    let mcus_y = height.div_ceil(8 * v_max);
    // Every sampled position must lie inside the image (they do by construction).
    let (xs, ys) = (&grid.xs[..], &grid.ys[..]);
    let mut planes = Vec::with_capacity(headers.components.len());
    for c in &headers.components {
        let (plane_width, plane_height) = (mcus_x * 8 * c.h, mcus_y * 8 * c.v);
        let (fx, fy) = (h_max / c.h, v_max / c.v);
        planes.push(Plane::new(
            plane_width,
            plane_height,
            &needed(xs, fx, plane_width),
            &needed(ys, fy, plane_height),
        ));
    }
    let mut tables = Vec::with_capacity(headers.components.len());
    for c in &headers.components {
        tables.push((
            headers.quant[c.quant].as_ref()?,
            headers.dc[c.dc_table].as_ref()?,
            headers.ac[c.ac_table].as_ref()?,
        ));
    }

    let mut reader = BitReader::new(bytes, headers.scan_start);
    let mut predictions = [0i32; 3];
    let mut coefficients = [0i32; 64];
    let mut coded = [0u8; 64];
    let mut coded_count = 0;
    let total = mcus_x * mcus_y;
    let mut restart = 0u8;
    for mcu in 0..total {
        if headers.restart_interval > 0 && mcu > 0 && mcu % headers.restart_interval == 0 {
            if reader.restart()? != restart {
                return None;
            }
            restart = (restart + 1) & 7;
            predictions = [0; 3];
        }
        let (mx, my) = (mcu % mcus_x, mcu / mcus_x);
        for (index, c) in headers.components.iter().enumerate() {
            let (quant, dc, ac) = tables[index];
            for v in 0..c.v {
                for h in 0..c.h {
                    let (bx, by) = (mx * c.h + h, my * c.v + v);
                    let plane = &mut planes[index];
                    let rows = &plane.block_rows[by];
                    let columns = &plane.block_columns[bx];
                    if rows.is_empty() || columns.is_empty() {
                        reader.skip_block(dc, ac, &mut predictions[index])?;
                        continue;
                    }
                    let end = reader.decode_block(
                        dc,
                        ac,
                        quant,
                        &mut predictions[index],
                        &mut coefficients,
                        &mut coded,
                        &mut coded_count,
                    )?;
                    let coded = &coded[..coded_count];
                    let stride = plane.columns;
                    idct::pixels(
                        &coefficients,
                        coded,
                        end,
                        rows,
                        columns,
                        |slot_y, slot_x, value| {
                            plane.values[slot_y as usize * stride + slot_x as usize] = value;
                        },
                    );
                    // Back to zeros for the next block, touching only what was written.
                    for &i in coded {
                        coefficients[usize::from(i)] = 0;
                    }
                }
            }
        }
    }
    reader.finish()?;

    Some(assemble(grid, &planes, grey, h_max, v_max))
}

/// Upsamples and colour-converts the decoded samples into the 512x512 output.
fn assemble(
    grid: &SampleGrid,
    planes: &[Plane],
    grey: bool,
    h_max: usize,
    v_max: usize,
) -> Sampled {
    let channels = if grey { 1 } else { 3 };
    let mut pixels = vec![0u8; SIDE * SIDE * channels];
    // Offsets into each plane's value grid, per output column and row, computed once: a column
    // offset for every sample a horizontal filter tap reads, a row offset (times the grid's
    // width) for every vertical tap.
    let taps = |plane: &Plane, positions: &[u32; SIDE], factor: usize, columns: bool| {
        let (slots, scale) = if columns {
            (&plane.column_slot, 1)
        } else {
            (&plane.row_slot, plane.columns)
        };
        positions.map(|p| {
            let p = p as usize;
            let (near, far) = if factor == 1 {
                (p, p)
            } else {
                neighbours(p, slots.len())
            };
            (slots[near] as usize * scale, slots[far] as usize * scale)
        })
    };
    let luma_x = taps(&planes[0], &grid.xs, 1, true);
    let luma_y = taps(&planes[0], &grid.ys, 1, false);
    let chroma_taps = (!grey).then(|| {
        (
            taps(&planes[1], &grid.xs, h_max, true),
            taps(&planes[1], &grid.ys, v_max, false),
        )
    });
    for j in 0..SIDE {
        for i in 0..SIDE {
            // Output (i, j) reads stored (xs[i], ys[j]), or (xs[j], ys[i]) when transposed.
            let (a, b) = if grid.transposed { (j, i) } else { (i, j) };
            let out = &mut pixels[(j * SIDE + i) * channels..(j * SIDE + i + 1) * channels];
            let luma = i32::from(planes[0].values[luma_y[b].0 + luma_x[a].0]);
            let Some((cx, cy)) = &chroma_taps else {
                out[0] = luma as u8;
                continue;
            };
            // Chroma planes share their layout (both 1x1 sampled).
            let cb = upsample(&planes[1].values, cx[a], cy[b], h_max, v_max);
            let cr = upsample(&planes[2].values, cx[a], cy[b], h_max, v_max);
            out.copy_from_slice(&ycbcr_to_rgb(luma, cb, cr));
        }
    }
    Sampled { pixels, grey }
}

/// The chroma value at a full-resolution position after `zune-jpeg`'s upsampling, from the
/// offsets of its taps: the vertical triangle filter (3/4 near, 1/4 far, rounded), then the
/// horizontal one on its rounded results.
#[inline(always)]
fn upsample(values: &[u8], x: (usize, usize), y: (usize, usize), fx: usize, fy: usize) -> i32 {
    let at = |column: usize, row: usize| i32::from(values[row + column]);
    let vertical = |column: usize| -> i32 {
        if fy == 1 {
            at(column, y.0)
        } else {
            (3 * at(column, y.0) + 2 + at(column, y.1)) >> 2
        }
    };
    if fx == 1 {
        vertical(x.0)
    } else {
        (3 * vertical(x.0) + 2 + vertical(x.1)) >> 2
    }
}

/// `zune-jpeg`'s YCbCr to RGB: BT.601 full range with 14-bit integer coefficients, a rounding
/// constant just under one half, and clamping.
#[inline]
fn ycbcr_to_rgb(y: i32, cb: i32, cr: i32) -> [u8; 3] {
    let (cb, cr) = (cb - 128, cr - 128);
    let y0 = y * 16384 + 8191;
    let r = (y0 + cr * 22970) >> 14;
    let g = (y0 - cr * 11700 - cb * 5638) >> 14;
    let b = (y0 + cb * 29032) >> 14;
    [
        r.clamp(0, 255) as u8,
        g.clamp(0, 255) as u8,
        b.clamp(0, 255) as u8,
    ]
}

impl SampleGrid {
    /// The stored pixels that the resize of the `orientation`-turned image reads, for a stored
    /// image of `width` x `height`. The resize reads turned column `floor(i * W' / 512)` and row
    /// `floor(j * H' / 512)` (W', H': the turned size); turning maps each turned position back
    /// to a stored one, flipping and swapping coordinates.
    pub(crate) fn new(width: usize, height: usize, orientation: crate::Orientation) -> SampleGrid {
        use crate::Orientation as O;
        let flip_x = matches!(
            orientation,
            O::FlipHorizontal | O::Rotate180 | O::Transverse | O::Rotate270
        );
        let flip_y = matches!(
            orientation,
            O::FlipVertical | O::Rotate180 | O::Rotate90 | O::Transverse
        );
        let positions = |length: usize, flip: bool| -> [u32; SIDE] {
            std::array::from_fn(|k| {
                let p = (k as u64 * length as u64 / SIDE as u64) as usize;
                (if flip { length - 1 - p } else { p }) as u32
            })
        };
        SampleGrid {
            xs: positions(width, flip_x),
            ys: positions(height, flip_y),
            transposed: orientation.swaps_dimensions(),
        }
    }
}
