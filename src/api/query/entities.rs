//! Apollo Federation v2 entities: how a supergraph's router fetches our
//! jobs, skills, tools, career stages and postings by key, so another
//! subgraph can extend them (a salary on `Job`, say) and a query can join
//! both.
//!
//! These resolvers are not fields a client calls; async-graphql turns them
//! into `_entities(representations:)` and the `@key`s of the subgraph SDL.
//! A key that names nothing resolves to null, as the federation spec
//! expects, rather than failing the whole batch.

use crate::api::types::{CareerStage, Job, Posting, Skill, Tool, graph_of};
use crate::graph::{NodeId, NodeKind, NodeRef};
use async_graphql::{Context, ID, Object, Result};

/// The entity look-ups a federation router calls.
#[derive(Default)]
pub struct EntityQuery;

/// The node with global id `id` when it is of `kind`.
fn node_of_kind<'g>(ctx: &Context<'g>, id: &str, kind: NodeKind) -> Result<Option<NodeRef<'g>>> {
    Ok(graph_of(ctx)?.node(id).filter(|node| node.kind() == kind))
}

/// The entity look-ups a federation router calls.
#[Object]
impl EntityQuery {
    /// `Job @key(fields: "id")`.
    #[graphql(entity)]
    async fn job_entity_by_id<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        id: ID,
    ) -> Result<Option<Job<'ctx>>> {
        Ok(node_of_kind(ctx, &id, NodeKind::Job)?.map(Job))
    }

    /// `Job @key(fields: "slug")`: the slug exactly, not an alias or a
    /// title, since a key names one entity.
    #[graphql(entity)]
    async fn job_entity_by_slug<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        slug: String,
    ) -> Result<Option<Job<'ctx>>> {
        Ok(node_of_kind(ctx, NodeId::job(&slug).as_str(), NodeKind::Job)?.map(Job))
    }

    /// `Skill @key(fields: "id")`.
    #[graphql(entity)]
    async fn skill_entity_by_id<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        id: ID,
    ) -> Result<Option<Skill<'ctx>>> {
        Ok(node_of_kind(ctx, &id, NodeKind::Skill)?.map(Skill))
    }

    /// `Tool @key(fields: "id")`.
    #[graphql(entity)]
    async fn tool_entity_by_id<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        id: ID,
    ) -> Result<Option<Tool<'ctx>>> {
        Ok(node_of_kind(ctx, &id, NodeKind::Tool)?.map(Tool))
    }

    /// `CareerStage @key(fields: "id")`.
    #[graphql(entity)]
    async fn career_stage_entity_by_id<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        id: ID,
    ) -> Result<Option<CareerStage<'ctx>>> {
        Ok(node_of_kind(ctx, &id, NodeKind::CareerStage)?.map(CareerStage))
    }

    /// `Posting @key(fields: "id")`.
    #[graphql(entity)]
    async fn posting_entity_by_id<'ctx>(
        &self,
        ctx: &Context<'ctx>,
        id: ID,
    ) -> Result<Option<Posting<'ctx>>> {
        Ok(node_of_kind(ctx, &id, NodeKind::Posting)?.map(Posting))
    }
}
