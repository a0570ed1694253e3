//! The best of any run of an array, without reading the run: a segment
//! tree over each entry's rank, giving the place of the lowest rank in a
//! range in O(log n).

/// For each node of a complete binary tree over the ranks, the place of
/// the lowest rank below it; leaves are the places themselves.
#[derive(Debug, Default)]
pub(super) struct LowestRank {
    /// How many ranks the tree is over.
    len: usize,
    /// `nodes[len + i]` is `i`; `nodes[i]` is the better of its two children.
    nodes: Vec<u32>,
}

impl LowestRank {
    /// The tree over `ranks`, in the order of the array they rank.
    pub(super) fn new(ranks: &[u32]) -> Self {
        let len = ranks.len();
        let mut nodes = vec![0u32; 2 * len];
        for (place, node) in nodes[len..].iter_mut().enumerate() {
            *node = place as u32;
        }
        for node in (1..len).rev() {
            nodes[node] = lower(ranks, nodes[2 * node], nodes[2 * node + 1]);
        }
        Self { len, nodes }
    }

    /// The place in `start..end` whose rank is lowest; `None` when the
    /// range is empty. `ranks` must be those the tree was built over.
    pub(super) fn lowest(&self, ranks: &[u32], start: usize, end: usize) -> Option<usize> {
        let (mut left, mut right) = (start + self.len, end.min(self.len) + self.len);
        let mut best: Option<u32> = None;
        let mut consider = |place: u32| {
            best = Some(best.map_or(place, |best| lower(ranks, best, place)));
        };
        while left < right {
            if left & 1 == 1 {
                consider(self.nodes[left]);
                left += 1;
            }
            if right & 1 == 1 {
                right -= 1;
                consider(self.nodes[right]);
            }
            left >>= 1;
            right >>= 1;
        }
        best.map(|place| place as usize)
    }
}

/// Of two places, the one of lower rank.
fn lower(ranks: &[u32], a: u32, b: u32) -> u32 {
    if ranks[b as usize] < ranks[a as usize] {
        b
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lowest_rank_of_every_range_is_the_one_a_scan_finds() {
        let ranks: Vec<u32> = (0..37u32).map(|i| (i * 17 + 5) % 37).collect();
        let tree = LowestRank::new(&ranks);
        for start in 0..=ranks.len() {
            for end in start..=ranks.len() {
                let scanned = (start..end).min_by_key(|&place| ranks[place]);
                assert_eq!(tree.lowest(&ranks, start, end), scanned, "{start}..{end}");
            }
        }
        assert_eq!(LowestRank::new(&[]).lowest(&[], 0, 0), None);
    }
}
