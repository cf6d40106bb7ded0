//! The views module's allocator (`src/bin/views.rs`): freed blocks of up to 1 KiB are kept in
//! one free list per 16-byte size class and handed out again before asking the standard
//! allocator (dlmalloc on `wasm32`), which only ever sees blocks of whole classes. A lint
//! allocates and frees the same few dozen small blocks each time (parsed fields, findings):
//! this turns each into a pop and a push.
//!
//! A block in a free list is never returned to dlmalloc: what stays reserved is the most that
//! was ever live at once in each class. For one thread only: `wasm32-unknown-unknown` without
//! the `atomics` feature has no other (`views.rs` installs it only there).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr;

/// Class width: blocks of 16, 32, … octets, aligned to 16.
const GRANULE: usize = 16;
/// Classes kept: blocks up to `GRANULE * CLASSES` octets.
const CLASSES: usize = 64;

pub struct SizeClassCache {
    /// Per class, the first free block; each free block holds the address of the next.
    free: UnsafeCell<[*mut u8; CLASSES]>,
}

// SAFETY: whoever makes one promises that it is used from one thread only ([`Self::new`]).
unsafe impl Sync for SizeClassCache {}

impl SizeClassCache {
    /// # Safety
    /// The allocator must only ever be used from one thread: its free lists have no lock
    /// (`views.rs` installs it only on `wasm32` without the `atomics` feature).
    pub const unsafe fn new() -> Self {
        SizeClassCache { free: UnsafeCell::new([ptr::null_mut(); CLASSES]) }
    }

    /// The class of blocks for `layout`, or `None` for what goes straight to [`System`].
    #[inline]
    fn class(layout: Layout) -> Option<usize> {
        (layout.size() != 0 && layout.size() <= GRANULE * CLASSES && layout.align() <= GRANULE)
            .then(|| (layout.size() - 1) / GRANULE)
    }

    /// The layout a block of class `c` has in [`System`].
    #[inline]
    fn block(c: usize) -> Layout {
        // SAFETY: a non-zero multiple of the alignment, far below `isize::MAX`.
        unsafe { Layout::from_size_align_unchecked((c + 1) * GRANULE, GRANULE) }
    }
}

unsafe impl GlobalAlloc for SizeClassCache {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(c) = Self::class(layout) else { return unsafe { System.alloc(layout) } };
        // SAFETY: one thread, and no reference to the lists outlives this call.
        let free = unsafe { &mut *self.free.get() };
        let head = free[c];
        if head.is_null() {
            return unsafe { System.alloc(Self::block(c)) };
        }
        // SAFETY: `head` is a free block of this class, holding the next one's address.
        free[c] = unsafe { head.cast::<*mut u8>().read() };
        head
    }

    #[inline]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let Some(c) = Self::class(layout) else { return unsafe { System.dealloc(block, layout) } };
        // SAFETY: as in `alloc`; the block is at least 16 octets, aligned to 16, and ours again.
        let free = unsafe { &mut *self.free.get() };
        unsafe { block.cast::<*mut u8>().write(free[c]) };
        free[c] = block;
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size` with this alignment is a valid layout.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (Self::class(layout), Self::class(new)) {
            // Still fits the block it has.
            (Some(a), Some(b)) if a == b => block,
            (None, None) => unsafe { System.realloc(block, layout, new_size) },
            _ => {
                let moved = unsafe { self.alloc(new) };
                if !moved.is_null() {
                    unsafe {
                        ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                }
                moved
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn a_freed_block_serves_the_next_request_of_its_class() {
        // SAFETY: each test's allocator stays on its thread.
        let a = unsafe { SizeClassCache::new() };
        unsafe {
            let p = a.alloc(layout(24, 8));
            let q = a.alloc(layout(24, 8));
            assert_ne!(p, q);
            a.dealloc(p, layout(24, 8));
            // 17..=32 octets share a class.
            assert_eq!(a.alloc(layout(32, 4)), p);
            // Another class does not take it.
            a.dealloc(p, layout(32, 4));
            let r = a.alloc(layout(48, 8));
            assert_ne!(r, p);
            assert_eq!(a.alloc(layout(17, 1)), p);
            for (b, l) in [(q, layout(24, 8)), (r, layout(48, 8)), (p, layout(17, 1))] {
                a.dealloc(b, l);
            }
        }
    }

    #[test]
    fn blocks_are_aligned_and_large_or_over_aligned_requests_pass_through() {
        // SAFETY: each test's allocator stays on its thread.
        let a = unsafe { SizeClassCache::new() };
        unsafe {
            for size in [1, 15, 16, 17, 100, 1024] {
                let p = a.alloc(layout(size, 1));
                assert_eq!(p as usize % GRANULE, 0, "{size}");
                a.dealloc(p, layout(size, 1));
            }
            let big = a.alloc(layout(1025, 8));
            a.dealloc(big, layout(1025, 8));
            let aligned = a.alloc(layout(64, 64));
            assert_eq!(aligned as usize % 64, 0);
            a.dealloc(aligned, layout(64, 64));
            // Neither went into a free list.
            assert!((&*a.free.get()).iter().enumerate().all(|(c, &p)| p.is_null() || [0, 1, 6, 63].contains(&c)));
        }
    }

    /// Random allocations, reallocations and frees, each live block filled with its own
    /// pattern: no block is handed out twice, and reallocation keeps the contents.
    #[test]
    fn live_blocks_never_overlap_and_realloc_keeps_contents() {
        // SAFETY: each test's allocator stays on its thread.
        let a = unsafe { SizeClassCache::new() };
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        let check = |p: *mut u8, l: Layout, tag: u8| {
            let s = unsafe { std::slice::from_raw_parts(p, l.size()) };
            assert!(s.iter().all(|&b| b == tag), "block {p:?} of {} octets was overwritten", l.size());
        };
        for step in 0..20_000u32 {
            let tag = (step % 251) as u8;
            match next(3) {
                0 | 1 if live.len() < 400 => {
                    let l = layout(1 + next(1500), [1, 4, 8, 16][next(4)]);
                    let p = unsafe { a.alloc(l) };
                    assert!(!p.is_null());
                    unsafe { p.write_bytes(tag, l.size()) };
                    live.push((p, l, tag));
                }
                2 if !live.is_empty() => {
                    let (p, l, t) = live.swap_remove(next(live.len()));
                    check(p, l, t);
                    if next(2) == 0 {
                        unsafe { a.dealloc(p, l) };
                    } else {
                        let size = 1 + next(1500);
                        let q = unsafe { a.realloc(p, l, size) };
                        let nl = layout(size, l.align());
                        check(q, layout(size.min(l.size()), 1), t);
                        unsafe { q.write_bytes(tag, size) };
                        live.push((q, nl, tag));
                    }
                }
                _ => {}
            }
        }
        for (p, l, t) in live {
            check(p, l, t);
            unsafe { a.dealloc(p, l) };
        }
    }
}
