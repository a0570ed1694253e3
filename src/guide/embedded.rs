//! The shipped `seeds/` folder, embedded in the binary at build time so an
//! installed `skillgraph` answers with no files beside it.

use super::{ALIAS_FILE, Corpus, SourceFile, load_sources};
use std::path::PathBuf;

#[derive(rust_embed::RustEmbed)]
#[folder = "seeds/"]
struct Seeds;

/// The embedded guides, read exactly as a folder would be.
pub fn corpus() -> Corpus {
    let mut names: Vec<String> = Seeds::iter().map(|name| name.into_owned()).collect();
    names.sort();
    let file = |name: &str| {
        Seeds::get(name).map(|content| SourceFile {
            path: PathBuf::from("seeds").join(name),
            bytes: content.data.into_owned(),
        })
    };
    let guides = names
        .iter()
        .filter(|name| name.ends_with(".md"))
        .filter_map(|name| file(name))
        .collect();
    load_sources(guides, file(ALIAS_FILE).as_ref())
}
