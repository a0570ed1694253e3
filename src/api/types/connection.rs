//! Relay cursor connections over the graph's node lists: the root lists,
//! sorted by id, and the lists on types (a tool's postings), in their own
//! order.
//!
//! A cursor is the base64 of the node's id, not an offset, so a page
//! fetched after a reload continues where the client left off. The
//! connection types are written out (by one macro) rather than taken from
//! async-graphql's generic `Connection`, so that each carries a description.

use super::{Job, Posting, Skill, Tool};
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

macro_rules! connection {
    ($connection:ident, $edge:ident, $node:ident, $connection_doc:literal, $edge_doc:literal) => {
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
                self.edges.iter().map(|edge| $node(edge.node)).collect()
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
            node: NodeRef<'g>,
        }

        #[doc = $edge_doc]
        #[Object]
        impl<'g> $edge<'g> {
            /// An opaque cursor; pass it as `after` to continue after this node.
            async fn cursor(&self) -> String {
                encode_cursor(self.node.id())
            }

            /// The node.
            async fn node(&self) -> $node<'g> {
                $node(self.node)
            }
        }

        impl<'g> From<Page<'g>> for $connection<'g> {
            fn from(page: Page<'g>) -> Self {
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
    "A page of jobs in id order (a Relay cursor connection).",
    "A job and its cursor."
);
connection!(
    SkillConnection,
    SkillEdge,
    Skill,
    "A page of skills in id order (a Relay cursor connection).",
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

/// One page of nodes, before it is wrapped in a connection type.
pub struct Page<'g> {
    nodes: Vec<NodeRef<'g>>,
    info: PageInfo,
    total_count: usize,
}

/// The `first` nodes after the cursor `after`, among `nodes` (sorted by id).
/// A cursor whose node is gone since continues after where it would be.
pub fn paginate<'g>(
    nodes: Vec<NodeRef<'g>>,
    first: Option<i32>,
    after: Option<String>,
) -> Result<Page<'g>, ApiError> {
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
pub fn paginate_in_order<'g>(
    nodes: Vec<NodeRef<'g>>,
    first: Option<i32>,
    after: Option<String>,
) -> Result<Page<'g>, ApiError> {
    let start = match after {
        None => 0,
        Some(cursor) => {
            let id = decode_cursor(&cursor).ok_or_else(|| ApiError::BadCursor(cursor.clone()))?;
            let at = nodes.iter().position(|node| node.id() == id.as_str());
            at.ok_or(ApiError::BadCursor(cursor))? + 1
        }
    };
    page_from(nodes, start, first)
}

/// The page of `first` nodes from `start`.
fn page_from(
    nodes: Vec<NodeRef<'_>>,
    start: usize,
    first: Option<i32>,
) -> Result<Page<'_>, ApiError> {
    let first = arguments::first(first, DEFAULT_PAGE)?;
    let end = (start + first).min(nodes.len());
    let page: Vec<NodeRef<'_>> = nodes[start..end].to_vec();
    let info = PageInfo {
        has_next_page: end < nodes.len(),
        has_previous_page: start > 0,
        start_cursor: page.first().map(|node| encode_cursor(node.id())),
        end_cursor: page.last().map(|node| encode_cursor(node.id())),
    };
    Ok(Page {
        nodes: page,
        info,
        total_count: nodes.len(),
    })
}

fn encode_cursor(id: &str) -> String {
    URL_SAFE_NO_PAD.encode(id)
}

fn decode_cursor(cursor: &str) -> Option<String> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    String::from_utf8(bytes).ok()
}
