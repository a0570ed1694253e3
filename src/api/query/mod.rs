//! The root `Query`, merged from one object per domain.

mod catalog;
mod pagination;

use async_graphql::MergedObject;

/// Every query the API answers.
#[derive(MergedObject, Default)]
pub struct Query(
    catalog::CatalogQuery,
    catalog::NodeQuery,
    catalog::CorpusQuery,
);
