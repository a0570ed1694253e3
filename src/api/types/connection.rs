//! Relay cursor connections over the graph's node lists: the root lists,
//! sorted by id, and the lists on types (a tool's postings), in their own
//! order.
//!
//! A cursor is the base64 of the node's id, not an offset, so a page
//! fetched after a reload continues where the client left off. The
//! connection types are written out (by one macro) rather than taken from
//! async-graphql's generic `Connection`, so that each carries a description.

use super::{CareerStage, ConceptUse, Job, Posting, Skill, Tool, ToolUsage};
use crate::api::arguments::{self, DEFAULT_PAGE};
use crate::api::cost;
use crate::api::error::ApiError;
use crate::graph::NodeRef;
use async_graphql::{Object, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Where a page sits in the whole list.
#[derive(SimpleObject, Clone)]
pub struct PageInfo {
    /// Whether nodes come after this page.
    has_next_page: bool,
    /// Whether nodes come before this page.
    has_previous_page: bool,
    /// The cursor of the page's first node.
    start_cursor: Option<String>,
    /// The cursor of the page's last node; pass it as `after` for the next page.
    end_cursor: Option<String>,
}

/// What a connection lists: each item has the id its cursor holds.
pub trait Keyed {
    /// The id the item's cursor encodes.
    fn key(&self) -> &str;
}

impl Keyed for NodeRef<'_> {
    fn key(&self) -> &str {
        self.id()
    }
}

/// A connection type and its edge type over a list of `$item`s, each
/// answered as a `$node` made by `$make`: `Job` from a `NodeRef`, or an
/// entry (a tool's use by a job) that is its own answer.
macro_rules! connection {
    ($connection:ident, $edge:ident, $node:ident, $connection_doc:literal, $edge_doc:literal) => {
        connection!(
            $connection,
            $edge,
            $node,
            NodeRef,
            $node,
            $connection_doc,
            $edge_doc
        );
    };
    ($connection:ident, $edge:ident, $node:ident, $item:ident, $make:path, $connection_doc:literal, $edge_doc:literal) => {
        #[doc = $connection_doc]
        pub struct $connection<'g> {
            edges: Vec<$edge<'g>>,
            page_info: PageInfo,
            total_count: usize,
        }

        #[doc = $connection_doc]
        #[Object]
        impl<'g> $connection<'g> {
            /// The page's nodes with their cursors.
            #[graphql(complexity = "cost::priced_by_parent(child_complexity)")]
            async fn edges(&self) -> Vec<$edge<'g>> {
                self.edges.clone()
            }

            /// The page's nodes.
            #[graphql(complexity = "cost::priced_by_parent(child_complexity)")]
            async fn nodes(&self) -> Vec<$node<'g>> {
                self.edges
                    .iter()
                    .map(|edge| $make(edge.node.clone()))
                    .collect()
            }

            /// Where the page sits in the whole list.
            async fn page_info(&self) -> PageInfo {
                self.page_info.clone()
            }

            /// How many nodes match, over all pages.
            async fn total_count(&self) -> usize {
                self.total_count
            }
        }

        #[doc = $edge_doc]
        #[derive(Clone)]
        pub struct $edge<'g> {
            node: $item<'g>,
        }

        #[doc = $edge_doc]
        #[Object]
        impl<'g> $edge<'g> {
            /// An opaque cursor; pass it as `after` to continue after this node.
            async fn cursor(&self) -> String {
                encode_cursor(Keyed::key(&self.node))
            }

            /// The node.
            async fn node(&self) -> $node<'g> {
                $make(self.node.clone())
            }
        }

        impl<'g> From<Page<$item<'g>>> for $connection<'g> {
            fn from(page: Page<$item<'g>>) -> Self {
                Self {
                    edges: page.nodes.into_iter().map(|node| $edge { node }).collect(),
                    page_info: page.info,
                    total_count: page.total_count,
                }
            }
        }
    };
}

connection!(
    JobConnection,
    JobEdge,
    Job,
    "A page of jobs (a Relay cursor connection): in id order at the root, in the order the field gives on a type.",
    "A job and its cursor."
);
connection!(
    SkillConnection,
    SkillEdge,
    Skill,
    "A page of skills (a Relay cursor connection): in id order at the root, in the order the field gives on a type.",
    "A skill and its cursor."
);
connection!(
    PostingConnection,
    PostingEdge,
    Posting,
    "A page of job postings (a Relay cursor connection), in the order the field gives.",
    "A job posting and its cursor."
);
connection!(
    ToolConnection,
    ToolEdge,
    Tool,
    "A page of tools in id order (a Relay cursor connection).",
    "A tool and its cursor."
);
connection!(
    CareerStageConnection,
    CareerStageEdge,
    CareerStage,
    "A page of career stages (a Relay cursor connection), in the order the field gives.",
    "A career stage and its cursor."
);
connection!(
    ToolUsageConnection,
    ToolUsageEdge,
    ToolUsage,
    ToolUsage,
    std::convert::identity,
    "A page of the jobs that use a tool, strongest use first (a Relay cursor connection).",
    "A job's use of the tool, and its cursor."
);
connection!(
    ConceptUseConnection,
    ConceptUseEdge,
    ConceptUse,
    ConceptUse,
    std::convert::identity,
    "A page of the jobs that use a concept, the most involved first (a Relay cursor connection).",
    "A job's use of the concept, and its cursor."
);

/// One page of items, before it is wrapped in a connection type.
pub struct Page<T> {
    nodes: Vec<T>,
    info: PageInfo,
    total_count: usize,
}

/// The `first` nodes after the cursor `after`, among `nodes` (sorted by id).
/// A cursor whose node is gone since continues after where it would be.
pub fn paginate<'g>(
    nodes: Vec<NodeRef<'g>>,
    first: Option<i32>,
    after: Option<String>,
) -> Result<Page<NodeRef<'g>>, ApiError> {
    let start = match after {
        None => 0,
        Some(cursor) => {
            let id = decode_cursor(&cursor).ok_or(ApiError::BadCursor(cursor))?;
            nodes.partition_point(|node| node.id() <= id.as_str())
        }
    };
    page_from(nodes, start, first)
}

/// The `first` nodes after the cursor `after`, among `nodes` in the order
/// given (best fit first, file order). A cursor whose node is no longer in
/// the list is refused: there is no telling where it stood.
pub fn paginate_in_order<T: Keyed>(
    nodes: Vec<T>,
    first: Option<i32>,
    after: Option<String>,
) -> Result<Page<T>, ApiError> {
    let start = match after {
        None => 0,
        Some(cursor) => {
            let id = decode_cursor(&cursor).ok_or_else(|| ApiError::BadCursor(cursor.clone()))?;
            let at = nodes.iter().position(|node| node.key() == id.as_str());
            at.ok_or(ApiError::BadCursor(cursor))? + 1
        }
    };
    page_from(nodes, start, first)
}

/// A page of `items` (in the order given) after the cursor `after`, as a
/// field on a type answers it, its errors ready for GraphQL.
pub(crate) fn page_of<T: Keyed, C: From<Page<T>>>(
    items: Vec<T>,
    first: Option<i32>,
    after: Option<String>,
) -> async_graphql::Result<C> {
    use async_graphql::ErrorExtensions;
    paginate_in_order(items, first, after)
        .map(Into::into)
        .map_err(|error| error.extend())
}

/// A page of the nodes that reach `node` by edges of `kind`, in the
/// graph's order: a skill's, a team's, an employer's, a resource's jobs; a
/// tool's or a concept's skills.
pub(crate) fn nodes_reaching<'g, C: From<Page<NodeRef<'g>>>>(
    node: NodeRef<'g>,
    kind: crate::graph::EdgeKind,
    first: Option<i32>,
    after: Option<String>,
) -> async_graphql::Result<C> {
    let nodes = node.incoming(kind).into_iter().map(|link| link.node);
    page_of(nodes.collect(), first, after)
}

/// The page of `first` items from `start`.
fn page_from<T: Keyed>(
    mut nodes: Vec<T>,
    start: usize,
    first: Option<i32>,
) -> Result<Page<T>, ApiError> {
    let first = arguments::first(first, DEFAULT_PAGE)?;
    let total_count = nodes.len();
    let end = (start + first).min(total_count);
    nodes.truncate(end);
    let page: Vec<T> = nodes.split_off(start.min(end));
    let info = PageInfo {
        has_next_page: end < total_count,
        has_previous_page: start > 0,
        start_cursor: page.first().map(|node| encode_cursor(node.key())),
        end_cursor: page.last().map(|node| encode_cursor(node.key())),
    };
    Ok(Page {
        nodes: page,
        info,
        total_count,
    })
}

fn encode_cursor(id: &str) -> String {
    URL_SAFE_NO_PAD.encode(id)
}

fn decode_cursor(cursor: &str) -> Option<String> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    String::from_utf8(bytes).ok()
}
