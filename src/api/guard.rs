//! Limits that hold while a request runs: its deadline and the size of
//! its answer.
//!
//! The cost limit ([`cost`](super::cost)) refuses what is known to be too
//! much before anything runs; these catch what only running shows. Before
//! each field resolves, the guard checks that the request is still within
//! its time and its answer within `--max-response-bytes`; after a field
//! resolves, it adds what the field adds to the JSON answer. Once either
//! limit is passed every field still to run fails at once without running,
//! and the whole answer is replaced by one error (`TIMEOUT` or
//! `RESPONSE_TOO_LARGE`) with no data: a partial answer cut at an
//! arbitrary field would only mislead.
//!
//! A query's limits hold from its start. A subscription's events are
//! pushed long after it started, each executed on its own: each event gets
//! the whole timeout and the whole response size afresh.
//!
//! [`Phases`](super::phases::Phases), the one extension every request
//! passes through, calls in here at each step.
//!
//! A field is resolved without yielding when its work is all computation,
//! so an executor's timeout cannot stop it; this check between fields, and
//! the [`Deadline`] long loops inside fields take from the request's data,
//! are what stop such work.

use super::error::Code;
use crate::graph::Deadline;
use async_graphql::extensions::{
    ExtensionContext, NextExecute, NextPrepareRequest, NextResolve, NextSubscribe, ResolveInfo,
};
use async_graphql::{QueryPathSegment, Request, Response, ServerError, ServerResult, Value};
use futures_util::stream::BoxStream;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::task::coop;

/// The limits applied while a request runs.
#[derive(Debug, Clone, Copy)]
pub struct Guard {
    /// How long a request may run when its caller gave it no deadline.
    pub timeout: Duration,
    /// The largest answer, in bytes of JSON (approximately: keys, values
    /// and punctuation are counted, whitespace is not written).
    pub max_response_bytes: usize,
}

impl Guard {
    /// The state of one request under these limits.
    pub(super) fn start(&self) -> Running {
        Running {
            limits: *self,
            origin: Instant::now(),
            deadline: AtomicU64::new(NEVER),
            written: AtomicUsize::new(0),
            stopped: AtomicU8::new(GOING),
            streaming: AtomicBool::new(false),
            last_yield: AtomicU64::new(0),
        }
    }
}

/// More than a Tokio task's cooperative budget holds.
const BUDGET_UNITS: usize = 256;

/// How long a request computes before it lets other tasks run: 10 ms, long
/// enough that most queries end within one slice and keep their place in
/// line (slicing finer shares the cores more evenly and makes the slowest
/// answers slower), short enough that `/healthz` never waits long.
const WORK_SLICE_NANOS: u64 = 10_000_000;
/// A deadline that never comes.
const NEVER: u64 = u64::MAX;

const GOING: u8 = 0;
const TIMED_OUT: u8 = 1;
const TOO_LARGE: u8 = 2;

/// One request while it runs.
pub(super) struct Running {
    limits: Guard,
    /// When the request started; the instants below count from it, in
    /// nanoseconds, so that the check every field makes takes no lock.
    origin: Instant,
    /// When the request must stop ([`NEVER`] until it is known).
    deadline: AtomicU64,
    /// Bytes of the answer so far.
    written: AtomicUsize,
    /// Why the request stopped, if it did.
    stopped: AtomicU8,
    /// Whether this is a stream (a subscription, or any operation over
    /// WebSocket), whose every execution starts the limits afresh.
    streaming: AtomicBool,
    /// When the request last gave its thread back to the scheduler.
    last_yield: AtomicU64,
}

impl Running {
    /// Nanoseconds since the request started.
    fn now(&self) -> u64 {
        u64::try_from(self.origin.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }

    /// Runs until `deadline`, or `timeout` from now when it gives none.
    fn set_deadline(&self, deadline: Deadline) {
        let at = deadline.instant().map_or(NEVER, |at| {
            let after = at.saturating_duration_since(self.origin).as_nanos();
            u64::try_from(after).unwrap_or(u64::MAX)
        });
        self.deadline.store(at, Ordering::Relaxed);
    }

    /// Starts the limits afresh, for the next event of a stream.
    fn restart(&self) {
        self.set_deadline(Deadline::after(self.limits.timeout));
        self.last_yield.store(self.now(), Ordering::Relaxed);
        self.written.store(0, Ordering::Relaxed);
        self.stopped.store(GOING, Ordering::Relaxed);
    }

    /// The reason to stop, checked before a field runs.
    fn stop_reason(&self) -> Option<u8> {
        match self.stopped.load(Ordering::Relaxed) {
            GOING if self.now() >= self.deadline.load(Ordering::Relaxed) => {
                self.stopped.store(TIMED_OUT, Ordering::Relaxed);
                Some(TIMED_OUT)
            }
            GOING => None,
            reason => Some(reason),
        }
    }

    fn refusal(&self, reason: u8) -> ServerError {
        let (code, message) = if reason == TIMED_OUT {
            (
                Code::Timeout,
                format!(
                    "the query ran past its time ({} s)",
                    self.limits.timeout.as_secs_f64()
                ),
            )
        } else {
            (
                Code::ResponseTooLarge,
                format!(
                    "the answer would be larger than {} bytes",
                    self.limits.max_response_bytes
                ),
            )
        };
        let mut error = ServerError::new(message, None);
        error.extensions = Some(code.extensions());
        error
    }

    /// Takes the caller's deadline when it gave one (the HTTP handler
    /// does, so that both stop at the same instant), and lends it to the
    /// resolvers' loops.
    pub(super) async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let given = request
            .data
            .get(&std::any::TypeId::of::<Deadline>())
            .and_then(|value| value.downcast_ref::<Deadline>().copied());
        let deadline = given.unwrap_or_else(|| Deadline::after(self.limits.timeout));
        self.set_deadline(deadline);
        let request = if given.is_some() {
            request
        } else {
            request.data(deadline)
        };
        next.run(ctx, request).await
    }

    pub(super) fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        self.streaming.store(true, Ordering::Relaxed);
        next.run(ctx, stream)
    }

    pub(super) async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        if self.streaming.load(Ordering::Relaxed) {
            self.restart();
        }
        let response = next.run(ctx, operation_name).await;
        match self.stopped.load(Ordering::Relaxed) {
            GOING => response,
            reason => Response::from_errors(vec![self.refusal(reason)]),
        }
    }

    pub(super) async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        // A field that starts while its task owes the scheduler a turn
        // waits for it, so that the siblings a join polls next do no work
        // either.
        if !coop::has_budget_remaining() {
            coop::consume_budget().await;
        }
        if let Some(reason) = self.stop_reason() {
            return Err(self.refusal(reason));
        }
        let in_list = matches!(info.path_node.segment, QueryPathSegment::Index(_));
        let key = if in_list {
            0
        } else {
            info.alias.unwrap_or(info.name).len()
        };
        let value = next.run(ctx, info).await?;
        self.yield_now_and_then().await;
        let added = key + 4 + value.as_ref().map_or(4, own_bytes);
        let written = self.written.fetch_add(added, Ordering::Relaxed) + added;
        if written > self.limits.max_response_bytes {
            self.stopped
                .compare_exchange(GOING, TOO_LARGE, Ordering::Relaxed, Ordering::Relaxed)
                .ok();
            return Err(self.refusal(TOO_LARGE));
        }
        Ok(value)
    }

    /// Gives the thread back to the scheduler once a slice of work has run
    /// since the last time: a field's work is all computation and never
    /// yields by itself, so without this one costly query would hold a
    /// worker, and every request queued behind it (`/healthz` included),
    /// until it ended. It is also where a caller's timeout can drop the
    /// request.
    ///
    /// async-graphql resolves sibling fields in one join, which polls them
    /// all in one turn: a plain `yield_now` in one would leave the others
    /// to run in that same turn. Spending the task's whole cooperative
    /// budget instead makes every field that starts before the task has
    /// yielded wait too (see the check at the start of [`Running::resolve`]).
    async fn yield_now_and_then(&self) {
        let now = self.now();
        let last = self.last_yield.load(Ordering::Relaxed);
        let due = now.saturating_sub(last) >= WORK_SLICE_NANOS
            && self
                .last_yield
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok();
        if !due {
            return;
        }
        // The budget is 128 units; outside a Tokio task it never runs out,
        // so the loop is bounded.
        for _ in 0..=BUDGET_UNITS {
            if !coop::has_budget_remaining() {
                break;
            }
            coop::consume_budget().await;
        }
        coop::consume_budget().await;
    }
}

/// What a resolved value writes itself: a scalar its JSON, an object or a
/// list only its brackets (their fields and items are counted as they
/// resolve).
fn own_bytes(value: &Value) -> usize {
    match value {
        Value::Null => 4,
        Value::Boolean(_) => 5,
        // Counted without writing it out: the cost of measuring must stay
        // far below that of answering.
        Value::Number(_) => 8,
        // Escapes are rare in this graph's text; quotes always come.
        Value::String(text) => text.len() + 2,
        Value::Enum(name) => name.len() + 2,
        Value::Binary(bytes) => bytes.len() * 4 / 3 + 2,
        Value::List(_) | Value::Object(_) => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_counts_itself_and_leaves_its_items_to_themselves() {
        assert_eq!(own_bytes(&Value::String("abc".into())), 5);
        assert_eq!(own_bytes(&Value::Null), 4);
        let list = Value::List(vec![Value::String("x".repeat(1000))]);
        assert_eq!(own_bytes(&list), 2);
    }
}
