//! What a corpus editor should look at: links to jobs without guides,
//! one-way `related_jobs`, spellings merged into one node, missing sections.

use crate::graph::resolve::How;
use crate::graph::{EdgeKind, NodeKind, NodeRef, SkillGraph};
use crate::guide::Language;
use crate::guide::{CareerLevel, LevelSource};
use serde::Serialize;

/// A `related_jobs` entry, from one job to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JobLink {
    pub from: String,
    pub to: String,
}

/// Different spellings that became one node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergedName {
    pub id: String,
    pub kind: String,
    pub name: String,
    /// Every spelling the guides used, the canonical name included if used.
    pub spellings: Vec<String>,
    /// Each spelling with the rule that made it this node, in the order of
    /// `spellings`.
    pub rules: Vec<How>,
}

/// A guide and the known sections it gives nothing for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingSections {
    pub file: String,
    pub slug: String,
    pub sections: Vec<&'static str>,
}

/// A job, skill or concept with no label in some language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unlabelled {
    pub id: String,
    pub kind: NodeKind,
    pub name: String,
    /// The BCP 47 tags of the languages it has no label in.
    pub missing: Vec<&'static str>,
}

/// A career rung whose name says no level: it took one from its place
/// on the ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unleveled {
    pub id: String,
    pub name: String,
    /// The level its place gave it.
    pub level: CareerLevel,
}

/// Everything worth a corpus editor's look.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diagnostics {
    /// `related_jobs` entries naming a job no guide describes.
    pub dangling_related_jobs: Vec<JobLink>,
    /// A lists B in `related_jobs` but B (which has a guide) does not list A.
    pub asymmetric_related_jobs: Vec<JobLink>,
    pub merged_names: Vec<MergedName>,
    pub missing_sections: Vec<MissingSections>,
    /// Jobs with guides, skills and concepts without an English label:
    /// an English frontend could not show them.
    pub unlabelled: Vec<Unlabelled>,
    /// Career rungs whose names say no level: add their words to the
    /// alias file's `levels`.
    pub unleveled_stages: Vec<Unleveled>,
}

impl SkillGraph {
    /// The corpus diagnostics of this graph, worked out once when it was
    /// compiled.
    pub fn diagnostics(&self) -> &Diagnostics {
        &self.diagnostics
    }

    /// Works the diagnostics out: every job's links, every merged name and
    /// every guide's sections.
    pub(in crate::graph) fn review(&self) -> Diagnostics {
        let mut dangling = Vec::new();
        let mut asymmetric = Vec::new();
        for job in self
            .nodes_of(NodeKind::Job)
            .filter(|job| job.guide().is_some())
        {
            for link in job.outgoing(EdgeKind::RelatedTo) {
                let entry = JobLink {
                    from: slug_of(job),
                    to: slug_of(link.node),
                };
                if link.node.guide().is_none() {
                    dangling.push(entry);
                } else if !link
                    .node
                    .outgoing(EdgeKind::RelatedTo)
                    .iter()
                    .any(|back| back.node == job)
                {
                    asymmetric.push(entry);
                }
            }
        }
        let merged_names = self
            .spellings
            .iter()
            .filter(|(_, spellings)| spellings.len() > 1)
            .filter_map(|(id, spellings)| {
                let node = self.node(id)?;
                Some(MergedName {
                    id: id.clone(),
                    kind: node.kind().to_string(),
                    name: node.label().to_owned(),
                    spellings: spellings.iter().cloned().collect(),
                    rules: spellings
                        .iter()
                        .map(|spelling| self.merge_rule(spelling, node))
                        .collect(),
                })
            })
            .collect();
        let missing_sections = self
            .guides
            .iter()
            .map(|guide| MissingSections {
                file: self.display_path(&guide.path),
                slug: guide.front.slug.clone(),
                sections: guide.missing_sections(),
            })
            .filter(|missing| !missing.sections.is_empty())
            .collect();
        Diagnostics {
            dangling_related_jobs: dangling,
            asymmetric_related_jobs: asymmetric,
            merged_names,
            missing_sections,
            unlabelled: self.unlabelled(),
            unleveled_stages: self.unleveled_stages(),
        }
    }

    /// Every career rung whose level came from its place on the ladder.
    fn unleveled_stages(&self) -> Vec<Unleveled> {
        self.nodes_of(NodeKind::CareerStage)
            .filter_map(|node| {
                let stage = node.as_stage()?;
                (stage.level_source == LevelSource::Ladder).then(|| Unleveled {
                    id: node.id().to_owned(),
                    name: stage.name.clone(),
                    level: stage.level,
                })
            })
            .collect()
    }

    /// Every job with a guide, skill and concept without an English label.
    fn unlabelled(&self) -> Vec<Unlabelled> {
        let labelled_kinds = [NodeKind::Job, NodeKind::Skill, NodeKind::Concept];
        labelled_kinds
            .into_iter()
            .flat_map(|kind| self.nodes_of(kind))
            .filter(|node| node.kind() != NodeKind::Job || node.guide().is_some())
            .filter(|node| node.node().labels().en.is_none())
            .map(|node| Unlabelled {
                id: node.id().to_owned(),
                kind: node.kind(),
                name: node.label().to_owned(),
                missing: vec![Language::English.tag()],
            })
            .collect()
    }
}

/// A job's slug: the key of its id.
fn slug_of(job: NodeRef<'_>) -> String {
    job.node_id().key().to_owned()
}

#[cfg(test)]
mod tests {
    use crate::graph::SkillGraph;
    use crate::graph::resolve::How;
    use crate::guide::{LoadOptions, load_dir};
    use std::path::Path;

    #[test]
    fn the_seeds_have_dangling_links_and_merged_spellings_but_no_missing_sections() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let graph = SkillGraph::build(load_dir(&dir, &LoadOptions::default()).expect("seeds"));
        let diagnostics = graph.diagnostics();
        assert_eq!(diagnostics.dangling_related_jobs.len(), 6);
        assert!(diagnostics.asymmetric_related_jobs.is_empty());
        assert!(diagnostics.missing_sections.is_empty());
        let iac = diagnostics
            .merged_names
            .iter()
            .find(|merged| merged.id == "skill:iac")
            .expect("IaC is written two ways");
        assert_eq!(
            iac.spellings,
            vec![
                "IaC (Infrastructure as Code)",
                "インフラストラクチャ・アズ・コード (IaC)"
            ]
        );
        assert_eq!(iac.rules, vec![How::Exact, How::Acronym]);
        let elk = diagnostics
            .merged_names
            .iter()
            .find(|m| m.id == "tool:elk_stack")
            .expect("ELK is written several ways");
        assert!(elk.rules.contains(&How::Alias), "{elk:?}");
    }
}
