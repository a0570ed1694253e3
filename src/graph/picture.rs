//! Pictures of graph views: a Graphviz-like layered layout (layout-rs)
//! rendered to SVG, so a page can show a ladder or a neighbourhood without
//! a layout library of its own. Every node and edge in the picture carries
//! its id, and labels break where a reader would break them.

use super::export::{GraphView, xml_escape};
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::collections::HashMap;
use std::fmt::Write as _;

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

/// A layout-rs backend that keeps each node's box and label in one group.
///
/// layout-rs's own SVG writer closes a node's group before its label and
/// styles text with Times; this one groups what belongs together, leaves
/// the font to the reader, and fits the canvas to what it drew.
#[derive(Default)]
struct Canvas {
    nodes: String,
    edges: String,
    /// A node's group is open: layout-rs draws a box, then its label.
    open: bool,
    /// The smallest and largest point drawn.
    bounds: Option<(Point, Point)>,
}

impl Canvas {
    fn include(&mut self, point: Point) {
        let (low, high) = self.bounds.get_or_insert((point, point));
        *low = Point::new(low.x.min(point.x), low.y.min(point.y));
        *high = Point::new(high.x.max(point.x), high.y.max(point.y));
    }

    fn close_group(&mut self) {
        if std::mem::take(&mut self.open) {
            self.nodes.push_str("</g>\n");
        }
    }

    fn finish(mut self) -> String {
        self.close_group();
        const MARGIN: f64 = 8.0;
        let (low, high) = self.bounds.unwrap_or((Point::zero(), Point::zero()));
        let (x, y) = (low.x - MARGIN, low.y - MARGIN);
        let (width, height) = (high.x - low.x + 2.0 * MARGIN, high.y - low.y + 2.0 * MARGIN);
        format!(
            concat!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" ",
                "viewBox=\"{x:.1} {y:.1} {width:.1} {height:.1}\" font-family=\"sans-serif\" font-size=\"{font}\">\n",
                "<defs>\n",
                "<marker id=\"startarrow\" markerWidth=\"10\" markerHeight=\"7\" refX=\"0\" refY=\"3.5\" orient=\"auto\">",
                "<polygon points=\"10 0, 10 7, 0 3.5\" fill=\"context-stroke\"/></marker>\n",
                "<marker id=\"endarrow\" markerWidth=\"10\" markerHeight=\"7\" refX=\"10\" refY=\"3.5\" orient=\"auto\">",
                "<polygon points=\"0 0, 10 3.5, 0 7\" fill=\"context-stroke\"/></marker>\n",
                "</defs>\n",
                "{edges}{nodes}</svg>\n",
            ),
            width = width,
            height = height,
            x = x,
            y = y,
            font = FONT_SIZE,
            edges = self.edges,
            nodes = self.nodes,
        )
    }
}

impl RenderBackend for Canvas {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        self.include(xy);
        self.include(xy.add(size));
        if let Some(properties) = properties {
            self.close_group();
            let _ = writeln!(self.nodes, "<g {properties}>");
            self.open = true;
        }
        let _ = writeln!(
            self.nodes,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            xy.x,
            xy.y,
            size.x,
            size.y,
            look.rounded,
            look.fill_color
                .unwrap_or_else(Color::transparent)
                .to_web_color(),
            look.line_color.to_web_color(),
            look.line_width,
        );
    }

    fn draw_line(
        &mut self,
        start: Point,
        stop: Point,
        look: &StyleAttr,
        _properties: Option<String>,
    ) {
        self.include(start);
        self.include(stop);
        let _ = writeln!(
            self.edges,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            start.x,
            start.y,
            stop.x,
            stop.y,
            look.line_color.to_web_color(),
            look.line_width,
        );
    }

    fn draw_circle(
        &mut self,
        xy: Point,
        size: Point,
        look: &StyleAttr,
        _properties: Option<String>,
    ) {
        self.include(xy.sub(size.scale(0.5)));
        self.include(xy.add(size.scale(0.5)));
        let _ = writeln!(
            self.nodes,
            "<ellipse cx=\"{:.1}\" cy=\"{:.1}\" rx=\"{:.1}\" ry=\"{:.1}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            xy.x,
            xy.y,
            size.x / 2.0,
            size.y / 2.0,
            look.fill_color
                .unwrap_or_else(Color::transparent)
                .to_web_color(),
            look.line_color.to_web_color(),
            look.line_width,
        );
    }

    /// The label of the box drawn last, its lines centred on `xy`; it
    /// closes the box's group.
    fn draw_text(&mut self, xy: Point, text: &str, _look: &StyleAttr) {
        let lines: Vec<&str> = text.lines().collect();
        let first = -((lines.len().max(1) - 1) as f64) / 2.0;
        let _ = write!(
            self.nodes,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" dominant-baseline=\"central\">",
            xy.x, xy.y
        );
        for (index, line) in lines.iter().enumerate() {
            let _ = write!(
                self.nodes,
                "<tspan x=\"{:.1}\" y=\"{:.1}\">{}</tspan>",
                xy.x,
                xy.y + (first + index as f64) * LINE_HEIGHT,
                xml_escape(line)
            );
        }
        self.nodes.push_str("</text>\n");
        self.close_group();
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        head: (bool, bool),
        look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        // As layout-rs's own writer: the first pair is the exit vector of
        // the source, each later pair the entry into the next point.
        let [(start, exit), (control, point), rest @ ..] = path else {
            return;
        };
        let mut d = format!(
            "M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
            start.x, start.y, exit.x, exit.y, control.x, control.y, point.x, point.y
        );
        for (control, point) in rest {
            let _ = write!(
                d,
                " S {:.1} {:.1}, {:.1} {:.1}",
                control.x, control.y, point.x, point.y
            );
        }
        for (a, b) in path {
            self.include(*a);
            self.include(*b);
        }
        let _ = writeln!(
            self.edges,
            "<g {}><path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{}{}{}/></g>",
            properties.unwrap_or_default(),
            look.line_color.to_web_color(),
            look.line_width,
            if dashed {
                " stroke-dasharray=\"5,5\""
            } else {
                ""
            },
            if head.0 {
                " marker-start=\"url(#startarrow)\""
            } else {
                ""
            },
            if head.1 {
                " marker-end=\"url(#endarrow)\""
            } else {
                ""
            },
        );
    }

    fn create_clip(&mut self, _xy: Point, _size: Point, _rounded_px: usize) -> ClipHandle {
        // Only records clip, and pictures draw none.
        0
    }
}

/// Breaks a label into lines about `width` ems wide.
///
/// Lines break at spaces and where Japanese text allows a break (see
/// [`may_break`]), never inside a Latin word: a word wider than a line
/// gets a line of its own. Only a run with no such place that is wider
/// than a line on its own (a long katakana word) is cut between two
/// characters.
fn wrap(label: &str, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in label.split_whitespace() {
        for (index, piece) in pieces(word).into_iter().enumerate() {
            // A space joins words; the pieces of one word join directly.
            let gap = if index == 0 { " " } else { "" };
            if !line.is_empty() && ems(&line) + ems(gap) + ems(piece) > width {
                lines.push(std::mem::take(&mut line));
            }
            if line.is_empty() && ems(piece) > width {
                let mut parts = cut(piece, width);
                line = parts.pop().unwrap_or_default();
                lines.extend(parts);
            } else {
                if !line.is_empty() {
                    line.push_str(gap);
                }
                line.push_str(piece);
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `word` (no spaces) split where [`may_break`] allows.
fn pieces(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous = None;
    for (at, c) in word.char_indices() {
        if previous.is_some_and(|before| may_break(before, c)) {
            pieces.push(&word[start..at]);
            start = at;
        }
        previous = Some(c);
    }
    pieces.push(&word[start..]);
    pieces
}

/// `piece` in lines of at most `width` ems, cut between characters where
/// nothing forbids it: never inside a Latin word, never before a closing
/// mark or a small kana, never after an opening bracket.
fn cut(piece: &str, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut previous: Option<char> = None;
    for c in piece.chars() {
        let allowed = previous.is_some_and(|before| {
            let forbidden = (is_latin(before) && is_latin(c))
                || NO_BREAK_BEFORE.contains(c)
                || OPENING.contains(before);
            !forbidden
        });
        if allowed && ems(&line) + advance(c) > width {
            lines.push(std::mem::take(&mut line));
        }
        line.push(c);
        previous = Some(c);
    }
    lines.push(line);
    lines
}

/// Brackets a break may come before but never after.
const OPENING: &str = "（「『【〔〈《［｛([";
/// Marks a break may come after but never before.
const CLOSING: &str = "、。，．・）」』】〕〉》］｝！？：；／";
/// Characters that never start a line: closing marks, the long-vowel mark,
/// the repetition mark and small kana.
const NO_BREAK_BEFORE: &str =
    "、。，．・）」』】〕〉》］｝！？：；／ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";

/// Part of a Latin word: any visible ASCII character (`CI/CD`, `Node.js`).
fn is_latin(c: char) -> bool {
    c.is_ascii_graphic()
}

/// The writing system of a character, for breaking where it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Hiragana,
    Katakana,
    Han,
    Other,
}

fn script(c: char) -> Script {
    match c {
        c if is_latin(c) => Script::Latin,
        '\u{3041}'..='\u{309f}' => Script::Hiragana,
        '\u{30a0}'..='\u{30ff}' | '\u{ff66}'..='\u{ff9f}' => Script::Katakana,
        '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '々'
        | '〆' => Script::Han,
        _ => Script::Other,
    }
}

/// Whether a line may break between `before` and `after` (neither a space).
///
/// After 、 。 ・ ／ and closing brackets; before opening brackets; and
/// where the script changes: between Latin and Japanese, and into kanji
/// or katakana (hiragana stays with what it follows: `技術と`, `しくみ`).
/// Never inside a Latin word, so `CI/CD` and `Node.js` stay whole; a
/// Latin word keeps the marks that end it (`TCP/IP）`).
fn may_break(before: char, after: char) -> bool {
    if is_latin(before) && is_latin(after) {
        return false;
    }
    if NO_BREAK_BEFORE.contains(after) || OPENING.contains(before) {
        return false;
    }
    if OPENING.contains(after) || CLOSING.contains(before) {
        return true;
    }
    // Into Latin text only where a word starts, not before its `/` or `)`.
    if is_latin(after) {
        return after.is_ascii_alphanumeric();
    }
    if is_latin(before) {
        return true;
    }
    let (from, to) = (script(before), script(after));
    from != to && to != Script::Hiragana
}

/// The width of `text` in ems, as a sans-serif font draws it: Japanese
/// characters are square, Latin letters about half as wide.
fn ems(text: &str) -> f64 {
    text.chars().map(advance).sum()
}

fn advance(c: char) -> f64 {
    match c {
        ' ' => 0.3,
        'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' => 0.4,
        'm' | 'w' | 'M' | 'W' => 0.85,
        c if c.is_ascii_uppercase() => 0.68,
        c if c.is_ascii() => 0.57,
        '\u{ff61}'..='\u{ff9f}' => 0.5,
        '–' | '—' | '‐' => 0.6,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{NodeKind, SkillGraph};
    use crate::guide::{LoadOptions, load_dir};
    use proptest::prelude::*;
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
    fn labels_break_at_spaces_and_where_japanese_allows() {
        for (label, lines) in [
            ("Platform Engineer", vec!["Platform Engineer"]),
            (
                "Certified Kubernetes Administrator (CKA)",
                vec!["Certified Kubernetes", "Administrator (CKA)"],
            ),
            (
                "コンテナ技術とオーケストレーション",
                vec!["コンテナ技術と", "オーケストレーション"],
            ),
            (
                "組織文化としてのDevOps推進役",
                vec!["組織文化としてのDevOps", "推進役"],
            ),
            (
                "マルチクラウド/ハイブリッドクラウド戦略の深化",
                vec!["マルチクラウド/", "ハイブリッドクラウド戦略の", "深化"],
            ),
            (
                "LPI認定試験（LPIC）の学習リソース",
                vec!["LPI認定試験（LPIC）の学習", "リソース"],
            ),
            (
                "SREの概念を教える専門コースや、Datadog/Prometheusのハンズオンチュートリアル",
                vec![
                    "SREの概念を教える専門",
                    "コースや、",
                    "Datadog/Prometheusの",
                    "ハンズオンチュートリアル",
                ],
            ),
        ] {
            assert_eq!(wrap(label, LABEL_WIDTH), lines, "{label}");
        }
    }

    #[test]
    fn a_word_wider_than_a_line_keeps_a_line_of_its_own() {
        assert_eq!(
            wrap("see Supercalifragilistic now", 6.0),
            ["see", "Supercalifragilistic", "now"]
        );
        // A katakana run with no break in it is cut, but never before ー or a small kana.
        let lines = wrap("プラットフォームエンジニアリング", 7.0);
        assert_eq!(lines.concat(), "プラットフォームエンジニアリング");
        assert!(lines.iter().all(|line| ems(line) <= 7.0), "{lines:?}");
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|line| !line.starts_with(['ー', 'ッ', 'ォ'])),
            "{lines:?}"
        );
    }

    #[test]
    fn no_label_of_the_seeds_is_broken_inside_a_latin_word() {
        for node in &neighbourhood().nodes {
            assert_keeps_words(&node.label, LABEL_WIDTH);
        }
    }

    /// `wrap(label, width)` keeps every character but spaces, and every
    /// Latin word whole on one line.
    fn assert_keeps_words(label: &str, width: f64) {
        let lines = wrap(label, width);
        let runs = |text: &str| -> Vec<String> {
            text.split(|c: char| !is_latin(c))
                .filter(|run| !run.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let squeeze = |text: &str| {
            text.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        };
        assert_eq!(
            squeeze(&lines.concat()),
            squeeze(label),
            "{label:?} → {lines:?}"
        );
        let words: Vec<String> = lines.iter().flat_map(|line| runs(line)).collect();
        assert_eq!(words, runs(label), "{label:?} → {lines:?}");
    }

    proptest! {
        #[test]
        fn wrapping_never_splits_a_latin_word(
            parts in proptest::collection::vec(
                prop_oneof![
                    "[A-Za-z0-9./()+#-]{1,18}",
                    "[ぁ-んァ-ヶー一-龥]{1,12}",
                    Just(" ".to_owned()),
                    Just("、".to_owned()),
                    Just("・".to_owned()),
                    Just("（".to_owned()),
                    Just("）".to_owned()),
                ],
                0..12,
            ),
            width in 1.0f64..20.0,
        ) {
            assert_keeps_words(&parts.concat(), width);
        }
    }
}
