//! Large arrays backed by transparent huge pages where the OS offers them.
//!
//! A probe reads a few thousand random cache lines spread over hundreds of megabytes; with
//! 4 KiB pages nearly each of them also misses the TLB and costs a page walk. Asking Linux for
//! 2 MiB pages (`madvise(MADV_HUGEPAGE)`, honoured in the default `madvise` THP mode) before
//! the array is first touched removes most of those walks. Elsewhere this is a plain `Vec`.

/// Below this, huge pages do not matter.
#[cfg(target_os = "linux")]
const MIN_BYTES: usize = 4 << 20;

/// A vector of `len` copies of `value`, on huge pages where possible.
pub fn filled<T: Copy>(len: usize, value: T) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(len);
    advise(&v);
    v.resize(len, value);
    v
}

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

#[cfg(target_os = "linux")]
fn advise<T>(v: &Vec<T>) {
    const HUGE: usize = 2 << 20;
    let bytes = v.capacity() * std::mem::size_of::<T>();
    if bytes < MIN_BYTES {
        return;
    }
    let start = v.as_ptr() as usize;
    let aligned = start.next_multiple_of(HUGE);
    let end = (start + bytes) / HUGE * HUGE;
    if end > aligned {
        // SAFETY: the range lies inside this vector's allocation; MADV_HUGEPAGE changes only
        // how the kernel backs it, never its contents. Failure (no THP support) is harmless.
        unsafe {
            libc::madvise(
                aligned as *mut libc::c_void,
                end - aligned,
                libc::MADV_HUGEPAGE,
            );
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise<T>(_: &Vec<T>) {}
