//! `Posting`: a job posting read beside the guides, with what it asks for
//! and the role it was classified to.

use super::analytics::{SkillsAndTools, split};
use super::{Job, MatchKind, NodeInterface, Skill, Tool};
use crate::api::cost;
use crate::graph::ListBound;
use crate::graph::{NodeKind, NodeRef, PostingMention, PostingNode};
use async_graphql::{Enum, ID, Object};

/// A page of `postings` (in the order given) after the cursor `after`:
/// the postings of a job, a skill or a tool, which may be thousands.
pub(crate) fn posting_page<'g>(
    postings: impl IntoIterator<Item = NodeRef<'g>>,
    first: Option<i32>,
    after: Option<String>,
) -> async_graphql::Result<super::connection::PostingConnection<'g>> {
    super::connection::page_of(postings.into_iter().collect(), first, after)
}

/// A job posting (schema.org `JobPosting`), its id `posting:<identifier>`.
pub struct Posting<'g>(pub NodeRef<'g>);

impl<'g> Posting<'g> {
    fn data(&self) -> &'g PostingNode {
        self.0
            .as_posting()
            .expect("a Posting handle always wraps a posting node")
    }

    fn record(&self) -> Option<&'g crate::guide::postings::Posting> {
        self.0.posting()
    }

    /// The distinct nodes of `kind` the posting names, in reading order.
    fn named(&self, kind: NodeKind) -> Vec<NodeRef<'g>> {
        let graph = self.0.graph();
        let nodes = self
            .data()
            .mentions
            .iter()
            .map(|mention| graph.node_at(mention.node));
        crate::graph::mentions::first_of_each(nodes, Some(kind))
    }
}

/// A job posting read from the corpus's `postings/*.jsonl` (or
/// `--postings`): its fields, the skills and tools its title and
/// description name, and the role it is nearest to.
#[Object]
impl<'g> Posting<'g> {
    /// The global id (`posting:<identifier>`).
    pub async fn id(&self) -> ID {
        ID(self.0.id().to_owned())
    }

    /// What kind of node it is.
    pub async fn node_kind(&self) -> super::NodeKind {
        self.0.kind().into()
    }

    /// The name it is drawn by, as the corpus writes it: what `name` or
    /// `title` answers, on every kind of node alike.
    pub async fn label(&self) -> &'g str {
        self.0.label()
    }

    /// The posting's own identifier.
    async fn identifier(&self) -> &str {
        &self.data().identifier
    }

    /// The posting's title, as given.
    async fn title(&self) -> &str {
        &self.data().title
    }

    /// The hiring organization's name.
    async fn organization(&self) -> Option<&str> {
        self.record()?.organization.as_deref()
    }

    /// `datePosted`, as given.
    async fn date_posted(&self) -> Option<&str> {
        self.record()?.date_posted.as_deref()
    }

    /// Where the posting is published.
    async fn url(&self) -> Option<&str> {
        self.record()?.url.as_deref()
    }

    /// `inLanguage` (`ja`, `en` …), as given.
    async fn language(&self) -> Option<&str> {
        self.record()?.language.as_deref()
    }

    /// The description as given (HTML allowed).
    async fn description(&self) -> &str {
        self.record()
            .map_or("", |record| record.description.as_str())
    }

    /// The description's plain text, which `mentions` offsets point into.
    async fn text(&self) -> &'g str {
        self.0
            .as_posting()
            .map_or("", |posting| posting.text.as_str())
    }

    /// The skills named, once each, in reading order.
    #[graphql(complexity = "cost::list(ListBound::PostingMentions, child_complexity)")]
    async fn skills(&self) -> Vec<Skill<'g>> {
        self.named(NodeKind::Skill).into_iter().map(Skill).collect()
    }

    /// The tools named, once each, in reading order.
    #[graphql(complexity = "cost::list(ListBound::PostingMentions, child_complexity)")]
    async fn tools(&self) -> Vec<Tool<'g>> {
        self.named(NodeKind::Tool).into_iter().map(Tool).collect()
    }

    /// Every skill and tool named, where and how, the title first.
    #[graphql(complexity = "cost::list(ListBound::PostingMentions, child_complexity)")]
    async fn mentions(&self) -> Vec<PostingMentionObject<'g>> {
        let graph = self.0.graph();
        self.data()
            .mentions
            .iter()
            .map(|mention| PostingMentionObject {
                node: graph.node_at(mention.node),
                mention: *mention,
            })
            .collect()
    }

    /// The role it is nearest to; null when it names nothing any guide has.
    async fn role(&self) -> Option<PostingRole<'g>> {
        let graph = self.0.graph();
        let role = graph.posting_role(self.0)?;
        Some(PostingRole {
            evidence: graph.posting_evidence(self.0, role.job),
            role,
        })
    }

    /// The postings file it was read from, relative to the corpus folder
    /// (`--postings` files by their own path).
    async fn source_file(&self) -> Option<String> {
        Some(self.0.graph().display_path(&self.record()?.path))
    }

    /// The 1-based line of the postings file.
    async fn source_line(&self) -> Option<usize> {
        Some(self.record()?.line)
    }
}

/// Which field of a posting a name was read in.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum PostingField {
    /// The posting's title.
    Title,
    /// The description's plain text (`Posting.text`).
    Description,
}

/// A skill or tool a posting names.
pub struct PostingMentionObject<'g> {
    node: NodeRef<'g>,
    mention: PostingMention,
}

/// A skill or tool a posting names, where and how.
#[Object(name = "PostingMention")]
impl<'g> PostingMentionObject<'g> {
    /// The skill or tool.
    async fn node(&self) -> NodeInterface<'g> {
        self.node.into()
    }

    /// The title, or the description's plain text.
    async fn field(&self) -> PostingField {
        if self.mention.in_title {
            PostingField::Title
        } else {
            PostingField::Description
        }
    }

    /// Where the words start, in characters of the field.
    async fn start(&self) -> u32 {
        self.mention.start
    }

    /// Where the words end (exclusive), in characters of the field.
    async fn end(&self) -> u32 {
        self.mention.end
    }

    /// How the words matched the node's names.
    async fn how(&self) -> MatchKind {
        self.mention.how.into()
    }
}

/// The role a posting is nearest to.
pub struct PostingRole<'g> {
    role: crate::graph::analytics::Role<'g>,
    evidence: Vec<NodeRef<'g>>,
}

/// The role a posting is nearest to, with the score and the evidence.
#[Object]
impl<'g> PostingRole<'g> {
    /// The job.
    async fn job(&self) -> Job<'g> {
        Job(self.role.job)
    }

    /// 0 to 1: the text scorer's, as for a résumé (see `textWeights`): the
    /// posting's skills and tools and its concepts against the job's, and
    /// whether its title names the job.
    async fn score(&self) -> f64 {
        self.role.score
    }

    /// Whether the posting's title names the job (`Senior Data Engineer`).
    async fn title_match(&self) -> bool {
        self.role.title_match
    }

    /// The skills and tools both the posting and the job's profile have,
    /// heaviest in the job first.
    async fn matched(&self) -> SkillsAndTools<'g> {
        split(&self.evidence)
    }
}
