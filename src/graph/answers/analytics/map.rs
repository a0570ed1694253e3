//! The career map: every role with a ladder and its rungs, placed once when
//! the graph is compiled, so that any frontend (or Cytoscape, D3, Gephi)
//! draws the same map without a layout of its own.
//!
//! The placement is a grid read straight from the data: roles stand in
//! columns grouped by family (the front matter's `category`, families in
//! name order, roles in id order), and each rung stands at the height of
//! its [`CareerLevel`], the highest level at the top. A role's column has a
//! lane for each climb of its ladder: rungs that step sideways or down (two
//! at one level, a lead before a principal) stand in a lane beside. A role's
//! own box heads its column. Positions are box centres, in pixels.
//!
//! Places are a function of the corpus alone, so every replica that reads
//! the same files draws the same map. They move little as it changes: a
//! reload that adds or drops no role with a ladder moves nothing, and one
//! that does moves only the later roles of that role's family, since each
//! family keeps whole bands of room.

use crate::graph::{EdgeKind, NodeKind, NodeRef, SkillGraph};
use crate::guide::CareerLevel;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The width of one lane: a rung's box and the room beside it.
pub const LANE_WIDTH: f64 = 200.0;
/// The height of one level's row.
pub const ROW_HEIGHT: f64 = 90.0;
/// Room between two roles' columns.
const ROLE_GAP: f64 = 40.0;
/// Room between two families.
const FAMILY_GAP: f64 = 120.0;
/// A family's columns take a whole number of bands this wide (eight
/// one-lane roles), so that a role added to or dropped from one family
/// moves no column of another until the family outgrows its bands.
const FAMILY_BAND: f64 = 8.0 * (LANE_WIDTH + ROLE_GAP);

/// A box centre on the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

/// Where every role and rung stands, worked out at compile time.
#[derive(Debug, Default)]
pub(in crate::graph) struct MapPlaces {
    /// Roles in map order: by family, then by id.
    roles: Vec<NodeIndex>,
    places: HashMap<NodeIndex, Position>,
    /// Family (category) → the range of `roles` it holds.
    families: BTreeMap<String, std::ops::Range<usize>>,
}

impl MapPlaces {
    pub(in crate::graph) fn build(graph: &SkillGraph) -> Self {
        let mut by_family: BTreeMap<(bool, String), Vec<NodeRef<'_>>> = BTreeMap::new();
        for job in graph.nodes_of(NodeKind::Job) {
            let Some(guide) = job.guide() else { continue };
            if job.outgoing(EdgeKind::HasStage).is_empty() {
                continue;
            }
            let family = guide.front.category.clone();
            // Roles without a category come after every family.
            by_family
                .entry((family.is_none(), family.unwrap_or_default()))
                .or_default()
                .push(job);
        }
        let mut map = Self::default();
        let mut start = 0.0;
        for ((_, family), roles) in by_family {
            let first = map.roles.len();
            let mut left = start;
            for role in roles {
                left = map.place_role(role, left) + ROLE_GAP;
            }
            map.families.insert(family, first..map.roles.len());
            let bands = ((left - start) / FAMILY_BAND).ceil().max(1.0);
            start += bands * FAMILY_BAND + FAMILY_GAP;
        }
        map
    }

    /// Places `role`'s column from `left`; returns where the column ends.
    ///
    /// Each lane of the column climbs: a rung goes to the first lane whose
    /// top rung stands below its level, so a ladder that steps sideways or
    /// down (a lead before a principal) opens a lane beside it, and no
    /// next-rung edge runs through another rung's box.
    fn place_role(&mut self, role: NodeRef<'_>, left: f64) -> f64 {
        let mut lane_tops: Vec<CareerLevel> = Vec::new();
        for link in role.outgoing(EdgeKind::HasStage) {
            let Some(stage) = link.node.as_stage() else {
                continue;
            };
            let lane = match lane_tops.iter().position(|top| *top < stage.level) {
                Some(lane) => {
                    lane_tops[lane] = stage.level;
                    lane
                }
                None => {
                    lane_tops.push(stage.level);
                    lane_tops.len() - 1
                }
            };
            let x = left + (lane as f64 + 0.5) * LANE_WIDTH;
            self.places.insert(
                link.node.index,
                Position {
                    x,
                    y: row_of(stage.level),
                },
            );
        }
        let width = lane_tops.len().max(1) as f64 * LANE_WIDTH;
        self.places.insert(
            role.index,
            Position {
                x: left + width / 2.0,
                y: 0.0,
            },
        );
        self.roles.push(role.index);
        left + width
    }
}

/// The height of a level's row: the highest level just under the roles.
fn row_of(level: CareerLevel) -> f64 {
    let from_top = CareerLevel::Head.rank() - level.rank();
    (from_top as f64 + 1.0) * ROW_HEIGHT
}

/// A role on the map and its rungs, each with where it stands.
#[derive(Debug, Clone)]
pub struct MapRole<'g> {
    pub job: NodeRef<'g>,
    pub position: Position,
    pub stages: Vec<(NodeRef<'g>, Position)>,
}

/// An edge of the map: rung to rung (`NEXT`; `LEADS_TO`, to the rung of
/// the role led to at the rung's level) or role to role (`RELATED_TO`).
#[derive(Debug, Clone, Copy)]
pub struct MapEdge<'g> {
    pub source: NodeRef<'g>,
    pub target: NodeRef<'g>,
    pub kind: EdgeKind,
}

/// The roles of a map, the edges between them, and how many roles matched
/// before `first` cut them.
#[derive(Debug, Clone)]
pub struct CareerMap<'g> {
    pub roles: Vec<MapRole<'g>>,
    pub edges: Vec<MapEdge<'g>>,
    pub total: usize,
}

impl SkillGraph {
    /// Where the career map places `node`: a role with a ladder, or one of
    /// its rungs; `None` for anything else.
    pub fn map_position(&self, node: NodeRef<'_>) -> Option<Position> {
        self.analytics().map.places.get(&node.index).copied()
    }

    /// The career map of the roles of `family` (every family when `None`)
    /// and, when `only` is given, of those roles alone; the first `first`
    /// of them in map order, with their compiled positions.
    pub fn career_map<'g>(
        &'g self,
        family: Option<&str>,
        only: Option<&[NodeRef<'g>]>,
        first: usize,
    ) -> CareerMap<'g> {
        let places = &self.analytics().map;
        let range = match family {
            Some(family) => places.families.get(family).cloned().unwrap_or(0..0),
            None => 0..places.roles.len(),
        };
        let wanted: Option<HashSet<NodeIndex>> =
            only.map(|jobs| jobs.iter().map(|job| job.index).collect());
        let matching: Vec<NodeIndex> = places.roles[range]
            .iter()
            .copied()
            .filter(|role| wanted.as_ref().is_none_or(|wanted| wanted.contains(role)))
            .collect();
        let total = matching.len();
        let place = |node: NodeIndex| places.places.get(&node).copied();
        let roles: Vec<MapRole<'g>> = matching
            .into_iter()
            .take(first)
            .filter_map(|index| {
                let job = self.handle(index);
                let stages = job
                    .outgoing(EdgeKind::HasStage)
                    .into_iter()
                    .filter_map(|link| Some((link.node, place(link.node.index)?)))
                    .collect();
                Some(MapRole {
                    job,
                    position: place(index)?,
                    stages,
                })
            })
            .collect();
        let edges = self.map_edges(&roles);
        CareerMap {
            roles,
            edges,
            total,
        }
    }

    /// The edges among `roles`: each ladder's next rungs, each rung that
    /// leads to a role on the map (to that role's rung of its level), and
    /// the guides' related roles.
    fn map_edges<'g>(&'g self, roles: &[MapRole<'g>]) -> Vec<MapEdge<'g>> {
        let on_map: HashSet<NodeIndex> = roles.iter().map(|role| role.job.index).collect();
        let mut edges = Vec::new();
        for role in roles {
            for pair in role.stages.windows(2) {
                edges.push(MapEdge {
                    source: pair[0].0,
                    target: pair[1].0,
                    kind: EdgeKind::Next,
                });
            }
            for (stage, _) in &role.stages {
                let Some(level) = stage.as_stage().map(|data| data.level) else {
                    continue;
                };
                for link in stage.outgoing(EdgeKind::LeadsTo) {
                    if !on_map.contains(&link.node.index) || link.node == role.job {
                        continue;
                    }
                    if let Some(landing) = self.stage_at(link.node, level) {
                        edges.push(MapEdge {
                            source: *stage,
                            target: landing,
                            kind: EdgeKind::LeadsTo,
                        });
                    }
                }
            }
            for link in role.job.outgoing(EdgeKind::RelatedTo) {
                if on_map.contains(&link.node.index) {
                    edges.push(MapEdge {
                        source: role.job,
                        target: link.node,
                        kind: EdgeKind::RelatedTo,
                    });
                }
            }
        }
        edges
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::CompileOptions;
    use crate::guide::{LoadOptions, load_dir};
    use std::path::Path;

    fn compiled(folder: &str) -> SkillGraph {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        let corpus = load_dir(&root, &LoadOptions::default()).expect("the folder loads");
        SkillGraph::compile(corpus, CompileOptions { search: false })
    }

    #[test]
    fn every_box_has_a_place_of_its_own_and_a_row_for_its_level() {
        for folder in ["seeds", "tests/fixtures/drift"] {
            let graph = compiled(folder);
            let map = graph.career_map(None, None, usize::MAX);
            assert_eq!(map.total, map.roles.len());
            assert!(map.roles.len() >= 2, "{folder}");
            let mut boxes: Vec<Position> = Vec::new();
            for role in &map.roles {
                assert_eq!(role.position.y, 0.0, "roles head their columns");
                boxes.push(role.position);
                for (stage, position) in &role.stages {
                    let level = stage.as_stage().expect("a rung").level;
                    assert_eq!(position.y, row_of(level), "{}", stage.id());
                    boxes.push(*position);
                }
            }
            // Boxes in one row stand at least a lane apart.
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    assert!(a.y != b.y || (a.x - b.x).abs() >= LANE_WIDTH, "{a:?} {b:?}");
                }
            }
            // Higher levels stand higher.
            assert!(row_of(CareerLevel::Head) < row_of(CareerLevel::Entry));
        }
    }

    #[test]
    fn a_family_is_a_run_of_neighbouring_columns_and_first_cuts_it() {
        let graph = compiled("tests/fixtures/drift");
        let all = graph.career_map(None, None, usize::MAX);
        let family_of = |role: &MapRole<'_>| {
            role.job
                .guide()
                .and_then(|guide| guide.front.category.clone())
                .unwrap_or_default()
        };
        let families: Vec<String> = all.roles.iter().map(family_of).collect();
        let mut runs = families.clone();
        runs.dedup();
        let mut distinct = runs.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(
            runs.len(),
            distinct.len(),
            "each family in one run: {families:?}"
        );
        // Columns run left to right in map order.
        assert!(
            all.roles
                .windows(2)
                .all(|pair| pair[0].position.x < pair[1].position.x)
        );

        let cloud = graph.career_map(Some("cloud-infra"), None, usize::MAX);
        assert!(!cloud.roles.is_empty());
        assert!(
            cloud
                .roles
                .iter()
                .all(|role| family_of(role) == "cloud-infra")
        );
        let cut = graph.career_map(None, None, 1);
        assert_eq!((cut.roles.len(), cut.total), (1, all.roles.len()));
        assert!(
            graph
                .career_map(Some("no such family"), None, 10)
                .roles
                .is_empty()
        );
    }

    #[test]
    fn a_role_added_to_one_family_moves_no_role_of_another_or_before_it() {
        let drift = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drift");
        let folder = tempfile::tempdir().expect("a temp folder");
        for entry in std::fs::read_dir(&drift)
            .expect("the drift folder")
            .flatten()
        {
            std::fs::copy(entry.path(), folder.path().join(entry.file_name())).expect("a copy");
        }
        let places = |graph: &SkillGraph| -> HashMap<String, (f64, f64)> {
            let map = graph.career_map(None, None, usize::MAX);
            map.roles
                .iter()
                .flat_map(|role| {
                    std::iter::once((role.job, role.position))
                        .chain(role.stages.iter().copied())
                        .map(|(node, at)| (node.id().to_owned(), (at.x, at.y)))
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let load = |path: &Path| {
            let corpus = load_dir(path, &LoadOptions::default()).expect("the folder loads");
            SkillGraph::compile(corpus, CompileOptions { search: false })
        };
        let before = places(&load(folder.path()));
        // A second data role, after `data_engineer` in id order.
        let original =
            std::fs::read_to_string(drift.join("numbered_lists_ja.md")).expect("a guide");
        let added = original.replace(
            "\"slug\": \"data_engineer\"",
            "\"slug\": \"data_engineer_2\"",
        );
        assert_ne!(added, original);
        std::fs::write(folder.path().join("data_engineer_2.md"), added).expect("write");
        let graph = load(folder.path());
        let after = places(&graph);
        assert_eq!(
            after.len(),
            before.len() + 4,
            "the new role and its three rungs"
        );
        for (id, at) in &before {
            assert_eq!(after.get(id), Some(at), "{id} moved");
        }
    }

    #[test]
    fn edges_join_rungs_in_order_and_roles_the_guides_relate() {
        let graph = compiled("seeds");
        let map = graph.career_map(None, None, usize::MAX);
        let rungs: usize = map.roles.iter().map(|role| role.stages.len()).sum();
        let next = map
            .edges
            .iter()
            .filter(|edge| edge.kind == EdgeKind::Next)
            .count();
        assert_eq!(next, rungs - map.roles.len());
        for edge in &map.edges {
            match edge.kind {
                EdgeKind::Next | EdgeKind::LeadsTo => {
                    assert_eq!(edge.source.kind(), NodeKind::CareerStage);
                    assert_eq!(edge.target.kind(), NodeKind::CareerStage);
                }
                EdgeKind::RelatedTo => {
                    assert_eq!(edge.source.kind(), NodeKind::Job);
                    assert_eq!(edge.target.kind(), NodeKind::Job);
                }
                other => panic!("{other:?} on the map"),
            }
        }
        // The seed roles name each other in no `related_jobs`; the drift
        // guides do.
        let drift = compiled("tests/fixtures/drift");
        let related = drift.career_map(None, None, usize::MAX);
        assert!(
            related
                .edges
                .iter()
                .any(|edge| edge.kind == EdgeKind::RelatedTo)
        );
        // Only the roles asked for, and the edges among them.
        let platform = graph.job("platform_engineer").expect("the role");
        let alone = graph.career_map(None, Some(&[platform]), 10);
        assert_eq!(alone.roles.len(), 1);
        assert!(alone.edges.iter().all(|edge| edge.kind == EdgeKind::Next));
    }
}
