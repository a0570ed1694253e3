//! Which jobs fit what someone knows: weighted coverage of each job's
//! skills and tools, summed over the postings of the known items into a
//! table by job ordinal, with only the best `limit` ever sorted.

use super::SkillGraph;
use super::profile::{Item, JobOrdinal, Weighted, best_k};
use crate::graph::resolve::Resolution;
use crate::graph::{EdgeKind, NodeKind, NodeRef};
use std::collections::HashMap;

/// A job recommended for what someone knows.
#[derive(Debug, Clone)]
pub struct Recommendation<'g> {
    pub job: NodeRef<'g>,
    /// Weighted coverage: the weight of the job's skills and tools the
    /// person knows over the weight of all of them.
    pub score: f64,
    pub matched: Vec<NodeRef<'g>>,
    /// The job's skills and tools the person lacks, heaviest first.
    pub missing: Vec<NodeRef<'g>>,
    /// Why the job fits a text, when one was read; the score is then the
    /// text scorer's (see [`SkillGraph::rank_text`]).
    pub evidence: Option<super::fit::TextEvidence<'g>>,
}

/// What someone knows, as every role is scored against it.
pub(super) struct Known {
    /// The skills and tools, sorted.
    items: Vec<Item>,
    /// The concepts their skills express that can join them to a skill
    /// of other words.
    abilities: std::collections::HashSet<petgraph::graph::NodeIndex>,
}

/// Names given to `recommend` resolved against the graph.
#[derive(Debug, Clone, Default)]
pub struct Recommendations<'g> {
    pub jobs: Vec<Recommendation<'g>>,
    /// What each name given resolved to, in the order given.
    pub resolutions: Vec<Resolution<'g>>,
    /// Names that match no skill or tool, not even loosely.
    pub unknown: Vec<String>,
}

/// Names read as skills or tools: each one's resolution, the nodes found,
/// and the names with no candidate.
pub type ResolvedItems<'g> = (Vec<Resolution<'g>>, Vec<NodeRef<'g>>, Vec<String>);

/// Compound skills by part, and parts by compound.
pub(crate) type Compounds = (HashMap<Item, Vec<Item>>, HashMap<Item, Vec<Item>>);

pub(crate) fn compounds(graph: &SkillGraph) -> Compounds {
    let mut of_part: HashMap<Item, Vec<Item>> = HashMap::new();
    let mut parts_of: HashMap<Item, Vec<Item>> = HashMap::new();
    for skill in graph.nodes_of(NodeKind::Skill) {
        let parts: Vec<Item> = skill
            .outgoing(EdgeKind::ComposedOf)
            .iter()
            .map(|link| Item::of(link.node.index))
            .collect();
        let compound = Item::of(skill.index);
        for part in &parts {
            of_part.entry(*part).or_default().push(compound);
        }
        if !parts.is_empty() {
            parts_of.insert(compound, parts);
        }
    }
    (of_part, parts_of)
}

impl SkillGraph {
    /// Jobs that fit someone who knows `names` (skills or tools, any
    /// spelling), by weighted coverage of each job's skills and tools.
    pub fn recommend<'g>(&'g self, names: &[String], limit: usize) -> Recommendations<'g> {
        let (resolutions, nodes, unknown) = self.resolve_items(names);
        Recommendations {
            jobs: self.rank_jobs_for(&nodes, limit),
            resolutions,
            unknown,
        }
    }

    /// Jobs that fit a text `read`, by the text scorer
    /// ([`SkillGraph::rank_text`]), with `names` (skills or tools, any
    /// spelling) counting as named in it.
    pub fn recommend_for_text<'g>(
        &'g self,
        names: &[String],
        read: &crate::graph::mentions::Extraction<'g>,
        limit: usize,
    ) -> Recommendations<'g> {
        let (resolutions, nodes, unknown) = self.resolve_items(names);
        Recommendations {
            jobs: self.rank_text(read, &nodes, limit),
            resolutions,
            unknown,
        }
    }

    /// `names` read as skills or tools: what each resolved to, the nodes
    /// found, and the names with no candidate at all.
    pub fn resolve_items<'g>(&'g self, names: &[String]) -> ResolvedItems<'g> {
        let mut unknown = Vec::new();
        let mut nodes = Vec::new();
        let resolutions = names
            .iter()
            .map(|name| {
                let resolution = self.resolve(name, &[NodeKind::Skill, NodeKind::Tool]);
                match resolution.best {
                    Some(found) => nodes.push(found.node),
                    None => unknown.push(name.clone()),
                }
                resolution
            })
            .collect();
        (resolutions, nodes, unknown)
    }

    /// The `limit` jobs best covered by `nodes` (skills and tools).
    fn rank_jobs_for<'g>(&'g self, nodes: &[NodeRef<'g>], limit: usize) -> Vec<Recommendation<'g>> {
        let analytics = self.analytics();
        let mut known: Vec<Item> = Vec::new();
        for node in nodes {
            let item = Item::of(node.index);
            known.push(item);
            if let Some(parts) = analytics.parts_of_compound.get(&item) {
                known.extend(parts);
            }
        }
        // Knowing every part of a compound skill is knowing the compound;
        // only compounds of a known part can qualify.
        known.sort_unstable();
        known.dedup();
        let mut compounds: Vec<Item> = known
            .iter()
            .filter_map(|part| analytics.compounds_of_part.get(part))
            .flatten()
            .copied()
            .filter(|compound| {
                analytics.parts_of_compound[compound]
                    .iter()
                    .all(|part| known.binary_search(part).is_ok())
            })
            .collect();
        known.append(&mut compounds);
        known.sort_unstable();
        known.dedup();

        let profiles = &analytics.profiles;
        let mut matched_weight = vec![0.0f64; profiles.profiles.len()];
        let mut touched: Vec<JobOrdinal> = Vec::new();
        for item in &known {
            for holder in profiles.postings.get((*item).index()).into_iter().flatten() {
                let slot = &mut matched_weight[holder.job.index()];
                if *slot == 0.0 {
                    touched.push(holder.job);
                }
                *slot += holder.weight;
            }
        }
        let scored: Vec<(JobOrdinal, f64)> = touched
            .into_iter()
            .filter_map(|job| {
                let total = profiles.profiles[job.index()].total_weight;
                let weight = matched_weight[job.index()];
                (total > 0.0).then(|| (job, (weight / total).clamp(0.0, 1.0)))
            })
            .collect();
        let known = self.known(known);
        best_k(scored, limit)
            .into_iter()
            .map(|(job, score)| self.recommendation(job, score, &known))
            .collect()
    }

    /// What someone knows, read once for every role they are scored
    /// against: `items` sorted, and the abilities their skills express.
    pub(super) fn known(&self, items: Vec<Item>) -> Known {
        let abilities = items
            .iter()
            .map(|item| petgraph::graph::NodeIndex::new((*item).index()))
            .filter(|node| self.handle(*node).kind() == NodeKind::Skill)
            .flat_map(|skill| self.abilities_of(skill).iter().copied())
            .collect();
        Known { items, abilities }
    }

    /// `job` scored `score` for someone who knows `known`: what of the
    /// job's skills and tools they have and what they lack.
    pub(super) fn recommendation<'g>(
        &'g self,
        job: JobOrdinal,
        score: f64,
        known: &Known,
    ) -> Recommendation<'g> {
        let profile = &self.analytics().profiles.profiles[job.index()];
        let (matched, missing): (Vec<Weighted>, Vec<Weighted>) = profile
            .requirements()
            .partition(|(item, _)| known.items.binary_search(item).is_ok());
        let matched = self.by_weight_then_label(matched);
        // A skill that is one ability with a skill already known (`SLO
        // design` for someone who knows `SLO/SLA設計`) is not to learn.
        let mut missing = self.to_learn(missing);
        missing.retain(|skill| {
            !self
                .abilities_of(skill.index)
                .iter()
                .any(|concept| known.abilities.contains(concept))
        });
        Recommendation {
            job: self.job_of_ordinal(job),
            score,
            matched,
            missing,
            evidence: None,
        }
    }
}
