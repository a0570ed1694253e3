//! Builds a [`SkillGraph`] from a corpus.
//!
//! The work that needs no shared state (canonical keys of every name, the
//! tools each piece of prose names) is done for every guide in parallel,
//! into a [`GuidePlan`]; nodes and edges are then inserted serially, in
//! guide order, so the graph is the same however many cores did the work.
//! Every edge records the [`Source`]s that stated it.

use crate::graph::concepts;
use crate::graph::edge::{Edge, EdgeKind, UseSources};
use crate::graph::id::NodeId;
use crate::graph::node::*;
use crate::graph::normalize::{self, Canonical, Canonicalizer, ToolMatcher, Vendors};
use crate::graph::source::Source;
use crate::guide::Language;
use crate::guide::{
    Aliases, Corpus, Diagnostic, Guide, OmittedDiagnostics, Progress, ProgressObserver, SkillKind,
};
use crate::guide::{LevelWords, Section};
use petgraph::graph::{EdgeIndex, Graph, NodeIndex};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// Words that join the parts of a compound skill (`AとB`).
const COMPOUND_JOINERS: &[&str] = &["と", "及び", "および", " & ", " and "];

/// How many guides are planned at once.
const PLAN_CHUNK: usize = 1024;

/// The graph as the builder leaves it, before the indexes of
/// [`SkillGraph`] are made.
pub(in crate::graph) struct Built {
    pub graph: Graph<Node, Edge>,
    pub by_id: HashMap<NodeId, NodeIndex>,
    pub skills: Canonicalizer,
    pub tools: Canonicalizer,
    pub spellings: crate::graph::resolve::Spellings,
    /// What the name resolver needs besides the nodes.
    pub resolver: crate::graph::resolve::ResolverData,
    /// The alias file's job table: slug → other slugs and names.
    pub job_aliases: BTreeMap<String, Vec<String>>,
    /// Finds the concepts written in a text, as concept nodes.
    pub concept_finder: concepts::TermFinder,
}

struct Builder {
    graph: Graph<Node, Edge>,
    by_id: HashMap<NodeId, NodeIndex>,
    /// (source, target, kind) → edge, so repeated facts strengthen one edge.
    edges: HashMap<(NodeIndex, NodeIndex, EdgeKind), EdgeIndex>,
    names: Names,
    aliases: Aliases,
    /// Key of every job slug and alias → the slug it stands for.
    job_aliases: HashMap<String, String>,
    /// Node → the spellings guides used for it.
    spellings: HashMap<NodeIndex, std::collections::BTreeSet<String>>,
    /// The vocabulary's finder, over concept nodes, once concepts are in.
    concept_finder: concepts::TermFinder,
    /// The words that say a rung's career level.
    levels: LevelWords,
}

/// Everything needed to resolve a name, shared read-only by the parallel
/// planning of every guide.
struct Names {
    skills: Canonicalizer,
    tools: Canonicalizer,
    teams: Canonicalizer,
    resources: Canonicalizer,
    employers: Canonicalizer,
    team_aliases: BTreeMap<String, Vec<String>>,
    /// Tool key → display name, for every tool named anywhere in the corpus
    /// or in the alias file: the vocabulary searched for in free text.
    tool_vocabulary: BTreeMap<String, String>,
    matcher: ToolMatcher,
    /// Keys of the tool spellings merged into their bare name by a vendor
    /// word (`amazon dynamodb` into `DynamoDB`).
    vendor_merged: BTreeSet<String>,
    vendors: Vendors,
}

/// What one guide says, with every name already resolved.
struct GuidePlan {
    skills: Vec<SkillPlan>,
    /// Per tools-table category, the canonical form of each tool it lists.
    tool_table: Vec<Vec<Canonical>>,
    /// Keys of the front-matter tags that name known tools, with their position.
    tags: Vec<(usize, String)>,
    /// Tool keys named in each piece of prose outside the tables, in text
    /// order. A source's `item` counts the mentions its row made before
    /// this piece, so the mentions of a row are numbered in reading order.
    body_mentions: Vec<(Source, Vec<String>)>,
    teams: Vec<Canonical>,
    /// Per learning step, the canonical form of each resource it names.
    resources: Vec<Vec<Canonical>>,
    /// Per employer type, the canonical form of each company it names.
    employers: Vec<Vec<Canonical>>,
}

struct SkillPlan {
    canonical: Canonical,
    /// The parts of a compound skill, as written and resolved.
    parts: Vec<(String, Canonical)>,
    /// Keys of the tools the row's description names, sorted, once each.
    tools: Vec<String>,
}

/// How a guide names one tool it uses, gathered before the `USES` edge is made.
#[derive(Default)]
struct ToolUse {
    sources: UseSources,
    provenance: Vec<Source>,
}

/// Builds the graph of `corpus`, telling `progress` how many guides are
/// in it after each chunk (the phase that takes longest on a large corpus).
pub(in crate::graph) fn build(corpus: &Corpus, progress: Option<&ProgressObserver>) -> Built {
    crate::graph::count_build();
    let Corpus {
        guides, aliases, ..
    } = corpus;
    let mut builder = Builder::new(aliases.clone(), Names::new(aliases, guides));
    for (index, guide) in guides.iter().enumerate() {
        builder.add_job(index, guide);
    }
    let report = |done| {
        if let Some(progress) = progress {
            progress.report(Progress {
                step: "building the graph",
                done,
                total: Some(corpus.guides.len()),
            });
        }
    };
    report(0);
    // Planned a chunk at a time, so only a chunk's plans are ever held.
    for (chunk, guides) in guides.chunks(PLAN_CHUNK).enumerate() {
        let first = chunk * PLAN_CHUNK;
        let names = &builder.names;
        let plans: Vec<GuidePlan> = guides
            .par_iter()
            .enumerate()
            .map(|(offset, guide)| names.plan(first + offset, guide))
            .collect();
        for (offset, (guide, plan)) in guides.iter().zip(&plans).enumerate() {
            builder.add_guide(first + offset, guide, plan);
        }
        report(first + guides.len());
    }
    for (index, guide) in guides.iter().enumerate() {
        builder.add_related_jobs(index, guide);
    }
    builder.add_stage_links();
    builder.add_concepts(corpus);
    builder.finish()
}

/// Diagnostics of a corpus in the graph's terms: its errors, its warnings
/// and how many of each file's were not listed. Files are named as
/// clients see them.
pub(in crate::graph) fn diagnostics_of(
    corpus: &Corpus,
) -> (Vec<Diagnostic>, Vec<Diagnostic>, Vec<OmittedDiagnostics>) {
    let names = &corpus.names;
    (
        corpus
            .errors
            .iter()
            .map(|error| Diagnostic::from(error).named_by(names))
            .collect(),
        corpus
            .warnings
            .iter()
            .map(|warning| Diagnostic::from(warning).named_by(names))
            .collect(),
        corpus
            .omitted
            .iter()
            .map(|(path, omitted)| OmittedDiagnostics {
                file: names.name(path),
                errors: omitted.errors,
                warnings: omitted.warnings,
            })
            .collect(),
    )
}

impl Names {
    fn new(aliases: &Aliases, guides: &[Arc<Guide>]) -> Self {
        // Each distinct spelling once, in the order the corpus first writes
        // it: a corpus writes the same few hundred tool names in thousands
        // of tables.
        let mut seen: HashSet<&str> = HashSet::new();
        let written: Vec<&str> = guides
            .iter()
            .flat_map(|guide| &guide.tool_categories)
            .flat_map(|category| category.tools.iter().map(String::as_str))
            .filter(|tool| seen.insert(tool))
            .collect();
        let vendors = Vendors::from_affixes(&aliases.vendors);
        let (tool_table, vendor_merged) =
            merge_vendor_spellings(&aliases.tools, &written, &vendors);
        let tools = Canonicalizer::new(&tool_table);
        let mut tool_vocabulary = BTreeMap::new();
        let mut spellings: Vec<(String, String)> = Vec::new();
        let mut learn = |name: &str, vocabulary: &mut BTreeMap<String, String>| {
            let canonical = tools.resolve(name);
            spellings.push((name.to_owned(), canonical.key.clone()));
            spellings.push((canonical.name.clone(), canonical.key.clone()));
            vocabulary.entry(canonical.key).or_insert(canonical.name);
        };
        for (name, variants) in &tool_table {
            learn(name, &mut tool_vocabulary);
            variants
                .iter()
                .for_each(|variant| learn(variant, &mut tool_vocabulary));
        }
        for tool in written {
            learn(tool, &mut tool_vocabulary);
        }
        Self {
            skills: Canonicalizer::new(&aliases.skills),
            teams: Canonicalizer::new(&aliases.teams),
            resources: Canonicalizer::new(&aliases.resources),
            employers: Canonicalizer::default(),
            team_aliases: aliases.teams.clone(),
            matcher: ToolMatcher::new(spellings),
            tools,
            tool_vocabulary,
            vendor_merged,
            vendors,
        }
    }

    /// Resolves every name guide `index` writes; touches nothing shared.
    fn plan(&self, index: usize, guide: &Guide) -> GuidePlan {
        let skills = guide
            .skills
            .iter()
            .map(|entry| {
                let canonical = self.skills.resolve(&entry.name);
                let parts = compound_parts(&entry.name)
                    .into_iter()
                    .map(|part| {
                        let resolved = self.skills.resolve(&part);
                        (part, resolved)
                    })
                    .filter(|(_, part)| part.key != canonical.key)
                    .collect();
                let mut tools = self.matcher.find(&entry.description);
                tools.sort();
                tools.dedup();
                SkillPlan {
                    canonical,
                    parts,
                    tools,
                }
            })
            .collect();
        let tool_table = guide
            .tool_categories
            .iter()
            .map(|category| {
                category
                    .tools
                    .iter()
                    .map(|name| self.tools.resolve(name))
                    .collect()
            })
            .collect();
        let tags = guide
            .front
            .tags
            .iter()
            .enumerate()
            .map(|(position, tag)| (position, self.tools.resolve(tag).key))
            .filter(|(_, key)| self.tool_vocabulary.contains_key(key))
            .collect();
        let mut body_mentions: Vec<(Source, Vec<String>)> = Vec::new();
        for (source, text) in body_texts(index, guide) {
            let tools = self.matcher.find(text);
            if tools.is_empty() {
                continue;
            }
            // A row's prose comes in several pieces (a step's title, then
            // its text); its mentions are counted across them.
            let before = match body_mentions.last() {
                Some((last, named)) if (last.section, last.row) == (source.section, source.row) => {
                    last.item as usize + named.len()
                }
                _ => 0,
            };
            body_mentions.push((source.item(before), tools));
        }
        let teams = guide
            .teams
            .iter()
            .map(|entry| {
                std::iter::once(&entry.name)
                    .chain(&entry.aliases)
                    .map(|name| self.teams.resolve(name))
                    .find(|canonical| self.team_aliases.contains_key(&canonical.name))
                    .unwrap_or_else(|| self.teams.resolve(&entry.name))
            })
            .collect();
        let resources = guide
            .learning_steps
            .iter()
            .map(|step| {
                step.resources
                    .iter()
                    .map(|resource| self.resources.resolve(&resource.title))
                    .collect()
            })
            .collect();
        let employers = guide
            .employer_types
            .iter()
            .map(|kind| {
                kind.companies
                    .iter()
                    .map(|company| self.employers.resolve(company))
                    .collect()
            })
            .collect();
        GuidePlan {
            skills,
            tool_table,
            tags,
            body_mentions,
            teams,
            resources,
            employers,
        }
    }
}

impl Builder {
    fn new(aliases: Aliases, names: Names) -> Self {
        let mut job_aliases = HashMap::new();
        for (slug, variants) in &aliases.jobs {
            for name in std::iter::once(slug).chain(variants) {
                job_aliases
                    .entry(normalize::key(name))
                    .or_insert_with(|| slug.clone());
            }
        }
        Self {
            graph: Graph::new(),
            by_id: HashMap::new(),
            edges: HashMap::new(),
            spellings: HashMap::new(),
            names,
            job_aliases,
            levels: aliases.level_words(),
            aliases,
            concept_finder: concepts::TermFinder::default(),
        }
    }

    /// The node with `id`, created by `make` the first time.
    fn node(&mut self, id: NodeId, make: impl FnOnce() -> NodeData) -> NodeIndex {
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
                current.sources.extend(edge.sources);
            }
            None => {
                let index = self.graph.add_edge(source, target, edge);
                self.edges.insert(key, index);
            }
        }
    }

    /// Adds an edge the first time; later statements of it only add their
    /// sources (a company listed under two employer types is one `HIRED_BY`
    /// of weight 1, known to both rows).
    fn link_once(&mut self, source: NodeIndex, target: NodeIndex, edge: Edge) {
        match self.edges.get(&(source, target, edge.kind)) {
            Some(&existing) => self.graph[existing].sources.extend(edge.sources),
            None => self.link(source, target, edge),
        }
    }

    /// Remembers that a guide wrote `written` for the node at `index`.
    fn record_spelling(&mut self, index: NodeIndex, written: &str) {
        let written = written.trim();
        let seen = self.spellings.entry(index).or_default();
        if !seen.contains(written) {
            seen.insert(written.to_owned());
        }
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
        self.node(NodeId::job(&slug), || {
            NodeData::Job(JobNode {
                slug,
                name,
                title,
                guide: Some(index),
                aliases,
                labels: Labels::default(),
            })
        });
    }

    fn job_index(&self, slug: &str) -> Option<NodeIndex> {
        self.by_id.get(NodeId::job(slug).as_str()).copied()
    }

    fn add_guide(&mut self, index: usize, guide: &Guide, plan: &GuidePlan) {
        let Some(job) = self.job_index(&guide.front.slug) else {
            return;
        };
        let mut uses: BTreeMap<String, ToolUse> = BTreeMap::new();
        self.add_skills(job, index, guide, plan, &mut uses);
        self.add_tool_table(index, guide, plan, &mut uses);
        for (position, key) in &plan.tags {
            let source =
                Source::row(index, Section::FrontMatter, 0, guide.front.line).item(*position);
            let entry = uses.entry(key.clone()).or_default();
            entry.sources.tag = true;
            entry.provenance.push(source);
        }
        for (source, tools) in &plan.body_mentions {
            for (offset, tool) in tools.iter().enumerate() {
                let entry = uses.entry(tool.clone()).or_default();
                entry.sources.body_mentions += 1;
                entry
                    .provenance
                    .push(source.item(source.item as usize + offset));
            }
        }
        for (key, tool_use) in uses {
            let tool = self.tool_node(&key);
            let edge = Edge {
                weight: tool_use.sources.weight(),
                uses: Some(Box::new(tool_use.sources)),
                sources: tool_use.provenance,
                ..Edge::plain(EdgeKind::Uses)
            };
            self.link(job, tool, edge);
        }
        self.add_teams(job, index, guide, plan);
        self.add_stages(job, index, guide);
        self.add_trends(job, index, guide);
        self.add_resources(job, index, guide, plan);
        self.add_employers(job, index, guide, plan);
    }

    fn tool_node(&mut self, key: &str) -> NodeIndex {
        let name = self
            .names
            .tool_vocabulary
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_owned());
        let aliases = self.aliases.tools.get(&name).cloned().unwrap_or_default();
        self.node(NodeId::named(NodeKind::Tool, key), || {
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
        let index = self.node(NodeId::named(NodeKind::Skill, &canonical.key), || {
            NodeData::Skill(SkillNode {
                name: canonical.name.clone(),
                kind,
                aliases,
                labels: Labels::default(),
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
        index: usize,
        guide: &Guide,
        plan: &GuidePlan,
        uses: &mut BTreeMap<String, ToolUse>,
    ) {
        for (position, (entry, row)) in guide.skills.iter().zip(&plan.skills).enumerate() {
            let source = Source::row(index, Section::Skills, position, entry.line);
            let skill = self.skill_node(&row.canonical, &entry.name, entry.kind);
            let requires = Edge::ordered(EdgeKind::Requires, position + 1).from_source(source);
            self.link(job, skill, requires);
            for (written, part) in &row.parts {
                let part_node = self.skill_node(part, written, entry.kind);
                let composed = Edge::plain(EdgeKind::ComposedOf).from_source(source);
                self.link(skill, part_node, composed);
            }
            for key in &row.tools {
                let tool = self.tool_node(key);
                let mentions = Edge::plain(EdgeKind::Mentions).from_source(source);
                self.link(skill, tool, mentions);
                let entry = uses.entry(key.clone()).or_default();
                entry.sources.skill_texts += 1;
                entry.provenance.push(source);
            }
        }
    }

    fn add_tool_table(
        &mut self,
        index: usize,
        guide: &Guide,
        plan: &GuidePlan,
        uses: &mut BTreeMap<String, ToolUse>,
    ) {
        for (row, (category, tools)) in guide
            .tool_categories
            .iter()
            .zip(&plan.tool_table)
            .enumerate()
        {
            let source = Source::row(index, Section::Tools, row, category.line);
            for (item, (name, canonical)) in category.tools.iter().zip(tools).enumerate() {
                let tool = self.tool_node(&canonical.key);
                if let NodeData::Tool(node) = &mut self.graph[tool].data {
                    if !node.categories.contains(&category.category) {
                        node.categories.push(category.category.clone());
                    }
                    push_unique(&mut node.aliases, name, &node.name);
                }
                self.record_spelling(tool, name);
                let entry = uses.entry(canonical.key.clone()).or_default();
                if !entry.sources.tools_table.contains(&category.category) {
                    entry.sources.tools_table.push(category.category.clone());
                }
                entry.provenance.push(source.item(item));
            }
        }
    }

    fn add_teams(&mut self, job: NodeIndex, index: usize, guide: &Guide, plan: &GuidePlan) {
        for (position, (entry, canonical)) in guide.teams.iter().zip(&plan.teams).enumerate() {
            let aliases = self
                .aliases
                .teams
                .get(&canonical.name)
                .cloned()
                .unwrap_or_default();
            let team = self.node(NodeId::named(NodeKind::Team, &canonical.key), || {
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
            let source = Source::row(index, Section::Teams, position, entry.line);
            let edge = Edge::ordered(EdgeKind::CollaboratesWith, position + 1).from_source(source);
            self.link(job, team, edge);
        }
    }

    fn add_stages(&mut self, job: NodeIndex, index: usize, guide: &Guide) {
        let slug = &guide.front.slug;
        let mut previous = None;
        let names: Vec<&str> = guide
            .stages
            .iter()
            .map(|stage| stage.name.as_str())
            .collect();
        let levels = self.levels.ladder(&names);
        for (entry, (stage, (level, level_source))) in guide.stages.iter().zip(levels).enumerate() {
            let source = Source::row(index, Section::CareerPath, entry, stage.line);
            let node = self.node(NodeId::stage(slug, stage.order), || {
                NodeData::CareerStage(StageNode {
                    job_slug: slug.clone(),
                    name: stage.name.clone(),
                    order: stage.order,
                    level,
                    level_source,
                    source,
                })
            });
            let rung = Edge::ordered(EdgeKind::HasStage, stage.order).from_source(source);
            self.link(job, node, rung);
            if let Some(previous) = previous {
                let next = Edge::ordered(EdgeKind::Next, stage.order).from_source(source);
                self.link(previous, node, next);
            }
            previous = Some(node);
        }
    }

    fn add_trends(&mut self, job: NodeIndex, index: usize, guide: &Guide) {
        let slug = &guide.front.slug;
        for (entry, trend) in guide.trends.iter().enumerate() {
            let source = Source::row(index, Section::Outlook, entry, trend.line);
            let node = self.node(NodeId::trend(slug, entry + 1), || {
                NodeData::Trend(TrendNode {
                    title: trend.title.clone(),
                    job_slug: slug.clone(),
                    source,
                })
            });
            let edge = Edge::ordered(EdgeKind::Foresees, entry + 1).from_source(source);
            self.link(job, node, edge);
        }
    }

    fn add_resources(&mut self, job: NodeIndex, index: usize, guide: &Guide, plan: &GuidePlan) {
        for (row, (step, resources)) in guide.learning_steps.iter().zip(&plan.resources).enumerate()
        {
            for (item, (resource, canonical)) in step.resources.iter().zip(resources).enumerate() {
                let aliases = self
                    .aliases
                    .resources
                    .get(&canonical.name)
                    .cloned()
                    .unwrap_or_default();
                let node = self.node(NodeId::named(NodeKind::Resource, &canonical.key), || {
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
                let source = Source::row(index, Section::Learning, row, resource.line).item(item);
                let edge = Edge::ordered(EdgeKind::LearnWith, step.order).from_source(source);
                self.link_once(job, node, edge);
            }
        }
    }

    fn add_employers(&mut self, job: NodeIndex, index: usize, guide: &Guide, plan: &GuidePlan) {
        for (row, (employer_type, companies)) in
            guide.employer_types.iter().zip(&plan.employers).enumerate()
        {
            let source = Source::row(index, Section::Employers, row, employer_type.line);
            for (item, (company, canonical)) in
                employer_type.companies.iter().zip(companies).enumerate()
            {
                let node = self.node(NodeId::named(NodeKind::Employer, &canonical.key), || {
                    NodeData::Employer(EmployerNode {
                        name: canonical.name.clone(),
                        sectors: Vec::new(),
                        aliases: Vec::new(),
                    })
                });
                self.record_spelling(node, company);
                if let NodeData::Employer(data) = &mut self.graph[node].data {
                    if !data.sectors.contains(&employer_type.name) {
                        data.sectors.push(employer_type.name.clone());
                    }
                    push_unique(&mut data.aliases, company, &data.name);
                }
                let edge = Edge::ordered(EdgeKind::HiredBy, row + 1).from_source(source.item(item));
                self.link_once(job, node, edge);
            }
        }
    }

    /// The canonical slug a `related_jobs` entry stands for.
    fn resolve_job_slug(&self, written: &str) -> String {
        if self.job_index(written).is_some() {
            return written.to_owned();
        }
        self.job_aliases
            .get(&normalize::key(written))
            .cloned()
            .unwrap_or_else(|| written.to_owned())
    }

    fn add_related_jobs(&mut self, index: usize, guide: &Guide) {
        let Some(job) = self.job_index(&guide.front.slug) else {
            return;
        };
        let line = guide.front.related_jobs_line;
        for (position, written) in guide.front.related_jobs.iter().enumerate() {
            let slug = self.resolve_job_slug(written);
            let aliases = self.aliases.jobs.get(&slug).cloned().unwrap_or_default();
            let title = stub_title(&slug, &aliases);
            let target = self.node(NodeId::job(&slug), || {
                NodeData::Job(JobNode {
                    slug: slug.clone(),
                    name: title.clone(),
                    title,
                    guide: None,
                    aliases,
                    labels: Labels::default(),
                })
            });
            let source = Source::row(index, Section::FrontMatter, 0, line).item(position);
            let edge = Edge::ordered(EdgeKind::RelatedTo, position + 1).from_source(source);
            self.link(job, target, edge);
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

    fn finish(self) -> Built {
        let graph = self.graph;
        let spellings = self
            .spellings
            .into_iter()
            .map(|(index, spellings)| (graph[index].id.to_string(), spellings))
            .collect();
        Built {
            graph,
            by_id: self.by_id,
            skills: self.names.skills,
            tools: self.names.tools,
            spellings,
            resolver: crate::graph::resolve::ResolverData {
                vendors: self.names.vendors,
                file_variants: alias_variant_keys(&self.aliases),
                vendor_merged: self.names.vendor_merged,
                ordinary_words: self.aliases.ordinary_words.clone(),
            },
            job_aliases: self.aliases.jobs.clone(),
            concept_finder: self.concept_finder,
        }
    }
}

/// Concepts and labels: the vocabulary of the glossary and the guides,
/// the jobs that use each concept and the skills that express it, and the
/// labels of every job and skill in both languages.
impl Builder {
    fn add_concepts(&mut self, corpus: &Corpus) {
        let skills: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|index| self.graph[*index].kind() == NodeKind::Skill)
            .collect();
        let skill_names: Vec<String> = skills
            .iter()
            .map(|index| self.graph[*index].label().to_owned())
            .collect();
        let names: Vec<&str> = skill_names.iter().map(String::as_str).collect();
        // Tools, teams and jobs are nodes of their own: a spelling of one
        // is never a concept's.
        let other_names: HashSet<String> = self
            .graph
            .node_weights()
            .filter(|node| matches!(node.kind(), NodeKind::Team | NodeKind::Job))
            .flat_map(|node| {
                std::iter::once(node.label()).chain(node.aliases().iter().map(String::as_str))
            })
            .map(normalize::key)
            .collect();
        let tools = &self.names.tools;
        let vocabulary = &self.names.tool_vocabulary;
        let named_otherwise = |spelling: &str| {
            vocabulary.contains_key(&tools.resolve(spelling).key)
                || other_names.contains(&normalize::key(spelling))
        };
        let lexicon =
            concepts::Lexicon::gather(&corpus.glossary, &corpus.guides, &names, &named_otherwise);
        let finder = lexicon.finder();
        let vague: Vec<bool> = lexicon.terms.iter().map(|term| term.vague).collect();
        let uses = concepts::uses(&finder, &vague, &corpus.guides);
        let expressed: Vec<Vec<(usize, f64)>> = skills
            .iter()
            .map(|index| expressed_terms(&finder, &self.graph[*index]))
            .collect();
        let mut df = vec![0usize; lexicon.terms.len()];
        let mut first_spelling: Vec<Option<&str>> = vec![None; lexicon.terms.len()];
        for found in uses.iter().flatten() {
            df[found.term] += 1;
            first_spelling[found.term].get_or_insert(&found.spelling);
        }
        // By term, in term order: the edges below are added in that order,
        // so that a compile, and every export of it, is the same each run.
        let mut node_of_term: Vec<Option<NodeIndex>> = vec![None; lexicon.terms.len()];
        // Every term is a concept, used or not: a text may write one that
        // no guide does, and the glossary is part of the corpus.
        let roles = corpus.guides.len();
        for (term, written) in first_spelling.iter().enumerate() {
            // A glossary term all of whose spellings name something else.
            if lexicon.terms[term].spellings().next().is_none() {
                continue;
            }
            let generic = lexicon.terms[term].generic || concepts::is_generic(df[term], roles);
            let usage = (generic, u32::try_from(df[term]).unwrap_or(u32::MAX));
            let node = self.concept_node(&lexicon.terms[term], *written, usage);
            node_of_term[term] = Some(node);
        }
        // Hundreds of thousands of edges at 10,000 guides: grown once.
        self.graph.reserve_edges(uses.iter().map(Vec::len).sum());
        for (guide, found) in corpus.guides.iter().zip(uses) {
            let Some(job) = self.job_index(&guide.front.slug) else {
                continue;
            };
            for found in found {
                let weight = concepts::involvement(
                    concepts::specificity(df[found.term], roles),
                    found.strength,
                );
                let edge = Edge {
                    weight,
                    sources: found.sources,
                    ..Edge::plain(EdgeKind::Involves)
                };
                // One guide per job and one use per concept: each edge is
                // new, so it skips the table that merges repeated facts.
                if let Some(concept) = node_of_term[found.term] {
                    self.graph.add_edge(job, concept, edge);
                }
            }
        }
        for (skill, terms) in skills.iter().zip(&expressed) {
            for (term, weight) in terms {
                let edge = Edge {
                    weight: *weight,
                    ..Edge::plain(EdgeKind::Expresses)
                };
                if let Some(concept) = node_of_term[*term] {
                    self.link(*skill, concept, edge);
                }
            }
        }
        for (term, node) in node_of_term.iter().enumerate() {
            let Some(node) = *node else { continue };
            for broader in &lexicon.terms[term].broader {
                if let Some(target) = node_of_term[*broader] {
                    self.link(node, target, Edge::plain(EdgeKind::Broader));
                }
            }
        }
        // The automaton is the costliest part of the vocabulary to build:
        // texts are read with this one, its terms now concept nodes.
        self.concept_finder = finder.renamed(|term| {
            node_of_term
                .get(term)
                .copied()
                .flatten()
                .map(|node| node.index())
        });
        self.label_skills(&lexicon, &skills);
        self.label_jobs(&corpus.glossary);
    }

    /// The node of a concept, named as the corpus first writes it.
    /// `usage`: whether the concept is generic, and how many guides use it.
    fn concept_node(
        &mut self,
        term: &concepts::Term,
        written: Option<&str>,
        (generic, roles): (bool, u32),
    ) -> NodeIndex {
        let labels = term.labels();
        let name = written
            .map(str::to_owned)
            .or_else(|| labels.ja.clone())
            .or_else(|| labels.en.clone())
            .unwrap_or_default();
        // A term has many spellings: each key is worked out once.
        let mut keys = HashSet::from([normalize::key(&name)]);
        let aliases: Vec<String> = term
            .spellings()
            .filter(|spelling| keys.insert(normalize::key(spelling)))
            .cloned()
            .collect();
        self.node(NodeId::named(NodeKind::Concept, &term.id_key()), || {
            NodeData::Concept(ConceptNode {
                name,
                labels,
                aliases,
                origin: term.origin,
                generic,
                vague: term.vague,
                tool: term.tool,
                roles,
            })
        })
    }

    /// Each skill's name in both languages: its own, the one its name
    /// writes in parentheses, and the glossary's for the other language.
    fn label_skills(&mut self, lexicon: &concepts::Lexicon, skills: &[NodeIndex]) {
        for index in skills {
            let node = &self.graph[*index];
            let own = Labels::of_name(node.label());
            let (outer, inner) = crate::guide::name_and_parenthesised(node.label());
            let gloss = inner
                .iter()
                .map(|inner| Labels::of_name(inner))
                .chain(std::iter::once(Labels::of_name(&outer)))
                .fold(Labels::default(), Labels::or);
            let glossary = std::iter::once(node.label())
                .chain(node.aliases().iter().map(String::as_str))
                .find_map(|spelling| lexicon.term_of(spelling))
                .map(|term| lexicon.terms[term].labels())
                .unwrap_or_default();
            let labels = own.or(glossary).or(gloss);
            if let NodeData::Skill(skill) = &mut self.graph[*index].data {
                skill.labels = labels;
            }
        }
    }

    /// Each job's title in both languages: its name's own, then the
    /// glossary's entry for its slug or any of its other slugs, whose
    /// spellings become the job's aliases too.
    fn label_jobs(&mut self, glossary: &crate::guide::Glossary) {
        let mut by_slug: HashMap<String, &crate::guide::glossary::Spellings> = HashMap::new();
        for (written, spellings) in &glossary.jobs {
            by_slug.insert(self.resolve_job_slug(written), spellings);
        }
        for index in self.graph.node_indices().collect::<Vec<_>>() {
            if let NodeData::Job(job) = &mut self.graph[index].data {
                let own = Labels::of_name(&job.name);
                let Some(spellings) = by_slug.get(&job.slug) else {
                    job.labels = own;
                    continue;
                };
                let listed = Labels {
                    ja: spellings.label(Language::Japanese).map(str::to_owned),
                    en: spellings.label(Language::English).map(str::to_owned),
                };
                job.labels = own.or(listed);
                for spelling in spellings.all() {
                    push_unique(&mut job.aliases, spelling, &job.name);
                }
            }
        }
    }
}

/// The concepts a skill's names mean or contain, each weighing the share
/// of the name it takes: 1 for a name that is the concept.
fn expressed_terms(finder: &concepts::TermFinder, skill: &Node) -> Vec<(usize, f64)> {
    let mut terms: HashMap<usize, f64> = HashMap::new();
    let spellings =
        std::iter::once(skill.label()).chain(skill.aliases().iter().map(String::as_str));
    for spelling in spellings {
        let (outer, _) = crate::guide::name_and_parenthesised(spelling);
        for form in [normalize::nfkc(spelling).into_owned(), outer] {
            let length = form.chars().count().max(1) as f64;
            for found in finder.find(&form) {
                let share = form[found.start..found.end].chars().count() as f64 / length;
                let weight = terms.entry(found.term).or_default();
                *weight = weight.max(share.min(1.0));
            }
        }
    }
    let mut terms: Vec<(usize, f64)> = terms.into_iter().collect();
    terms.sort_by_key(|(term, _)| *term);
    terms
}

/// The tool alias table, with every vendor-prefixed spelling (`Amazon
/// DynamoDB`) made a variant of its bare name (`DynamoDB`) when the corpus
/// or the alias file writes that bare name too; and the keys so merged.
///
/// A bare name written with two different vendors (`AWS X`, `Azure X`)
/// is left alone: the vendor then tells two things apart.
fn merge_vendor_spellings(
    table: &BTreeMap<String, Vec<String>>,
    written: &[&str],
    vendors: &Vendors,
) -> (BTreeMap<String, Vec<String>>, BTreeSet<String>) {
    let canonical = Canonicalizer::new(table);
    // Canonical key → the name it is shown by, for every tool known.
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let listed = table
        .iter()
        .flat_map(|(name, variants)| std::iter::once(name).chain(variants))
        .map(String::as_str);
    for name in listed.chain(written.iter().copied()) {
        let resolved = canonical.resolve(name);
        names.entry(resolved.key).or_insert(resolved.name);
    }
    let mut by_core: BTreeMap<&str, Vec<(&str, Option<&str>)>> = BTreeMap::new();
    for key in names.keys() {
        if let Some(found) = vendors.core(key) {
            by_core
                .entry(found.core)
                .or_default()
                .push((key, found.vendor));
        }
    }
    let mut merged_table = table.clone();
    let mut merged = BTreeSet::new();
    for (core, prefixed) in by_core {
        let Some(bare) = names.get(core) else {
            continue;
        };
        let distinct: BTreeSet<Option<&str>> = prefixed.iter().map(|(_, vendor)| *vendor).collect();
        if distinct.iter().flatten().count() > 1 {
            continue;
        }
        for (key, _) in prefixed {
            let spelling = &names[key];
            // The prefixed name's own variants follow it into the bare name.
            let mut moved = merged_table.remove(spelling).unwrap_or_default();
            moved.push(spelling.clone());
            merged_table.entry(bare.clone()).or_default().extend(moved);
            merged.insert(key.to_owned());
        }
    }
    (merged_table, merged)
}

/// Keys of every variant the alias file lists, of any kind.
fn alias_variant_keys(aliases: &Aliases) -> HashSet<String> {
    [
        &aliases.skills,
        &aliases.tools,
        &aliases.jobs,
        &aliases.teams,
        &aliases.resources,
    ]
    .into_iter()
    .flat_map(|table| table.values().flatten())
    .map(|variant| normalize::key(variant))
    .collect()
}

/// Keys of every slug, spaced slug, title and alias of each job.
pub(in crate::graph) fn job_name_index(graph: &Graph<Node, Edge>) -> HashMap<String, NodeIndex> {
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
        let parts: Vec<&str> = split_at_joins(&bare, joiner)
            .into_iter()
            .map(str::trim)
            .collect();
        if parts.len() > 1 && parts.iter().all(|part| part.chars().count() >= 2) {
            return parts.into_iter().map(str::to_owned).collect();
        }
    }
    Vec::new()
}

/// Particles that, right after `と`, make it part of a word rather than a
/// join: `顧客との交渉力` (with the customer), `講師として` (as a lecturer).
const NOT_A_JOIN_AFTER_TO: &[char] = &['の', 'し', 'は', 'も', 'い', 'う', 'な'];

/// `text` cut at every `joiner` that really joins two things.
fn split_at_joins<'t>(text: &'t str, joiner: &str) -> Vec<&'t str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(joiner) {
        let after = text[at + joiner.len()..].chars().next();
        let inside_a_word =
            joiner == "と" && after.is_some_and(|next| NOT_A_JOIN_AFTER_TO.contains(&next));
        if !inside_a_word && at >= start {
            parts.push(&text[start..at]);
            start = at + joiner.len();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The guide's prose outside the front matter and the skills and tools
/// tables, where tool mentions count as body mentions, each with where it
/// was read. (A tag, a tools-table cell and a skill row weigh in apart.)
pub(in crate::graph) fn body_texts(index: usize, guide: &Guide) -> Vec<(Source, &str)> {
    guide
        .prose()
        .filter(|prose| {
            !matches!(
                prose.section,
                Section::FrontMatter | Section::Skills | Section::Tools
            )
        })
        .map(|prose| (Source::of(index, prose), prose.text))
        .collect()
}

/// Adds `alias` to `aliases` unless it is the name itself or already there.
fn push_unique(aliases: &mut Vec<String>, alias: &str, name: &str) {
    // Nearly every call repeats a spelling already kept: no keys needed.
    if alias == name || aliases.iter().any(|a| a == alias) {
        return;
    }
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
    fn two_compiles_of_one_corpus_export_the_same_bytes() {
        // Each hash map of a process is seeded apart, so two compiles in
        // one process would differ wherever a map's order leaked out.
        let first = crate::graph::export::GraphView::whole(&seeds()).to_json();
        let second = crate::graph::export::GraphView::whole(&seeds()).to_json();
        assert!(
            first == second,
            "the seeds' exports differ between compiles"
        );
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
    fn compound_skills_split_only_at_real_joins() {
        assert_eq!(
            compound_parts("コンテナ技術とオーケストレーション"),
            vec!["コンテナ技術", "オーケストレーション"]
        );
        assert_eq!(
            compound_parts("ネットワークとセキュリティ"),
            vec!["ネットワーク", "セキュリティ"]
        );
        assert!(compound_parts("顧客との交渉力").is_empty());
        assert!(compound_parts("講師としての経験").is_empty());
        assert_eq!(compound_parts("設計及び運用"), vec!["設計", "運用"]);
        // Every compound the seeds and the drifted fixtures write splits
        // into parts that are words of their own, never a particle's tail.
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["seeds", "tests/fixtures/drift"] {
            let corpus = load_dir(&root.join(dir), &LoadOptions::default()).expect("a corpus");
            for skill in corpus.guides.iter().flat_map(|guide| &guide.skills) {
                for part in compound_parts(&skill.name) {
                    assert!(
                        !part.starts_with(['の', 'し', 'は', 'も', 'を', 'に', 'が']),
                        "{}: {part}",
                        skill.name
                    );
                }
            }
        }
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
