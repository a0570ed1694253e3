//! The picture of a career map: every box at the position the compile gave
//! it (roles heading their columns, rungs at the row of their level), and
//! straight edges from border to border. Nothing is laid out here: the
//! picture shows the same places a client reads from `careerMap`.

use super::canvas::Canvas;
use super::ladder::{Box_, draw_box, draw_curve, draw_edge, level_of};
use crate::graph::analytics::{CareerMap, Position};
use crate::graph::{EdgeKind, NodeRef};
use crate::guide::Language;
use layout::core::geometry::Point;
use petgraph::graph::NodeIndex;
use std::collections::HashMap;

/// How wide a map label may grow, in ems: a box keeps clear of the lane
/// beside it.
const MAP_LABEL_WIDTH: f64 = 10.0;
/// The most lines a map label takes: a box keeps clear of the row above.
const MAP_LABEL_LINES: usize = 4;

/// `map` as an SVG document, labelled in `language` where a node has a
/// label in it.
pub fn map_svg(map: &CareerMap<'_>, language: Option<Language>) -> String {
    let mut boxes: HashMap<NodeIndex, (Box_<'_>, Position)> = HashMap::new();
    for role in &map.roles {
        boxes.insert(role.job.index, (boxed(role.job, language), role.position));
        for (stage, position) in &role.stages {
            boxes.insert(stage.index, (boxed(*stage, language), *position));
        }
    }
    let mut canvas = Canvas::default();
    for edge in &map.edges {
        let (Some(from), Some(to)) = (boxes.get(&edge.source.index), boxes.get(&edge.target.index))
        else {
            continue;
        };
        let ends = (edge.source, edge.target);
        if edge.kind == EdgeKind::RelatedTo {
            // Roles head their columns in one row: a link between two
            // arcs over the row rather than through the roles between.
            draw_curve(&mut canvas, arc_over(from, to), ends, edge.kind);
        } else {
            let (start, end) = border_to_border(from, to);
            draw_edge(&mut canvas, start, end, ends, edge.kind);
        }
    }
    // Boxes in map order, so a reader meets them role by role.
    for role in &map.roles {
        for node in std::iter::once(role.job).chain(role.stages.iter().map(|(stage, _)| *stage)) {
            if let Some((drawn, position)) = boxes.get(&node.index) {
                draw_box(
                    &mut canvas,
                    drawn,
                    top_left(drawn, *position),
                    level_of(node),
                );
            }
        }
    }
    canvas.finish()
}

/// A curve from the top of one role's box to the top of another's, rising
/// higher the farther apart they stand.
fn arc_over(
    (from_box, from): &(Box_<'_>, Position),
    (to_box, to): &(Box_<'_>, Position),
) -> [Point; 4] {
    let start = Point::new(from.x, from.y - from_box.size.y / 2.0);
    let end = Point::new(to.x, to.y - to_box.size.y / 2.0);
    let rise = 24.0 + 0.2 * (to.x - from.x).abs();
    [
        start,
        Point::new(start.x, start.y - rise),
        Point::new(end.x, end.y - rise),
        end,
    ]
}

fn boxed(node: NodeRef<'_>, language: Option<Language>) -> Box_<'_> {
    Box_::within(node, language, MAP_LABEL_WIDTH, MAP_LABEL_LINES)
}

fn top_left(drawn: &Box_<'_>, centre: Position) -> Point {
    Point::new(centre.x - drawn.size.x / 2.0, centre.y - drawn.size.y / 2.0)
}

/// Where the line between two boxes' centres leaves the first and enters
/// the second.
fn border_to_border(
    (from_box, from): &(Box_<'_>, Position),
    (to_box, to): &(Box_<'_>, Position),
) -> (Point, Point) {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let leave = |size: Point| {
        let across = if dx == 0.0 {
            f64::INFINITY
        } else {
            size.x / 2.0 / dx.abs()
        };
        let down = if dy == 0.0 {
            f64::INFINITY
        } else {
            size.y / 2.0 / dy.abs()
        };
        across.min(down).min(0.5)
    };
    let (out, into) = (leave(from_box.size), leave(to_box.size));
    (
        Point::new(from.x + dx * out, from.y + dy * out),
        Point::new(to.x - dx * into, to.y - dy * into),
    )
}

#[cfg(test)]
mod tests {
    use super::super::ladder::tests::{crossings, geometry, overlaps};
    use super::super::{BOX_PADDING, FONT_SIZE, LINE_HEIGHT};
    use super::*;
    use crate::graph::analytics::{LANE_WIDTH, ROW_HEIGHT};
    use crate::graph::{CompileOptions, SkillGraph};
    use crate::guide::{LoadOptions, load_dir};
    use std::path::Path;

    #[test]
    fn the_widest_and_tallest_label_fits_its_lane_and_its_row() {
        let widest = MAP_LABEL_WIDTH * FONT_SIZE as f64 + 2.0 * BOX_PADDING.0;
        // A cut label's last line is a character longer.
        assert!(widest + FONT_SIZE as f64 <= LANE_WIDTH - 20.0, "{widest}");
        let tallest = MAP_LABEL_LINES as f64 * LINE_HEIGHT + 2.0 * BOX_PADDING.1;
        assert!(tallest <= ROW_HEIGHT - 10.0, "{tallest}");
    }

    #[test]
    fn the_maps_of_the_seeds_and_the_drift_guides_draw_every_box_apart() {
        for folder in ["seeds", "tests/fixtures/drift"] {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
            let corpus = load_dir(&root, &LoadOptions::default()).expect("the folder loads");
            let graph = SkillGraph::compile(corpus, CompileOptions { search: false });
            let map = graph.career_map(None, None, usize::MAX);
            let svg = map_svg(&map, None);
            let drawn = geometry(&svg);
            let nodes: usize = map.roles.iter().map(|role| 1 + role.stages.len()).sum();
            assert_eq!(drawn.boxes.len(), nodes, "{folder}");
            assert_eq!(drawn.edges.len(), map.edges.len(), "{folder}");
            assert_eq!(overlaps(&drawn.boxes), 0, "{folder}: {svg}");
            println!("{folder}: map crossings {}", crossings(&drawn.edges));
        }
    }

    /// A drawn edge: its source's and target's ids, and points along it.
    type DrawnEdge = (String, String, Vec<(f64, f64)>);

    /// Every drawn edge as (source, target, points along it): straight
    /// edges and layout-rs's cubic curves (`C`, then `S`) alike.
    fn drawn_edges(svg: &str) -> Vec<DrawnEdge> {
        use scraper::{Html, Selector};
        let document = Html::parse_fragment(svg);
        let groups = Selector::parse("g[data-edge-kind]").expect("a selector");
        let paths = Selector::parse("path").expect("a selector");
        document
            .select(&groups)
            .filter_map(|group| {
                let attribute = |name| group.value().attr(name).unwrap_or("").to_owned();
                let d = group.select(&paths).next()?.value().attr("d")?.to_owned();
                Some((
                    attribute("data-edge-source"),
                    attribute("data-edge-target"),
                    sampled(&d),
                ))
            })
            .collect()
    }

    /// Points along a path of `M`, `C` and `S` commands, eight per curve.
    fn sampled(d: &str) -> Vec<(f64, f64)> {
        let words: Vec<&str> = d
            .split([' ', ','])
            .filter(|word| !word.is_empty())
            .collect();
        let mut points = Vec::new();
        let (mut at, mut control) = ((0.0, 0.0), (0.0, 0.0));
        let mut index = 0;
        let number = |i: usize| {
            words
                .get(i)
                .and_then(|w| w.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        while index < words.len() {
            let command = words[index];
            let (c1, c2, end, used) = match command {
                "M" => {
                    at = (number(index + 1), number(index + 2));
                    control = at;
                    points.push(at);
                    index += 3;
                    continue;
                }
                "C" => (
                    (number(index + 1), number(index + 2)),
                    (number(index + 3), number(index + 4)),
                    (number(index + 5), number(index + 6)),
                    7,
                ),
                "S" => (
                    (2.0 * at.0 - control.0, 2.0 * at.1 - control.1),
                    (number(index + 1), number(index + 2)),
                    (number(index + 3), number(index + 4)),
                    5,
                ),
                _ => break,
            };
            for step in 1..=8 {
                let t = f64::from(step) / 8.0;
                let u = 1.0 - t;
                let along = |a: f64, b: f64, c: f64, d: f64| {
                    u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d
                };
                points.push((
                    along(at.0, c1.0, c2.0, end.0),
                    along(at.1, c1.1, c2.1, end.1),
                ));
            }
            control = c2;
            at = end;
            index += used;
        }
        points
    }

    /// Pairs of edges joining four different nodes whose lines cross.
    fn crossing_pairs(edges: &[DrawnEdge]) -> usize {
        let segments = |points: &[(f64, f64)]| -> Vec<super::super::ladder::tests::Segment> {
            points
                .windows(2)
                .map(|pair| (pair[0], pair[1], String::new()))
                .collect()
        };
        let mut count = 0;
        for (i, (a_from, a_to, a)) in edges.iter().enumerate() {
            for (b_from, b_to, b) in &edges[i + 1..] {
                if [a_from, a_to]
                    .iter()
                    .any(|node| *node == b_from || *node == b_to)
                {
                    continue;
                }
                let mut both = segments(a);
                both.extend(segments(b));
                let within = crossings(&segments(a)) + crossings(&segments(b));
                if crossings(&both) > within {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn the_map_crosses_fewer_edges_than_the_layered_picture_of_the_same_roles() {
        use crate::graph::EdgeKind;
        use crate::graph::export::{GraphView, ViewEdge, ViewNode};
        use crate::graph::picture::{Direction, render_svg};
        // The seeds and the drift guides, as one corpus.
        let together = tempfile::tempdir().expect("a temp folder");
        for folder in ["seeds", "tests/fixtures/drift"] {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
            for entry in std::fs::read_dir(&root).expect("a folder").flatten() {
                let path = entry.path();
                if path.is_file() {
                    std::fs::copy(&path, together.path().join(entry.file_name())).expect("a copy");
                }
            }
        }
        let mut totals = (0, 0);
        for folder in ["seeds", "tests/fixtures/drift", "both"] {
            let root = match folder {
                "both" => together.path().to_owned(),
                _ => Path::new(env!("CARGO_MANIFEST_DIR")).join(folder),
            };
            let corpus = load_dir(&root, &LoadOptions::default()).expect("the folder loads");
            let graph = SkillGraph::compile(corpus, CompileOptions { search: false });
            let map = graph.career_map(None, None, usize::MAX);
            let ids: std::collections::HashSet<&str> = map
                .roles
                .iter()
                .flat_map(|role| {
                    std::iter::once(role.job.id()).chain(role.stages.iter().map(|(s, _)| s.id()))
                })
                .collect();
            let kinds = [
                EdgeKind::HasStage,
                EdgeKind::Next,
                EdgeKind::LeadsTo,
                EdgeKind::RelatedTo,
            ];
            let view = GraphView {
                nodes: graph
                    .nodes()
                    .filter(|node| ids.contains(node.id()))
                    .map(ViewNode::of)
                    .collect(),
                edges: graph
                    .edges()
                    .filter(|(from, to, edge)| {
                        ids.contains(from.id())
                            && ids.contains(to.id())
                            && kinds.contains(&edge.kind)
                    })
                    .map(ViewEdge::of)
                    .collect(),
                truncated: false,
            };
            let layered = render_svg(&view, Direction::TopDown).expect("drawn");
            let (map_crossings, layered_crossings) = (
                crossing_pairs(&drawn_edges(&map_svg(&map, None))),
                crossing_pairs(&drawn_edges(&layered)),
            );
            println!(
                "{folder}: map {map_crossings} crossings, layered picture {layered_crossings}"
            );
            totals = (totals.0 + map_crossings, totals.1 + layered_crossings);
        }
        assert!(totals.0 < totals.1, "{totals:?}");
        assert_eq!(totals.0, 0);
    }

    #[test]
    fn no_edge_of_the_map_runs_through_a_box_it_does_not_join() {
        use scraper::{Html, Selector};
        for folder in ["seeds", "tests/fixtures/drift"] {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
            let corpus = load_dir(&root, &LoadOptions::default()).expect("the folder loads");
            let graph = SkillGraph::compile(corpus, CompileOptions { search: false });
            let svg = map_svg(&graph.career_map(None, None, usize::MAX), None);
            let document = Html::parse_fragment(&svg);
            let select = |css: &str| Selector::parse(css).expect("a selector");
            let boxes: Vec<(String, [f64; 4])> = document
                .select(&select("g[data-node-id]"))
                .filter_map(|group| {
                    let rect = group.select(&select("rect")).next()?;
                    let number = |name| rect.value().attr(name)?.parse::<f64>().ok();
                    let id = group.value().attr("data-node-id")?.to_owned();
                    Some((
                        id,
                        [
                            number("x")?,
                            number("y")?,
                            number("width")?,
                            number("height")?,
                        ],
                    ))
                })
                .collect();
            for (from, to, points) in drawn_edges(&svg) {
                for (id, [x, y, width, height]) in &boxes {
                    if *id == from || *id == to {
                        continue;
                    }
                    // Along every piece of the edge, curves included.
                    let inside = points.windows(2).any(|piece| {
                        let (start, end) = (piece[0], piece[1]);
                        (0..=20).any(|step| {
                            let t = f64::from(step) / 20.0;
                            let px = start.0 + (end.0 - start.0) * t;
                            let py = start.1 + (end.1 - start.1) * t;
                            px > *x && px < x + width && py > *y && py < y + height
                        })
                    });
                    assert!(!inside, "{folder}: {from} → {to} runs through {id}");
                }
            }
        }
    }

    #[test]
    fn a_curve_is_sampled_along_its_way() {
        let points = sampled("M 0.0 0.0 C 0.0 10.0, 10.0 10.0, 10.0 0.0");
        assert_eq!(points.len(), 9);
        assert!(points.iter().any(|(_, y)| *y > 5.0), "{points:?}");
        let crossing = vec![
            ("a".into(), "b".into(), sampled("M 0 0 C 0 0, 10 10, 10 10")),
            ("c".into(), "d".into(), sampled("M 0 8 C 0 8, 10 0, 10 0")),
        ];
        assert_eq!(crossing_pairs(&crossing), 1);
    }
}
