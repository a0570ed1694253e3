//! `Skill`: a hard or soft skill, shared by the jobs that require it.

use super::{SkillKind, Tool, handles};
use crate::api::arguments::DEFAULT_PAGE;
use crate::api::cost;
use crate::graph::ListBound;
use crate::graph::{EdgeKind, NodeRef};
use async_graphql::{ID, Object};

/// A skill, merged across guides by canonical name
/// (`IaC (Infrastructure as Code)` = `インフラストラクチャ・アズ・コード (IaC)`).
pub struct Skill<'g>(pub NodeRef<'g>);

impl<'g> Skill<'g> {
    fn data(&self) -> &'g crate::graph::SkillNode {
        self.0
            .as_skill()
            .expect("a Skill handle always wraps a skill node")
    }
}

/// A hard or soft skill, merged across guides by canonical name.
#[Object]
impl<'g> Skill<'g> {
    /// The global id (`skill:iac`).
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

    /// The canonical name.
    async fn name(&self) -> &str {
        &self.data().name
    }

    /// Hard (technical) or soft (organisational).
    async fn kind(&self) -> SkillKind {
        self.data().kind.into()
    }

    /// Other spellings seen in the guides or listed in the alias file.
    async fn aliases(&self) -> &[String] {
        &self.data().aliases
    }

    /// Its name in each language (`ja`, `en`), or only in `lang`.
    #[graphql(complexity = "cost::times(crate::guide::Language::ALL.len(), child_complexity)")]
    async fn labels(
        &self,
        #[graphql(desc = "A BCP 47 language tag (`en`, `ja`); all languages when left out.")]
        lang: Option<String>,
    ) -> Vec<super::Label> {
        super::labels_of(self.0, lang.as_deref())
    }

    /// The concepts its name means or contains (`SLO design` → `SLO`).
    #[graphql(
        complexity = "cost::list(ListBound::Outgoing(EdgeKind::Expresses), child_complexity)"
    )]
    async fn concepts(&self) -> Vec<super::Concept<'g>> {
        handles(self.0.outgoing(EdgeKind::Expresses), super::Concept)
    }

    /// Jobs whose guides list this skill, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn jobs(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return jobs after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::JobConnection<'g>> {
        super::connection::nodes_reaching(self.0, EdgeKind::Requires, first, after)
    }

    /// Tools this skill's descriptions name.
    #[graphql(complexity = "cost::list(ListBound::Outgoing(EdgeKind::Mentions), child_complexity)")]
    async fn tools(&self) -> Vec<Tool<'g>> {
        handles(self.0.outgoing(EdgeKind::Mentions), Tool)
    }

    /// The parts of a compound skill (`コンテナ技術とオーケストレーション` →
    /// `コンテナ技術`, `オーケストレーション`).
    #[graphql(
        complexity = "cost::list(ListBound::Outgoing(EdgeKind::ComposedOf), child_complexity)"
    )]
    async fn parts(&self) -> Vec<Skill<'g>> {
        handles(self.0.outgoing(EdgeKind::ComposedOf), Skill)
    }

    /// Job postings asking for this skill, in file order, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn postings(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return postings after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::PostingConnection<'g>> {
        super::posting::posting_page(self.0.graph().postings_asking_for(self.0), first, after)
    }

    /// Compound skills this skill is part of.
    #[graphql(
        complexity = "cost::list(ListBound::Incoming(EdgeKind::ComposedOf), child_complexity)"
    )]
    async fn part_of(&self) -> Vec<Skill<'g>> {
        handles(self.0.incoming(EdgeKind::ComposedOf), Skill)
    }
}
