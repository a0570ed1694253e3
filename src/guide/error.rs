//! Errors and warnings found while reading guides.
//!
//! Every problem carries the file and the 1-based line it concerns and prints
//! as `path: line N: message`, lowercase and without a final period, so a
//! person can jump straight to it and tools can parse it.

use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The most errors, and the most warnings, listed for one file. A person
/// fixes a file from its first few problems; past them, a count says as
/// much as the list, and a file of a million bad lines can no longer make
/// every `/readyz`, every `corpus { errors }` and every log a million
/// lines long.
pub const DIAGNOSTICS_PER_FILE: usize = 20;

/// How many of one file's problems were counted but not listed, past the
/// first [`DIAGNOSTICS_PER_FILE`] of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Omitted {
    pub errors: usize,
    pub warnings: usize,
}

/// What a load could not serve, counted whole, however few problems were
/// listed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// Guide files left out: unreadable, malformed, or repeating a slug.
    pub guides: usize,
    /// Lines of postings files left out: not a posting, or repeating one.
    pub postings: usize,
}

/// Keeps the first [`DIAGNOSTICS_PER_FILE`] of each file's `items`, in
/// their order, and returns how many of each file's were left out.
pub(crate) fn keep_first_per_file<T>(
    items: &mut Vec<T>,
    path: impl Fn(&T) -> &Path,
) -> BTreeMap<PathBuf, usize> {
    let mut listed: HashMap<PathBuf, usize> = HashMap::new();
    let mut left_out: BTreeMap<PathBuf, usize> = BTreeMap::new();
    items.retain(|item| {
        let file = path(item);
        let count = match listed.get_mut(file) {
            Some(count) => count,
            None => listed.entry(file.to_owned()).or_default(),
        };
        *count += 1;
        if *count <= DIAGNOSTICS_PER_FILE {
            return true;
        }
        *left_out.entry(file.to_owned()).or_default() += 1;
        false
    });
    left_out
}

/// A guide that could not be read; the rest of the corpus still loads.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error("{}: line {line}: {kind}", path.display())]
pub struct GuideError {
    pub path: PathBuf,
    pub line: usize,
    pub kind: GuideErrorKind,
}

/// Why a guide was rejected.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum GuideErrorKind {
    /// The file holds no bytes, or only whitespace.
    #[error("the file is empty")]
    Empty,
    /// The bytes are not valid UTF-8 (a binary or a file in another encoding).
    #[error("the file is not valid UTF-8 (byte {byte_offset})")]
    NotUtf8 { byte_offset: usize },
    /// The file is larger than the configured limit.
    #[error("the file has {size} bytes, over the limit of {limit}")]
    TooLarge { size: u64, limit: u64 },
    /// The file could not be opened or read.
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    /// The path names something other than a regular file: a symbolic
    /// link, which is not followed, a named pipe, a device.
    #[error("{0}, not a regular file: only regular files are read")]
    NotARegularFile(&'static str),
    /// The first line is not `---json`.
    #[error("no front matter: a guide starts with a line `---json`")]
    MissingFrontMatter,
    /// `---json` is never followed by a closing `---` line.
    #[error("the front matter opened here is never closed by a line `---`")]
    UnclosedFrontMatter,
    /// The front matter is not valid JSON.
    #[error("invalid JSON in the front matter: {0}")]
    InvalidJson(String),
    /// The front matter is valid JSON but not an object.
    #[error("the front matter must be a JSON object")]
    NotAnObject,
    /// A required key is absent or empty.
    #[error("the front matter has no `{0}`")]
    MissingField(&'static str),
    /// A key holds a value of the wrong type.
    #[error("`{field}` must be {expected}")]
    WrongType {
        field: &'static str,
        expected: &'static str,
    },
    /// The slug does not match `^[a-z0-9_]+$`.
    #[error("slug `{0}` must match ^[a-z0-9_]+$")]
    InvalidSlug(String),
    /// Another file already uses this slug.
    #[error("slug `{slug}` is already used by {}", first.display())]
    DuplicateSlug { slug: String, first: PathBuf },
    /// A line of a postings file is not valid JSON.
    #[error("invalid JSON: {0}")]
    PostingNotJson(String),
    /// A line of a postings file is JSON but not an object.
    #[error("a posting must be a JSON object")]
    PostingNotAnObject,
    /// A posting's `@type` is given and is not `JobPosting`.
    #[error("`@type` is `{0}`, not `JobPosting`")]
    NotAJobPosting(String),
    /// A posting lacks a field it cannot do without.
    #[error("the posting has no `{0}`")]
    PostingMissingField(&'static str),
    /// An earlier line already gave a posting this identifier.
    #[error("posting `{identifier}` is already given at {}: line {line}", first.display())]
    DuplicatePosting {
        identifier: String,
        first: PathBuf,
        line: usize,
    },
}

/// Something worth a look that does not stop a guide from loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideWarning {
    pub path: PathBuf,
    pub line: usize,
    pub kind: WarningKind,
}

impl fmt::Display for GuideWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: line {}: {}",
            self.path.display(),
            self.line,
            self.kind
        )
    }
}

/// What a warning is about.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum WarningKind {
    /// A front-matter key the format does not define; it is kept.
    #[error("unknown front-matter key `{0}` (kept)")]
    UnknownKey(String),
    /// A section every guide is expected to have was not found.
    #[error("no {0} section")]
    MissingSection(&'static str),
    /// `related_jobs` names a slug no guide in the corpus has.
    #[error("related job `{0}` has no guide")]
    RelatedJobWithoutGuide(String),
    /// A known section was found but nothing could be read from it.
    #[error("the {0} section has nothing this reader understands")]
    EmptySection(&'static str),
    /// An entry of the glossary that cannot be used as written.
    #[error("{0}")]
    Glossary(super::glossary::GlossaryProblem),
}

/// A problem in the shape clients receive: file, line and message.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl Diagnostic {
    /// The same diagnostic with its file, and any file its message names
    /// (a duplicate's first place), as `names` gives them to clients.
    pub fn named_by(self, names: &super::FileNames) -> Self {
        Self {
            file: names.name(Path::new(&self.file)),
            message: names.in_message(&self.message),
            ..self
        }
    }

    fn new(path: &Path, line: usize, message: String) -> Self {
        Self {
            file: path.display().to_string(),
            line,
            message,
        }
    }
}

impl From<&GuideError> for Diagnostic {
    fn from(error: &GuideError) -> Self {
        Self::new(&error.path, error.line, error.kind.to_string())
    }
}

impl From<&GuideWarning> for Diagnostic {
    fn from(warning: &GuideWarning) -> Self {
        Self::new(&warning.path, warning.line, warning.kind.to_string())
    }
}

/// How many of one file's problems were not listed, in the shape clients
/// receive.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OmittedDiagnostics {
    pub file: String,
    pub errors: usize,
    pub warnings: usize,
}

/// `diagnostics` as lines for a person, `file: line N: message`, each
/// file's last followed by `file: and 999,990 more` when `omitted` says
/// that `left_out` of them were not listed.
pub fn listing(
    diagnostics: &[Diagnostic],
    omitted: &[OmittedDiagnostics],
    left_out: fn(&OmittedDiagnostics) -> usize,
) -> Vec<String> {
    let more: HashMap<&str, usize> = omitted
        .iter()
        .map(|omitted| (omitted.file.as_str(), left_out(omitted)))
        .filter(|&(_, count)| count > 0)
        .collect();
    let mut lines = Vec::with_capacity(diagnostics.len());
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        lines.push(format!(
            "{}: line {}: {}",
            diagnostic.file, diagnostic.line, diagnostic.message
        ));
        let last_of_file = diagnostics
            .get(index + 1)
            .is_none_or(|next| next.file != diagnostic.file);
        if last_of_file && let Some(count) = more.get(diagnostic.file.as_str()) {
            lines.push(format!(
                "{}: and {} more",
                diagnostic.file,
                with_thousands(*count)
            ));
        }
    }
    lines
}

/// `999990` as `999,990`.
fn with_thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// The corpus folder itself could not be read.
#[derive(Debug, Error)]
pub enum CorpusError {
    /// The folder does not exist or is not a folder.
    #[error("{}: not a readable folder: {source}", path.display())]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl CorpusError {
    /// The error as answers give it (`/readyz`): the folder named `name`,
    /// its own name, rather than by the path the server keeps it at.
    pub fn naming_folder_as(&self, name: &str) -> String {
        match self {
            CorpusError::Folder { source, .. } => {
                format!("{name}: not a readable folder: {source}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_keeps_its_first_diagnostics_and_counts_the_rest() {
        let mut items: Vec<(PathBuf, usize)> = (1..=25)
            .map(|line| (PathBuf::from("a.jsonl"), line))
            .chain([(PathBuf::from("b.md"), 1)])
            .collect();
        let left_out = keep_first_per_file(&mut items, |(path, _)| path);
        assert_eq!(items.len(), DIAGNOSTICS_PER_FILE + 1);
        assert_eq!(items[DIAGNOSTICS_PER_FILE - 1].1, DIAGNOSTICS_PER_FILE);
        assert_eq!(
            left_out.into_iter().collect::<Vec<_>>(),
            [(PathBuf::from("a.jsonl"), 5)]
        );
    }

    #[test]
    fn a_listing_says_how_many_more_after_each_files_last_line() {
        let diagnostic = |file: &str, line| Diagnostic {
            file: file.to_owned(),
            line,
            message: "bad".to_owned(),
        };
        let omitted = [OmittedDiagnostics {
            file: "a.jsonl".to_owned(),
            errors: 999_990,
            warnings: 0,
        }];
        let lines = listing(
            &[
                diagnostic("a.jsonl", 1),
                diagnostic("a.jsonl", 2),
                diagnostic("b.md", 3),
            ],
            &omitted,
            |omitted| omitted.errors,
        );
        assert_eq!(
            lines,
            [
                "a.jsonl: line 1: bad",
                "a.jsonl: line 2: bad",
                "a.jsonl: and 999,990 more",
                "b.md: line 3: bad",
            ]
        );
        assert_eq!(with_thousands(7), "7");
        assert_eq!(with_thousands(1_000), "1,000");
    }
}
