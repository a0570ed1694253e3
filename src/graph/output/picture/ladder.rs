//! The picture of one role's career ladder: its rungs top-down in one
//! column, the roles a rung leads to at its right, and the roles whose
//! rungs lead here at its left, each beside the rung of its level.
//!
//! It draws only "next rung" and "leads to" edges (and, dashed, the
//! guide's related roles beside its top rung), never a job fanned out to
//! each of its stages, so the picture reads like the ladder it is. The
//! placement is a grid, not a search: each row holds one rung and the
//! roles beside it, rows never overlap, and every edge stays inside its
//! row or joins two neighbouring rungs, so no two edges cross and no two
//! boxes overlap.

use super::canvas::Canvas;
use super::wrap::{ems, wrap};
use super::{BOX_PADDING, FONT_SIZE, LABEL_WIDTH, LINE_HEIGHT, attribute};
use crate::graph::{EdgeKind, NodeKind, NodeRef};
use crate::guide::Language;
use layout::core::color::Color;
use layout::core::format::RenderBackend;
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use std::collections::HashSet;

/// The most roles drawn on either side; the rest are left out, in id order.
pub const MAX_SIDE_ROLES: usize = 12;
/// Room between the columns, in pixels.
const COLUMN_GAP: f64 = 56.0;
/// Room between rows, and between roles stacked in one row, in pixels.
const ROW_GAP: f64 = 26.0;

/// A box to draw: the node, its label's lines and its size.
pub(super) struct Box_<'g> {
    node: NodeRef<'g>,
    lines: Vec<String>,
    pub(super) size: Point,
}

impl<'g> Box_<'g> {
    /// The box of `node`, labelled in `language` where it has a label in it.
    fn of(node: NodeRef<'g>, language: Option<Language>) -> Self {
        Self::within(node, language, LABEL_WIDTH, usize::MAX)
    }

    /// The box of `node` with its label wrapped at `width` ems, on at most
    /// `most_lines` lines (the last one ending in `…` when cut).
    pub(super) fn within(
        node: NodeRef<'g>,
        language: Option<Language>,
        width: f64,
        most_lines: usize,
    ) -> Self {
        let labels = node.node().labels();
        let label = language
            .and_then(|language| labels.of(language))
            .unwrap_or(node.label());
        let mut lines = wrap(label, width);
        if lines.len() > most_lines {
            lines.truncate(most_lines);
            if let Some(last) = lines.last_mut() {
                last.push('…');
            }
        }
        let widest = lines.iter().map(|line| ems(line)).fold(0.0, f64::max);
        let size = Point::new(
            widest * FONT_SIZE as f64 + 2.0 * BOX_PADDING.0,
            lines.len() as f64 * LINE_HEIGHT + 2.0 * BOX_PADDING.1,
        );
        Self { node, lines, size }
    }
}

/// A role beside a rung, and the edge that joins them.
struct Side<'g> {
    role: Box_<'g>,
    /// The node the edge leaves from, when it is not the rung itself (a
    /// rung of another role that leads here).
    from: Option<NodeRef<'g>>,
    kind: EdgeKind,
}

/// One row: a rung and the roles beside it.
struct Row<'g> {
    rung: Box_<'g>,
    left: Vec<Side<'g>>,
    right: Vec<Side<'g>>,
}

/// The ladder of `job` as an SVG document, labelled in `language` where a
/// node has a label in it; a job without a ladder draws as its own box.
pub fn ladder_svg(job: NodeRef<'_>, language: Option<Language>) -> String {
    let rows = rows_of(job, language);
    draw(&rows, job, language)
}

/// The rows of the picture: one per rung, first rung first.
fn rows_of(job: NodeRef<'_>, language: Option<Language>) -> Vec<Row<'_>> {
    let rungs: Vec<NodeRef<'_>> = job
        .outgoing(EdgeKind::HasStage)
        .into_iter()
        .map(|link| link.node)
        .collect();
    let mut rows: Vec<Row<'_>> = rungs
        .iter()
        .map(|rung| Row {
            rung: Box_::of(*rung, language),
            left: Vec::new(),
            right: Vec::new(),
        })
        .collect();
    let mut shown: HashSet<&str> = HashSet::from([job.id()]);
    for (row, rung) in rows.iter_mut().zip(&rungs) {
        let links = rung.outgoing(EdgeKind::LeadsTo);
        beside(
            &mut row.right,
            links,
            EdgeKind::LeadsTo,
            &mut shown,
            language,
        );
    }
    if let Some(top) = rows.last_mut() {
        let links = job.outgoing(EdgeKind::RelatedTo);
        beside(
            &mut top.right,
            links,
            EdgeKind::RelatedTo,
            &mut shown,
            language,
        );
    }
    add_roles_leading_here(job, &rungs, &mut rows, language);
    rows
}

/// Puts the roles `links` reach beside a rung, each role once in the
/// picture (`shown` holds those drawn already, the ladder's own role
/// first), until [`MAX_SIDE_ROLES`] stand at the right.
fn beside<'g>(
    sides: &mut Vec<Side<'g>>,
    links: Vec<crate::graph::Link<'g>>,
    kind: EdgeKind,
    shown: &mut HashSet<&'g str>,
    language: Option<Language>,
) {
    for link in links {
        if shown.len() <= MAX_SIDE_ROLES && shown.insert(link.node.id()) {
            sides.push(Side {
                role: Box_::of(link.node, language),
                from: None,
                kind,
            });
        }
    }
}

/// The rungs of other roles that lead to `job`, each beside the rung of
/// `job` at its level.
fn add_roles_leading_here<'g>(
    job: NodeRef<'g>,
    rungs: &[NodeRef<'g>],
    rows: &mut [Row<'g>],
    language: Option<Language>,
) {
    let graph = job.graph();
    let mut leading: Vec<NodeRef<'g>> = job
        .incoming(EdgeKind::LeadsTo)
        .into_iter()
        .map(|link| link.node)
        .filter(|from| from.kind() == NodeKind::CareerStage)
        .collect();
    leading.sort_by(|a, b| a.id().cmp(b.id()));
    leading.truncate(MAX_SIDE_ROLES);
    for from in leading {
        let Some(level) = from.as_stage().map(|stage| stage.level) else {
            continue;
        };
        let Some(landing) = graph.stage_at(job, level) else {
            continue;
        };
        if let Some(at) = rungs.iter().position(|rung| *rung == landing) {
            rows[at].left.push(Side {
                role: Box_::of(from, language),
                from: Some(from),
                kind: EdgeKind::LeadsTo,
            });
        }
    }
}

/// Where each box of a row stands: (top-left, size) for the rung and for
/// each role on either side.
struct Placed {
    rung: (Point, Point),
    left: Vec<(Point, Point)>,
    right: Vec<(Point, Point)>,
}

fn draw(rows: &[Row<'_>], job: NodeRef<'_>, language: Option<Language>) -> String {
    let mut canvas = Canvas::default();
    if rows.is_empty() {
        let only = Box_::of(job, language);
        draw_box(&mut canvas, &only, Point::zero(), None);
        return canvas.finish();
    }
    let width =
        |boxes: &mut dyn Iterator<Item = &Box_<'_>>| boxes.map(|b| b.size.x).fold(0.0, f64::max);
    let left_width = width(
        &mut rows
            .iter()
            .flat_map(|row| row.left.iter().map(|side| &side.role)),
    );
    let rung_width = width(&mut rows.iter().map(|row| &row.rung));
    let centre = if left_width > 0.0 {
        left_width + COLUMN_GAP + rung_width / 2.0
    } else {
        rung_width / 2.0
    };
    let right_x = centre + rung_width / 2.0 + COLUMN_GAP;
    let placed = place(rows, centre, right_x);
    draw_edges(&mut canvas, rows, &placed);
    for (row, at) in rows.iter().zip(&placed) {
        draw_box(&mut canvas, &row.rung, at.rung.0, level_of(row.rung.node));
        for (side, (xy, _)) in row.left.iter().zip(&at.left) {
            draw_box(&mut canvas, &side.role, *xy, level_of(side.role.node));
        }
        for (side, (xy, _)) in row.right.iter().zip(&at.right) {
            draw_box(&mut canvas, &side.role, *xy, None);
        }
    }
    canvas.finish()
}

/// Places every row below the last: a row is as tall as its tallest
/// column, and each column's boxes are stacked about the row's middle.
fn place(rows: &[Row<'_>], centre: f64, right_x: f64) -> Vec<Placed> {
    let stack_height = |sides: &[Side<'_>]| -> f64 {
        let heights: f64 = sides.iter().map(|side| side.role.size.y).sum();
        heights + ROW_GAP * sides.len().saturating_sub(1) as f64
    };
    let mut top = 0.0;
    let mut placed = Vec::with_capacity(rows.len());
    for row in rows {
        let height = row
            .rung
            .size
            .y
            .max(stack_height(&row.left))
            .max(stack_height(&row.right));
        let middle = top + height / 2.0;
        let rung = (
            Point::new(
                centre - row.rung.size.x / 2.0,
                middle - row.rung.size.y / 2.0,
            ),
            row.rung.size,
        );
        let stack = |sides: &[Side<'_>], x_of: &dyn Fn(&Box_<'_>) -> f64| {
            let mut y = middle - stack_height(sides) / 2.0;
            sides
                .iter()
                .map(|side| {
                    let at = (Point::new(x_of(&side.role), y), side.role.size);
                    y += side.role.size.y + ROW_GAP;
                    at
                })
                .collect::<Vec<_>>()
        };
        let left_edge = centre - row.rung.size.x / 2.0 - COLUMN_GAP;
        placed.push(Placed {
            rung,
            left: stack(&row.left, &|role: &Box_<'_>| left_edge - role.size.x),
            right: stack(&row.right, &|_| right_x),
        });
        top += height + ROW_GAP;
    }
    placed
}

fn draw_edges(canvas: &mut Canvas, rows: &[Row<'_>], placed: &[Placed]) {
    let middle_of =
        |(xy, size): (Point, Point)| Point::new(xy.x + size.x / 2.0, xy.y + size.y / 2.0);
    for (index, pair) in placed.windows(2).enumerate() {
        let (upper, lower) = (pair[0].rung, pair[1].rung);
        let start = Point::new(middle_of(upper).x, upper.0.y + upper.1.y);
        let end = Point::new(middle_of(lower).x, lower.0.y);
        let ids = (rows[index].rung.node, rows[index + 1].rung.node);
        draw_edge(canvas, start, end, ids, EdgeKind::Next);
    }
    for (row, at) in rows.iter().zip(placed) {
        let rung_middle = middle_of(at.rung);
        for (side, target) in row.right.iter().zip(&at.right) {
            let start = Point::new(at.rung.0.x + at.rung.1.x, rung_middle.y);
            let end = Point::new(target.0.x, middle_of(*target).y);
            draw_edge(
                canvas,
                start,
                end,
                (row.rung.node, side.role.node),
                side.kind,
            );
        }
        for (side, source) in row.left.iter().zip(&at.left) {
            let start = Point::new(source.0.x + source.1.x, middle_of(*source).y);
            let end = Point::new(at.rung.0.x, rung_middle.y);
            let from = side.from.unwrap_or(side.role.node);
            draw_edge(canvas, start, end, (from, row.rung.node), side.kind);
        }
    }
}

/// A straight edge with its ids, dashed unless it is a ladder's own.
pub(super) fn draw_edge(
    canvas: &mut Canvas,
    start: Point,
    end: Point,
    ends: (NodeRef<'_>, NodeRef<'_>),
    kind: EdgeKind,
) {
    draw_curve(canvas, [start, start, end, end], ends, kind);
}

/// A cubic curve through `[start, control, control, end]` with the ids of
/// the edge it draws, dashed unless it is a ladder's own.
pub(super) fn draw_curve(
    canvas: &mut Canvas,
    [start, leave, arrive, end]: [Point; 4],
    (source, target): (NodeRef<'_>, NodeRef<'_>),
    kind: EdgeKind,
) {
    let ids = [
        attribute("data-edge-source", source.id()),
        attribute("data-edge-target", target.id()),
        attribute("data-edge-kind", &kind.to_string()),
    ];
    let look = StyleAttr::new(Color::fast("#475569"), 1, None, 0, FONT_SIZE);
    let dashed = kind == EdgeKind::RelatedTo;
    canvas.draw_arrow(
        &[(start, leave), (arrive, end)],
        dashed,
        (false, true),
        &look,
        Some(ids.join(" ")),
        "",
    );
}

pub(super) fn draw_box(
    canvas: &mut Canvas,
    drawn: &Box_<'_>,
    xy: Point,
    level: Option<&'static str>,
) {
    let kind = drawn.node.kind();
    let look = StyleAttr::new(
        Color::fast("#475569"),
        1,
        Color::from_name(kind.look().fill),
        6,
        FONT_SIZE,
    );
    let mut properties = attribute("data-node-id", drawn.node.id());
    if let Some(level) = level {
        properties.push(' ');
        properties.push_str(&attribute("data-level", level));
    }
    canvas.draw_rect(xy, drawn.size, &look, Some(properties), None);
    let centre = Point::new(xy.x + drawn.size.x / 2.0, xy.y + drawn.size.y / 2.0);
    canvas.draw_text(centre, &drawn.lines.join("\n"), &look);
}

pub(super) fn level_of(node: NodeRef<'_>) -> Option<&'static str> {
    node.as_stage().map(|stage| stage.level.name())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::graph::{CompileOptions, SkillGraph};
    use crate::guide::{LoadOptions, load_dir};
    use scraper::{Html, Selector};
    use std::path::Path;

    fn compiled(folder: &str) -> SkillGraph {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        let corpus = load_dir(&root, &LoadOptions::default()).expect("the folder loads");
        SkillGraph::compile(corpus, CompileOptions { search: false })
    }

    /// A drawn picture's boxes (x, y, width, height) and edges (from, to,
    /// kind), read back from its SVG.
    pub(in crate::graph::output::picture) struct Geometry {
        pub boxes: Vec<[f64; 4]>,
        pub edges: Vec<Segment>,
    }

    /// An edge drawn straight: its two ends and its kind.
    pub(in crate::graph::output::picture) type Segment = ((f64, f64), (f64, f64), String);

    pub(in crate::graph::output::picture) fn geometry(svg: &str) -> Geometry {
        let document = Html::parse_fragment(svg);
        let select = |css: &str| Selector::parse(css).expect("a selector");
        let number = |element: scraper::ElementRef<'_>, name: &str| -> f64 {
            element
                .value()
                .attr(name)
                .and_then(|value| value.parse().ok())
                .expect("a number")
        };
        let boxes = document
            .select(&select("g[data-node-id] > rect"))
            .map(|rect| ["x", "y", "width", "height"].map(|name| number(rect, name)))
            .collect();
        let edges = document
            .select(&select("g[data-edge-kind]"))
            .map(|group| {
                let kind = group
                    .value()
                    .attr("data-edge-kind")
                    .unwrap_or("")
                    .to_owned();
                let path = group.select(&select("path")).next().expect("a path");
                let numbers: Vec<f64> = path
                    .value()
                    .attr("d")
                    .unwrap_or("")
                    .split([' ', ','])
                    .filter_map(|word| word.parse().ok())
                    .collect();
                let last = numbers.len() - 2;
                (
                    (numbers[0], numbers[1]),
                    (numbers[last], numbers[last + 1]),
                    kind,
                )
            })
            .collect();
        Geometry { boxes, edges }
    }

    /// Pairs of boxes that overlap.
    pub(in crate::graph::output::picture) fn overlaps(boxes: &[[f64; 4]]) -> usize {
        let apart = |a: &[f64; 4], b: &[f64; 4]| {
            a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1]
        };
        (0..boxes.len())
            .flat_map(|i| (i + 1..boxes.len()).map(move |j| (i, j)))
            .filter(|(i, j)| !apart(&boxes[*i], &boxes[*j]))
            .count()
    }

    /// Pairs of edges that cross: they meet at a point that is an end of
    /// neither.
    pub(in crate::graph::output::picture) fn crossings(edges: &[Segment]) -> usize {
        type P = (f64, f64);
        let turn = |a: P, b: P, c: P| (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
        let cross = |(a, b): (P, P), (c, d): (P, P)| {
            let shared = [a, b].iter().any(|p| *p == c || *p == d);
            !shared && turn(a, b, c) * turn(a, b, d) < 0.0 && turn(c, d, a) * turn(c, d, b) < 0.0
        };
        (0..edges.len())
            .flat_map(|i| (i + 1..edges.len()).map(move |j| (i, j)))
            .filter(|(i, j)| cross((edges[*i].0, edges[*i].1), (edges[*j].0, edges[*j].1)))
            .count()
    }

    #[test]
    fn every_ladder_of_the_seeds_and_the_fixtures_draws_without_crossings_or_overlaps() {
        for folder in ["seeds", "tests/fixtures/drift", "tests/fixtures/broken"] {
            let graph = compiled(folder);
            for job in graph
                .nodes_of(NodeKind::Job)
                .filter(|job| job.guide().is_some())
            {
                let svg = ladder_svg(job, None);
                let drawn = geometry(&svg);
                let rungs = job.outgoing(EdgeKind::HasStage).len();
                assert!(drawn.boxes.len() >= rungs.max(1), "{}", job.id());
                assert_eq!(overlaps(&drawn.boxes), 0, "{}: {svg}", job.id());
                assert_eq!(crossings(&drawn.edges), 0, "{}: {svg}", job.id());
                // Only the ladder's own steps and where it leads.
                for (_, _, kind) in &drawn.edges {
                    assert!(
                        ["NEXT", "LEADS_TO", "RELATED_TO"].contains(&kind.as_str()),
                        "{kind}"
                    );
                }
                let nexts = drawn
                    .edges
                    .iter()
                    .filter(|(_, _, kind)| kind == "NEXT")
                    .count();
                assert_eq!(nexts, rungs.saturating_sub(1), "{}", job.id());
            }
        }
    }

    #[test]
    fn rungs_run_top_down_and_carry_their_levels() {
        let graph = compiled("seeds");
        let job = graph.node("job:platform_engineer").expect("the job");
        let svg = ladder_svg(job, None);
        let document = Html::parse_fragment(&svg);
        let rungs = Selector::parse("g[data-level]").expect("a selector");
        let levels: Vec<&str> = document
            .select(&rungs)
            .filter_map(|group| group.value().attr("data-level"))
            .collect();
        assert_eq!(levels, ["entry", "mid", "senior", "manager", "staff"]);
        let tops: Vec<f64> = geometry(&svg).boxes.iter().take(5).map(|b| b[1]).collect();
        assert!(tops.windows(2).all(|pair| pair[0] < pair[1]), "{tops:?}");
        // The guide's related roles stand beside the top rung.
        assert!(
            svg.contains("data-edge-target=\"job:sre_engineer\"") || svg.contains("RELATED_TO")
        );
    }

    #[test]
    fn a_ladder_in_english_labels_each_node_with_its_english_label() {
        use crate::guide::Language;
        let graph = compiled("seeds");
        let job = graph.node("job:platform_engineer").expect("the job");
        let english = ladder_svg(job, Some(Language::English));
        let mut relabelled = 0;
        for node in job
            .outgoing(EdgeKind::RelatedTo)
            .into_iter()
            .map(|link| link.node)
        {
            let Some(label) = node.node().labels().en.filter(|en| en != node.label()) else {
                continue;
            };
            let first_line = wrap(&label, LABEL_WIDTH).remove(0);
            assert!(english.contains(&first_line), "{label}");
            relabelled += 1;
        }
        assert!(
            relabelled > 0,
            "a related role has an English label of its own"
        );
        assert_ne!(english, ladder_svg(job, None));
    }

    #[test]
    fn the_geometry_checks_see_a_crossing_and_an_overlap() {
        let edges = vec![
            ((0.0, 0.0), (10.0, 10.0), String::new()),
            ((0.0, 10.0), (10.0, 0.0), String::new()),
            ((10.0, 10.0), (20.0, 0.0), String::new()),
        ];
        assert_eq!(crossings(&edges), 1);
        assert_eq!(
            overlaps(&[
                [0.0, 0.0, 10.0, 10.0],
                [5.0, 5.0, 10.0, 10.0],
                [10.0, 0.0, 5.0, 5.0]
            ]),
            1
        );
    }
}
