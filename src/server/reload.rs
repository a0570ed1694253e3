//! Live reload: watch the corpus folder, rebuild the graph off the request
//! path, swap it in atomically.
//!
//! A reload that cannot read the folder or its alias file, or finds no
//! guide in it, keeps the graph being served and makes `/readyz` say why;
//! the next change that reads well clears it. Files with errors do not stop a reload: as at
//! start, the rest of the corpus loads and the errors are listed.
//!
//! The folder's parent is watched too (not recursively), so a folder that
//! is deleted and created again (a fresh checkout, a remounted volume) is
//! noticed and watched anew.

use super::AppState;
use super::shutdown::Shutdown;
use crate::graph::{CorpusSource, GraphStats};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

type Watcher = Debouncer<RecommendedWatcher, RecommendedCache>;

/// Reads the corpus again and serves the new graph; on failure keeps the
/// current one, records why, and returns the reason.
pub async fn reload(state: &AppState) -> Result<GraphStats, String> {
    let source = state.source().clone();
    let options = state.settings().load.clone();
    let previous = state.graph();
    let retired = std::sync::Arc::downgrade(&previous);
    let mut parses = state.take_parses();
    let built = tokio::task::spawn_blocking(move || {
        let compiled = super::state::compile(&source, &options, &mut parses).map(|graph| {
            // Every node and edge of both graphs is compared: at 10,000
            // guides this is a part of a reload that no phase counts.
            let started = std::time::Instant::now();
            let graph = graph.with_changes_from(&previous);
            tracing::info!(took = ?started.elapsed(), "worked out what changed since the graph served");
            graph
        });
        (compiled, parses)
    })
    .await
    .map(|(compiled, parses)| {
        state.give_back_parses(parses);
        compiled
    });
    let outcome = match built {
        Ok(Ok(graph)) if graph.guides().is_empty() => Err(format!(
            "{} holds no guide that could be read ({} errors)",
            state.source().name(),
            graph.errors().len()
        )),
        // Built without its aliases, the graph would split every name the
        // file merges: the one before is closer to the corpus than that.
        Ok(Ok(graph)) => match graph.alias_error() {
            Some(error) => Err(format!(
                "{}: line {}: {}",
                error.file, error.line, error.message
            )),
            None => Ok(graph),
        },
        Ok(Err(error)) => {
            tracing::warn!(%error, "the corpus folder could not be read");
            Err(error.naming_folder_as(&state.source().name()))
        }
        Err(error) => Err(format!("the rebuild stopped: {error}")),
    };
    match outcome {
        Ok(graph) => {
            let stats = graph.stats();
            super::log_graph(&graph, state.source(), "reloaded");
            if let Some(changes) = graph.changes() {
                tracing::info!(
                    version = %changes.version,
                    previous = %changes.previous_version,
                    guides_changed = ?changes.guides_changed,
                    jobs_changed = changes.jobs_changed.len(),
                    "{}",
                    changes.summary()
                );
            }
            state.install(graph);
            tokio::spawn(super::state::return_memory_once_dropped(retired));
            Ok(stats)
        }
        Err(reason) => {
            tracing::warn!(%reason, "reload refused; still serving the previous graph");
            state.refuse(reason.clone());
            Err(reason)
        }
    }
}

/// Starts watching the corpus folder when the settings ask for it and the
/// corpus is a folder; the task ends at shutdown.
pub fn spawn_watcher(state: AppState, shutdown: Shutdown) -> Option<JoinHandle<()>> {
    let CorpusSource::Folder(folder) = state.source() else {
        return None;
    };
    if !state.settings().watch {
        return None;
    }
    // Events name absolute paths; compare them with an absolute folder.
    let folder = match std::path::absolute(folder) {
        Ok(folder) => folder,
        Err(error) => {
            tracing::warn!(%error, "cannot watch {}: reloads are off", folder.display());
            return None;
        }
    };
    // One pending signal is enough: a reload reads the whole folder, so
    // changes that arrive while one is queued are read by it.
    let (changed, changes) = mpsc::channel::<()>(1);
    let inside = folder.clone();
    let handler = move |result: DebounceEventResult| {
        let relevant = match &result {
            // Reading the files is an event too (an access): reacting to it
            // would reload forever.
            Ok(events) => events.iter().any(|event| {
                !matches!(event.kind, EventKind::Access(_))
                    && event.paths.iter().any(|path| path.starts_with(&inside))
            }),
            // Lost events (a queue overflow): read the folder to be sure.
            Err(_) => true,
        };
        if relevant {
            let _ = changed.try_send(());
        }
    };
    let mut watcher = match new_debouncer(state.settings().watch_debounce, None, handler) {
        Ok(watcher) => watcher,
        Err(error) => {
            tracing::warn!(%error, "cannot watch {}: reloads are off", folder.display());
            return None;
        }
    };
    // The watches are in place before the server answers its first
    // request, so an edit made once it is ready is never missed.
    if let Some(parent) = folder.parent()
        && let Err(error) = watcher.watch(parent, RecursiveMode::NonRecursive)
    {
        tracing::warn!(%error, "cannot watch {}; a recreated corpus folder will go unnoticed", parent.display());
    }
    watch_folder(&mut watcher, &folder);
    // Postings kept outside the corpus folder are watched too.
    if let Some(postings) = &state.settings().load.postings {
        watch_postings(&mut watcher, postings);
    }
    tracing::info!("watching {} for changes", folder.display());
    state.set_watching(true);
    Some(tokio::spawn(watch(
        state, watcher, folder, changes, shutdown,
    )))
}

async fn watch(
    state: AppState,
    mut watcher: Watcher,
    folder: PathBuf,
    mut changes: mpsc::Receiver<()>,
    shutdown: Shutdown,
) {
    let postings = state.settings().load.postings.clone();
    let stop = shutdown.requested();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => break,
            change = changes.recv() => {
                if change.is_none() {
                    break;
                }
                let _ = reload(&state).await;
                // A folder that was deleted lost its watch; watching again
                // is harmless when it still has one.
                watch_folder(&mut watcher, &folder);
                if let Some(postings) = &postings {
                    watch_postings(&mut watcher, postings);
                }
            }
        }
    }
    watcher.stop_nonblocking();
    state.set_watching(false);
}

fn watch_folder(watcher: &mut Watcher, folder: &Path) {
    if !folder.is_dir() {
        return;
    }
    if let Err(error) = watcher.watch(folder, RecursiveMode::Recursive) {
        tracing::warn!(%error, "cannot watch {}", folder.display());
    }
}

/// Watches a `--postings` file or folder.
fn watch_postings(watcher: &mut Watcher, postings: &Path) {
    let mode = if postings.is_dir() {
        RecursiveMode::Recursive
    } else {
        RecursiveMode::NonRecursive
    };
    if let Err(error) = watcher.watch(postings, mode) {
        tracing::warn!(%error, "cannot watch {}", postings.display());
    }
}
