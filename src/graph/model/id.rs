//! Node ids: the one place they are built and taken apart.
//!
//! An id is its kind's prefix and a key, `job:platform_engineer`,
//! `tool:kubernetes`, `stage:platform_engineer:3`. The text is what clients
//! see (the GraphQL `id`, the exports, the explorer's addresses), so it is
//! stable across builds of the same corpus; [`NodeId`] keeps the kind beside
//! it so nobody has to split strings to learn it.

use crate::graph::node::NodeKind;
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

/// A node's stable id: a kind and a key. Compared, hashed and ordered by
/// its text (the kind is part of it), so a map keyed by `NodeId` is looked
/// up with a plain `&str`.
#[derive(Debug, Clone)]
pub struct NodeId {
    /// The whole id, prefix included: what is shown and compared.
    text: Box<str>,
    kind: NodeKind,
}

/// Turns a key into the part of a node id after the kind prefix: Latin
/// letters and digits, CJK and kana are kept, everything else becomes `_`.
pub fn id_part(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for ch in key.chars() {
        if ch.is_alphanumeric() {
            out.push(ch);
        } else if ch == '+' {
            // `C++` and `C#` are not `C`.
            out.push_str("plus");
        } else if ch == '#' {
            out.push_str("sharp");
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_owned()
}

/// Between a kind's prefix and the key.
const SEPARATOR: char = ':';

impl NodeId {
    /// The id of the job with `slug`.
    pub fn job(slug: &str) -> Self {
        Self::from_parts(NodeKind::Job, slug)
    }

    /// The id of a named thing (skill, tool, team, employer, resource) whose
    /// canonical key is `key`; the key is folded to id characters.
    pub fn named(kind: NodeKind, key: &str) -> Self {
        Self::from_parts(kind, &id_part(key))
    }

    /// The id of the job posting with `identifier`, kept as given.
    pub fn posting(identifier: &str) -> Self {
        Self::from_parts(NodeKind::Posting, identifier)
    }

    /// The id of rung `order` of the ladder of the job with `slug`.
    pub fn stage(slug: &str, order: usize) -> Self {
        Self::from_parts(NodeKind::CareerStage, &format!("{slug}{SEPARATOR}{order}"))
    }

    /// The id of trend `position` (from 1) of the guide of `slug`.
    pub fn trend(slug: &str, position: usize) -> Self {
        Self::from_parts(NodeKind::Trend, &format!("{slug}{SEPARATOR}{position}"))
    }

    fn from_parts(kind: NodeKind, key: &str) -> Self {
        let mut text = String::with_capacity(kind.id_prefix().len() + 1 + key.len());
        text.push_str(kind.id_prefix());
        text.push(SEPARATOR);
        text.push_str(key);
        Self {
            text: text.into_boxed_str(),
            kind,
        }
    }

    /// Reads an id written by [`NodeId::as_str`]; `None` when its prefix
    /// names no kind or its key is empty.
    pub fn parse(text: &str) -> Option<Self> {
        let (prefix, key) = text.split_once(SEPARATOR)?;
        let kind = NodeKind::ALL
            .into_iter()
            .find(|kind| kind.id_prefix() == prefix)?;
        (!key.is_empty()).then(|| Self::from_parts(kind, key))
    }

    /// The whole id (`tool:kubernetes`).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn kind(&self) -> NodeKind {
        self.kind
    }

    /// The part after the kind's prefix (`kubernetes`; a job's slug).
    pub fn key(&self) -> &str {
        &self.text[self.kind.id_prefix().len() + SEPARATOR.len_utf8()..]
    }
}

impl PartialEq for NodeId {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for NodeId {}

impl Hash for NodeId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl PartialOrd for NodeId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for NodeId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.text.cmp(&other.text)
    }
}

impl Borrow<str> for NodeId {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl AsRef<str> for NodeId {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_keep_japanese_and_fold_punctuation() {
        assert_eq!(id_part("github actions"), "github_actions");
        assert_eq!(id_part("ci/cd"), "ci_cd");
        assert_eq!(
            id_part("クラウドコンピューティング"),
            "クラウドコンピューティング"
        );
    }

    use super::*;

    #[test]
    fn ids_print_as_prefix_and_key_and_parse_back() {
        let cases = [
            (NodeId::job("platform_engineer"), "job:platform_engineer"),
            (
                NodeId::named(NodeKind::Tool, "github actions"),
                "tool:github_actions",
            ),
            (NodeId::named(NodeKind::Tool, "c++"), "tool:cplusplus"),
            (
                NodeId::stage("platform_engineer", 3),
                "stage:platform_engineer:3",
            ),
            (NodeId::trend("sre", 1), "trend:sre:1"),
        ];
        for (id, text) in cases {
            assert_eq!(id.as_str(), text);
            assert_eq!(NodeId::parse(text), Some(id.clone()));
        }
        assert_eq!(NodeId::job("platform_engineer").key(), "platform_engineer");
        assert_eq!(NodeId::stage("a", 2).key(), "a:2");
        assert_eq!(NodeId::stage("a", 2).kind(), NodeKind::CareerStage);
    }

    #[test]
    fn ids_with_unknown_prefixes_or_no_key_do_not_parse() {
        for text in ["", "job", "job:", "planet:earth", ":x", "Job:x"] {
            assert_eq!(NodeId::parse(text), None, "{text}");
        }
    }
}
