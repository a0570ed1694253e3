//! `Concept`: a term the guides use to say what a role does, and `Label`:
//! a name in one language, the same on every named type.

use super::{Job, handles};
use crate::api::arguments::DEFAULT_PAGE;
use crate::api::cost;
use crate::graph::{EdgeKind, ListBound, NodeRef};
use crate::guide::Language;
use async_graphql::{Enum, ID, Object, SimpleObject};

/// Where a concept's term comes from.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "crate::graph::ConceptOrigin")]
pub enum ConceptOrigin {
    /// An entry of the glossary (`glossary.json`).
    Glossary,
    /// A guide's own gloss: a term and its other name in parentheses.
    Gloss,
    /// A front-matter keyword or tag.
    Keyword,
    /// A skill name that another skill's name contains.
    SkillName,
}

/// A name in one language.
#[derive(SimpleObject, Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The language, as a BCP 47 tag (`ja`, `en`).
    pub lang: String,
    /// The name in that language.
    pub text: String,
}

/// The labels of `node`, Japanese first; only those of `lang` (a BCP 47
/// tag, read by its primary subtag) when one is given. A language no
/// label is kept in has none.
pub(crate) fn labels_of(node: NodeRef<'_>, lang: Option<&str>) -> Vec<Label> {
    let wanted = lang.map(Language::from_tag);
    let labels = node.node().labels();
    Language::ALL
        .into_iter()
        .filter(|language| wanted.is_none_or(|wanted| wanted == Some(*language)))
        .filter_map(|language| {
            labels.of(language).map(|text| Label {
                lang: language.tag().to_owned(),
                text: text.to_owned(),
            })
        })
        .collect()
}

/// A concept, wrapped for GraphQL.
pub struct Concept<'g>(pub NodeRef<'g>);

/// A job that uses a concept, and how.
#[derive(Clone)]
pub struct ConceptUse<'g> {
    concept: NodeRef<'g>,
    job: NodeRef<'g>,
    weight: f64,
}

impl super::connection::Keyed for ConceptUse<'_> {
    /// The job's id: a page of a concept's jobs continues after a job.
    fn key(&self) -> &str {
        self.job.id()
    }
}

impl<'g> ConceptUse<'g> {
    /// The concepts `job`'s guide uses, the most telling first.
    pub(crate) fn of_job(job: NodeRef<'g>) -> Vec<Self> {
        let uses = job
            .outgoing(EdgeKind::Involves)
            .into_iter()
            .map(|link| Self {
                concept: link.node,
                job,
                weight: link.edge.weight,
            });
        heaviest_first(uses)
    }

    /// The jobs whose guides use `concept`, the most involved first.
    fn of_concept(concept: NodeRef<'g>) -> Vec<Self> {
        let uses = concept
            .incoming(EdgeKind::Involves)
            .into_iter()
            .map(|link| Self {
                concept,
                job: link.node,
                weight: link.edge.weight,
            });
        heaviest_first(uses)
    }
}

/// Uses by weight, heaviest first, then by job and concept id.
fn heaviest_first<'g>(uses: impl Iterator<Item = ConceptUse<'g>>) -> Vec<ConceptUse<'g>> {
    let mut uses: Vec<ConceptUse<'g>> = uses.collect();
    uses.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.job.id().cmp(b.job.id()))
            .then_with(|| a.concept.id().cmp(b.concept.id()))
    });
    uses
}

/// A job's use of a concept.
#[Object]
impl<'g> ConceptUse<'g> {
    /// The job whose guide uses the concept.
    async fn job(&self) -> Job<'g> {
        Job(self.job)
    }

    /// The concept used.
    async fn concept(&self) -> Concept<'g> {
        Concept(self.concept)
    }

    /// How much the concept says about the job, 0 to 1: how specific the
    /// concept is to few roles, times how strongly the guide uses it.
    async fn weight(&self) -> f64 {
        self.weight
    }

    /// The concept as the job's guide writes it.
    async fn written(&self) -> Option<String> {
        self.job.graph().written_by(self.job, self.concept)
    }
}

/// A term the guides use to say what a role does (`SLO`,
/// `エラーバジェット`, `ゴールデンパス`), in Japanese and English: from the
/// glossary, the guides' own glosses (`運用負荷（Toil）`), their keywords
/// and tags, and skill names inside other skill names.
#[Object]
impl<'g> Concept<'g> {
    /// The global id (`concept:error_budget`).
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

    /// The concept as the corpus first writes it.
    async fn name(&self) -> &str {
        self.0.label()
    }

    /// Its name in each language (`ja`, `en`), or only in `lang`.
    #[graphql(complexity = "cost::times(Language::ALL.len(), child_complexity)")]
    async fn labels(
        &self,
        #[graphql(desc = "A BCP 47 language tag (`en`, `ja`); all languages when left out.")]
        lang: Option<String>,
    ) -> Vec<Label> {
        labels_of(self.0, lang.as_deref())
    }

    /// Every other spelling it is found by, in either language.
    async fn aliases(&self) -> &'g [String] {
        self.0.node().aliases()
    }

    /// A broad word of the field (the glossary says so), or used by more
    /// than half of the roles (in a corpus of four or more): too common to
    /// tell roles apart (`運用`, `セキュリティ`), so a text is not said to
    /// state it.
    async fn generic(&self) -> bool {
        self.0.as_concept().is_some_and(|concept| concept.generic)
    }

    /// A tool, product, language or platform (`Swift`, `Kotlin`), by the
    /// glossary, that no guide's tools table need list: a text naming it
    /// names a tool rather than the work, and shows the abilities it is
    /// narrower than (`Swift` shows iOS development).
    async fn tool(&self) -> bool {
        self.0.as_concept().is_some_and(|concept| concept.tool)
    }

    /// Where the term was first found.
    async fn origin(&self) -> ConceptOrigin {
        self.0
            .as_concept()
            .map_or(ConceptOrigin::Glossary, |concept| concept.origin.into())
    }

    /// The jobs whose guides use it, the most involved first, a page at a
    /// time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn jobs(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return jobs after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::ConceptUseConnection<'g>> {
        super::connection::page_of(ConceptUse::of_concept(self.0), first, after)
    }

    /// The skills whose names mean or contain it, a page at a time.
    #[graphql(complexity = "cost::page(first, DEFAULT_PAGE, child_complexity)")]
    async fn skills(
        &self,
        #[graphql(desc = "Page size, 0 to 100 (default 20).")] first: Option<i32>,
        #[graphql(desc = "Return skills after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<super::connection::SkillConnection<'g>> {
        super::connection::nodes_reaching(self.0, EdgeKind::Expresses, first, after)
    }

    /// The broader concepts it is a case of (`monitoring` → `observability`).
    #[graphql(complexity = "cost::list(ListBound::Outgoing(EdgeKind::Broader), child_complexity)")]
    async fn broader(&self) -> Vec<Concept<'g>> {
        handles(self.0.outgoing(EdgeKind::Broader), Concept)
    }

    /// The narrower concepts that are cases of it.
    #[graphql(complexity = "cost::list(ListBound::Incoming(EdgeKind::Broader), child_complexity)")]
    async fn narrower(&self) -> Vec<Concept<'g>> {
        handles(self.0.incoming(EdgeKind::Broader), Concept)
    }
}
