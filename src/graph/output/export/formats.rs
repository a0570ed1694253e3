//! A [`GraphView`] written in each format a drawing tool reads, and the
//! escaping each format's text needs.

use super::{GraphView, ViewEdge};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io;

impl GraphView {
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
            .map(|node| {
                // Cytoscape reads a node's place beside its data.
                let mut data = json!(node);
                let position = data
                    .as_object_mut()
                    .and_then(|fields| fields.remove("position"));
                match position {
                    Some(position) => json!({ "data": data, "position": position }),
                    None => json!({ "data": data }),
                }
            })
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
pub(in crate::graph) fn xml_escape(text: &str) -> String {
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
