//! Pictures of graph views: a Graphviz-like layered layout (layout-rs)
//! rendered to SVG, so a page can show a ladder or a neighbourhood without
//! a layout library of its own. Every node and edge in the picture carries
//! its id, and labels break where a reader would break them.
//!
//! This file lays a view out; `canvas.rs` is the SVG backend layout-rs
//! draws on, `ladder.rs` draws one role's career ladder on a grid of its
//! own, and `wrap.rs` breaks labels into lines as Japanese and English
//! text allow.

mod canvas;
mod ladder;
mod map;
mod wrap;

pub use ladder::{MAX_SIDE_ROLES, ladder_svg};
pub use map::map_svg;

use crate::graph::export::{GraphView, xml_escape};
use canvas::Canvas;
use layout::core::base::Orientation;
use layout::core::color::Color;
use wrap::{ems, wrap};

use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::collections::HashMap;

/// The most nodes drawn; layered layout grows faster than linearly.
pub const MAX_PICTURE_NODES: usize = 120;

/// Which way the layers run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Top to bottom: ladders read upwards from the first rung.
    TopDown,
    /// Left to right: neighbourhoods fan out sideways.
    LeftRight,
}

/// Why a view could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
    /// The view has more nodes than [`MAX_PICTURE_NODES`].
    #[error("the view has {0} nodes; at most {MAX_PICTURE_NODES} can be drawn")]
    TooLarge(usize),
    /// The layout library failed on this graph.
    #[error("the layout failed")]
    LayoutFailed,
}

/// Renders `view` as an SVG document.
///
/// Each node is a `<g data-node-id="…">` holding its box and its label,
/// and each edge a `<g data-edge-source="…" data-edge-target="…"
/// data-edge-kind="…">` holding its path, so a reader (the explorer page)
/// finds every element by id instead of by drawing order. Edges come
/// first in the document so boxes are drawn over them.
pub fn render_svg(view: &GraphView, direction: Direction) -> Result<String, PictureError> {
    if view.nodes.len() > MAX_PICTURE_NODES {
        return Err(PictureError::TooLarge(view.nodes.len()));
    }
    let view = view.clone();
    // layout-rs asserts on inputs it cannot place; a picture is never worth
    // a crashed request, so a panic becomes an error.
    std::panic::catch_unwind(move || draw(&view, direction)).map_err(|_| PictureError::LayoutFailed)
}

/// Size of a label's text, in pixels.
const FONT_SIZE: usize = 13;
/// Distance between the baselines of a label's lines, in pixels.
const LINE_HEIGHT: f64 = 16.0;
/// How wide a label's line may grow, in ems: fourteen Japanese characters,
/// or a little over twenty Latin ones.
const LABEL_WIDTH: f64 = 14.0;
/// Room between a label and its box, in pixels: (left and right, top and bottom).
const BOX_PADDING: (f64, f64) = (14.0, 7.0);

fn draw(view: &GraphView, direction: Direction) -> String {
    let orientation = match direction {
        Direction::TopDown => Orientation::TopToBottom,
        Direction::LeftRight => Orientation::LeftToRight,
    };
    let mut graph = VisualGraph::new(orientation);
    let mut handles = HashMap::new();
    for node in &view.nodes {
        let lines = wrap(&node.label, LABEL_WIDTH);
        let widest = lines.iter().map(|line| ems(line)).fold(0.0, f64::max);
        let size = Point::new(
            widest * FONT_SIZE as f64 + 2.0 * BOX_PADDING.0,
            lines.len() as f64 * LINE_HEIGHT + 2.0 * BOX_PADDING.1,
        );
        let look = StyleAttr::new(
            Color::fast("#475569"),
            1,
            Color::from_name(node.kind.look().fill),
            6,
            FONT_SIZE,
        );
        // layout-rs hands `properties` back untouched with the box it
        // draws; the canvas writes them on the node's group.
        let element = Element::create_with_properties(
            ShapeKind::new_box(&lines.join("\n")),
            look,
            orientation,
            size,
            attribute("data-node-id", &node.id),
        );
        handles.insert(node.id.as_str(), graph.add_node(element));
    }
    for edge in &view.edges {
        if let (Some(&from), Some(&to)) = (
            handles.get(edge.source.as_str()),
            handles.get(edge.target.as_str()),
        ) {
            let ids = [
                attribute("data-edge-source", &edge.source),
                attribute("data-edge-target", &edge.target),
                attribute("data-edge-kind", &edge.kind.to_string()),
            ];
            graph.add_edge(Arrow::simple_with_properties("", ids.join(" ")), from, to);
        }
    }
    let mut canvas = Canvas::default();
    graph.do_it(false, false, false, &mut canvas);
    canvas.finish()
}

/// `name="value"`, the value escaped for an attribute.
fn attribute(name: &str, value: &str) -> String {
    format!("{name}=\"{}\"", xml_escape(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{NodeKind, SkillGraph};
    use crate::guide::{LoadOptions, load_dir};
    use scraper::{Html, Selector};
    use std::path::Path;

    #[test]
    fn a_career_ladder_renders_to_svg_with_its_japanese_labels() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let graph = SkillGraph::build(load_dir(&dir, &LoadOptions::default()).expect("seeds"));
        let view = GraphView::neighborhood(
            &graph,
            "job:cloud_native_engineer",
            2,
            Some(&[NodeKind::Job, NodeKind::CareerStage]),
        )
        .expect("job exists");
        let svg = render_svg(&view, Direction::TopDown).expect("renders");
        assert!(
            svg.starts_with("<svg") || svg.contains("<svg"),
            "{}",
            &svg[..svg.len().min(200)]
        );
        assert!(svg.contains("クラウドアーキテクト"));
        assert!(svg.contains(NodeKind::CareerStage.look().fill));
    }

    #[test]
    fn a_view_too_large_is_refused() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let graph = SkillGraph::build(load_dir(&dir, &LoadOptions::default()).expect("seeds"));
        let whole = GraphView::whole(&graph);
        assert!(whole.nodes.len() > MAX_PICTURE_NODES);
        assert_eq!(
            render_svg(&whole, Direction::LeftRight),
            Err(PictureError::TooLarge(whole.nodes.len()))
        );
    }

    /// The neighbourhood of a job with every kind of node, as the explorer asks for it.
    fn neighbourhood() -> GraphView {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let graph = SkillGraph::build(load_dir(&dir, &LoadOptions::default()).expect("seeds"));
        GraphView::neighborhood(&graph, "job:platform_engineer", 1, None).expect("job exists")
    }

    /// The text of `element`'s descendants, spaces dropped.
    fn text_of(element: scraper::ElementRef<'_>) -> String {
        element
            .text()
            .collect::<String>()
            .split_whitespace()
            .collect()
    }

    #[test]
    fn every_node_and_edge_of_a_view_is_drawn_with_its_ids() {
        let view = neighbourhood();
        assert!(
            view.nodes.len() > 20 && view.edges.len() > 20,
            "a view worth drawing"
        );
        let svg = render_svg(&view, Direction::LeftRight).expect("renders");
        let document = Html::parse_fragment(&svg);
        let nodes = Selector::parse("g[data-node-id]").expect("a selector");
        let edges = Selector::parse("g[data-edge-kind]").expect("a selector");
        let rect = Selector::parse("rect").expect("a selector");
        let path = Selector::parse("path").expect("a selector");

        let mut drawn: Vec<&str> = Vec::new();
        for group in document.select(&nodes) {
            let id = group.value().attr("data-node-id").expect("an id");
            let node = view
                .nodes
                .iter()
                .find(|node| node.id == id)
                .expect("a node of the view");
            assert_eq!(group.select(&rect).count(), 1, "{id} has one box");
            assert_eq!(
                text_of(group),
                node.label.split_whitespace().collect::<String>(),
                "{id} holds its own label"
            );
            drawn.push(id);
        }
        drawn.sort_unstable();
        let mut expected: Vec<&str> = view.nodes.iter().map(|node| node.id.as_str()).collect();
        expected.sort_unstable();
        assert_eq!(drawn, expected, "each node once");

        let mut drawn: Vec<(String, String, String)> = document
            .select(&edges)
            .map(|group| {
                assert_eq!(group.select(&path).count(), 1);
                let attr = |name| group.value().attr(name).expect(name).to_owned();
                (
                    attr("data-edge-source"),
                    attr("data-edge-target"),
                    attr("data-edge-kind"),
                )
            })
            .collect();
        drawn.sort();
        let mut expected: Vec<(String, String, String)> = view
            .edges
            .iter()
            .map(|edge| {
                (
                    edge.source.clone(),
                    edge.target.clone(),
                    edge.kind.to_string(),
                )
            })
            .collect();
        expected.sort();
        assert_eq!(
            drawn, expected,
            "each edge once, with its direction and kind"
        );
    }

    #[test]
    fn ids_and_labels_are_escaped() {
        let mut view = neighbourhood();
        let odd = r#"job:"<a href='x'>&"#;
        let label = r#"<script>alert("&")</script>"#;
        let old = std::mem::replace(&mut view.nodes[0].id, odd.to_owned());
        view.nodes[0].label = label.to_owned();
        for edge in &mut view.edges {
            for end in [&mut edge.source, &mut edge.target] {
                if *end == old {
                    *end = odd.to_owned();
                }
            }
        }
        let svg = render_svg(&view, Direction::TopDown).expect("renders");
        assert!(!svg.contains("<script") && !svg.contains("<a "), "{svg}");
        let document = Html::parse_fragment(&svg);
        let selector = Selector::parse("g[data-node-id]").expect("a selector");
        let group = document
            .select(&selector)
            .find(|group| group.value().attr("data-node-id") == Some(odd))
            .expect("the odd id survives as an attribute");
        assert_eq!(text_of(group), label.split_whitespace().collect::<String>());
        let sources = Selector::parse("g[data-edge-source]").expect("a selector");
        assert!(
            document
                .select(&sources)
                .any(|group| group.value().attr("data-edge-source") == Some(odd))
        );
    }

    #[test]
    fn no_label_of_the_seeds_is_broken_inside_a_latin_word() {
        for node in &neighbourhood().nodes {
            wrap::tests::assert_keeps_words(&node.label, LABEL_WIDTH);
        }
    }
}
