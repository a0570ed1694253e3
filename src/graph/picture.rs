//! Pictures of graph views: a Graphviz-like layered layout (layout-rs)
//! rendered to SVG, so a page can show a ladder or a neighbourhood without
//! a layout library of its own.

use super::NodeKind;
use super::export::GraphView;
use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
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

/// Fill colour of each kind of node, so a picture reads at a glance.
fn fill_of(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Job => "#dbeafe",
        NodeKind::Skill => "#dcfce7",
        NodeKind::Tool => "#fef3c7",
        NodeKind::CareerStage => "#ede9fe",
        NodeKind::Team => "#fce7f3",
        NodeKind::Employer => "#e0f2fe",
        NodeKind::Resource => "#f3f4f6",
        NodeKind::Trend => "#ffedd5",
        NodeKind::Posting => "#fee2e2",
    }
}

/// Renders `view` as an SVG document.
pub fn render_svg(view: &GraphView, direction: Direction) -> Result<String, PictureError> {
    if view.nodes.len() > MAX_PICTURE_NODES {
        return Err(PictureError::TooLarge(view.nodes.len()));
    }
    let view = view.clone();
    // layout-rs asserts on inputs it cannot place; a picture is never worth
    // a crashed request, so a panic becomes an error.
    std::panic::catch_unwind(move || draw(&view, direction)).map_err(|_| PictureError::LayoutFailed)
}

fn draw(view: &GraphView, direction: Direction) -> String {
    let orientation = match direction {
        Direction::TopDown => Orientation::TopToBottom,
        Direction::LeftRight => Orientation::LeftToRight,
    };
    let mut graph = VisualGraph::new(orientation);
    let mut handles = HashMap::new();
    for node in &view.nodes {
        let label = wrap(&node.label, 14);
        let look = StyleAttr::new(
            Color::fast("#475569"),
            1,
            Color::from_name(fill_of(node.kind)),
            6,
            13,
        );
        let size = layout::core::geometry::get_size_for_str(&label, 13).add(Point::new(16.0, 12.0));
        let element = Element::create(ShapeKind::new_box(&label), look, orientation, size);
        handles.insert(node.id.as_str(), graph.add_node(element));
    }
    for edge in &view.edges {
        if let (Some(&from), Some(&to)) = (
            handles.get(edge.source.as_str()),
            handles.get(edge.target.as_str()),
        ) {
            graph.add_edge(Arrow::simple(""), from, to);
        }
    }
    let mut svg = SVGWriter::new();
    graph.do_it(false, false, false, &mut svg);
    svg.finalize()
}

/// Breaks a label into lines of at most `width` characters.
fn wrap(label: &str, width: usize) -> String {
    let chars: Vec<char> = label.chars().collect();
    chars
        .chunks(width)
        .map(|chunk| chunk.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::SkillGraph;
    use crate::guide::{LoadOptions, load_dir};
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
        assert!(svg.contains(fill_of(NodeKind::CareerStage)));
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

    #[test]
    fn long_labels_wrap() {
        assert_eq!(wrap("abcdef", 4), "abcd\nef");
    }
}
