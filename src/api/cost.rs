//! What a query costs under `--max-complexity`, known before it runs.
//!
//! Every field costs 1 plus what it selects. A list costs what one item
//! costs times the most items it can hold: its `first` argument where it
//! has one ([`page`]), else the longest list of its kind in the graph the
//! request runs against ([`list`], read from
//! [`ListBounds`](crate::graph::ListBounds)), else a fixed cap the resolver
//! keeps to ([`capped`]). Nested lists multiply, so the cost of
//! `tool { skills { tools { skills … } } } }` grows with every level, as
//! its answer does. Root fields that read input cost by its size too
//! ([`text`], [`names`]).
//!
//! async-graphql adds these costs up during validation, through the
//! expression each field declares in `#[graphql(complexity = …)]`. Those
//! expressions cannot reach the request's data, so the bounds of the graph
//! the request will run against are lent to them for the length of
//! validation, as a task-local ([`priced_against`]). Every list field of
//! an object type declares its price; a test walks the schema for any that
//! does not.

use super::arguments::MAX_RESULTS;
use crate::graph::{EdgeKind, ListBound, ListBounds};
use std::future::Future;

tokio::task_local! {
    static BOUNDS: ListBounds;
}

/// What is left of one batch's cost limit. The operations of a batch (a
/// JSON array of requests in one HTTP body) draw on one budget, so that a
/// batch costs what one request asking the same fields would, and cannot
/// multiply the limit by its length.
#[derive(Debug, Clone)]
pub struct BatchBudget(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl BatchBudget {
    /// A budget of `limit` for a whole batch.
    pub fn new(limit: usize) -> Self {
        Self(std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(
            limit,
        )))
    }

    /// Takes `cost` from what is left; false, taking nothing, when less
    /// than that is left.
    pub(crate) fn spend(&self, cost: usize) -> bool {
        use std::sync::atomic::Ordering;
        self.0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(cost)
            })
            .is_ok()
    }

    /// Takes an operation's `cost`, or gives the refusal its batch gets
    /// when less than that is left: the same whether the operation runs
    /// or its answer was kept from before.
    pub fn draw(&self, cost: usize) -> Result<(), async_graphql::ServerError> {
        if self.spend(cost) {
            return Ok(());
        }
        let mut refusal = async_graphql::ServerError::new(
            "The batch is too complex: with this operation, its operations together cost more than a batch may.",
            None,
        );
        refusal.extensions = Some(super::error::Code::QueryTooComplex.extensions());
        Err(refusal)
    }
}

/// What an operation was found to cost when it was validated, for whoever
/// keeps its answer: a batch is charged for a kept answer what running it
/// again would cost, so a batch's fate never depends on what was kept.
#[derive(Debug, Clone, Default)]
pub struct MeasuredCost(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl MeasuredCost {
    pub(crate) fn record(&self, cost: usize) {
        self.0.store(cost, std::sync::atomic::Ordering::Relaxed);
    }

    /// The cost recorded, 0 before validation.
    pub fn get(&self) -> usize {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// The most any one field may cost: past it a query is refused anyway,
/// and capping keeps the sum of many such fields far from overflowing.
const CEILING: usize = 1 << 40;

/// Bytes of input text that cost one unit: a 64 KiB text costs 1,024,
/// about what a page of 100 jobs with ten fields each costs, which is also
/// roughly how long the two take to answer.
pub const TEXT_BYTES_PER_UNIT: usize = 64;

/// Runs `validation` with the list maxima of the graph the request will
/// run against.
pub(crate) async fn priced_against<F: Future>(bounds: ListBounds, validation: F) -> F::Output {
    BOUNDS.scope(bounds, validation).await
}

/// The longest a list of this kind is in the graph being priced against.
/// A request run without a graph (in-process, outside the server) prices
/// every such list as a full page.
pub fn measured(bound: ListBound) -> usize {
    BOUNDS
        .try_with(|bounds| bounds.of(bound))
        .unwrap_or(MAX_RESULTS as usize)
}

/// A list that holds at most `items`, each costing `item`.
pub fn times(items: usize, item: usize) -> usize {
    items
        .saturating_mul(item.max(1))
        .saturating_add(1)
        .min(CEILING)
}

/// A list as long as the longest of its kind in the graph.
pub fn list(bound: ListBound, item: usize) -> usize {
    times(measured(bound), item)
}

/// The most skills an answer about one job lists: its skills, each
/// compound skill with its parts (overlaps, transitions and
/// recommendations count through the parts).
pub fn skills_of_a_job() -> usize {
    let parts = measured(ListBound::Outgoing(EdgeKind::ComposedOf));
    measured(ListBound::Outgoing(EdgeKind::Requires)).saturating_mul(parts.saturating_add(1))
}

/// A list as long as the longest of several kinds (an answer that holds
/// either a job's skills or a posting's).
pub fn longest_of(bounds: &[ListBound], item: usize) -> usize {
    let most = bounds.iter().map(|&bound| measured(bound)).max();
    times(most.unwrap_or(0), item)
}

/// A list the resolver cuts at `cap`, or shorter in a small graph.
pub fn capped(cap: usize, bound: ListBound, item: usize) -> usize {
    times(measured(bound).min(cap), item)
}

/// Drawing one role's ladder: its rungs, and beside each the roles it
/// leads to and the rungs of other roles that lead to it, and the guide's
/// related roles. A picture is laid out and written whole, so it costs
/// what listing everything it draws would.
pub fn ladder_picture() -> usize {
    let beside = measured(ListBound::Outgoing(EdgeKind::LeadsTo))
        .saturating_add(measured(ListBound::Incoming(EdgeKind::LeadsTo)));
    times(
        measured(ListBound::Outgoing(EdgeKind::HasStage)),
        beside.saturating_add(1),
    )
    .saturating_add(measured(ListBound::Outgoing(EdgeKind::RelatedTo)))
    .min(CEILING)
}

/// Drawing the career map: as many roles as it may answer, each with its
/// rungs (the picture cannot see the `first` its map was asked with).
pub fn map_picture() -> usize {
    let rungs = measured(ListBound::Outgoing(EdgeKind::HasStage));
    capped(
        MAX_RESULTS as usize,
        ListBound::Nodes(crate::graph::NodeKind::Job),
        rungs.saturating_add(1),
    )
}

/// A list of a page whose length its parent's `first` already counted
/// (a connection's `edges` and `nodes`).
pub fn priced_by_parent(item: usize) -> usize {
    item.saturating_add(1).min(CEILING)
}

/// A page: as many items as `first` asks for (`default` when absent; out
/// of range counts as the most, since the field will refuse it anyway).
pub fn page(first: Option<i32>, default: i32, item: usize) -> usize {
    times(
        first.unwrap_or(default).clamp(0, MAX_RESULTS) as usize,
        item,
    )
}

/// A field that reads `text`: one unit per [`TEXT_BYTES_PER_UNIT`] bytes,
/// plus what it selects.
pub fn text(text: &str, selected: usize) -> usize {
    reading(text)
        .saturating_add(1)
        .saturating_add(selected)
        .min(CEILING)
}

/// A field that reads an optional text and pages its answer.
pub fn text_and_page(text: Option<&str>, first: Option<i32>, default: i32, item: usize) -> usize {
    page(first, default, item)
        .saturating_add(text.map_or(0, reading))
        .min(CEILING)
}

/// A field that answers once per name it is given.
pub fn names(names: &[String], item: usize) -> usize {
    let read: usize = names.iter().map(|name| reading(name)).sum();
    times(names.len(), item).saturating_add(read).min(CEILING)
}

/// What reading `text` costs: one unit per [`TEXT_BYTES_PER_UNIT`] bytes.
fn reading(text: &str) -> usize {
    text.len() / TEXT_BYTES_PER_UNIT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_costs_its_items_and_never_overflows() {
        assert_eq!(times(10, 3), 31);
        assert_eq!(times(0, 3), 1, "an empty list still costs its field");
        assert_eq!(times(usize::MAX, usize::MAX), CEILING);
        let nested = (0..20).fold(1, |inner, _| times(50, inner));
        assert_eq!(nested, CEILING);
    }

    #[test]
    fn a_batch_budget_is_spent_until_it_runs_out() {
        let budget = BatchBudget::new(100);
        assert!(budget.spend(60));
        assert!(!budget.spend(41), "more than is left takes nothing");
        assert!(budget.spend(40));
        assert!(!budget.spend(1));
        assert!(budget.spend(0));
    }

    #[test]
    fn a_page_costs_what_first_asks_for() {
        assert_eq!(page(None, 10, 3), 31);
        assert_eq!(page(Some(5), 10, 3), 16);
        assert_eq!(page(Some(i32::MAX), 10, 1), 101);
        assert_eq!(page(Some(-7), 10, 1), 1);
    }

    #[test]
    fn text_costs_by_its_length() {
        assert_eq!(text("", 4), 5);
        assert_eq!(text(&"a".repeat(64 << 10), 0), 1025);
        let long = vec!["x".repeat(640); 3];
        assert_eq!(names(&long, 2), times(3, 2) + 30);
    }

    #[tokio::test]
    async fn lists_are_priced_by_the_graph_lent_to_validation() {
        use crate::graph::NodeKind;
        let unmeasured = list(ListBound::Nodes(NodeKind::Job), 1);
        assert_eq!(unmeasured, MAX_RESULTS as usize + 1);
        let bounds = ListBounds::default();
        let priced = priced_against(bounds, async {
            list(ListBound::Outgoing(EdgeKind::Requires), 5)
        })
        .await;
        assert_eq!(priced, 1, "an empty graph holds no skills");
    }

    use async_graphql::extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest,
    };
    use std::sync::{Arc, Mutex};

    /// What the probe found in the schema's own registry: how many list
    /// fields hold objects, and those that declare no price.
    #[derive(Default, Debug)]
    struct Found {
        lists: usize,
        unpriced: Vec<String>,
    }

    #[derive(Clone, Default)]
    struct Probe(Arc<Mutex<Found>>);

    impl ExtensionFactory for Probe {
        fn create(&self) -> Arc<dyn Extension> {
            Arc::new(self.clone())
        }
    }

    #[async_graphql::async_trait::async_trait]
    impl Extension for Probe {
        async fn prepare_request(
            &self,
            ctx: &ExtensionContext<'_>,
            request: async_graphql::Request,
            next: NextPrepareRequest<'_>,
        ) -> async_graphql::ServerResult<async_graphql::Request> {
            self.inspect(&ctx.schema_env.registry);
            next.run(ctx, request).await
        }
    }

    impl Probe {
        fn inspect(&self, registry: &async_graphql::registry::Registry) {
            use async_graphql::registry::MetaType;
            let types = &registry.types;
            let holds_objects = |ty: &str| {
                let inner = ty.trim_matches(|c| matches!(c, '[' | ']' | '!'));
                ty.contains('[')
                    && matches!(
                        types.get(inner),
                        Some(
                            MetaType::Object { .. }
                                | MetaType::Interface { .. }
                                | MetaType::Union { .. }
                        )
                    )
            };
            let mut found = self.0.lock().expect("not poisoned");
            for (name, meta) in types.iter().filter(|(name, _)| !name.starts_with("__")) {
                let (fields, is_object) = match meta {
                    MetaType::Object { fields, .. } => (fields, true),
                    MetaType::Interface { fields, .. } => (fields, false),
                    _ => continue,
                };
                for field in fields.values().filter(|field| holds_objects(&field.ty)) {
                    found.lists += 1;
                    // `_entities` is priced per representation by the
                    // phases extension; async-graphql never prices an
                    // interface's own fields, so none may be a list.
                    let exempt = name == "Query" && field.name == "_entities";
                    if !exempt && (!is_object || field.compute_complexity.is_none()) {
                        found.unpriced.push(format!("{name}.{}", field.name));
                    }
                }
            }
        }
    }

    #[tokio::test]
    async fn every_list_of_objects_in_the_schema_declares_its_price() {
        let probe = Probe::default();
        let schema = crate::api::build(&crate::api::SchemaOptions::default())
            .extension(probe.clone())
            .finish();
        schema.execute("{ __typename }").await;
        let found = probe.0.lock().expect("not poisoned");
        assert!(found.lists > 50, "the probe saw the schema: {found:?}");
        assert!(
            found.unpriced.is_empty(),
            "lists without a price: {:?}",
            found.unpriced
        );
    }
}
