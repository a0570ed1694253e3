//! The formats' shapes and escaping, the neighbourhood's caps, and the
//! report's two forms.

use super::*;
use crate::graph::EdgeKind;
use serde_json::{Value, json};
use std::path::Path;

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
        position: None,
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
        lines.contains(&"  n0[\"SRE/運用チーム #quot;本番#quot; #lt;#amp;#gt; C#35;<br/>(Team)\"]"),
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
            "career rungs levelled by their place on the ladder",
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

#[test]
fn the_json_and_cytoscape_exports_carry_the_career_maps_places() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus =
        crate::guide::load_dir(&dir, &crate::guide::LoadOptions::default()).expect("seeds");
    let graph = SkillGraph::build(corpus);
    let view = GraphView::whole(&graph);
    let json: Value = serde_json::from_str(&view.to_json()).expect("JSON");
    let placed: Vec<&Value> = json["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter(|node| node.get("position").is_some())
        .collect();
    // Both roles and their ten rungs, and nothing else.
    assert_eq!(placed.len(), 12);
    for node in &placed {
        let kind = node["kind"].as_str().expect("kind");
        assert!(kind == "CareerStage" || kind == "Job", "{node}");
        let found = graph
            .node(node["id"].as_str().expect("id"))
            .expect("the node");
        let at = graph.map_position(found).expect("a place");
        assert_eq!(
            (
                node["position"]["x"].as_f64(),
                node["position"]["y"].as_f64()
            ),
            (Some(at.x), Some(at.y))
        );
    }
    let cytoscape: Value = serde_json::from_str(&view.to_cytoscape()).expect("JSON");
    let elements = cytoscape["elements"]["nodes"].as_array().expect("nodes");
    let with_place = elements
        .iter()
        .filter(|element| element.get("position").is_some())
        .count();
    assert_eq!(with_place, 12);
    // Cytoscape reads the place beside the data, not in it.
    assert!(
        elements
            .iter()
            .all(|element| element["data"].get("position").is_none())
    );
}
