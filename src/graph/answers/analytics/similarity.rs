//! How alike two jobs are, and which jobs are most like one.
//!
//! The best `k` jobs for a job are found without scoring every job with
//! [`facets`]. A job can only be similar through the items (skills, tools,
//! tags) it shares with the searched job, so the searched job's items are
//! walked through their postings, adding each shared weight into a per-job
//! table: one multiply-add per shared item, and jobs sharing nothing are
//! never touched. The tables give every met job its score up to rounding;
//! the jobs within rounding of the `k`-th best are then scored exactly with
//! [`facets`], the function every other answer uses, so a ranking never
//! depends on the order in which the weights were summed.
//!
//! Each job's best [`NEIGHBOURS_KEPT`](super::NEIGHBOURS_KEPT) under the
//! default weights are compiled for every job at once by [`every_top_k`],
//! which sums each pair of jobs once instead of twice; other weights and
//! longer lists run [`top_k`] for one job at request time.

use super::profile::{Item, JobOrdinal, Norms, Profile, Profiles, Side, common};
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// How much each facet counts in a job-to-job similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimilarityWeights {
    pub hard_skills: f64,
    pub soft_skills: f64,
    pub tools: f64,
    pub tags: f64,
    pub explicit: f64,
}

impl Default for SimilarityWeights {
    fn default() -> Self {
        Self {
            hard_skills: 0.35,
            soft_skills: 0.10,
            tools: 0.35,
            tags: 0.10,
            explicit: 0.10,
        }
    }
}

impl SimilarityWeights {
    /// Rejects negative weights and an all-zero set.
    pub fn validate(&self) -> Result<(), String> {
        let all = [
            self.hard_skills,
            self.soft_skills,
            self.tools,
            self.tags,
            self.explicit,
        ];
        if all.iter().any(|w| !w.is_finite() || *w < 0.0) {
            return Err("weights must be finite and not negative".to_owned());
        }
        if all.iter().sum::<f64>() <= 0.0 {
            return Err("at least one weight must be above zero".to_owned());
        }
        Ok(())
    }

    fn total(&self) -> f64 {
        self.hard_skills + self.soft_skills + self.tools + self.tags + self.explicit
    }
}

/// Per-facet similarity of two jobs, each in 0..1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Facets {
    /// IDF-weighted cosine of the hard skills.
    pub hard_skills: f64,
    /// IDF-weighted cosine of the soft skills.
    pub soft_skills: f64,
    /// Cosine of the tools, each weighing `USES weight × idf`.
    pub tools: f64,
    /// Jaccard index of the front-matter tags.
    pub tags: f64,
    /// 1 when either guide lists the other in `related_jobs`, else 0.
    pub explicit: f64,
}

impl Facets {
    /// The weighted mean of the facets.
    pub fn combined(&self, weights: &SimilarityWeights) -> f64 {
        let sum = weights.hard_skills * self.hard_skills
            + weights.soft_skills * self.soft_skills
            + weights.tools * self.tools
            + weights.tags * self.tags
            + weights.explicit * self.explicit;
        (sum / weights.total()).clamp(0.0, 1.0)
    }
}

/// The facets of jobs `a` and `b`.
pub(crate) fn facets(a: JobOrdinal, pa: &Profile, b: JobOrdinal, pb: &Profile) -> Facets {
    Facets {
        hard_skills: pa.hard.cosine(&pb.hard),
        soft_skills: pa.soft.cosine(&pb.soft),
        tools: pa.tools.cosine(&pb.tools),
        tags: jaccard(&pa.tags, &pb.tags),
        explicit: if pa.is_explicit(b) || pb.is_explicit(a) {
            1.0
        } else {
            0.0
        },
    }
}

fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let shared = common(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// Shared skills (or tools) and those of each side alone, each with a
/// weight to order them by: a shared item weighs its two weights summed.
pub(crate) struct Split {
    pub shared: Vec<(Item, f64)>,
    pub only_a: Vec<(Item, f64)>,
    pub only_b: Vec<(Item, f64)>,
}

pub(crate) fn split(a: &[(Item, f64)], b: &[(Item, f64)]) -> Split {
    let mut out = Split {
        shared: Vec::new(),
        only_a: Vec::new(),
        only_b: Vec::new(),
    };
    super::profile::merge_items(a, b, |item, side| match side {
        Side::Left(w) => out.only_a.push((item, w)),
        Side::Right(w) => out.only_b.push((item, w)),
        Side::Both(wa, wb) => out.shared.push((item, wa + wb)),
    });
    out
}

/// A job and its score against another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scored {
    pub job: JobOrdinal,
    pub score: f64,
    pub explicit: bool,
}

impl Scored {
    /// Best first: higher score, then an explicit link, then the lower
    /// ordinal (the smaller id).
    fn rank(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then_with(|| other.explicit.cmp(&self.explicit))
            .then_with(|| self.job.cmp(&other.job))
    }
}

/// Heap order: the worst of the kept jobs on top, to be replaced.
struct Worst(Scored);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.rank(&other.0)
    }
}

/// What one search has summed for one job. The walk reads and writes a
/// job's tally at every posting, in no order the cache can foresee, so
/// everything it touches sits together.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    /// Dot products with the searched job, per cosine facet.
    dots: [f64; 3],
    /// The round in which the job was last met.
    round: u32,
    /// Tags shared with the searched job.
    shared_tags: u16,
}

/// The per-job tallies of one search, reused across searches so that none
/// of them allocates or clears a corpus-sized table.
#[derive(Default)]
pub(crate) struct Scratch {
    tallies: Vec<Tally>,
    round: u32,
    /// The jobs met in this round.
    touched: Vec<JobOrdinal>,
}

impl Scratch {
    fn start(&mut self, jobs: usize) {
        if self.tallies.len() != jobs || self.round == u32::MAX {
            self.tallies = vec![Tally::default(); jobs];
            self.round = 0;
        }
        self.round += 1;
        self.touched.clear();
    }

    /// `job`'s tally, zeroed the first time it is met in this round.
    fn meet(&mut self, job: JobOrdinal) -> &mut Tally {
        let tally = &mut self.tallies[job.index()];
        if tally.round != self.round {
            *tally = Tally {
                round: self.round,
                ..Tally::default()
            };
            self.touched.push(job);
        }
        tally
    }
}

/// The searched job and what a search needs of it.
struct Search<'a> {
    profiles: &'a Profiles,
    weights: &'a SimilarityWeights,
    /// The searched job's inverse norms and tag count.
    mine: Norms,
}

impl<'a> Search<'a> {
    fn new(profiles: &'a Profiles, of: JobOrdinal, weights: &'a SimilarityWeights) -> Self {
        Self {
            profiles,
            weights,
            mine: profiles.norms[of.index()],
        }
    }

    /// The score of `other` from the weights added into its tables: its
    /// exact score up to rounding. It is read for every job met.
    fn summed(&self, scratch: &Scratch, other: JobOrdinal, explicit: bool) -> f64 {
        let theirs = &self.profiles.norms[other.index()];
        let tally = &scratch.tallies[other.index()];
        let dots = tally.dots;
        let cosine = |facet: usize| {
            (dots[facet] * self.mine.inverse[facet] * theirs.inverse[facet]).clamp(0.0, 1.0)
        };
        let shared = tally.shared_tags;
        let tags = if shared == 0 {
            0.0
        } else {
            let shared = f64::from(shared);
            shared / (f64::from(self.mine.tags) + f64::from(theirs.tags) - shared)
        };
        Facets {
            hard_skills: cosine(0),
            soft_skills: cosine(1),
            tools: cosine(2),
            tags,
            explicit: if explicit { 1.0 } else { 0.0 },
        }
        .combined(self.weights)
    }
}

/// How far a summed score may stray from the exact one: far above the
/// rounding of a few dozen additions, far below any real difference.
const ROUNDING: f64 = 1e-9;

/// The best `k` jobs for job `of` under `weights`, best first, exactly as
/// scoring every job would rank them. Jobs with a zero score count only
/// when explicitly linked.
///
/// The walk only adds weights into per-job tables; the jobs whose summed
/// score is within rounding of the `k`-th best are then scored exactly.
pub(crate) fn top_k(
    profiles: &Profiles,
    of: JobOrdinal,
    weights: &SimilarityWeights,
    k: usize,
    scratch: &mut Scratch,
) -> Vec<Scored> {
    if profiles.profiles.get(of.index()).is_none() || k == 0 {
        return Vec::new();
    }
    let mut candidates = Vec::new();
    summed_pairs(
        profiles,
        of,
        JobOrdinal::new(0),
        weights,
        scratch,
        |other, summed| {
            candidates.push((other, summed));
        },
    );
    best_of(profiles, of, weights, k, &candidates)
}

/// Every job's best `k` under `weights`: for each job, the list [`top_k`]
/// gives, in half its work.
///
/// Similarity is symmetric, so each pair of jobs is summed once, by the
/// walk of the lower ordinal over the postings of higher ones, and the sum
/// is offered to both jobs' shortlists. A shortlist drops what falls more
/// than rounding below its `k`-th best, which can only fall further as
/// offers arrive, so it keeps every job [`top_k`] would score exactly.
/// Each thread walks every n-th job into shortlists of its own, which are
/// then merged per job.
pub(crate) fn every_top_k(
    profiles: &Profiles,
    weights: &SimilarityWeights,
    k: usize,
) -> Vec<Vec<Scored>> {
    let jobs = profiles.profiles.len();
    if k == 0 {
        return vec![Vec::new(); jobs];
    }
    let parts = rayon::current_num_threads().clamp(1, jobs.max(1));
    let shortlists: Vec<Shortlists> = (0..parts)
        .into_par_iter()
        .map(|part| {
            let mut scratch = Scratch::default();
            let mut lists = Shortlists::new(jobs, k);
            for of in (part..jobs).step_by(parts) {
                let of = JobOrdinal::new(of);
                summed_pairs(
                    profiles,
                    of,
                    JobOrdinal::new(of.index() + 1),
                    weights,
                    &mut scratch,
                    |other, summed| {
                        lists.offer(of, other, summed);
                        lists.offer(other, of, summed);
                    },
                );
            }
            lists
        })
        .collect();
    (0..jobs)
        .into_par_iter()
        .map(|of| {
            let candidates: Vec<(JobOrdinal, f64)> = shortlists
                .iter()
                .flat_map(|lists| lists.lists[of].iter().copied())
                .collect();
            best_of(profiles, JobOrdinal::new(of), weights, k, &candidates)
        })
        .collect()
}

/// Per job, the other jobs offered to it with their summed scores, cut
/// down to those within rounding of the `k`-th best offered so far.
struct Shortlists {
    lists: Vec<Vec<(JobOrdinal, f64)>>,
    /// Per job, the score below which an offer is dropped.
    floors: Vec<f64>,
    k: usize,
}

impl Shortlists {
    fn new(jobs: usize, k: usize) -> Self {
        Self {
            lists: vec![Vec::new(); jobs],
            floors: vec![f64::NEG_INFINITY; jobs],
            k,
        }
    }

    fn offer(&mut self, to: JobOrdinal, other: JobOrdinal, summed: f64) {
        let at = to.index();
        if summed < self.floors[at] {
            return;
        }
        let list = &mut self.lists[at];
        list.push((other, summed));
        if list.len() >= 4 * self.k {
            let kth = list
                .select_nth_unstable_by(self.k - 1, |a, b| b.1.total_cmp(&a.1))
                .1
                .1;
            let floor = kth - ROUNDING;
            list.retain(|(_, summed)| *summed >= floor);
            self.floors[at] = floor;
        }
    }
}

/// Walks job `of`'s items over the jobs from ordinal `first` on, and calls
/// `visit` with each job met (explicit links included) and its summed
/// score. A job sharing nothing and not linked scores 0 and is not met.
fn summed_pairs(
    profiles: &Profiles,
    of: JobOrdinal,
    first: JobOrdinal,
    weights: &SimilarityWeights,
    scratch: &mut Scratch,
    mut visit: impl FnMut(JobOrdinal, f64),
) {
    let profile = &profiles.profiles[of.index()];
    let search = Search::new(profiles, of, weights);
    scratch.start(profiles.profiles.len());
    for &other in &profile.explicit {
        if other != of && other >= first {
            scratch.meet(other);
        }
    }
    // The explicitly linked jobs, and only they, lead the list of jobs met.
    let linked = scratch.touched.len();
    walk(profiles, of, first, profile, scratch);
    for (met, &other) in scratch.touched.iter().enumerate() {
        visit(other, search.summed(scratch, other, met < linked));
    }
}

/// The best `k` of the `candidates` (jobs with their summed scores) for
/// job `of`: those within rounding of the `k`-th best summed are scored
/// exactly with [`facets`], and ranked by that.
fn best_of(
    profiles: &Profiles,
    of: JobOrdinal,
    weights: &SimilarityWeights,
    k: usize,
    candidates: &[(JobOrdinal, f64)],
) -> Vec<Scored> {
    let profile = &profiles.profiles[of.index()];
    let threshold = if candidates.len() < k {
        0.0
    } else {
        let mut ranked: Vec<f64> = candidates.iter().map(|(_, summed)| *summed).collect();
        *ranked
            .select_nth_unstable_by(k - 1, |a, b| b.total_cmp(a))
            .1
    };
    let mut kept: BinaryHeap<Worst> = BinaryHeap::with_capacity(k + 1);
    for &(other, summed) in candidates {
        if summed + ROUNDING < threshold {
            continue;
        }
        let exact = facets(of, profile, other, &profiles.profiles[other.index()]);
        let score = exact.combined(weights);
        let explicit = exact.explicit > 0.0;
        if score <= 0.0 && !explicit {
            continue;
        }
        kept.push(Worst(Scored {
            job: other,
            score,
            explicit,
        }));
        if kept.len() > k {
            kept.pop();
        }
    }
    let mut best: Vec<Scored> = kept.into_iter().map(|Worst(scored)| scored).collect();
    best.sort_by(Scored::rank);
    best
}

/// Adds every item of the searched job into the tables of the jobs from
/// ordinal `first` on that hold it. Postings are sorted by job, so the
/// jobs below `first` are skipped with one search per posting.
///
/// A weight is added only on the facet where the other job holds the item:
/// a part of a hard compound in one job may be a soft skill's part in
/// another, and adding it across facets would overstate the score the
/// cut-off is taken from.
fn walk(
    profiles: &Profiles,
    of: JobOrdinal,
    first: JobOrdinal,
    profile: &Profile,
    scratch: &mut Scratch,
) {
    for (facet, vector) in profile.vectors() {
        for &(item, mine) in &vector.entries {
            let holders = &profiles.postings[item.index()];
            let from = holders.partition_point(|holder| holder.job < first);
            for holder in &holders[from..] {
                if holder.job != of && holder.facet == facet {
                    scratch.meet(holder.job).dots[facet.index()] += mine * holder.weight;
                }
            }
        }
    }
    for &tag in &profile.tags {
        let holders = &profiles.tag_postings[tag as usize];
        let from = holders.partition_point(|job| *job < first);
        for &other in &holders[from..] {
            if other != of {
                scratch.meet(other).shared_tags += 1;
            }
        }
    }
}

/// Scores every job against `of`: the reference [`top_k`] must agree with.
#[cfg(test)]
pub(crate) fn brute_force(
    profiles: &Profiles,
    of: JobOrdinal,
    weights: &SimilarityWeights,
    k: usize,
) -> Vec<Scored> {
    let profile = &profiles.profiles[of.index()];
    let mut all: Vec<Scored> = (0..profiles.profiles.len())
        .map(JobOrdinal::new)
        .filter(|other| *other != of)
        .filter_map(|other| {
            let facets = facets(of, profile, other, &profiles.profiles[other.index()]);
            let score = facets.combined(weights);
            let explicit = facets.explicit > 0.0;
            (score > 0.0 || explicit).then_some(Scored {
                job: other,
                score,
                explicit,
            })
        })
        .collect();
    all.sort_by(Scored::rank);
    all.truncate(k);
    all
}

#[cfg(test)]
mod tests {
    use super::super::profile::merge;
    use super::*;

    use super::super::generated_graph as generated;

    fn same_ranking(found: &[Scored], expected: &[Scored], context: &str) {
        let ids = |list: &[Scored]| list.iter().map(|s| s.job).collect::<Vec<_>>();
        assert_eq!(ids(found), ids(expected), "{context}");
        for (a, b) in found.iter().zip(expected) {
            assert!((a.score - b.score).abs() < 1e-12, "{context}: {a:?} {b:?}");
        }
    }

    #[test]
    fn the_pruned_walk_ranks_exactly_as_scoring_every_job() {
        let graph = generated(400, 7);
        let profiles = &graph.analytics().profiles;
        let mut scratch = Scratch::default();
        let tools_only = SimilarityWeights {
            hard_skills: 0.0,
            soft_skills: 0.0,
            tools: 1.0,
            tags: 0.0,
            explicit: 0.0,
        };
        let tags_heavy = SimilarityWeights {
            tags: 2.0,
            explicit: 0.0,
            ..SimilarityWeights::default()
        };
        for weights in [SimilarityWeights::default(), tools_only, tags_heavy] {
            for job in (0..profiles.profiles.len()).map(JobOrdinal::new) {
                for k in [1, 10, 25] {
                    let found = top_k(profiles, job, &weights, k, &mut scratch);
                    let expected = brute_force(profiles, job, &weights, k);
                    same_ranking(
                        &found,
                        &expected,
                        &format!("job {job:?}, k {k}, {weights:?}"),
                    );
                }
            }
        }
    }

    #[test]
    fn summing_each_pair_once_gives_every_job_the_list_of_its_own_walk() {
        let graph = generated(400, 11);
        let profiles = &graph.analytics().profiles;
        let mut scratch = Scratch::default();
        let tags_heavy = SimilarityWeights {
            tags: 2.0,
            ..SimilarityWeights::default()
        };
        let skills_only = SimilarityWeights {
            tools: 0.0,
            tags: 0.0,
            explicit: 0.0,
            ..SimilarityWeights::default()
        };
        for weights in [SimilarityWeights::default(), tags_heavy, skills_only] {
            for k in [1, 3, 25] {
                let every = every_top_k(profiles, &weights, k);
                assert_eq!(every.len(), profiles.profiles.len());
                for (job, list) in every.iter().enumerate() {
                    let alone = top_k(profiles, JobOrdinal::new(job), &weights, k, &mut scratch);
                    same_ranking(list, &alone, &format!("job {job:?}, k {k}, {weights:?}"));
                }
            }
        }
        assert!(
            every_top_k(profiles, &SimilarityWeights::default(), 0)
                .iter()
                .all(Vec::is_empty)
        );
    }

    #[test]
    fn an_item_held_on_another_facet_does_not_lift_a_job_over_a_better_one() {
        // Item 0 is a hard skill of the searched job and of job 2, but only
        // a soft skill's part in job 1: job 1 shares no hard skill with it.
        let (x, y, z) = (Item::new(0), Item::new(1), Item::new(2));
        let profiles = Profiles::by_hand(&[
            [&[(x, 1.0)], &[], &[]],
            [&[(y, 1.0)], &[(x, 1.0)], &[]],
            [&[(x, 1.0), (z, 1.0)], &[], &[]],
        ]);
        let weights = SimilarityWeights::default();
        let searched = JobOrdinal::new(0);
        let found = top_k(&profiles, searched, &weights, 1, &mut Scratch::default());
        let expected = brute_force(&profiles, searched, &weights, 1);
        assert_eq!(expected.first().map(|s| s.job), Some(JobOrdinal::new(2)));
        same_ranking(&found, &expected, "an item on two facets");
    }

    #[test]
    fn the_compiled_neighbour_lists_are_the_exact_default_ranking() {
        let graph = generated(300, 3);
        let analytics = graph.analytics();
        for (job, kept) in analytics.neighbours.iter().enumerate() {
            let expected = brute_force(
                &analytics.profiles,
                JobOrdinal::new(job),
                &SimilarityWeights::default(),
                super::super::NEIGHBOURS_KEPT,
            );
            same_ranking(kept, &expected, &format!("job {job}"));
        }
    }

    #[test]
    fn merging_sorted_vectors_finds_shared_and_lone_items() {
        let i = Item::new;
        let a = [(i(1), 1.0), (i(3), 2.0), (i(5), 1.0)];
        let b = [(i(3), 1.0), (i(4), 1.0), (i(5), 3.0)];
        let parts = split(&a, &b);
        assert_eq!(parts.shared, vec![(i(3), 3.0), (i(5), 4.0)]);
        assert_eq!(parts.only_a, vec![(i(1), 1.0)]);
        assert_eq!(parts.only_b, vec![(i(4), 1.0)]);
        let mut dot = 0.0;
        merge(&a, &b, |side| {
            if let Side::Both(x, y) = side {
                dot += x * y;
            }
        });
        assert_eq!(dot, 2.0 + 3.0);
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
    }
}
