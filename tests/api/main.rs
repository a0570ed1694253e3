//! End-to-end tests, in one test binary to keep link time down: the guide
//! reader on the two real guides, on drifted and on broken guides and on
//! random input; the GraphQL schema, its examples and the server.

mod architecture;
mod bad_input;
mod batching;
mod compile;
mod concepts;
mod drift;
mod examples;
mod explorer;
mod federation;
mod graphql;
mod hostile;
mod incremental;
mod levels;
mod live;
mod map;
mod persisted;
mod postings;
mod properties;
mod quality;
mod schema;
mod seeds;
mod server;
mod shape;
mod subscriptions;
mod suggest;
mod support;
mod text;

use skillgraph::guide::{Corpus, Guide, LoadOptions, load_dir};
use std::path::{Path, PathBuf};

/// A path inside the crate, whatever the working directory.
pub fn crate_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Loads a folder of the crate with the default options.
pub fn load(relative: &str) -> Corpus {
    load_dir(&crate_path(relative), &LoadOptions::default())
        .unwrap_or_else(|error| panic!("cannot load {relative}: {error}"))
}

/// The guide with `slug` in `corpus`.
pub fn guide<'a>(corpus: &'a Corpus, slug: &str) -> &'a Guide {
    corpus
        .guides
        .iter()
        .find(|guide| guide.front.slug == slug)
        .unwrap_or_else(|| {
            let slugs: Vec<&str> = corpus
                .guides
                .iter()
                .map(|g| g.front.slug.as_str())
                .collect();
            panic!(
                "no guide `{slug}` among {slugs:?}; errors: {:?}",
                corpus.errors
            )
        })
}

/// The strings of `items` picked by `field`, for comparing whole lists.
pub fn names<T>(items: &[T], field: impl Fn(&T) -> &str) -> Vec<&str> {
    items.iter().map(field).collect()
}

/// The files of `tests/fixtures/broken/` that are rejected, in path order.
pub const BROKEN_FILES: [&str; 10] = [
    "bad_slug.md",
    "empty.md",
    "invalid_json.md",
    "missing_slug.md",
    "missing_title.md",
    "related_jobs_not_list.md",
    "related_jobs_with_number.md",
    "unclosed.md",
    "yaml_front_matter.md",
    "z_duplicate_slug.md",
];
