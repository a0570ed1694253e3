//! Builds a [`SkillGraph`] from a corpus, one guide at a time.

use super::SkillGraph;
use super::edge::{Edge, EdgeKind, UseSources};
use super::node::*;
use super::normalize::{self, Canonical, Canonicalizer, ToolMatcher, id_part};
use crate::guide::{Aliases, Corpus, Diagnostic, Guide, SkillKind};
use petgraph::graph::{Graph, NodeIndex};
use std::collections::{BTreeMap, HashMap};
use std::time::SystemTime;

/// Words that join the parts of a compound skill (`AとB`).
const COMPOUND_JOINERS: &[&str] = &["と", "及び", "および", " & ", " and "];

struct Builder {
    graph: Graph<Node, Edge>,
    by_id: HashMap<String, NodeIndex>,
    /// (source, target, kind) → edge, so repeated facts strengthen one edge.
    edges: HashMap<(NodeIndex, NodeIndex, EdgeKind), petgraph::graph::EdgeIndex>,
    skills: Canonicalizer,
    tools: Canonicalizer,
    teams: Canonicalizer,
    resources: Canonicalizer,
    employers: Canonicalizer,
    aliases: Aliases,
    /// Tool key → display name, for every tool named anywhere in the corpus
    /// or in the alias file: the vocabulary searched for in free text.
    tool_vocabulary: BTreeMap<String, String>,
    matcher: ToolMatcher,
    /// Node id → the spellings guides used for it.
    spellings: super::diagnostics::Spellings,
}

pub(super) fn build(corpus: Corpus) -> SkillGraph {
    let Corpus {
        guides,
        aliases,
        errors,
        warnings,
    } = corpus;
    let mut builder = Builder::new(aliases, &guides);
    for (index, guide) in guides.iter().enumerate() {
        builder.add_job(index, guide);
    }
    for (index, guide) in guides.iter().enumerate() {
        builder.add_guide(index, guide);
    }
    for guide in &guides {
        builder.add_related_jobs(guide);
    }
    builder.add_stage_links();
    builder.finish(
        guides,
        errors.iter().map(Diagnostic::from).collect(),
        warnings.iter().map(Diagnostic::from).collect(),
    )
}

impl Builder {
    fn new(aliases: Aliases, guides: &[Guide]) -> Self {
        let tools = Canonicalizer::new(&aliases.tools);
        let mut tool_vocabulary = BTreeMap::new();
        let mut spellings: Vec<(String, String)> = Vec::new();
        let mut learn = |name: &str, vocabulary: &mut BTreeMap<String, String>| {
            let canonical = tools.resolve(name);
            spellings.push((name.to_owned(), canonical.key.clone()));
            spellings.push((canonical.name.clone(), canonical.key.clone()));
            vocabulary.entry(canonical.key).or_insert(canonical.name);
        };
        for (name, variants) in &aliases.tools {
            learn(name, &mut tool_vocabulary);
            variants
                .iter()
                .for_each(|variant| learn(variant, &mut tool_vocabulary));
        }
        for guide in guides {
            for category in &guide.tool_categories {
                category
                    .tools
                    .iter()
                    .for_each(|tool| learn(tool, &mut tool_vocabulary));
            }
        }
        Self {
            graph: Graph::new(),
            by_id: HashMap::new(),
            edges: HashMap::new(),
            skills: Canonicalizer::new(&aliases.skills),
            teams: Canonicalizer::new(&aliases.teams),
            resources: Canonicalizer::new(&aliases.resources),
            employers: Canonicalizer::default(),
            matcher: ToolMatcher::new(spellings),
            spellings: BTreeMap::new(),
            tools,
            tool_vocabulary,
            aliases,
        }
    }

    /// The node with `id`, created by `make` the first time.
    fn node(&mut self, id: String, make: impl FnOnce() -> NodeData) -> NodeIndex {
        if let Some(&index) = self.by_id.get(&id) {
            return index;
        }
        let index = self.graph.add_node(Node {
            id: id.clone(),
            data: make(),
        });
        self.by_id.insert(id, index);
        index
    }

    /// Adds an edge, or strengthens the existing one of the same kind.
    fn link(&mut self, source: NodeIndex, target: NodeIndex, edge: Edge) {
        if source == target {
            return;
        }
        let key = (source, target, edge.kind);
        match self.edges.get(&key) {
            Some(&existing) => {
                let current = &mut self.graph[existing];
                current.weight += edge.weight;
                current.order = current
                    .order
                    .min(edge.order)
                    .or(current.order.or(edge.order));
            }
            None => {
                let index = self.graph.add_edge(source, target, edge);
                self.edges.insert(key, index);
            }
        }
    }

    /// Remembers that a guide wrote `written` for the node at `index`.
    fn record_spelling(&mut self, index: NodeIndex, written: &str) {
        let id = self.graph[index].id.clone();
        self.spellings
            .entry(id)
            .or_default()
            .insert(written.trim().to_owned());
    }

    fn add_job(&mut self, index: usize, guide: &Guide) {
        let slug = guide.front.slug.clone();
        let aliases = self.aliases.jobs.get(&slug).cloned().unwrap_or_default();
        let title = guide.front.title.clone();
        let name = guide
            .headline
            .as_deref()
            .and_then(role_name_of_headline)
            .unwrap_or_else(|| stub_title(&slug, &aliases));
        self.node(format!("job:{slug}"), || {
            NodeData::Job(JobNode {
                slug,
                name,
                title,
                guide: Some(index),
                aliases,
            })
        });
    }

    fn job_index(&self, slug: &str) -> Option<NodeIndex> {
        self.by_id.get(&format!("job:{slug}")).copied()
    }

    fn add_guide(&mut self, index: usize, guide: &Guide) {
        let Some(job) = self.job_index(&guide.front.slug) else {
            return;
        };
        let mut uses: BTreeMap<String, UseSources> = BTreeMap::new();
        self.add_skills(job, guide, &mut uses);
        self.add_tool_table(guide, &mut uses);
        self.add_tags(guide, &mut uses);
        for text in body_texts(guide) {
            for tool in self.matcher.find(text) {
                uses.entry(tool).or_default().body_mentions += 1;
            }
        }
        for (key, sources) in uses {
            let tool = self.tool_node(&key);
            let edge = Edge {
                weight: sources.weight(),
                uses: Some(Box::new(sources)),
                ..Edge::plain(EdgeKind::Uses)
            };
            self.link(job, tool, edge);
        }
        self.add_teams(job, guide);
        self.add_stages(job, index, guide);
        self.add_trends(job, index, guide);
        self.add_resources(job, guide);
        self.add_employers(job, guide);
    }

    fn tool_node(&mut self, key: &str) -> NodeIndex {
        let name = self
            .tool_vocabulary
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_owned());
        let aliases = self.aliases.tools.get(&name).cloned().unwrap_or_default();
        self.node(format!("tool:{}", id_part(key)), || {
            NodeData::Tool(ToolNode {
                name,
                categories: Vec::new(),
                aliases,
            })
        })
    }

    fn skill_node(&mut self, canonical: &Canonical, written: &str, kind: SkillKind) -> NodeIndex {
        let aliases = self
            .aliases
            .skills
            .get(&canonical.name)
            .cloned()
            .unwrap_or_default();
        let index = self.node(format!("skill:{}", id_part(&canonical.key)), || {
            NodeData::Skill(SkillNode {
                name: canonical.name.clone(),
                kind,
                aliases,
            })
        });
        if let NodeData::Skill(skill) = &mut self.graph[index].data {
            push_unique(&mut skill.aliases, written, &skill.name);
        }
        self.record_spelling(index, written);
        index
    }

    fn add_skills(
        &mut self,
        job: NodeIndex,
        guide: &Guide,
        uses: &mut BTreeMap<String, UseSources>,
    ) {
        for (position, entry) in guide.skills.iter().enumerate() {
            let canonical = self.skills.resolve(&entry.name);
            let skill = self.skill_node(&canonical, &entry.name, entry.kind);
            self.link(job, skill, Edge::ordered(EdgeKind::Requires, position + 1));
            for part in compound_parts(&entry.name) {
                let part_canonical = self.skills.resolve(&part);
                if part_canonical.key == canonical.key {
                    continue;
                }
                let part_node = self.skill_node(&part_canonical, &part, entry.kind);
                self.link(skill, part_node, Edge::plain(EdgeKind::ComposedOf));
            }
            let mut mentioned: Vec<String> = self.matcher.find(&entry.description);
            mentioned.sort();
            mentioned.dedup();
            for key in mentioned {
                let tool = self.tool_node(&key);
                self.link(skill, tool, Edge::plain(EdgeKind::Mentions));
                uses.entry(key).or_default().skill_texts += 1;
            }
        }
    }

    fn add_tool_table(&mut self, guide: &Guide, uses: &mut BTreeMap<String, UseSources>) {
        for category in &guide.tool_categories {
            for name in &category.tools {
                let canonical = self.tools.resolve(name);
                let tool = self.tool_node(&canonical.key);
                if let NodeData::Tool(node) = &mut self.graph[tool].data {
                    if !node.categories.contains(&category.category) {
                        node.categories.push(category.category.clone());
                    }
                    push_unique(&mut node.aliases, name, &node.name);
                }
                self.record_spelling(tool, name);
                let sources = uses.entry(canonical.key).or_default();
                if !sources.tools_table.contains(&category.category) {
                    sources.tools_table.push(category.category.clone());
                }
            }
        }
    }

    fn add_tags(&mut self, guide: &Guide, uses: &mut BTreeMap<String, UseSources>) {
        for tag in &guide.front.tags {
            let canonical = self.tools.resolve(tag);
            if self.tool_vocabulary.contains_key(&canonical.key) {
                uses.entry(canonical.key).or_default().tag = true;
            }
        }
    }

    fn add_teams(&mut self, job: NodeIndex, guide: &Guide) {
        for (position, entry) in guide.teams.iter().enumerate() {
            let canonical = std::iter::once(&entry.name)
                .chain(&entry.aliases)
                .map(|name| self.teams.resolve(name))
                .find(|canonical| self.aliases.teams.contains_key(&canonical.name))
                .unwrap_or_else(|| self.teams.resolve(&entry.name));
            let aliases = self
                .aliases
                .teams
                .get(&canonical.name)
                .cloned()
                .unwrap_or_default();
            let team = self.node(format!("team:{}", id_part(&canonical.key)), || {
                NodeData::Team(TeamNode {
                    name: canonical.name.clone(),
                    aliases,
                })
            });
            self.record_spelling(team, &entry.name);
            if let NodeData::Team(node) = &mut self.graph[team].data {
                push_unique(&mut node.aliases, &entry.name, &node.name);
                for alias in &entry.aliases {
                    push_unique(&mut node.aliases, alias, &node.name);
                }
            }
            self.link(
                job,
                team,
                Edge::ordered(EdgeKind::CollaboratesWith, position + 1),
            );
        }
    }

    fn add_stages(&mut self, job: NodeIndex, index: usize, guide: &Guide) {
        let slug = &guide.front.slug;
        let mut previous = None;
        for (entry, stage) in guide.stages.iter().enumerate() {
            let node = self.node(format!("stage:{slug}:{}", stage.order), || {
                NodeData::CareerStage(StageNode {
                    job_slug: slug.clone(),
                    name: stage.name.clone(),
                    order: stage.order,
                    guide: index,
                    entry,
                })
            });
            self.link(job, node, Edge::ordered(EdgeKind::HasStage, stage.order));
            if let Some(previous) = previous {
                self.link(previous, node, Edge::ordered(EdgeKind::Next, stage.order));
            }
            previous = Some(node);
        }
    }

    fn add_trends(&mut self, job: NodeIndex, index: usize, guide: &Guide) {
        let slug = &guide.front.slug;
        for (entry, trend) in guide.trends.iter().enumerate() {
            let node = self.node(format!("trend:{slug}:{}", entry + 1), || {
                NodeData::Trend(TrendNode {
                    title: trend.title.clone(),
                    job_slug: slug.clone(),
                    guide: index,
                    entry,
                })
            });
            self.link(job, node, Edge::ordered(EdgeKind::Foresees, entry + 1));
        }
    }

    fn add_resources(&mut self, job: NodeIndex, guide: &Guide) {
        for step in &guide.learning_steps {
            for resource in &step.resources {
                let canonical = self.resources.resolve(&resource.title);
                let aliases = self
                    .aliases
                    .resources
                    .get(&canonical.name)
                    .cloned()
                    .unwrap_or_default();
                let node = self.node(format!("resource:{}", id_part(&canonical.key)), || {
                    NodeData::Resource(ResourceNode {
                        title: canonical.name.clone(),
                        kind: resource.kind,
                        aliases,
                    })
                });
                self.record_spelling(node, &resource.title);
                if let NodeData::Resource(data) = &mut self.graph[node].data {
                    push_unique(&mut data.aliases, &resource.title, &data.title);
                }
                let edge = Edge::ordered(EdgeKind::LearnWith, step.order);
                if !self.edges.contains_key(&(job, node, EdgeKind::LearnWith)) {
                    self.link(job, node, edge);
                }
            }
        }
    }

    fn add_employers(&mut self, job: NodeIndex, guide: &Guide) {
        for (position, employer_type) in guide.employer_types.iter().enumerate() {
            for company in &employer_type.companies {
                let canonical = self.employers.resolve(company);
                let node = self.node(format!("employer:{}", id_part(&canonical.key)), || {
                    NodeData::Employer(EmployerNode {
                        name: canonical.name.clone(),
                        sectors: Vec::new(),
                    })
                });
                if let NodeData::Employer(data) = &mut self.graph[node].data
                    && !data.sectors.contains(&employer_type.name)
                {
                    data.sectors.push(employer_type.name.clone());
                }
                if !self.edges.contains_key(&(job, node, EdgeKind::HiredBy)) {
                    self.link(job, node, Edge::ordered(EdgeKind::HiredBy, position + 1));
                }
            }
        }
    }

    /// The canonical slug a `related_jobs` entry stands for.
    fn resolve_job_slug(&self, written: &str) -> String {
        if self.job_index(written).is_some() {
            return written.to_owned();
        }
        let key = normalize::key(written);
        self.aliases
            .jobs
            .iter()
            .find(|(slug, variants)| {
                normalize::key(slug) == key || variants.iter().any(|v| normalize::key(v) == key)
            })
            .map_or_else(|| written.to_owned(), |(slug, _)| slug.clone())
    }

    fn add_related_jobs(&mut self, guide: &Guide) {
        let Some(job) = self.job_index(&guide.front.slug) else {
            return;
        };
        for (position, written) in guide.front.related_jobs.iter().enumerate() {
            let slug = self.resolve_job_slug(written);
            let aliases = self.aliases.jobs.get(&slug).cloned().unwrap_or_default();
            let title = stub_title(&slug, &aliases);
            let target = self.node(format!("job:{slug}"), || {
                NodeData::Job(JobNode {
                    slug: slug.clone(),
                    name: title.clone(),
                    title,
                    guide: None,
                    aliases,
                })
            });
            self.link(
                job,
                target,
                Edge::ordered(EdgeKind::RelatedTo, position + 1),
            );
        }
    }

    /// `LEADS_TO` from each stage to the job it is named after, if any.
    fn add_stage_links(&mut self) {
        let names = job_name_index(&self.graph);
        let stages: Vec<(NodeIndex, String, String)> = self
            .graph
            .node_indices()
            .filter_map(|index| match &self.graph[index].data {
                NodeData::CareerStage(stage) => {
                    Some((index, normalize::key(&stage.name), stage.job_slug.clone()))
                }
                _ => None,
            })
            .collect();
        for (stage, key, own_slug) in stages {
            let Some(&job) = names.get(&key) else {
                continue;
            };
            let is_own = matches!(&self.graph[job].data, NodeData::Job(j) if j.slug == own_slug);
            if !is_own {
                self.link(stage, job, Edge::plain(EdgeKind::LeadsTo));
            }
        }
    }

    fn finish(
        self,
        guides: Vec<Guide>,
        errors: Vec<Diagnostic>,
        warnings: Vec<Diagnostic>,
    ) -> SkillGraph {
        let graph = self.graph;
        let mut by_kind: HashMap<NodeKind, Vec<NodeIndex>> = HashMap::new();
        for index in graph.node_indices() {
            by_kind.entry(graph[index].kind()).or_default().push(index);
        }
        for indexes in by_kind.values_mut() {
            indexes.sort_by(|a, b| graph[*a].id.cmp(&graph[*b].id));
        }
        let mut skill_names = HashMap::new();
        let mut tool_names = HashMap::new();
        for index in graph.node_indices() {
            let node = &graph[index];
            let (names, canon) = match node.kind() {
                NodeKind::Skill => (&mut skill_names, &self.skills),
                NodeKind::Tool => (&mut tool_names, &self.tools),
                _ => continue,
            };
            for name in
                std::iter::once(node.label()).chain(node.aliases().iter().map(String::as_str))
            {
                names.entry(canon.resolve(name).key).or_insert(index);
                names.entry(normalize::key(name)).or_insert(index);
            }
        }
        SkillGraph {
            job_names: job_name_index(&graph),
            by_id: self.by_id,
            by_kind,
            skill_names,
            tool_names,
            skill_canon: self.skills,
            tool_canon: self.tools,
            graph,
            guides,
            errors,
            warnings,
            loaded_at: SystemTime::now(),
            search_index: std::sync::OnceLock::new(),
            analytics: std::sync::OnceLock::new(),
            tool_matcher: self.matcher,
            spellings: self.spellings,
        }
    }
}

/// Keys of every slug, spaced slug, title and alias of each job.
fn job_name_index(graph: &Graph<Node, Edge>) -> HashMap<String, NodeIndex> {
    let mut names = HashMap::new();
    // Slugs first so that a title never shadows another job's slug.
    for pass in 0..2 {
        for index in graph.node_indices() {
            let NodeData::Job(job) = &graph[index].data else {
                continue;
            };
            let keys: Vec<String> = if pass == 0 {
                vec![normalize::key(&job.slug)]
            } else {
                std::iter::once(job.slug.replace('_', " "))
                    .chain([job.name.clone(), job.title.clone()])
                    .chain(job.aliases.iter().cloned())
                    .map(|name| normalize::key(&name))
                    .collect()
            };
            for key in keys {
                names.entry(key).or_insert(index);
            }
        }
    }
    names
}

/// The role named by a headline such as
/// `[完全ガイド] Platform Engineer: 開発効率を…`: the text before the colon,
/// without a bracketed label.
fn role_name_of_headline(headline: &str) -> Option<String> {
    let without_label = match headline.trim().strip_prefix(['[', '【']) {
        Some(rest) => rest
            .split_once([']', '】'])
            .map_or(rest, |(_, after)| after),
        None => headline,
    };
    let name = without_label.split([':', '：']).next()?.trim();
    let words = name.chars().count();
    (1..=40).contains(&words).then(|| name.to_owned())
}

/// A stub job's title: its first alias that is not slug-shaped, else the
/// slug in words (`devops_engineer` → `Devops Engineer`).
fn stub_title(slug: &str, aliases: &[String]) -> String {
    if let Some(title) = aliases
        .iter()
        .find(|alias| !crate::guide::front_matter::is_valid_slug(alias))
    {
        return title.clone();
    }
    slug.split('_')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The parts of a compound skill name (`コンテナ技術とオーケストレーション`);
/// empty when the name is not compound.
pub fn compound_parts(name: &str) -> Vec<String> {
    let (bare, _) = crate::guide::name_and_parenthesised(name);
    for joiner in COMPOUND_JOINERS {
        let parts: Vec<&str> = bare.split(joiner).map(str::trim).collect();
        if parts.len() > 1 && parts.iter().all(|part| part.chars().count() >= 2) {
            return parts.into_iter().map(str::to_owned).collect();
        }
    }
    Vec::new()
}

/// The guide's prose outside the skills and tools tables, where tool
/// mentions count as body mentions.
fn body_texts(guide: &Guide) -> Vec<&str> {
    let mut texts: Vec<&str> = Vec::new();
    texts.extend(guide.overview.iter().map(|t| t.text.as_str()));
    texts.extend(guide.summary.iter().map(|t| t.text.as_str()));
    for duty in &guide.duties {
        texts
            .extend([&duty.title, &duty.description, &duty.detail, &duty.goal].map(String::as_str));
    }
    for team in &guide.teams {
        texts.extend([&team.description, &team.activities, &team.purpose].map(String::as_str));
    }
    for stage in &guide.stages {
        texts.extend([&stage.responsibilities, &stage.outlook].map(String::as_str));
    }
    for trend in &guide.trends {
        texts.extend([&trend.title, &trend.text].map(String::as_str));
    }
    for step in &guide.learning_steps {
        texts.extend([&step.title, &step.text].map(String::as_str));
    }
    for question in &guide.interview_questions {
        texts.extend([&question.question, &question.answer_points].map(String::as_str));
    }
    for employer in &guide.employer_types {
        texts.push(&employer.description);
    }
    for section in &guide.other_sections {
        texts.push(&section.text);
    }
    texts
}

/// Adds `alias` to `aliases` unless it is the name itself or already there.
fn push_unique(aliases: &mut Vec<String>, alias: &str, name: &str) {
    let key = normalize::key(alias);
    if key != normalize::key(name) && !aliases.iter().any(|a| normalize::key(a) == key) {
        aliases.push(alias.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::SkillGraph;
    use crate::guide::{LoadOptions, load_dir};
    use std::path::Path;

    fn seeds() -> SkillGraph {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        SkillGraph::build(load_dir(&dir, &LoadOptions::default()).expect("seeds load"))
    }

    #[test]
    fn the_seed_graph_keeps_its_invariants() {
        let graph = seeds();
        assert_eq!(graph.verify(), Ok(()));
        let stats = graph.stats();
        assert_eq!(stats.guides, 2);
        assert_eq!(stats.nodes_by_kind["Job"], 6);
        assert_eq!(stats.nodes_by_kind["CareerStage"], 10);
        assert_eq!(stats.nodes_by_kind["Team"], 4);
        assert_eq!(stats.edges_by_kind["REQUIRES"], 23);
        assert_eq!(stats.edges_by_kind["LEADS_TO"], 1);
    }

    #[test]
    fn both_spellings_of_iac_are_one_skill() {
        let graph = seeds();
        let iac = graph.skill("IaC").expect("IaC");
        assert_eq!(iac.id(), "skill:iac");
        assert_eq!(
            graph.skill("インフラストラクチャ・アズ・コード (IaC)"),
            Some(iac)
        );
        assert_eq!(graph.skill("IaC (Infrastructure as Code)"), Some(iac));
        assert_eq!(iac.incoming(EdgeKind::Requires).len(), 2);
    }

    #[test]
    fn k8s_and_elk_resolve_to_their_canonical_tools() {
        let graph = seeds();
        let kubernetes = graph.tool("K8s").expect("K8s");
        assert_eq!(kubernetes.id(), "tool:kubernetes");
        assert_eq!(kubernetes.label(), "Kubernetes");
        let elk = graph.tool("ELK").expect("ELK");
        assert_eq!(elk.label(), "ELK Stack");
        // The Cloud Native guide writes `ELK` and the Platform guide `ELK Stack`.
        assert_eq!(elk.incoming(EdgeKind::Uses).len(), 2);
    }

    #[test]
    fn related_jobs_without_guides_become_stubs_and_alias_slugs_resolve() {
        let graph = seeds();
        let sre = graph.job("site_reliability_engineer").expect("alias slug");
        assert_eq!(sre.id(), "job:sre_engineer");
        assert!(sre.guide().is_none());
        // Both guides point at it, one by its alias slug.
        assert_eq!(sre.incoming(EdgeKind::RelatedTo).len(), 2);
    }

    #[test]
    fn compound_skills_are_split_into_their_parts() {
        assert_eq!(
            compound_parts("コンテナ技術とオーケストレーション"),
            vec!["コンテナ技術", "オーケストレーション"]
        );
        assert!(compound_parts("問題解決能力").is_empty());
        assert!(compound_parts("IaC (Infrastructure as Code)").is_empty());
        let graph = seeds();
        let compound = graph
            .skill("コンテナ技術とオーケストレーション")
            .expect("compound");
        let parts: Vec<&str> = compound
            .outgoing(EdgeKind::ComposedOf)
            .iter()
            .map(|l| l.node.label())
            .collect();
        assert_eq!(parts, vec!["オーケストレーション", "コンテナ技術"]);
    }

    #[test]
    fn tools_named_in_skill_texts_are_used_with_a_weight() {
        let graph = seeds();
        let job = graph.job("platform_engineer").expect("job");
        let uses = job.outgoing(EdgeKind::Uses);
        let weight = |name: &str| {
            uses.iter()
                .find(|l| l.node.label() == name)
                .map(|l| l.edge.weight)
                .unwrap_or_else(|| panic!("{name} not used"))
        };
        // Docker appears only in skill text and the body; Jenkins in the tools table.
        assert!(weight("Docker") > 0.0);
        assert!(weight("Terraform") > weight("Jenkins"));
        let cloud = graph.skill("クラウドコンピューティング").expect("skill");
        let mentioned: Vec<&str> = cloud
            .outgoing(EdgeKind::Mentions)
            .iter()
            .map(|l| l.node.label())
            .collect();
        assert!(
            mentioned.contains(&"AWS") && mentioned.contains(&"GCP"),
            "{mentioned:?}"
        );
    }

    #[test]
    fn the_job_name_comes_from_the_headline() {
        let graph = seeds();
        assert_eq!(
            graph.job("platform_engineer").expect("job").label(),
            "Platform Engineer"
        );
        assert_eq!(
            role_name_of_headline("[完全ガイド] Cloud Native Engineer: 専門家"),
            Some("Cloud Native Engineer".to_owned())
        );
        assert_eq!(stub_title("devops_engineer", &[]), "Devops Engineer");
    }
}
