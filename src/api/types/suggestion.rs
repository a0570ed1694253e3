//! `Suggestion` and `PrefixMatch`: a node offered while a name is typed.

use super::NodeInterface;
use crate::graph::suggestions;
use async_graphql::{Enum, Object};

/// How the text typed met the spelling suggested, from the best match to
/// the loosest: suggestions are ranked in this order first.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "suggestions::PrefixMatch")]
pub enum PrefixMatch {
    /// The text typed is the whole spelling, once folded (case, width, NFKC).
    Exact,
    /// The text typed begins the node's name or its English or Japanese label.
    Name,
    /// The text typed begins another spelling of the node (an alias, a slug).
    Alias,
    /// The text typed begins a word inside one of the node's spellings:
    /// after a space or a mark such as `/`, `-`, `(` or `・`, or where
    /// Latin letters, katakana and kanji meet (`監視` in `インフラ監視`).
    Word,
}

/// A node suggested for a name being typed.
pub struct Suggestion<'g>(pub suggestions::Suggestion<'g>);

/// A node suggested for a name being typed, with the spelling that matched.
#[Object]
impl<'g> Suggestion<'g> {
    /// The node suggested.
    async fn node(&self) -> NodeInterface<'g> {
        self.0.node.into()
    }

    /// The spelling of the node that matched, as the corpus writes it: its
    /// name, a label or an alias (`K8s` for `k8`).
    async fn matched(&self) -> &'g str {
        self.0.matched
    }

    /// How the text typed met `matched`.
    async fn how(&self) -> PrefixMatch {
        self.0.how.into()
    }
}
