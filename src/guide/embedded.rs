//! The shipped `seeds/` folder, embedded in the binary at build time so an
//! installed `skillgraph` answers with no files beside it.

use super::{
    ALIAS_FILE, Aliases, CareerLevel, Corpus, DataFiles, FileNames, GLOSSARY_FILE, LoadOptions,
    ParseMemo, SourceFile, corpus_version, digests_of, parse_sources, posting_files, postings,
};
use std::path::{Path, PathBuf};

#[derive(rust_embed::RustEmbed)]
#[folder = "seeds/"]
struct Seeds;

/// The embedded guides, read exactly as a folder would be, with the
/// postings `options` names.
pub fn corpus(options: &LoadOptions) -> Corpus {
    let mut names: Vec<String> = Seeds::iter().map(|name| name.into_owned()).collect();
    names.sort();
    let file = |name: &str| {
        Seeds::get(name).map(|content| SourceFile {
            path: PathBuf::from("seeds").join(name),
            bytes: content.data.into_owned(),
        })
    };
    let guides: Vec<SourceFile> = names
        .iter()
        .filter(|name| name.ends_with(".md"))
        .filter_map(|name| file(name))
        .collect();
    let data = DataFiles {
        aliases: file(ALIAS_FILE),
        glossary: file(GLOSSARY_FILE),
    };
    let (posting_files, unread) = posting_files(None, options);
    // The same version as the shipped folder read from disk.
    let digests = digests_of(&guides);
    let version = corpus_version(
        Path::new("seeds"),
        &guides,
        &digests,
        &data,
        &posting_files,
        options,
    );
    let mut corpus = parse_sources(guides, &digests, &data, None, &mut ParseMemo::default());
    corpus.version = version;
    corpus.names = FileNames::new(Some(Path::new("seeds")), options);
    corpus.errors.extend(unread);
    corpus.settle(postings::read_postings(&posting_files));
    corpus
}

/// The shipped alias file's `levels` table: the words a corpus whose alias
/// file has none reads career levels with.
pub fn shipped_level_words() -> &'static std::collections::BTreeMap<CareerLevel, Vec<String>> {
    static WORDS: std::sync::LazyLock<std::collections::BTreeMap<CareerLevel, Vec<String>>> =
        std::sync::LazyLock::new(|| {
            Seeds::get(ALIAS_FILE)
                .and_then(|file| std::str::from_utf8(&file.data).ok().map(Aliases::parse))
                .and_then(Result::ok)
                .map(|aliases| aliases.levels)
                .unwrap_or_default()
        });
    &WORDS
}
