//! Relay cursor connections over the graph's id-sorted node lists.
//!
//! A cursor is the base64 of the node's id, not an offset, so a page
//! fetched after a reload continues where the client left off.

use crate::api::error::ApiError;
use crate::graph::NodeRef;
use async_graphql::connection::{Connection, Edge};
use async_graphql::{OutputType, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The most nodes one page may hold.
pub const MAX_PAGE: i32 = 100;
/// The page size when `first` is not given.
pub const DEFAULT_PAGE: i32 = 20;

/// Fields every connection adds to Relay's.
#[derive(SimpleObject)]
pub struct ConnectionFields {
    /// How many nodes match, over all pages.
    pub total_count: usize,
}

/// The connection of the `first` nodes after `after`, among `nodes`
/// (which must be sorted by id).
pub fn paginate<'g, T: OutputType>(
    nodes: Vec<NodeRef<'g>>,
    first: Option<i32>,
    after: Option<String>,
    wrap: fn(NodeRef<'g>) -> T,
) -> Result<Connection<String, T, ConnectionFields>, ApiError> {
    let first = first.unwrap_or(DEFAULT_PAGE);
    if !(0..=MAX_PAGE).contains(&first) {
        return Err(ApiError::BadArgument {
            argument: "first",
            reason: format!("must be between 0 and {MAX_PAGE}, got {first}"),
        });
    }
    let start = match after {
        None => 0,
        Some(cursor) => {
            let id = decode_cursor(&cursor).ok_or(ApiError::BadCursor(cursor))?;
            nodes.partition_point(|node| node.id() <= id.as_str())
        }
    };
    let end = (start + first as usize).min(nodes.len());
    let mut connection = Connection::with_additional_fields(
        start > 0,
        end < nodes.len(),
        ConnectionFields {
            total_count: nodes.len(),
        },
    );
    connection.edges.extend(
        nodes[start..end]
            .iter()
            .map(|node| Edge::new(encode_cursor(node.id()), wrap(*node))),
    );
    Ok(connection)
}

pub fn encode_cursor(id: &str) -> String {
    URL_SAFE_NO_PAD.encode(id)
}

fn decode_cursor(cursor: &str) -> Option<String> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    String::from_utf8(bytes).ok()
}
