//! `Resolution`, `NameMatch` and `MatchKind`: what a name a person or a
//! posting wrote was read as.

use super::NodeInterface;
use crate::api::cost;
use crate::graph::resolve::{self, How};
use async_graphql::{Enum, Object};

/// How a name matched its node.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum MatchKind {
    /// Character for character as a guide wrote it.
    Exact,
    /// A spelling the alias file lists (`K8s` for Kubernetes).
    Alias,
    /// The same name once folded (case, width, NFKC), without its vendor
    /// word (`Spark` for Apache Spark), or as an acronym of it (`SLO`).
    Variant,
    /// The nearest spelling (`Kubernates`), or a longer name holding it as
    /// a word: a guess, with a lower confidence.
    Fuzzy,
}

impl From<How> for MatchKind {
    fn from(how: How) -> Self {
        match how {
            How::Exact => MatchKind::Exact,
            How::Alias => MatchKind::Alias,
            How::Folded | How::Vendor | How::Acronym => MatchKind::Variant,
            How::Fuzzy => MatchKind::Fuzzy,
        }
    }
}

/// A node a name may mean, with how it matched.
pub struct NameMatch<'g>(pub resolve::Candidate<'g>);

/// A node a name may mean, with how it matched and how sure that is.
#[Object]
impl<'g> NameMatch<'g> {
    /// The node.
    async fn node(&self) -> NodeInterface<'g> {
        self.0.node.into()
    }

    /// How the name matched it.
    async fn how(&self) -> MatchKind {
        self.0.how.into()
    }

    /// The rule that matched, finer than `how`: `exact`, `alias`,
    /// `folded`, `vendor`, `acronym` or `fuzzy`.
    async fn rule(&self) -> &'static str {
        self.0.how.name()
    }

    /// 0 to 1: 1 for an exact match, 0.98 alias, 0.95 folded, 0.9 vendor,
    /// 0.85 acronym, at most 0.8 fuzzy (scaled by the similarity).
    async fn confidence(&self) -> f64 {
        self.0.confidence
    }
}

/// What one name resolved to.
pub struct Resolution<'g>(pub resolve::Resolution<'g>);

/// What one name resolved to: its node, how, how sure, and what else it
/// may mean.
#[Object]
impl<'g> Resolution<'g> {
    /// The name as given.
    async fn input(&self) -> &str {
        &self.0.input
    }

    /// The node it means; null when nothing is near it.
    async fn node(&self) -> Option<NodeInterface<'g>> {
        self.0.best.map(|found| found.node.into())
    }

    /// How it matched `node`; null with `node`.
    async fn how(&self) -> Option<MatchKind> {
        self.0.best.map(|found| found.how.into())
    }

    /// The rule that matched `node` (`vendor`, `acronym` …); null with `node`.
    async fn rule(&self) -> Option<&'static str> {
        self.0.best.map(|found| found.how.name())
    }

    /// How sure the match to `node` is, 0 to 1; null with `node`.
    async fn confidence(&self) -> Option<f64> {
        self.0.best.map(|found| found.confidence)
    }

    /// Other nodes it may mean, surest first ("did you mean").
    #[graphql(complexity = "cost::times(resolve::MAX_SUGGESTIONS, child_complexity)")]
    async fn suggestions(&self) -> Vec<NameMatch<'g>> {
        self.0.suggestions.iter().copied().map(NameMatch).collect()
    }
}
