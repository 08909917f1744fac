//! Huffman decoding of baseline entropy-coded data.

use super::ZIGZAG;

/// Bits looked up at once; longer codes take the slow path.
const LOOKUP_BITS: u32 = 11;

/// A Huffman table: a direct lookup for codes of up to [`LOOKUP_BITS`] bits, and JPEG's
/// canonical per-length limits for the longer ones.
#[derive(Clone)]
pub(super) struct HuffmanTable {
    /// Indexed by the next LOOKUP_BITS bits: code length << 8 | symbol, or 0 for a longer code.
    lookup: Box<[u16; 1 << LOOKUP_BITS]>,
    /// Largest code of each length (1..=16), left-aligned in 16 bits plus ones, for comparison
    /// with the next 16 bits; -1 where a length has no code.
    max_code: [i32; 18],
    /// For AC tables, indexed like `lookup`: when a code and its value bits both fit in
    /// LOOKUP_BITS, value << 16 | run << 8 | total bits; else 0.
    fast_ac: Box<[i32; 1 << LOOKUP_BITS]>,
    /// Index into `symbols` of the first code of each length, minus that code.
    offset: [i32; 17],
    symbols: Vec<u8>,
}

impl HuffmanTable {
    /// `None` for a table whose codes do not fit (more codes of a length than there is room).
    pub(super) fn new(counts: &[u8; 16], symbols: &[u8]) -> Option<HuffmanTable> {
        let mut lookup = Box::new([0u16; 1 << LOOKUP_BITS]);
        let mut max_code = [-1i32; 18];
        let mut offset = [0i32; 17];
        let mut code = 0u32;
        let mut k = 0usize;
        for length in 1..=16u32 {
            let count = u32::from(counts[length as usize - 1]);
            offset[length as usize] = k as i32 - code as i32;
            if count > 0 {
                if code + count > 1 << length {
                    return None;
                }
                for _ in 0..count {
                    if length <= LOOKUP_BITS {
                        let shift = LOOKUP_BITS - length;
                        let entry = ((length as u16) << 8) | u16::from(symbols[k]);
                        for fill in 0..1u32 << shift {
                            lookup[((code << shift) | fill) as usize] = entry;
                        }
                    }
                    code += 1;
                    k += 1;
                }
                // The largest code of this length is code - 1; any 16 bits below
                // (code << (16 - length)) start with a code of at most this length.
                max_code[length as usize] = ((code << (16 - length)) as i32) - 1;
            }
            code <<= 1;
        }
        max_code[17] = i32::MAX;
        let mut fast_ac = Box::new([0i32; 1 << LOOKUP_BITS]);
        for (index, slot) in fast_ac.iter_mut().enumerate() {
            let entry = lookup[index];
            if entry == 0 {
                continue;
            }
            let (length, rs) = (u32::from(entry >> 8), entry as u8);
            let (run, size) = (u32::from(rs >> 4), u32::from(rs & 15));
            if size == 0 || length + size > LOOKUP_BITS {
                continue;
            }
            let raw = ((index as u32 >> (LOOKUP_BITS - length - size)) & ((1 << size) - 1)) as i32;
            let value = if raw < 1 << (size - 1) {
                raw - (1 << size) + 1
            } else {
                raw
            };
            *slot = (value << 16) | (run << 8) as i32 | (length + size) as i32;
        }
        Some(HuffmanTable {
            fast_ac,
            lookup,
            max_code,
            offset,
            symbols: symbols.to_vec(),
        })
    }
}

/// Reads entropy-coded data: bits in a left-aligned 64-bit buffer, stuffed zero bytes removed,
/// zero bits fed past a marker (as decoders do), and any use of those zero bits treated as data
/// that ended early.
pub(super) struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
    buffer: u64,
    count: u32,
    /// Zero bits fed past a marker, at the bottom of the buffer.
    fake: u32,
    marker: bool,
}

impl<'a> BitReader<'a> {
    pub(super) fn new(bytes: &'a [u8], at: usize) -> Self {
        BitReader {
            bytes,
            at,
            buffer: 0,
            count: 0,
            fake: 0,
            marker: false,
        }
    }

    #[inline(always)]
    fn refill(&mut self) {
        if self.count >= 32 {
            return;
        }
        // Fast path: eight bytes without 0xFF (no stuffing, no marker) go in at once.
        if !self.marker
            && let Some(word) = self.bytes.get(self.at..self.at + 8)
        {
            let word = u64::from_be_bytes(word.try_into().expect("eight bytes"));
            // A byte is 0xFF exactly when the same byte of !word is zero.
            let inverted = !word;
            let has_ff =
                (inverted.wrapping_sub(0x0101_0101_0101_0101) & !inverted & 0x8080_8080_8080_8080)
                    != 0;
            if !has_ff {
                let take = (63 - self.count) / 8;
                self.buffer |= (word >> (64 - 8 * take)) << (64 - 8 * take - self.count);
                self.count += 8 * take;
                self.at += take as usize;
                return;
            }
        }
        self.refill_slow();
    }

    #[inline(never)]
    fn refill_slow(&mut self) {
        while self.count <= 56 {
            let mut byte = 0u8;
            if !self.marker {
                match self.bytes.get(self.at) {
                    Some(&0xFF) => {
                        if self.bytes.get(self.at + 1) == Some(&0) {
                            byte = 0xFF;
                            self.at += 2;
                        } else {
                            self.marker = true;
                        }
                    }
                    Some(&b) => {
                        byte = b;
                        self.at += 1;
                    }
                    None => self.marker = true,
                }
            }
            if self.marker {
                self.fake += 8;
            }
            self.buffer |= u64::from(byte) << (56 - self.count);
            self.count += 8;
        }
    }

    #[inline(always)]
    fn consume(&mut self, n: u32) {
        self.buffer <<= n;
        self.count -= n;
    }

    /// `n` bits (0..=16) as a number.
    #[inline(always)]
    fn bits(&mut self, n: u32) -> i32 {
        if n == 0 {
            return 0;
        }
        let value = (self.buffer >> (64 - n)) as i32;
        self.consume(n);
        value
    }

    #[inline(always)]
    fn symbol(&mut self, table: &HuffmanTable) -> Option<u8> {
        let entry = table.lookup[(self.buffer >> (64 - LOOKUP_BITS)) as usize];
        if entry != 0 {
            self.consume(u32::from(entry >> 8));
            return Some(entry as u8);
        }
        let peek = (self.buffer >> 48) as i32;
        let mut length = LOOKUP_BITS as usize + 1;
        while peek > table.max_code[length] {
            length += 1;
        }
        if length > 16 {
            return None;
        }
        let code = peek >> (16 - length);
        let index = usize::try_from(code + table.offset[length]).ok()?;
        let symbol = *table.symbols.get(index)?;
        self.consume(length as u32);
        Some(symbol)
    }

    /// The signed value of `size` extra bits (JPEG's EXTEND).
    #[inline(always)]
    fn value(&mut self, size: u32) -> i32 {
        let raw = self.bits(size);
        if size > 0 && raw < 1 << (size - 1) {
            raw - (1 << size) + 1
        } else {
            raw
        }
    }

    /// Checks that no bit read so far was one of the zeros fed past the data's end.
    #[inline(always)]
    fn check(&self) -> Option<()> {
        (self.count >= self.fake).then_some(())
    }

    /// Decodes one block's DC difference into `prediction` and returns the DC after it.
    #[inline(always)]
    fn dc(&mut self, dc: &HuffmanTable, prediction: &mut i32) -> Option<()> {
        self.refill();
        let size = u32::from(self.symbol(dc)?);
        // 8-bit samples have DC differences of at most 11 bits; 16 would not fit the buffer
        // refill guarantee below and is invalid.
        if size > 15 {
            return None;
        }
        *prediction = prediction.wrapping_add(self.value(size));
        Some(())
    }

    /// Decodes one block into `block` (natural order, dequantised as `zune-jpeg` does:
    /// i32 products); returns the end position (one past the last coded coefficient in zigzag
    /// order), which picks `zune-jpeg`'s IDCT variant.
    // The hot loop: plain arguments rather than a struct keep everything in registers.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    pub(super) fn decode_block(
        &mut self,
        dc: &HuffmanTable,
        ac: &HuffmanTable,
        quant: &[i32; 64],
        prediction: &mut i32,
        block: &mut [i32; 64],
        coded: &mut [u8; 64],
        coded_count: &mut usize,
    ) -> Option<usize> {
        self.dc(dc, prediction)?;
        block[0] = prediction.wrapping_mul(quant[0]);
        coded[0] = 0;
        let mut count = 1;
        let mut k = 1;
        while k < 64 {
            // 16 bits of code and 15 of value fit in the 32 bits refill leaves.
            self.refill();
            let fast = ac.fast_ac[(self.buffer >> (64 - LOOKUP_BITS)) as usize];
            if fast != 0 {
                k += ((fast >> 8) & 15) as usize;
                if k > 63 {
                    return None;
                }
                self.consume((fast & 255) as u32);
                let natural = ZIGZAG[k];
                block[natural] = (fast >> 16).wrapping_mul(quant[natural]);
                coded[count] = natural as u8;
                count += 1;
                k += 1;
                continue;
            }
            let rs = self.symbol(ac)?;
            let (run, size) = (usize::from(rs >> 4), u32::from(rs & 15));
            if size == 0 {
                if run == 15 {
                    k += 16;
                    continue;
                }
                break;
            }
            k += run;
            if k > 63 {
                return None;
            }
            let natural = ZIGZAG[k];
            block[natural] = self.value(size).wrapping_mul(quant[natural]);
            coded[count] = natural as u8;
            count += 1;
            k += 1;
        }
        self.check()?;
        *coded_count = count;
        Some(k)
    }

    /// Decodes one block that no sampled pixel reads: only the DC prediction is kept.
    #[inline(always)]
    pub(super) fn skip_block(
        &mut self,
        dc: &HuffmanTable,
        ac: &HuffmanTable,
        prediction: &mut i32,
    ) -> Option<()> {
        self.dc(dc, prediction)?;
        let mut k = 1;
        while k < 64 {
            self.refill();
            let fast = ac.fast_ac[(self.buffer >> (64 - LOOKUP_BITS)) as usize];
            if fast != 0 {
                k += ((fast >> 8) & 15) as usize + 1;
                if k > 64 {
                    return None;
                }
                self.consume((fast & 255) as u32);
                continue;
            }
            let rs = self.symbol(ac)?;
            let (run, size) = (usize::from(rs >> 4), u32::from(rs & 15));
            if size == 0 {
                if run == 15 {
                    k += 16;
                    continue;
                }
                break;
            }
            k += run;
            if k > 63 {
                return None;
            }
            self.consume(size);
            k += 1;
        }
        self.check()
    }

    /// At a restart interval's end: drops the padding bits, expects a restart marker and returns
    /// its number (0..=7).
    pub(super) fn restart(&mut self) -> Option<u8> {
        self.check()?;
        // Read up to the marker (a valid file has only padding bits before it).
        self.refill_slow();
        // Bytes already in the buffer are whole bytes of data before the marker; only the
        // partial byte's padding may be dropped, so at most 7 real bits remain.
        let real = self.count - self.fake;
        if real >= 8 {
            return None;
        }
        let marker = self.marker_here()?;
        if !(0xD0..=0xD7).contains(&marker) {
            return None;
        }
        self.at += 2;
        self.buffer = 0;
        self.count = 0;
        self.fake = 0;
        self.marker = false;
        Some(marker - 0xD0)
    }

    fn marker_here(&self) -> Option<u8> {
        if !self.marker || self.bytes.get(self.at) != Some(&0xFF) {
            return None;
        }
        self.bytes.get(self.at + 1).copied()
    }

    /// After the last block: the scan must end with the end-of-image marker.
    pub(super) fn finish(&mut self) -> Option<()> {
        self.check()?;
        self.refill_slow();
        let real = self.count - self.fake;
        if real >= 8 {
            return None;
        }
        (self.marker_here()? == 0xD9).then_some(())
    }
}
