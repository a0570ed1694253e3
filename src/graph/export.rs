//! Views of the graph ready to draw, the corpus report, and their
//! serialisations.
//!
//! A [`GraphView`] is the whole graph or the neighbourhood of one node,
//! written in the [`Format`] each drawing tool reads:
//!
//! - JSON ([`GraphView::to_json`]): `{"nodes":[{"id","kind","label",…}],
//!   "edges":[{"source","target","kind","weight"}]}`, ids and kinds spelled
//!   as in the graph; the form of the GraphQL `graph` answer too.
//! - Cytoscape.js elements ([`GraphView::to_cytoscape`]).
//! - Graphviz DOT ([`GraphView::to_dot`]).
//! - GraphML ([`GraphView::to_graphml`]), for networkx, Gephi, yEd.
//! - A Mermaid flowchart ([`GraphView::to_mermaid`]), for Markdown.
//!
//! Labels are Japanese and carry quotes, slashes, brackets and ampersands
//! (`SRE/運用チーム`, `Docker/Kubernetes実践ガイド`, `「CKA」`), so every text
//! format escapes by its own rules; `.ci/consumers/run.sh` checks each output
//! in the tool that reads it.
//!
//! A [`Report`] is what `check` tells a corpus editor: the counts, every
//! error and warning, and what to review.

use super::diagnostics::Diagnostics;
use super::node::{NodeData, NodeKind};
use super::{NodeId, NodeRef, SkillGraph};
use crate::guide::{ResourceKind, SkillKind, listing};
use serde::Serialize;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// A node as drawn: id, kind, label and the attributes of its kind.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ViewNode {
    pub id: String,
    pub kind: NodeKind,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_guide: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skill_type: Option<SkillKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<ResourceKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// An edge as drawn.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ViewEdge {
    pub source: String,
    pub target: String,
    pub kind: super::EdgeKind,
    pub weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
}

/// The most nodes a neighbourhood asked for over the API holds: more than
/// any picture can show, and few enough that its answer stays small
/// whatever the corpus (the nearest nodes are kept).
pub const MAX_VIEW_NODES: usize = 500;
/// The most edges such a neighbourhood holds.
pub const MAX_VIEW_EDGES: usize = 4 * MAX_VIEW_NODES;

/// Nodes and the edges between them.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct GraphView {
    pub nodes: Vec<ViewNode>,
    pub edges: Vec<ViewEdge>,
    /// Whether nodes or edges were left out to stay within a cap.
    #[serde(skip)]
    pub truncated: bool,
}

impl GraphView {
    /// The same view with each node labelled in `language` where the
    /// graph has a label in it (its own name otherwise), for a picture
    /// drawn in that language.
    pub fn in_language(&self, graph: &SkillGraph, language: crate::guide::Language) -> Self {
        let nodes = self
            .nodes
            .iter()
            .map(|node| {
                let label = graph
                    .node(&node.id)
                    .and_then(|found| found.node().labels().of(language).map(str::to_owned));
                ViewNode {
                    label: label.unwrap_or_else(|| node.label.clone()),
                    ..node.clone()
                }
            })
            .collect();
        Self {
            nodes,
            edges: self.edges.clone(),
            truncated: self.truncated,
        }
    }
}

impl ViewNode {
    /// The drawable form of a node.
    pub fn of(node: NodeRef<'_>) -> Self {
        let data = node.node();
        let mut view = ViewNode {
            id: data.id.to_string(),
            kind: data.kind(),
            label: data.label().to_owned(),
            slug: None,
            has_guide: None,
            skill_type: None,
            resource_type: None,
            order: None,
            job: None,
            categories: Vec::new(),
            aliases: data.aliases().to_vec(),
        };
        match &data.data {
            NodeData::Job(job) => {
                view.slug = Some(job.slug.clone());
                view.has_guide = Some(job.guide.is_some());
            }
            NodeData::Skill(skill) => view.skill_type = Some(skill.kind),
            NodeData::Tool(tool) => view.categories = tool.categories.clone(),
            NodeData::CareerStage(stage) => {
                view.order = Some(stage.order);
                view.job = Some(NodeId::job(&stage.job_slug).to_string());
            }
            NodeData::Resource(resource) => view.resource_type = Some(resource.kind),
            NodeData::Trend(trend) => view.job = Some(NodeId::job(&trend.job_slug).to_string()),
            NodeData::Employer(employer) => view.categories = employer.sectors.clone(),
            NodeData::Team(_) | NodeData::Posting(_) | NodeData::Concept(_) => {}
        }
        view
    }
}

impl ViewEdge {
    /// The drawable form of an edge from `source` to `target`.
    pub fn of((source, target, edge): (NodeRef<'_>, NodeRef<'_>, &super::Edge)) -> Self {
        Self {
            source: source.id().to_owned(),
            target: target.id().to_owned(),
            kind: edge.kind,
            weight: edge.weight,
            order: edge.order,
        }
    }
}

/// Kinds a view leaves out unless asked for: a tool may be asked for by
/// thousands of postings, and a job uses hundreds of concepts.
pub const NOT_IN_VIEWS_UNASKED: [NodeKind; 2] = [NodeKind::Posting, NodeKind::Concept];

impl GraphView {
    /// The whole graph.
    pub fn whole(graph: &SkillGraph) -> Self {
        let nodes = graph.nodes().map(ViewNode::of).collect();
        let edges = graph.edges().map(ViewEdge::of).collect();
        Self {
            nodes,
            edges,
            truncated: false,
        }
    }

    /// The nodes within `depth` edges of `center` (either direction),
    /// restricted to `kinds` when given (the center is always kept), and
    /// every edge between them. `None` when there is no such node.
    pub fn neighborhood(
        graph: &SkillGraph,
        center: &str,
        depth: usize,
        kinds: Option<&[NodeKind]>,
    ) -> Option<Self> {
        Self::neighborhood_within(graph, center, depth, kinds, (usize::MAX, usize::MAX))
    }

    /// [`GraphView::neighborhood`], keeping at most `max_nodes` nodes (the
    /// nearest, in the order a breadth-first walk meets them) and
    /// `max_edges` edges; `truncated` says whether any was left out.
    pub fn neighborhood_within(
        graph: &SkillGraph,
        center: &str,
        depth: usize,
        kinds: Option<&[NodeKind]>,
        (max_nodes, max_edges): (usize, usize),
    ) -> Option<Self> {
        let start = graph.node(center)?;
        let mut truncated = false;
        let allowed = |kind: NodeKind| {
            kinds.map_or(!NOT_IN_VIEWS_UNASKED.contains(&kind), |kinds| {
                kinds.contains(&kind)
            })
        };
        let mut seen: HashSet<&str> = HashSet::from([start.id()]);
        let mut order: Vec<NodeRef<'_>> = vec![start];
        let mut queue = VecDeque::from([(start, 0usize)]);
        'walk: while let Some((node, distance)) = queue.pop_front() {
            if distance == depth {
                continue;
            }
            for neighbour in graph.neighbours(node) {
                if allowed(neighbour.kind()) && seen.insert(neighbour.id()) {
                    if order.len() == max_nodes {
                        truncated = true;
                        break 'walk;
                    }
                    order.push(neighbour);
                    queue.push_back((neighbour, distance + 1));
                }
            }
        }
        let mut edges: Vec<ViewEdge> = graph
            .edges_among(&order)
            .into_iter()
            .map(ViewEdge::of)
            .collect();
        if edges.len() > max_edges {
            edges.truncate(max_edges);
            truncated = true;
        }
        let nodes = order.into_iter().map(ViewNode::of).collect();
        Some(Self {
            nodes,
            edges,
            truncated,
        })
    }

    /// The JSON form.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Cytoscape.js elements: `{"elements":{"nodes":[{"data":{"id","label",
    /// "kind",…}}],"edges":[{"data":{"id","source","target","kind","weight"}}]}}`.
    /// A node's data is its JSON form; an edge's id is
    /// `source->target:KIND`, unique since the graph merges repeated edges.
    pub fn to_cytoscape(&self) -> String {
        let nodes: Vec<Value> = self
            .nodes
            .iter()
            .map(|node| json!({ "data": node }))
            .collect();
        let edges: Vec<Value> = self
            .edges
            .iter()
            .map(|edge| {
                let mut data = json!({
                    "id": edge_id(edge),
                    "source": edge.source,
                    "target": edge.target,
                    "kind": edge.kind,
                    "weight": edge.weight,
                });
                if let Some(order) = edge.order {
                    data["order"] = json!(order);
                }
                json!({ "data": data })
            })
            .collect();
        let elements = json!({ "elements": { "nodes": nodes, "edges": edges } });
        serde_json::to_string_pretty(&elements).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Graphviz DOT: a `digraph` whose node ids are the graph's ids, quoted;
    /// each node labelled with its name and kind, each edge with its kind.
    /// The weight goes in `strength`, since Graphviz's own `weight` must be
    /// an integer.
    pub fn to_dot(&self) -> String {
        let mut out = String::from("digraph skillgraph {\n");
        out.push_str("  graph [rankdir=LR, charset=\"UTF-8\"];\n");
        out.push_str("  node [shape=box, style=rounded];\n");
        for node in &self.nodes {
            let _ = writeln!(
                out,
                "  {} [label={}, kind={}];",
                dot_string(&node.id),
                dot_string(&format!("{}\n({})", node.label, node.kind)),
                dot_string(&node.kind.to_string()),
            );
        }
        for edge in &self.edges {
            let _ = writeln!(
                out,
                "  {} -> {} [label={}, kind={}, strength={}];",
                dot_string(&edge.source),
                dot_string(&edge.target),
                dot_string(&edge.kind.to_string()),
                dot_string(&edge.kind.to_string()),
                edge.weight,
            );
        }
        out.push_str("}\n");
        out
    }

    /// GraphML with `<key>` declarations for the node `kind` and `label` and
    /// the edge `kind`, `weight` and `order`; every text XML-escaped.
    pub fn to_graphml(&self) -> String {
        let mut out = String::from(concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
            " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns",
            " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
            "  <key id=\"node_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
            "  <key id=\"node_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
            "  <key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n",
            "  <key id=\"edge_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
            "  <key id=\"edge_order\" for=\"edge\" attr.name=\"order\" attr.type=\"int\"/>\n",
            "  <graph id=\"skillgraph\" edgedefault=\"directed\">\n",
        ));
        for node in &self.nodes {
            let _ = writeln!(
                out,
                "    <node id=\"{}\"><data key=\"node_kind\">{}</data><data key=\"node_label\">{}</data></node>",
                xml_escape(&node.id),
                node.kind,
                xml_escape(&node.label),
            );
        }
        for (position, edge) in self.edges.iter().enumerate() {
            let order = edge
                .order
                .map(|order| format!("<data key=\"edge_order\">{order}</data>"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    <edge id=\"e{position}\" source=\"{}\" target=\"{}\"><data key=\"edge_kind\">{}</data><data key=\"edge_weight\">{}</data>{order}</edge>",
                xml_escape(&edge.source),
                xml_escape(&edge.target),
                edge.kind,
                edge.weight,
            );
        }
        out.push_str("  </graph>\n</graphml>\n");
        out
    }

    /// A Mermaid `flowchart LR`. Mermaid ids must be plain words, so nodes
    /// are `n0`, `n1` … in view order (a `%%` comment names the graph id of
    /// each); labels are quoted, with Mermaid's `#code;` entities for the
    /// characters that would end or confuse a label.
    pub fn to_mermaid(&self) -> String {
        let mut out = String::from("flowchart LR\n");
        let mut names: HashMap<&str, String> = HashMap::with_capacity(self.nodes.len());
        for (position, node) in self.nodes.iter().enumerate() {
            let name = format!("n{position}");
            let _ = writeln!(out, "  %% {name}: {}", mermaid_comment(&node.id));
            let _ = writeln!(
                out,
                "  {name}[\"{}<br/>({})\"]",
                mermaid_text(&node.label),
                node.kind
            );
            names.insert(&node.id, name);
        }
        for edge in &self.edges {
            let (Some(source), Some(target)) = (
                names.get(edge.source.as_str()),
                names.get(edge.target.as_str()),
            ) else {
                continue;
            };
            let _ = writeln!(out, "  {source} -->|{}| {target}", edge.kind);
        }
        out
    }
}

/// The forms a [`GraphView`] is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `{"nodes":[…],"edges":[…]}`.
    Json,
    /// Cytoscape.js elements.
    Cytoscape,
    /// Graphviz DOT.
    Dot,
    /// GraphML (networkx, Gephi, yEd).
    Graphml,
    /// A Mermaid flowchart.
    Mermaid,
}

impl Format {
    /// Every format, in the order a person is offered them.
    pub const ALL: [Format; 5] = [
        Format::Json,
        Format::Cytoscape,
        Format::Dot,
        Format::Graphml,
        Format::Mermaid,
    ];

    /// The format's name, as `export --format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Cytoscape => "cytoscape",
            Format::Dot => "dot",
            Format::Graphml => "graphml",
            Format::Mermaid => "mermaid",
        }
    }

    /// What the format is, in a few words.
    pub fn about(self) -> &'static str {
        match self {
            Format::Json => "`{\"nodes\":[…],\"edges\":[…]}`",
            Format::Cytoscape => "Cytoscape.js elements",
            Format::Dot => "Graphviz DOT",
            Format::Graphml => "GraphML (networkx, Gephi, yEd)",
            Format::Mermaid => "A Mermaid flowchart",
        }
    }

    /// The format named `name`.
    pub fn named(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|format| format.name() == name)
    }

    /// `view` in this format, ending with a line break.
    pub fn write(self, view: &GraphView, out: &mut impl io::Write) -> io::Result<()> {
        let text = match self {
            Format::Json => view.to_json(),
            Format::Cytoscape => view.to_cytoscape(),
            Format::Dot => view.to_dot(),
            Format::Graphml => view.to_graphml(),
            Format::Mermaid => view.to_mermaid(),
        };
        out.write_all(text.as_bytes())?;
        // The text forms end with a line break already; the JSON ones do not.
        if !text.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The forms a [`Report`] is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Lines for a person: the counts, then each list under its title.
    Text,
    /// One pretty-printed JSON object, for scripts.
    Json,
}

/// What `check` tells an editor of a corpus: how much it holds, which
/// files could not be read or were odd, and what else to review.
#[derive(Debug, Clone, Copy)]
pub struct Report<'g> {
    graph: &'g SkillGraph,
    /// The corpus folder, as given, which the text form starts with.
    corpus: &'g Path,
}

impl<'g> Report<'g> {
    /// The report on `graph`, read from the folder `corpus`.
    pub fn new(graph: &'g SkillGraph, corpus: &'g Path) -> Self {
        Self { graph, corpus }
    }

    /// True when some file could not be read: `check` then fails.
    pub fn has_errors(&self) -> bool {
        !self.graph.errors().is_empty()
    }

    /// The report in `format`.
    pub fn write(&self, format: ReportFormat, out: &mut impl io::Write) -> io::Result<()> {
        match format {
            ReportFormat::Text => self.write_text(out),
            ReportFormat::Json => self.write_json(out),
        }
    }

    fn write_json(&self, out: &mut impl io::Write) -> io::Result<()> {
        let graph = self.graph;
        let stats = graph.stats();
        let report = json!({
            "guides": stats.guides,
            "postings": graph.postings().len(),
            "nodes": stats.nodes,
            "edges": stats.edges,
            "nodes_by_kind": stats.nodes_by_kind,
            "edges_by_kind": stats.edges_by_kind,
            "errors": graph.errors(),
            "warnings": graph.warnings(),
            "omitted": graph.omitted(),
            "dropped": graph.dropped(),
            "diagnostics": graph.diagnostics(),
        });
        writeln!(out, "{report:#}")
    }

    fn write_text(&self, out: &mut impl io::Write) -> io::Result<()> {
        let graph = self.graph;
        let stats = graph.stats();
        writeln!(
            out,
            "{}: {} guides, {} postings, {} nodes, {} edges",
            self.corpus.display(),
            stats.guides,
            graph.postings().len(),
            stats.nodes,
            stats.edges
        )?;
        writeln!(out, "nodes: {}", joined(&stats.nodes_by_kind))?;
        writeln!(out, "edges: {}", joined(&stats.edges_by_kind))?;
        write_diagnostics(
            out,
            "errors",
            graph.error_count(),
            listing(graph.errors(), graph.omitted(), |omitted| omitted.errors),
        )?;
        write_diagnostics(
            out,
            "warnings",
            graph.warning_count(),
            listing(graph.warnings(), graph.omitted(), |omitted| {
                omitted.warnings
            }),
        )?;
        write_review(out, graph.diagnostics())
    }
}

/// Counts by kind: `Job 2, Skill 40`.
fn joined(counts: &BTreeMap<String, usize>) -> String {
    counts
        .iter()
        .map(|(kind, count)| format!("{kind} {count}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn write_diagnostics(
    out: &mut impl io::Write,
    title: &str,
    count: usize,
    lines: Vec<String>,
) -> io::Result<()> {
    writeln!(out, "{title} ({count}):")?;
    for line in lines {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// What an editor of the corpus should review, beyond errors and warnings.
fn write_review(out: &mut impl io::Write, review: &Diagnostics) -> io::Result<()> {
    writeln!(
        out,
        "one-way related_jobs ({}):",
        review.asymmetric_related_jobs.len()
    )?;
    for link in &review.asymmetric_related_jobs {
        writeln!(
            out,
            "  {} lists {}, which does not list it back",
            link.from, link.to
        )?;
    }
    writeln!(
        out,
        "names without an English label ({}):",
        review.unlabelled.len()
    )?;
    for node in &review.unlabelled {
        writeln!(out, "  {} {} ({})", node.kind, node.name, node.id)?;
    }
    writeln!(
        out,
        "names spelled more than one way ({}):",
        review.merged_names.len()
    )?;
    for merged in &review.merged_names {
        // Each spelling with the rule that merged it: an editor checks the
        // loose rules (vendor, acronym) first.
        let spellings: Vec<String> = merged
            .spellings
            .iter()
            .zip(&merged.rules)
            .map(|(spelling, rule)| format!("{spelling} ({})", rule.name()))
            .collect();
        writeln!(
            out,
            "  {} {}: {}",
            merged.kind,
            merged.name,
            spellings.join(" | ")
        )?;
    }
    Ok(())
}

/// The Cytoscape id of an edge.
fn edge_id(edge: &ViewEdge) -> String {
    format!("{}->{}:{}", edge.source, edge.target, edge.kind)
}

/// A DOT double-quoted string. A backslash is DOT's escape character (`\n`,
/// `\l` … in labels), so a literal one is doubled; quotes are escaped; a
/// line break becomes DOT's `\n`.
fn dot_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for an XML attribute value or element. Characters XML 1.0 forbids
/// (most C0 controls) become spaces; line breaks are kept as references so
/// attribute values keep them too. GraphML and the SVG pictures use it.
pub(super) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text inside a quoted Mermaid label. Quotes would end the label, `#`
/// starts an entity, `<>&` are read as HTML, and a line break ends the
/// statement, so each is written as an entity or `<br/>`.
fn mermaid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '\n' => out.push_str("<br/>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text for a `%%` comment: one line.
fn mermaid_comment(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::EdgeKind;

    fn node(id: &str, kind: NodeKind, label: &str) -> ViewNode {
        ViewNode {
            id: id.to_owned(),
            kind,
            label: label.to_owned(),
            slug: None,
            has_guide: None,
            skill_type: None,
            resource_type: None,
            order: None,
            job: None,
            categories: Vec::new(),
            aliases: Vec::new(),
        }
    }

    /// Two nodes whose ids and labels hold every character some format
    /// treats specially, and one edge between them.
    fn awkward() -> GraphView {
        GraphView {
            nodes: vec![
                node(
                    "team:sre/運用",
                    NodeKind::Team,
                    "SRE/運用チーム \"本番\" <&> C#",
                ),
                node(
                    "resource:a\"b\\c",
                    NodeKind::Resource,
                    "一行目\n二行目 'x' \\ end",
                ),
            ],
            edges: vec![ViewEdge {
                source: "team:sre/運用".to_owned(),
                target: "resource:a\"b\\c".to_owned(),
                kind: EdgeKind::LearnWith,
                weight: 1.5,
                order: Some(2),
            }],
            truncated: false,
        }
    }

    #[test]
    fn the_json_form_keeps_its_shape() {
        let json: Value = serde_json::from_str(&awkward().to_json()).unwrap();
        assert_eq!(json["nodes"][0]["id"], "team:sre/運用");
        assert_eq!(json["nodes"][0]["kind"], "Team");
        assert_eq!(json["edges"][0]["kind"], "LEARN_WITH");
        assert_eq!(json["edges"][0]["weight"], 1.5);
        assert_eq!(json.as_object().unwrap().len(), 2);
    }

    #[test]
    fn cytoscape_elements_carry_the_data_of_nodes_and_edges() {
        let json: Value = serde_json::from_str(&awkward().to_cytoscape()).unwrap();
        let nodes = json["elements"]["nodes"].as_array().unwrap();
        let edges = json["elements"]["edges"].as_array().unwrap();
        assert_eq!((nodes.len(), edges.len()), (2, 1));
        assert_eq!(nodes[1]["data"]["label"], "一行目\n二行目 'x' \\ end");
        assert_eq!(nodes[0]["data"]["kind"], "Team");
        let edge = &edges[0]["data"];
        assert_eq!(edge["source"], "team:sre/運用");
        assert_eq!(edge["target"], "resource:a\"b\\c");
        assert_eq!(edge["kind"], "LEARN_WITH");
        assert_eq!(edge["weight"], 1.5);
        assert_eq!(edge["order"], 2);
        assert_eq!(edge["id"], "team:sre/運用->resource:a\"b\\c:LEARN_WITH");
    }

    #[test]
    fn dot_quotes_ids_and_escapes_quotes_backslashes_and_line_breaks() {
        let dot = awkward().to_dot();
        assert!(dot.starts_with("digraph skillgraph {\n"), "{dot}");
        assert!(
            dot.contains(
                r#""team:sre/運用" [label="SRE/運用チーム \"本番\" <&> C#\n(Team)", kind="Team"];"#
            ),
            "{dot}"
        );
        assert!(
            dot.contains(r#""resource:a\"b\\c" [label="一行目\n二行目 'x' \\ end\n(Resource)""#),
            "{dot}"
        );
        assert!(dot.contains(r#""team:sre/運用" -> "resource:a\"b\\c" [label="LEARN_WITH", kind="LEARN_WITH", strength=1.5];"#), "{dot}");
        assert!(
            !dot.contains("一行目\n二行目"),
            "a raw line break inside a string: {dot}"
        );
    }

    #[test]
    fn graphml_declares_its_keys_and_escapes_markup() {
        let xml = awkward().to_graphml();
        for key in ["node_kind", "node_label", "edge_kind", "edge_weight"] {
            assert!(xml.contains(&format!("<key id=\"{key}\"")), "{key}: {xml}");
        }
        assert!(
            xml.contains("SRE/運用チーム &quot;本番&quot; &lt;&amp;&gt; C#"),
            "{xml}"
        );
        assert!(
            xml.contains("一行目&#10;二行目 &apos;x&apos; \\ end"),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<edge id="e0" source="team:sre/運用" target="resource:a&quot;b\c">"#),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<data key="edge_weight">1.5</data><data key="edge_order">2</data>"#),
            "{xml}"
        );
        let opened = xml.matches("<node ").count();
        assert_eq!(opened, xml.matches("</node>").count());
    }

    #[test]
    fn mermaid_names_nodes_by_position_and_quotes_their_labels() {
        let mermaid = awkward().to_mermaid();
        let lines: Vec<&str> = mermaid.lines().collect();
        assert_eq!(lines[0], "flowchart LR");
        assert!(
            lines.contains(
                &"  n0[\"SRE/運用チーム #quot;本番#quot; #lt;#amp;#gt; C#35;<br/>(Team)\"]"
            ),
            "{mermaid}"
        );
        assert!(
            lines.contains(&"  n1[\"一行目<br/>二行目 'x' \\ end<br/>(Resource)\"]"),
            "{mermaid}"
        );
        assert!(lines.contains(&"  n0 -->|LEARN_WITH| n1"), "{mermaid}");
        assert!(lines.contains(&"  %% n1: resource:a\"b\\c"), "{mermaid}");
    }

    #[test]
    fn control_characters_never_reach_a_text_format() {
        let mut view = awkward();
        view.nodes[0].label = "a\u{7}b\u{0}c".to_owned();
        for out in [view.to_dot(), view.to_graphml(), view.to_mermaid()] {
            assert!(!out.contains('\u{7}') && !out.contains('\u{0}'), "{out}");
        }
    }

    #[test]
    fn every_format_is_found_by_its_name_and_no_other() {
        for format in Format::ALL {
            assert_eq!(Format::named(format.name()), Some(format));
            assert_eq!(format.to_string(), format.name());
        }
        assert_eq!(Format::named("JSON"), None);
        assert_eq!(Format::named("svg"), None);
    }

    #[test]
    fn each_format_writes_its_form_ending_with_one_line_break() {
        let view = awkward();
        for format in Format::ALL {
            let mut out = Vec::new();
            format
                .write(&view, &mut out)
                .expect("a Vec takes every byte");
            let out = String::from_utf8(out).expect("UTF-8");
            let form = match format {
                Format::Json => view.to_json(),
                Format::Cytoscape => view.to_cytoscape(),
                Format::Dot => view.to_dot(),
                Format::Graphml => view.to_graphml(),
                Format::Mermaid => view.to_mermaid(),
            };
            assert_eq!(out.trim_end_matches('\n'), form.trim_end_matches('\n'));
            assert!(
                out.ends_with('\n') && !out.ends_with("\n\n"),
                "{format}: {out}"
            );
        }
    }

    #[test]
    fn a_neighbourhood_over_its_caps_keeps_the_nearest_and_says_it_was_cut() {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let corpus = crate::guide::load_dir(&seeds, &crate::guide::LoadOptions::default())
            .expect("the seeds load");
        let graph = SkillGraph::compile(corpus, crate::graph::CompileOptions { search: false });
        let center = "job:platform_engineer";
        let whole = GraphView::neighborhood(&graph, center, 2, None).expect("a job");
        assert!(!whole.truncated && whole.nodes.len() > 40);
        let cut = GraphView::neighborhood_within(&graph, center, 2, None, (40, 20)).expect("a job");
        assert!(cut.truncated);
        assert_eq!(cut.nodes.len(), 40);
        assert_eq!(cut.edges.len(), 20);
        assert_eq!(cut.nodes[0].id, center, "the center is kept first");
        let nearest: Vec<&str> = whole.nodes[..40]
            .iter()
            .map(|node| node.id.as_str())
            .collect();
        let kept: Vec<&str> = cut.nodes.iter().map(|node| node.id.as_str()).collect();
        assert_eq!(kept, nearest, "the nearest nodes are kept, in walk order");
        let ample = (whole.nodes.len(), whole.edges.len());
        let exact = GraphView::neighborhood_within(&graph, center, 2, None, ample).expect("a job");
        assert!(!exact.truncated, "caps that fit cut nothing");
    }

    fn seeds_report(format: ReportFormat) -> String {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let corpus = crate::guide::load_dir(&seeds, &crate::guide::LoadOptions::default())
            .expect("the seeds load");
        let graph = SkillGraph::build(corpus);
        let report = Report::new(&graph, Path::new("seeds"));
        assert!(!report.has_errors());
        let mut out = Vec::new();
        report
            .write(format, &mut out)
            .expect("a Vec takes every byte");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn the_text_report_gives_the_counts_then_every_list_under_its_title() {
        let report = seeds_report(ReportFormat::Text);
        let lines: Vec<&str> = report.lines().collect();
        assert!(lines[0].starts_with("seeds: 2 guides, "), "{report}");
        assert!(lines[1].starts_with("nodes: ") && lines[1].contains("Job "));
        assert!(lines[2].starts_with("edges: "), "{report}");
        let titles: Vec<&str> = lines
            .iter()
            .filter(|line| !line.starts_with(' '))
            .skip(3)
            .map(|line| line.split(" (").next().unwrap_or(line))
            .collect();
        assert_eq!(
            titles,
            [
                "errors",
                "warnings",
                "one-way related_jobs",
                "names without an English label",
                "names spelled more than one way"
            ]
        );
        assert!(lines.contains(&"errors (0):"), "{report}");
    }

    #[test]
    fn the_json_report_holds_the_counts_and_every_list() {
        let report = seeds_report(ReportFormat::Json);
        assert!(report.ends_with("}\n"), "{report}");
        let json: Value = serde_json::from_str(&report).expect("JSON");
        assert_eq!(json["guides"], 2);
        assert!(json["nodes_by_kind"]["Job"].as_u64() >= Some(2), "{report}");
        assert_eq!(json["errors"], json!([]));
        for key in ["postings", "nodes", "edges", "edges_by_kind", "warnings"] {
            assert!(!json[key].is_null(), "{key}: {report}");
        }
        assert!(json["diagnostics"].is_object(), "{report}");
    }
}
