//! What the crate's unit tests share: a deterministic generator (xorshift), so that a generated
//! input that fails reproduces.

pub(crate) struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    /// Up to `max - 1` of `pieces`, drawn at random and joined: generated field values.
    pub fn words(&mut self, pieces: &[&str], max: usize) -> String {
        let mut s = String::new();
        for _ in 0..self.below(max) {
            s.push_str(pieces[self.below(pieces.len())]);
        }
        s
    }
}
