//! The root `Query`, merged from one object per domain.

mod answers;
mod board;
mod catalog;
mod entities;
mod text;

use async_graphql::MergedObject;

/// Every query the API answers.
#[derive(MergedObject, Default)]
pub struct Query(
    catalog::CatalogQuery,
    catalog::NodeQuery,
    answers::AnswersQuery,
    text::TextQuery,
    board::BoardQuery,
    catalog::CorpusQuery,
    entities::EntityQuery,
);
