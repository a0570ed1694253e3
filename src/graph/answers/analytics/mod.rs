//! The questions users ask of the graph: how alike two jobs are, which jobs
//! are related, where a career leads, how to move from one job to another,
//! and which jobs fit what someone knows.
//!
//! Everything a question needs is compiled once per graph into
//! [`Analytics`]: each job's weighted profile and the inverted indexes
//! ([`profile`]), each job's most similar jobs and the steps a transition
//! can take from it ([`similarity`], [`transition`]), and the skills and
//! tools each learning step names. A question then merges a few sorted
//! vectors or walks a few short lists; none scores the whole corpus.
//!
//! # Weights
//!
//! A skill or tool `x` has an inverse document frequency over the `N` jobs
//! that have guides: `idf(x) = ln((1 + N) / (1 + df(x))) + 1`, where
//! `df(x)` counts the jobs needing it. A tool every job uses so counts less
//! than a rare one, but never nothing. A job's skills are the skills its
//! guide lists plus the parts of its compound skills, each weighing
//! `idf`; its tools weigh `USES weight × idf`.

/// Declares a dense ordinal: a row of a per-job, per-item or per-posting
/// table, kept in four bytes. Each is its own type, so a job's ordinal
/// cannot index the postings.
macro_rules! dense_ordinal {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) struct $name(u32);

        impl $name {
            /// The ordinal of row `index`.
            pub(crate) fn new(index: usize) -> Self {
                // The corpus and postings limits keep every table far below 2^32 rows.
                Self(u32::try_from(index).expect("a table of fewer than 2^32 rows"))
            }

            /// The row it names.
            pub(crate) fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

mod abilities;
mod board;
mod fit;
mod map;
mod profile;
mod recommend;
mod similarity;
mod transition;

pub use abilities::{AbilityPair, pair_abilities};
pub use board::{PostingFit, Role};
pub use fit::{TEXT_WEIGHTS, TextEvidence, TextFacets, TextWeights};
pub use map::{CareerMap, LANE_WIDTH, MapEdge, MapRole, Position, ROW_HEIGHT};
pub use recommend::{Recommendation, Recommendations, ResolvedItems};
pub use similarity::{Facets, SimilarityWeights};
pub use transition::{
    EXPLICIT_STEP_COST, MAX_PATH_JOBS, MIN_STEP_SIMILARITY, PathStep, PlanStep, StepReason,
    Transition, similarity_step_cost,
};

use crate::graph::{EdgeKind, NodeRef, SkillGraph};
use crate::guide::CareerLevel;
use profile::{Item, JobOrdinal, Profile, Profiles};
use similarity::{Scored, Scratch};

/// How many most-similar jobs are kept for each job at compile time: the
/// answer to `relatedJobs` with the default weights and `first` up to this,
/// and the similar steps of a transition.
const NEIGHBOURS_KEPT: usize = 20;

/// Everything the questions read, compiled once per graph.
#[derive(Debug, Default)]
pub struct Analytics {
    profiles: Profiles,
    /// Each job's best [`NEIGHBOURS_KEPT`] jobs under the default weights.
    neighbours: Vec<Vec<Scored>>,
    /// Each job's steps to other jobs, for transitions.
    steps: transition::Steps,
    /// Part → the compound skills it is part of.
    compounds_of_part: std::collections::HashMap<Item, Vec<Item>>,
    /// Compound skill → its parts.
    parts_of_compound: std::collections::HashMap<Item, Vec<Item>>,
    /// Guide index → per learning step, the skills and tools its text names.
    plans: Vec<Vec<transition::StepMentions>>,
    /// Job postings: each one's nearest role, and the index for fits.
    board: board::Board,
    /// Every job's concepts, for the text scorer.
    concepts: fit::ConceptProfiles,
    /// Every job's names, to find those a text names.
    titles: fit::TitleIndex,
    /// Where every role and rung stands on the career map.
    map: map::MapPlaces,
}

impl Analytics {
    pub(in crate::graph) fn build(graph: &SkillGraph) -> Self {
        crate::graph::count_build();
        let profiles = Profiles::build(graph);
        let defaults = SimilarityWeights::default();
        let neighbours = similarity::every_top_k(&profiles, &defaults, NEIGHBOURS_KEPT);
        let steps = transition::steps(graph, &profiles, &neighbours);
        let (compounds_of_part, parts_of_compound) = recommend::compounds(graph);
        let plans = transition::plan_mentions(graph, &profiles);
        let titles = fit::TitleIndex::new(graph, &profiles.jobs);
        let concepts = fit::ConceptProfiles::build(graph, &profiles.jobs);
        let mut analytics = Self {
            profiles,
            neighbours,
            steps,
            compounds_of_part,
            parts_of_compound,
            plans,
            board: board::Board::default(),
            concepts,
            titles,
            map: map::MapPlaces::build(graph),
        };
        // Postings are classified by the text scorer, which reads the rest.
        analytics.board = board::Board::build(graph, &analytics);
        analytics
    }

    fn profile(&self, job: NodeRef<'_>) -> Option<&Profile> {
        self.profiles.profile(job.index)
    }
}

/// What two jobs share and what each has alone.
#[derive(Debug, Clone)]
pub struct Overlap<'g> {
    pub a: NodeRef<'g>,
    pub b: NodeRef<'g>,
    pub shared_skills: Vec<NodeRef<'g>>,
    pub shared_tools: Vec<NodeRef<'g>>,
    pub only_a_skills: Vec<NodeRef<'g>>,
    pub only_a_tools: Vec<NodeRef<'g>>,
    pub only_b_skills: Vec<NodeRef<'g>>,
    pub only_b_tools: Vec<NodeRef<'g>>,
    /// Skills of each job alone that are one ability in different words,
    /// with the concept that joins them.
    pub shared_abilities: Vec<AbilityPair<'g>>,
    /// Shared skills, abilities and tools over all skills and tools of
    /// either job; a pair of skills that are one ability counts once.
    pub jaccard: f64,
    /// The weighted mean of the facets (see [`Facets::combined`]).
    pub similarity: f64,
    pub facets: Facets,
}

/// A job related to another, with why.
#[derive(Debug, Clone)]
pub struct Related<'g> {
    pub job: NodeRef<'g>,
    pub score: f64,
    pub facets: Facets,
    pub shared_skills: Vec<NodeRef<'g>>,
    pub shared_tools: Vec<NodeRef<'g>>,
    /// Skills of each job that are one ability in other words.
    pub shared_abilities: Vec<AbilityPair<'g>>,
    /// Listed in `related_jobs` by either job.
    pub explicit: bool,
}

/// A job's ladder and where it leads.
#[derive(Debug, Clone)]
pub struct CareerPath<'g> {
    pub job: NodeRef<'g>,
    pub stages: Vec<NodeRef<'g>>,
    /// Jobs named by its stages (`LEADS_TO`), then its `related_jobs`.
    pub next_jobs: Vec<NodeRef<'g>>,
}

impl SkillGraph {
    /// The compiled profiles and indexes.
    /// Where `text` (NFKC) names a job by one of its titles.
    pub(crate) fn title_spans(&self, text: &str) -> Vec<(usize, usize)> {
        self.analytics.titles.spans(text)
    }

    pub(in crate::graph) fn analytics(&self) -> &Analytics {
        &self.analytics
    }

    /// Items with weights as nodes, heaviest first, then by label.
    fn by_weight_then_label<'g>(&'g self, mut items: Vec<(Item, f64)>) -> Vec<NodeRef<'g>> {
        items.sort_by(|a, b| {
            b.1.total_cmp(&a.1).then_with(|| {
                self.graph[a.0.node()]
                    .label()
                    .cmp(self.graph[b.0.node()].label())
            })
        });
        items
            .into_iter()
            .map(|(item, _)| self.handle(item.node()))
            .collect()
    }

    /// Things to learn, each once: a part of a compound skill that the
    /// list holds too (`FinOps` beside `コスト設計とFinOps`) is left to the
    /// compound, whose `parts` name it.
    fn to_learn<'g>(&'g self, items: Vec<(Item, f64)>) -> Vec<NodeRef<'g>> {
        let listed: std::collections::HashSet<Item> = items.iter().map(|(item, _)| *item).collect();
        let analytics = self.analytics();
        let covered = |item: &Item| {
            analytics
                .compounds_of_part
                .get(item)
                .is_some_and(|compounds| compounds.iter().any(|compound| listed.contains(compound)))
        };
        let kept = items
            .into_iter()
            .filter(|(item, _)| !covered(item))
            .collect();
        self.by_weight_then_label(kept)
    }

    fn job_of_ordinal(&self, ordinal: JobOrdinal) -> NodeRef<'_> {
        self.handle(self.analytics.profiles.jobs[ordinal.index()])
    }

    /// What jobs `a` and `b` share and what each has alone.
    pub fn overlap<'g>(
        &'g self,
        a: NodeRef<'g>,
        b: NodeRef<'g>,
        weights: &SimilarityWeights,
    ) -> Overlap<'g> {
        let analytics = self.analytics();
        let empty = Profile::default();
        let pa = analytics.profile(a).unwrap_or(&empty);
        let pb = analytics.profile(b).unwrap_or(&empty);
        let skills = similarity::split(&pa.skills(), &pb.skills());
        let tools = similarity::split(&pa.tools.entries, &pb.tools.entries);
        let only_a_skills = self.by_weight_then_label(skills.only_a);
        let only_b_skills = self.by_weight_then_label(skills.only_b);
        let shared_abilities = pair_abilities(&only_a_skills, &only_b_skills);
        let shared = skills.shared.len() + tools.shared.len() + shared_abilities.len();
        let union = skills.shared.len()
            + tools.shared.len()
            + only_a_skills.len()
            + only_b_skills.len()
            + tools.only_a.len()
            + tools.only_b.len()
            - shared_abilities.len();
        let jaccard = if union == 0 {
            0.0
        } else {
            shared as f64 / union as f64
        };
        let facets = self.facets_of(a, pa, b, pb);
        Overlap {
            a,
            b,
            shared_skills: self.by_weight_then_label(skills.shared),
            shared_tools: self.by_weight_then_label(tools.shared),
            only_a_skills,
            only_a_tools: self.by_weight_then_label(tools.only_a),
            only_b_skills,
            only_b_tools: self.by_weight_then_label(tools.only_b),
            shared_abilities,
            jaccard,
            similarity: facets.combined(weights),
            facets,
        }
    }

    fn facets_of(&self, a: NodeRef<'_>, pa: &Profile, b: NodeRef<'_>, pb: &Profile) -> Facets {
        let ordinal = |job: NodeRef<'_>| {
            self.analytics
                .profiles
                .ordinal(job.index)
                .unwrap_or(JobOrdinal::NONE)
        };
        similarity::facets(ordinal(a), pa, ordinal(b), pb)
    }

    /// The ids of the jobs nearest `job` under the default weights, best
    /// first: what `relatedJobs` answers for it.
    pub fn nearest_job_ids(&self, job: NodeRef<'_>) -> Vec<&str> {
        let analytics = self.analytics();
        analytics
            .profiles
            .ordinal(job.index)
            .map(|ordinal| {
                analytics.neighbours[ordinal.index()]
                    .iter()
                    .map(|scored| self.job_of_ordinal(scored.job).id())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Jobs related to `job`: those its guide links explicitly and those
    /// sharing skills, tools or tags, best first. A job without a guide
    /// has only its explicit links to go by.
    pub fn related<'g>(
        &'g self,
        job: NodeRef<'g>,
        weights: &SimilarityWeights,
        limit: usize,
    ) -> Vec<Related<'g>> {
        let analytics = self.analytics();
        let Some(ordinal) = analytics.profiles.ordinal(job.index) else {
            return Vec::new();
        };
        let best = if *weights == SimilarityWeights::default() && limit <= NEIGHBOURS_KEPT {
            let kept = &analytics.neighbours[ordinal.index()];
            kept[..limit.min(kept.len())].to_vec()
        } else {
            // The tables are as long as the corpus: each thread keeps its own
            // rather than allocating them for every request.
            thread_local! {
                static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
            }
            SCRATCH.with(|scratch| {
                similarity::top_k(
                    &analytics.profiles,
                    ordinal,
                    weights,
                    limit,
                    &mut scratch.borrow_mut(),
                )
            })
        };
        best.into_iter()
            .map(|scored| {
                let other = self.job_of_ordinal(scored.job);
                let overlap = self.overlap(job, other, weights);
                Related {
                    job: other,
                    score: scored.score,
                    facets: overlap.facets,
                    shared_skills: overlap.shared_skills,
                    shared_tools: overlap.shared_tools,
                    shared_abilities: overlap.shared_abilities,
                    explicit: scored.explicit,
                }
            })
            .collect()
    }

    /// The job's ladder in order and the jobs it leads to.
    pub fn career_path<'g>(&'g self, job: NodeRef<'g>) -> CareerPath<'g> {
        let stages: Vec<NodeRef<'g>> = job
            .outgoing(EdgeKind::HasStage)
            .into_iter()
            .map(|l| l.node)
            .collect();
        let mut next_jobs: Vec<NodeRef<'g>> = Vec::new();
        let leads = stages
            .iter()
            .flat_map(|stage| stage.outgoing(EdgeKind::LeadsTo));
        for link in leads.chain(job.outgoing(EdgeKind::RelatedTo)) {
            if link.node != job && !next_jobs.contains(&link.node) {
                next_jobs.push(link.node);
            }
        }
        CareerPath {
            job,
            stages,
            next_jobs,
        }
    }

    /// The rung of `job`'s ladder at `level`: the highest rung at or under
    /// it, or the first rung when every rung is above it (where someone of
    /// that level would enter the role). `None` for a job without a ladder.
    pub fn stage_at<'g>(&'g self, job: NodeRef<'g>, level: CareerLevel) -> Option<NodeRef<'g>> {
        let rungs: Vec<NodeRef<'g>> = job
            .outgoing(EdgeKind::HasStage)
            .into_iter()
            .map(|link| link.node)
            .collect();
        let level_of = |rung: &NodeRef<'g>| rung.as_stage().map(|stage| stage.level);
        rungs
            .iter()
            .rev()
            .find(|rung| level_of(rung).is_some_and(|at| at <= level))
            .or_else(|| rungs.first())
            .copied()
    }
}

/// A compiled graph of `count` generated compact guides, without a search
/// index, for the tests that need more jobs than the seeds have.
#[cfg(test)]
pub(crate) fn generated_graph(count: usize, seed: u64) -> SkillGraph {
    use crate::guide::{DataFiles, SourceFile, load_sources};
    use skillgraph_corpus::{Plan, Size};
    let plan = Plan::new(count, seed);
    let files = plan
        .guides(Size::Compact)
        .into_iter()
        .map(|file| SourceFile {
            path: file.name.into(),
            bytes: file.bytes,
        })
        .collect();
    let aliases = SourceFile {
        path: "aliases.json".into(),
        bytes: plan.aliases_json().into_bytes(),
    };
    let corpus = load_sources(files, &DataFiles::aliases(aliases));
    SkillGraph::compile(corpus, crate::graph::CompileOptions { search: false })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::{LoadOptions, load_dir};
    use std::path::Path;

    fn seeds() -> SkillGraph {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        SkillGraph::build(load_dir(&dir, &LoadOptions::default()).expect("seeds load"))
    }

    fn labels(nodes: &[NodeRef<'_>]) -> Vec<String> {
        nodes.iter().map(|n| n.label().to_owned()).collect()
    }

    fn overlap_of_the_seeds(graph: &SkillGraph) -> Overlap<'_> {
        let a = graph.job("platform_engineer").expect("platform engineer");
        let b = graph
            .job("cloud_native_engineer")
            .expect("cloud native engineer");
        graph.overlap(a, b, &SimilarityWeights::default())
    }

    #[test]
    fn the_two_seeds_share_the_tools_of_both_tools_tables() {
        let graph = seeds();
        let shared = labels(&overlap_of_the_seeds(&graph).shared_tools);
        for tool in [
            "Jenkins",
            "GitHub Actions",
            "GitLab CI",
            "ArgoCD",
            "Prometheus",
            "Grafana",
            "Datadog",
            "Terraform",
            "Ansible",
            "Istio",
            "Linkerd",
            "Git",
            "GitHub",
            "GitLab",
            "Bitbucket",
            "Loki",
            "ELK Stack",
        ] {
            assert!(
                shared.contains(&tool.to_owned()),
                "{tool} missing from {shared:?}"
            );
        }
    }

    #[test]
    fn the_two_seeds_share_the_tools_both_name_in_their_skill_texts() {
        let graph = seeds();
        let shared = labels(&overlap_of_the_seeds(&graph).shared_tools);
        for tool in [
            "AWS",
            "GCP",
            "Azure",
            "Docker",
            "Kubernetes",
            "Python",
            "Go",
            "PostgreSQL",
            "MySQL",
        ] {
            assert!(
                shared.contains(&tool.to_owned()),
                "{tool} missing from {shared:?}"
            );
        }
    }

    #[test]
    fn the_two_seeds_share_skills_including_the_container_parts() {
        let graph = seeds();
        let overlap = overlap_of_the_seeds(&graph);
        let shared = labels(&overlap.shared_skills);
        for skill in [
            "クラウドコンピューティング",
            "プログラミング言語",
            "IaC (Infrastructure as Code)",
            "ネットワークとセキュリティ",
            "データベース",
            "コンテナ技術",
            "オーケストレーション",
        ] {
            assert!(
                shared.contains(&skill.to_owned()),
                "{skill} missing from {shared:?}"
            );
        }
        let only_a = labels(&overlap.only_a_skills);
        assert!(only_a.contains(&"コンテナ技術とオーケストレーション".to_owned()));
        assert!(!only_a.contains(&"コンテナ技術".to_owned()));
    }

    #[test]
    fn overlap_scores_are_fractions_and_the_facets_explain_them() {
        let graph = seeds();
        let overlap = overlap_of_the_seeds(&graph);
        assert!(
            overlap.jaccard > 0.3 && overlap.jaccard < 1.0,
            "{}",
            overlap.jaccard
        );
        assert!(
            overlap.similarity > 0.3 && overlap.similarity < 1.0,
            "{}",
            overlap.similarity
        );
        assert!(overlap.facets.hard_skills > overlap.facets.soft_skills);
        assert_eq!(overlap.facets.explicit, 0.0);
        let weights = SimilarityWeights {
            hard_skills: 0.0,
            soft_skills: 0.0,
            tools: 1.0,
            tags: 0.0,
            explicit: 0.0,
        };
        let a = graph.job("platform_engineer").expect("job");
        let b = graph.job("cloud_native_engineer").expect("job");
        let tools_only = graph.overlap(a, b, &weights);
        assert!((tools_only.similarity - overlap.facets.tools).abs() < 1e-9);
    }

    #[test]
    fn a_tool_every_job_uses_weighs_less_than_a_rare_one() {
        let graph = seeds();
        let analytics = graph.analytics();
        let job = graph.job("platform_engineer").expect("job");
        let profile = analytics.profile(job).expect("profile");
        let (git, splunk) = (
            graph.tool("Git").expect("git"),
            graph.tool("Splunk").expect("splunk"),
        );
        // Both are listed once in the tools table with no other mention.
        assert!(profile.tools[&git.index] < profile.tools[&splunk.index]);
    }

    #[test]
    fn related_jobs_mix_similar_and_explicit_and_stubs_rank_by_links_only() {
        let graph = seeds();
        let job = graph.job("platform_engineer").expect("job");
        let related = graph.related(job, &SimilarityWeights::default(), 10);
        assert_eq!(related[0].job.id(), "job:cloud_native_engineer");
        assert!(!related[0].explicit);
        assert!(!related[0].shared_tools.is_empty());
        let ids: Vec<&str> = related.iter().map(|r| r.job.id()).collect();
        for stub in [
            "job:sre_engineer",
            "job:devops_engineer",
            "job:cloud_architect",
        ] {
            assert!(ids.contains(&stub), "{stub} missing from {ids:?}");
        }
        let stub = related
            .iter()
            .find(|r| r.job.id() == "job:cloud_architect")
            .expect("stub");
        assert!(stub.explicit);
        assert_eq!(stub.facets.tools, 0.0);
        assert!(
            (stub.score - 0.1).abs() < 1e-9,
            "explicit weight share, got {}",
            stub.score
        );
        let from_stub = graph.related(
            graph.job("sre_engineer").expect("stub"),
            &SimilarityWeights::default(),
            10,
        );
        assert!(from_stub.iter().all(|r| r.explicit));
        assert_eq!(from_stub.len(), 2);
    }

    #[test]
    fn the_cloud_native_ladder_leads_to_cloud_architect() {
        let graph = seeds();
        let path = graph.career_path(graph.job("cloud_native_engineer").expect("job"));
        assert_eq!(path.stages.len(), 5);
        assert_eq!(path.stages[4].label(), "クラウドアーキテクト");
        assert_eq!(path.next_jobs[0].id(), "job:cloud_architect");
        assert!(
            path.next_jobs
                .iter()
                .any(|j| j.id() == "job:devops_engineer")
        );
    }

    #[test]
    fn a_transition_between_similar_jobs_is_one_step_and_lists_what_to_learn() {
        let graph = seeds();
        let from = graph.job("platform_engineer").expect("job");
        let to = graph.job("cloud_native_engineer").expect("job");
        let transition = graph.transition(from, to);
        let path: Vec<&str> = transition.path.iter().map(|s| s.job.id()).collect();
        assert_eq!(
            path,
            vec!["job:platform_engineer", "job:cloud_native_engineer"]
        );
        assert_eq!(transition.path[1].reason, Some(StepReason::Similar));
        let skills = labels(&transition.skills_to_learn);
        assert!(skills.contains(&"問題解決能力".to_owned()));
        assert!(!skills.contains(&"クラウドコンピューティング".to_owned()));
        let tools = labels(&transition.tools_to_learn);
        assert!(tools.contains(&"CloudFormation".to_owned()));
        assert!(!tools.contains(&"Terraform".to_owned()));
        let orders: Vec<usize> = transition
            .learning_plan
            .iter()
            .map(|p| p.step.order)
            .collect();
        assert_eq!(orders, (1..=7).collect::<Vec<_>>());
        let containers = &transition.learning_plan[2];
        assert!(labels(&containers.skills).contains(&"コンテナ技術".to_owned()));
        assert!(labels(&containers.tools).contains(&"Kubernetes".to_owned()));
        assert!(!containers.resources.is_empty());
    }

    #[test]
    fn explicit_links_are_cheaper_than_similarity_steps() {
        assert!(similarity_step_cost(1.0) > EXPLICIT_STEP_COST);
        let graph = seeds();
        let from = graph.job("platform_engineer").expect("job");
        let to = graph.job("sre_engineer").expect("job");
        let transition = graph.transition(from, to);
        assert_eq!(transition.path.len(), 2);
        assert_eq!(transition.path[1].reason, Some(StepReason::Explicit));
        assert_eq!(transition.total_cost, Some(EXPLICIT_STEP_COST));
    }

    #[test]
    fn recommendations_cover_known_names_and_report_unknown_ones() {
        let graph = seeds();
        let names = ["Kubernetes", "terraform", "COBOL"].map(str::to_owned);
        let result = graph.recommend(&names, 5);
        assert_eq!(result.unknown, vec!["COBOL"]);
        assert_eq!(result.jobs.len(), 2);
        for job in &result.jobs {
            let matched = labels(&job.matched);
            assert!(
                matched.contains(&"Kubernetes".to_owned())
                    && matched.contains(&"Terraform".to_owned())
            );
            assert!(job.score > 0.0 && job.score < 1.0);
            assert!(!labels(&job.missing).contains(&"Terraform".to_owned()));
        }
        assert!(result.jobs[0].score >= result.jobs[1].score);
    }

    /// No list of things to learn names a part beside its own compound.
    fn assert_each_thing_once(list: &[NodeRef<'_>], what: &str) {
        for node in list {
            let compounds = node.incoming(EdgeKind::ComposedOf);
            assert!(
                !compounds.iter().any(|link| list.contains(&link.node)),
                "{what}: {} is listed beside its compound",
                node.label()
            );
        }
    }

    #[test]
    fn things_to_learn_name_a_compound_or_its_parts_never_both() {
        for graph in [seeds(), generated_graph(60, 3)] {
            let jobs: Vec<NodeRef<'_>> = graph
                .nodes_of(crate::graph::NodeKind::Job)
                .filter(|job| job.guide().is_some())
                .collect();
            let mut checked = 0;
            for pair in jobs.windows(2) {
                let transition = graph.transition(pair[0], pair[1]);
                assert_each_thing_once(&transition.skills_to_learn, "skillsToLearn");
                checked += transition.skills_to_learn.len();
            }
            for names in [["Kubernetes"], ["Python"], ["AWS"]] {
                let names = names.map(str::to_owned);
                for job in graph.recommend(&names, 20).jobs {
                    assert_each_thing_once(&job.missing, "missing");
                    checked += job.missing.len();
                }
            }
            assert!(checked > 0, "the lists were not empty");
        }
    }

    #[test]
    fn knowing_a_compound_skill_counts_its_parts() {
        let graph = seeds();
        let result = graph.recommend(&["コンテナ技術とオーケストレーション".to_owned()], 5);
        let cloud_native = result
            .jobs
            .iter()
            .find(|r| r.job.id() == "job:cloud_native_engineer")
            .expect("cloud native engineer is recommended through the parts");
        assert!(labels(&cloud_native.matched).contains(&"コンテナ技術".to_owned()));
    }
}
