//! Large arrays backed by transparent huge pages where the OS offers them.
//!
//! A probe reads a few thousand random cache lines spread over hundreds of megabytes; with
//! 4 KiB pages nearly each of them also misses the TLB and costs a page walk. Asking Linux for
//! 2 MiB pages (`madvise(MADV_HUGEPAGE)`, honoured in the default `madvise` THP mode) before
//! the array is first touched removes most of those walks. Elsewhere this is a plain `Vec`.

/// Below this, huge pages do not matter.
#[cfg(target_os = "linux")]
const MIN_BYTES: usize = 4 << 20;

/// Moves an array that is already filled (built by the caller) onto huge pages in place:
/// `MADV_COLLAPSE` (Linux 6.1 and later) makes the kernel do it now, without a second copy of
/// the array in memory. Older kernels refuse, which only costs speed.
pub fn collapse<T>(items: &[T]) {
    #[cfg(target_os = "linux")]
    {
        /// `MADV_COLLAPSE` from the Linux ABI (not exported by libc for every C library).
        const MADV_COLLAPSE: libc::c_int = 25;
        if let Some((start, len)) =
            huge_range(items.as_ptr() as usize, std::mem::size_of_val(items))
        {
            // SAFETY: the range lies inside `items`; both advices change only how the kernel
            // backs the memory, never its contents. Failures are harmless.
            unsafe {
                libc::madvise(start as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
                libc::madvise(start as *mut libc::c_void, len, MADV_COLLAPSE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = items;
}

/// The whole 2 MiB pages inside `bytes` bytes at `start`, if the array is large enough.
#[cfg(target_os = "linux")]
fn huge_range(start: usize, bytes: usize) -> Option<(usize, usize)> {
    const HUGE: usize = 2 << 20;
    if bytes < MIN_BYTES {
        return None;
    }
    let aligned = start.next_multiple_of(HUGE);
    let end = (start + bytes) / HUGE * HUGE;
    (end > aligned).then(|| (aligned, end - aligned))
}

/// A fixed-length array of plain values whose element 0 starts a cache line, and which, when
/// large, sits on fresh memory mapped for it alone, advised onto huge pages before it is first
/// touched.
///
/// Why not a `Vec`: the allocator serves an 8 MiB request from memory it already holds (in
/// another thread's arena, say), whose 4 KiB pages were faulted in long ago, so the huge-page
/// advice comes too late and the probe pays a TLB walk per random read. And the probe reads a
/// bucket's offsets from the line of the bucket's index and visits the buckets of one line
/// together, which only saves reads if element `16k` of a `u32` array really starts a line.
pub struct Array<T: Copy> {
    ptr: std::ptr::NonNull<T>,
    len: usize,
    /// Bytes allocated, and how.
    bytes: usize,
    mapped: bool,
}

// SAFETY: `Array` owns its buffer exclusively, like a `Vec`.
unsafe impl<T: Copy + Send> Send for Array<T> {}
// SAFETY: shared access only reads, like a `&[T]`.
unsafe impl<T: Copy + Sync> Sync for Array<T> {}

const LINE: usize = 64;

impl<T: Copy> Array<T> {
    /// `len` copies of `value`.
    ///
    /// # Panics
    /// If the size overflows or memory runs out, as `Vec` does.
    pub fn filled(len: usize, value: T) -> Self {
        let array = Self::allocate(len);
        for i in 0..len {
            // SAFETY: `i < len`, within the buffer that `allocate` sized and aligned for `len`
            // elements.
            unsafe { array.ptr.as_ptr().add(i).write(value) };
        }
        array
    }

    /// An array of `len` elements whose contents the caller must initialise before any read.
    fn allocate(len: usize) -> Self {
        let align = LINE.max(std::mem::align_of::<T>());
        let bytes = len
            .checked_mul(std::mem::size_of::<T>())
            .expect("array size overflows")
            .max(1)
            .next_multiple_of(align);
        let (ptr, mapped) = match map_huge(bytes) {
            Some(ptr) => (ptr.cast::<T>(), true),
            None => {
                let layout = std::alloc::Layout::from_size_align(bytes, align)
                    .expect("array layout is valid");
                // SAFETY: the layout has a non-zero size.
                let raw = unsafe { std::alloc::alloc(layout) };
                let Some(ptr) = std::ptr::NonNull::new(raw.cast::<T>()) else {
                    std::alloc::handle_alloc_error(layout)
                };
                (ptr, false)
            }
        };
        Array {
            ptr,
            len,
            bytes,
            mapped,
        }
    }

    /// The elements.
    pub fn as_slice(&self) -> &[T] {
        // SAFETY: `len` elements were initialised by `filled` and the buffer lives as long as
        // `self`.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// The elements, mutably.
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        // SAFETY: as in `as_slice`, through the unique borrow.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// Bytes held.
    pub fn memory_bytes(&self) -> usize {
        self.bytes
    }
}

impl<T: Copy> std::ops::Deref for Array<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Copy> std::ops::DerefMut for Array<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

impl<T: Copy> Clone for Array<T> {
    fn clone(&self) -> Self {
        let copy = Self::allocate(self.len);
        // SAFETY: both buffers hold `len` elements and are distinct allocations.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr.as_ptr(), copy.ptr.as_ptr(), self.len) };
        copy
    }
}

impl<T: Copy + std::fmt::Debug> std::fmt::Debug for Array<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Array")
            .field("len", &self.len)
            .field("bytes", &self.bytes)
            .field("mapped", &self.mapped)
            .finish()
    }
}

impl<T: Copy> Drop for Array<T> {
    fn drop(&mut self) {
        if self.mapped {
            unmap(self.ptr.as_ptr().cast(), self.bytes);
        } else {
            let align = LINE.max(std::mem::align_of::<T>());
            let layout =
                std::alloc::Layout::from_size_align(self.bytes, align).expect("valid layout");
            // SAFETY: allocated in `filled` with this very layout.
            unsafe { std::alloc::dealloc(self.ptr.as_ptr().cast(), layout) };
        }
    }
}

/// Fresh anonymous memory of `bytes` (a multiple of 64), 2 MiB aligned and advised onto huge
/// pages, or `None` below [`MIN_BYTES`], off Linux, or when the kernel refuses.
#[cfg(target_os = "linux")]
fn map_huge(bytes: usize) -> Option<std::ptr::NonNull<u8>> {
    const HUGE: usize = 2 << 20;
    if bytes < MIN_BYTES {
        return None;
    }
    let span = bytes.checked_add(HUGE)?;
    // SAFETY: an anonymous private mapping at an address of the kernel's choosing touches no
    // existing memory.
    let raw = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            span,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if raw == libc::MAP_FAILED {
        return None;
    }
    let start = raw as usize;
    let aligned = start.next_multiple_of(HUGE);
    let end = aligned + bytes;
    // SAFETY: both ranges lie inside the mapping just made and are not used by anyone; the
    // advice only changes how the kernel backs the pages, before any is touched.
    unsafe {
        if aligned > start {
            libc::munmap(raw, aligned - start);
        }
        if start + span > end {
            libc::munmap(end as *mut libc::c_void, start + span - end);
        }
        libc::madvise(aligned as *mut libc::c_void, bytes, libc::MADV_HUGEPAGE);
    }
    std::ptr::NonNull::new(aligned as *mut u8)
}

#[cfg(not(target_os = "linux"))]
fn map_huge(_: usize) -> Option<std::ptr::NonNull<u8>> {
    None
}

#[cfg(target_os = "linux")]
fn unmap(ptr: *mut u8, bytes: usize) {
    // SAFETY: `ptr..ptr + bytes` is exactly what `map_huge` left mapped for this array.
    unsafe { libc::munmap(ptr.cast(), bytes) };
}

#[cfg(not(target_os = "linux"))]
fn unmap(_: *mut u8, _: usize) {
    unreachable!("nothing is mapped off Linux")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_are_line_aligned_filled_and_cloned() {
        for len in [0usize, 1, 15, 16, 17, 1000, 3 << 20] {
            let mut a = Array::filled(len, 7u32);
            assert_eq!(a.len(), len);
            assert_eq!(a.as_ptr() as usize % 64, 0, "len {len}");
            assert!(a.iter().all(|&v| v == 7));
            if len > 0 {
                a[len - 1] = 9;
            }
            let b = a.clone();
            assert_eq!(&b[..], &a[..]);
            assert!(a.memory_bytes() >= 4 * len);
        }
    }
}
