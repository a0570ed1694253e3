//! Job profiles: each job's weighted skills, tools and tags as sorted
//! sparse vectors over dense ids, and the inverted indexes from an item to
//! the jobs that have it.
//!
//! Jobs get dense ordinals in id order, so comparing ordinals compares ids
//! and every per-job table is a `Vec`. Skills and tools are named by their
//! node index, which petgraph already keeps dense.

use crate::graph::{EdgeKind, NodeKind, NodeRef, SkillGraph};
use crate::guide::SkillKind;
use petgraph::graph::NodeIndex;
use std::collections::HashMap;

dense_ordinal! {
    /// A job's dense ordinal: its position among all jobs sorted by id.
    JobOrdinal
}

dense_ordinal! {
    /// A skill's or tool's node index, as a dense integer.
    Item
}

impl JobOrdinal {
    /// Stands for no job: in the node → ordinal table, and for a job
    /// without a profile.
    pub(crate) const NONE: Self = Self(u32::MAX);
}

impl Item {
    /// The item a skill or tool node is.
    pub(crate) fn of(node: NodeIndex) -> Self {
        Self::new(node.index())
    }

    /// The node it names.
    pub(crate) fn node(self) -> NodeIndex {
        NodeIndex::new(self.index())
    }
}

/// An item and its weight.
pub(crate) type Weighted = (Item, f64);

/// Weights over items, sorted by item, with the vector's norm.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sparse {
    pub entries: Vec<(Item, f64)>,
    pub norm: f64,
}

impl Sparse {
    pub(crate) fn from_map(map: HashMap<Item, f64>) -> Self {
        let mut entries: Vec<(Item, f64)> = map.into_iter().collect();
        entries.sort_unstable_by_key(|(item, _)| *item);
        let mut sparse = Self { entries, norm: 0.0 };
        sparse.renorm();
        sparse
    }

    fn renorm(&mut self) {
        self.norm = self.entries.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn contains(&self, item: Item) -> bool {
        self.entries
            .binary_search_by_key(&item, |(i, _)| *i)
            .is_ok()
    }

    /// The cosine of two vectors: one merge of the sorted entries.
    pub fn cosine(&self, other: &Sparse) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let mut dot = 0.0;
        merge(&self.entries, &other.entries, |side| {
            if let Side::Both(a, b) = side {
                dot += a * b;
            }
        });
        (dot / (self.norm * other.norm)).clamp(0.0, 1.0)
    }
}

/// The weight of a node in the vector, as a map would answer it; panics
/// when the node is absent, like indexing a `HashMap`. For tests.
#[cfg(test)]
impl std::ops::Index<&NodeIndex> for Sparse {
    type Output = f64;

    fn index(&self, node: &NodeIndex) -> &f64 {
        let item = Item::of(*node);
        let at = self
            .entries
            .binary_search_by_key(&item, |(i, _)| *i)
            .unwrap_or_else(|_| panic!("{node:?} is not in the vector"));
        &self.entries[at].1
    }
}

/// Where an item of a merge was found.
pub(crate) enum Side {
    Left(f64),
    Right(f64),
    Both(f64, f64),
}

/// Walks two item-sorted lists together, calling `visit` for each item with
/// the side (or sides) holding it and its weight there.
pub(crate) fn merge(a: &[(Item, f64)], b: &[(Item, f64)], mut visit: impl FnMut(Side)) {
    merge_items(a, b, |_, side| visit(side));
}

/// As [`merge`], with the item passed along.
pub(crate) fn merge_items(a: &[(Item, f64)], b: &[(Item, f64)], mut visit: impl FnMut(Item, Side)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let ((ia, wa), (ib, wb)) = (a[i], b[j]);
        match ia.cmp(&ib) {
            std::cmp::Ordering::Less => {
                visit(ia, Side::Left(wa));
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                visit(ib, Side::Right(wb));
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                visit(ia, Side::Both(wa, wb));
                i += 1;
                j += 1;
            }
        }
    }
    a[i..]
        .iter()
        .for_each(|(item, w)| visit(*item, Side::Left(*w)));
    b[j..]
        .iter()
        .for_each(|(item, w)| visit(*item, Side::Right(*w)));
}

/// The `limit` best of `scored` (ordinal, score), best first, ties by the
/// lower ordinal; only the best are ever sorted.
pub(crate) fn best_k<K: Ord + Copy>(mut scored: Vec<(K, f64)>, limit: usize) -> Vec<(K, f64)> {
    let best_first = |a: &(K, f64), b: &(K, f64)| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0));
    if scored.len() > limit && limit > 0 {
        scored.select_nth_unstable_by(limit - 1, best_first);
    }
    scored.truncate(limit);
    scored.sort_by(best_first);
    scored
}

/// The size of the intersection of two sorted lists.
pub(crate) fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

/// A job's weighted profile.
#[derive(Debug, Clone, Default)]
pub(crate) struct Profile {
    /// Hard and soft skills (compound parts included), IDF-weighted, and
    /// the abilities they express: the concepts their names mean or
    /// contain, so that two jobs phrasing one ability differently meet on
    /// the skill facets.
    pub hard: Sparse,
    pub soft: Sparse,
    /// Tools, each weighing `USES weight × idf`.
    pub tools: Sparse,
    /// Interned keys of the front matter's tags, sorted.
    pub tags: Vec<u32>,
    /// Jobs linked by `related_jobs`, in either direction, sorted.
    pub explicit: Vec<JobOrdinal>,
    /// The sum of every skill and tool weight, for coverage scores.
    pub total_weight: f64,
    /// The items of `hard` and `soft` that are abilities (concepts), not
    /// skills, sorted: the lists of skills leave them out.
    pub abilities: Vec<Item>,
}

impl Profile {
    /// Every skill, hard and soft, sorted by item. An item in both lists
    /// (a part shared by a hard and a soft compound) appears once.
    pub fn skills(&self) -> Vec<(Item, f64)> {
        let mut skills = Vec::with_capacity(self.hard.len() + self.soft.len());
        merge_items(&self.hard.entries, &self.soft.entries, |item, side| {
            let weight = match side {
                Side::Left(w) | Side::Right(w) | Side::Both(_, w) => w,
            };
            if !self.is_ability(item) {
                skills.push((item, weight));
            }
        });
        skills
    }

    /// Whether an item of the skill vectors is an ability, not a skill.
    pub fn is_ability(&self, item: Item) -> bool {
        self.abilities.binary_search(&item).is_ok()
    }

    /// Every skill and tool with its weight (abilities left out).
    pub fn requirements(&self) -> impl Iterator<Item = (Item, f64)> + '_ {
        self.vectors()
            .into_iter()
            .flat_map(|(_, vector)| vector.entries.iter().copied())
            .filter(|(item, _)| !self.is_ability(*item))
    }

    /// Each cosine facet's vector.
    pub fn vectors(&self) -> [(CosineFacet, &Sparse); 3] {
        [
            (CosineFacet::Hard, &self.hard),
            (CosineFacet::Soft, &self.soft),
            (CosineFacet::Tools, &self.tools),
        ]
    }

    /// The norm of all the skills and tools together.
    pub fn vector_norm(&self) -> f64 {
        (self.hard.norm.powi(2) + self.soft.norm.powi(2) + self.tools.norm.powi(2)).sqrt()
    }

    pub fn is_explicit(&self, other: JobOrdinal) -> bool {
        self.explicit.binary_search(&other).is_ok()
    }
}

/// The three facets compared by cosine, in the order of a profile's vectors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CosineFacet {
    Hard,
    Soft,
    Tools,
}

impl CosineFacet {
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A job holding an item: in which of its vectors, and with what weight.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Holder {
    pub job: JobOrdinal,
    pub facet: CosineFacet,
    pub weight: f64,
}

/// What the similarity search reads of a profile for every job it meets,
/// packed: the inverse of each cosine facet's norm (0 for an empty vector),
/// so that a cosine costs no division, and the number of tags.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Norms {
    pub inverse: [f64; 3],
    pub tags: u32,
}

impl Norms {
    fn of(profile: &Profile) -> Self {
        let inverse = |norm: f64| if norm > 0.0 { norm.recip() } else { 0.0 };
        Self {
            inverse: profile.vectors().map(|(_, vector)| inverse(vector.norm)),
            tags: profile.tags.len() as u32,
        }
    }
}

/// Every job's profile and the inverted indexes over them.
#[derive(Debug, Default)]
pub(crate) struct Profiles {
    /// Ordinal → the job's node.
    pub jobs: Vec<NodeIndex>,
    /// Node index → ordinal, for job nodes (`u32::MAX` elsewhere).
    ordinals: Vec<JobOrdinal>,
    /// Ordinal → profile.
    pub profiles: Vec<Profile>,
    /// Ordinal → the profile's norms, packed for the similarity search,
    /// which reads them for every job it meets.
    pub norms: Vec<Norms>,
    /// Item → the jobs holding it, by job. A job holding an item in two
    /// vectors (a part of a hard and of a soft compound) is listed twice.
    pub postings: Vec<Vec<Holder>>,
    /// Tag → the jobs listing it, by job.
    pub tag_postings: Vec<Vec<JobOrdinal>>,
}

impl Profiles {
    pub fn build(graph: &SkillGraph) -> Self {
        let jobs: Vec<NodeRef<'_>> = graph.nodes_of(NodeKind::Job).collect();
        let mut ordinals = vec![JobOrdinal::NONE; graph.node_count()];
        for (ordinal, job) in jobs.iter().enumerate() {
            ordinals[job.index.index()] = JobOrdinal::new(ordinal);
        }
        let mut tags: HashMap<String, u32> = HashMap::new();
        let raw: Vec<RawProfile> = jobs
            .iter()
            .map(|job| raw_profile(*job, &ordinals, &mut tags))
            .collect();
        let mut document_frequency = vec![0usize; graph.node_count()];
        let mut guide_jobs = 0usize;
        for (job, profile) in jobs.iter().zip(&raw) {
            if job.guide().is_some() {
                guide_jobs += 1;
                for item in profile.items() {
                    document_frequency[item.index()] += 1;
                }
            }
        }
        let n = guide_jobs as f64;
        let idf = |item: Item| {
            let df = document_frequency[item.index()] as f64;
            ((1.0 + n) / (1.0 + df)).ln() + 1.0
        };
        let weighted = |map: HashMap<Item, f64>| {
            Sparse::from_map(
                map.into_iter()
                    .map(|(item, w)| (item, w * idf(item)))
                    .collect(),
            )
        };
        let profiles: Vec<Profile> = raw
            .into_iter()
            .map(|raw| {
                let profile = Profile {
                    hard: weighted(raw.hard),
                    soft: weighted(raw.soft),
                    tools: weighted(raw.tools),
                    tags: raw.tags,
                    explicit: raw.explicit,
                    total_weight: 0.0,
                    abilities: raw.abilities,
                };
                Profile {
                    total_weight: profile.requirements().map(|(_, w)| w).sum(),
                    ..profile
                }
            })
            .collect();
        Self {
            jobs: jobs.iter().map(|job| job.index).collect(),
            ordinals,
            ..Self::indexed(profiles, graph.node_count(), tags.len())
        }
    }

    /// The profiles with their norms and inverted indexes, for `items`
    /// distinct items and `tags` distinct tags; no job nodes named.
    fn indexed(profiles: Vec<Profile>, items: usize, tags: usize) -> Self {
        let mut postings: Vec<Vec<Holder>> = vec![Vec::new(); items];
        let mut tag_postings: Vec<Vec<JobOrdinal>> = vec![Vec::new(); tags];
        for (ordinal, profile) in profiles.iter().enumerate() {
            let job = JobOrdinal::new(ordinal);
            for (facet, vector) in profile.vectors() {
                for &(item, weight) in &vector.entries {
                    postings[item.index()].push(Holder { job, facet, weight });
                }
            }
            for tag in &profile.tags {
                tag_postings[*tag as usize].push(job);
            }
        }
        let norms = profiles.iter().map(Norms::of).collect();
        Self {
            jobs: Vec::new(),
            ordinals: Vec::new(),
            profiles,
            norms,
            postings,
            tag_postings,
        }
    }

    /// Profiles written out by hand, each vector as (item, weight) pairs
    /// in any order, with no tags and no links.
    #[cfg(test)]
    pub fn by_hand(vectors: &[[&[(Item, f64)]; 3]]) -> Self {
        let sparse = |pairs: &[(Item, f64)]| Sparse::from_map(pairs.iter().copied().collect());
        let profiles: Vec<Profile> = vectors
            .iter()
            .map(|[hard, soft, tools]| Profile {
                hard: sparse(hard),
                soft: sparse(soft),
                tools: sparse(tools),
                ..Profile::default()
            })
            .collect();
        let items = vectors
            .iter()
            .flatten()
            .flat_map(|pairs| pairs.iter())
            .map(|(item, _)| item.index() + 1)
            .max()
            .unwrap_or(0);
        Self::indexed(profiles, items, 0)
    }

    /// The ordinal of a job node.
    pub fn ordinal(&self, job: NodeIndex) -> Option<JobOrdinal> {
        self.ordinals
            .get(job.index())
            .copied()
            .filter(|ordinal| *ordinal != JobOrdinal::NONE)
    }

    pub fn profile(&self, job: NodeIndex) -> Option<&Profile> {
        self.profiles.get((self.ordinal(job)?).index())
    }
}

/// A profile before IDF: skills weigh 1, tools their `USES` weight.
#[derive(Default)]
struct RawProfile {
    hard: HashMap<Item, f64>,
    soft: HashMap<Item, f64>,
    tools: HashMap<Item, f64>,
    tags: Vec<u32>,
    explicit: Vec<JobOrdinal>,
    /// The concepts among `hard` and `soft`, sorted.
    abilities: Vec<Item>,
}

impl RawProfile {
    fn items(&self) -> impl Iterator<Item = Item> + '_ {
        self.hard
            .keys()
            .chain(self.soft.keys())
            .chain(self.tools.keys())
            .copied()
    }
}

fn item(node: NodeRef<'_>) -> Item {
    Item::new(node.index.index())
}

fn raw_profile(
    job: NodeRef<'_>,
    ordinals: &[JobOrdinal],
    tags: &mut HashMap<String, u32>,
) -> RawProfile {
    let mut profile = RawProfile::default();
    for link in job.outgoing_unordered(EdgeKind::Requires) {
        let skill = link.node;
        let target = match skill.as_skill().map(|s| s.kind) {
            Some(SkillKind::Soft) => &mut profile.soft,
            _ => &mut profile.hard,
        };
        target.insert(item(skill), 1.0);
        for part in skill.outgoing_unordered(EdgeKind::ComposedOf) {
            target.entry(item(part.node)).or_insert(1.0);
        }
        // The abilities it expresses weigh as a skill does: a skill and
        // its twin in other words then count as one shared skill would.
        for link in skill.outgoing_unordered(EdgeKind::Expresses) {
            let generic = link.node.as_concept().is_none_or(|concept| concept.generic);
            if !generic {
                target.insert(item(link.node), 1.0);
                profile.abilities.push(item(link.node));
            }
        }
    }
    profile.abilities.sort_unstable();
    profile.abilities.dedup();
    for link in job.outgoing_unordered(EdgeKind::Uses) {
        profile.tools.insert(item(link.node), link.edge.weight);
    }
    if let Some(guide) = job.guide() {
        for tag in &guide.front.tags {
            let next = tags.len() as u32;
            profile.tags.push(
                *tags
                    .entry(crate::graph::normalize::key(tag))
                    .or_insert(next),
            );
        }
        profile.tags.sort_unstable();
        profile.tags.dedup();
    }
    for link in job
        .outgoing_unordered(EdgeKind::RelatedTo)
        .chain(job.incoming_unordered(EdgeKind::RelatedTo))
    {
        profile.explicit.push(ordinals[link.node.index.index()]);
    }
    profile.explicit.sort_unstable();
    profile.explicit.dedup();
    profile
}
