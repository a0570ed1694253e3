//! Guide files → plain records.
//!
//! A guide is a Markdown file with a JSON front matter (`---json` … `---`).
//! This layer reads a folder of them into [`Guide`] records, collecting a
//! [`GuideError`] for each file it cannot read and [`GuideWarning`]s for what
//! is merely odd, so one bad file never stops the rest of the corpus.
//!
//! It knows nothing of graphs or GraphQL.

pub mod aliases;
pub mod embedded;
pub mod error;
mod extract;
pub mod front_matter;
pub mod glossary;
mod keywords;
pub mod levels;
pub mod markdown;
mod memo;
pub mod model;
pub mod plain;
pub mod postings;
pub mod section;
pub mod sections;
pub mod text;
pub mod version;

pub use aliases::{ALIAS_FILE, Aliases};
pub use error::{
    CorpusError, DIAGNOSTICS_PER_FILE, Diagnostic, Dropped, GuideError, GuideErrorKind,
    GuideWarning, Omitted, OmittedDiagnostics, WarningKind, listing,
};
pub use glossary::{GLOSSARY_FILE, Glossary, Language};
pub use levels::{CareerLevel, LevelSource, LevelWords};
pub use memo::{ParseCount, ParseMemo};
pub use model::*;
pub use section::{Prose, Row, Section};
pub use text::name_and_parenthesised;

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The default largest guide accepted: 1 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 1 << 20;

/// The default largest postings file accepted: 1 GiB (a million postings).
pub const DEFAULT_MAX_POSTINGS_BYTES: u64 = 1 << 30;

/// How a corpus is read.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Guides larger than this are rejected with [`GuideErrorKind::TooLarge`].
    pub max_file_bytes: u64,
    /// Postings files (`*.jsonl`) larger than this are rejected the same way.
    pub max_postings_bytes: u64,
    /// Postings to read besides the corpus folder's `postings/`: a
    /// `.jsonl` file, or a folder of them.
    pub postings: Option<PathBuf>,
    /// Told how far the load has got; `None` tells no one.
    pub progress: Option<ProgressObserver>,
}

/// How far a load has got: `done` of `total` things in its current step.
/// Layers after this one report their own steps the same way, so one
/// observer follows a corpus from its files to whatever is built of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What is being done, for a person: `reading guides`, `parsing guides`.
    pub step: &'static str,
    /// How many things of this step are done.
    pub done: usize,
    /// How many there are in all; `None` while that is not known (files
    /// are counted as the folder is walked) or when the step counts nothing.
    pub total: Option<usize>,
}

/// Receives a load's [`Progress`] on whichever thread did the work: the
/// caller decides how to show it, so loading never prints.
#[derive(Clone)]
pub struct ProgressObserver(Arc<dyn Fn(Progress) + Send + Sync>);

impl ProgressObserver {
    pub fn new(observe: impl Fn(Progress) + Send + Sync + 'static) -> Self {
        Self(Arc::new(observe))
    }

    pub fn report(&self, progress: Progress) {
        (self.0)(progress);
    }
}

impl std::fmt::Debug for ProgressObserver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProgressObserver")
    }
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_postings_bytes: DEFAULT_MAX_POSTINGS_BYTES,
            postings: None,
            progress: None,
        }
    }
}

/// Everything read from a corpus folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corpus {
    /// Guides that loaded, in path order; shared with the parse memo, so a
    /// reload keeps the records of the guides it did not parse again.
    pub guides: Vec<Arc<Guide>>,
    /// The alias file, or the empty table when the folder has none.
    pub aliases: Aliases,
    /// The glossary, or the empty one when the folder has none.
    pub glossary: Glossary,
    /// Files that could not be read as guides, at most
    /// [`DIAGNOSTICS_PER_FILE`] for each file.
    pub errors: Vec<GuideError>,
    /// Problems that did not stop a guide from loading, at most
    /// [`DIAGNOSTICS_PER_FILE`] for each file.
    pub warnings: Vec<GuideWarning>,
    /// How many of each file's errors and warnings were not listed.
    pub omitted: BTreeMap<PathBuf, Omitted>,
    /// What could not be served, counted whole.
    pub dropped: Dropped,
    /// Job postings read beside the guides, in file and line order.
    pub postings: Vec<postings::Posting>,
    /// A content hash of every file read (see [`version`]).
    pub version: String,
    /// How clients see the names of the files read.
    pub names: FileNames,
    /// How many guide files were parsed, and how many were known
    /// unchanged from the load before.
    pub parse_count: ParseCount,
}

/// How answers name the files a corpus was read from (a guide's
/// `sourceFile`, a diagnostic's `file`, `/readyz`): relative to the folder
/// they were found under, never by the path the server keeps them at,
/// which would tell any client how the server's disk is laid out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileNames {
    /// The corpus folder; `None` when the corpus was read from memory.
    pub root: Option<PathBuf>,
    /// The `--postings` folder, or the folder of a `--postings` file.
    pub postings: Option<PathBuf>,
}

impl FileNames {
    /// The names of a corpus read from `root`, with the postings `options` names.
    pub fn new(root: Option<&Path>, options: &LoadOptions) -> Self {
        let postings = options.postings.as_deref().map(|path| {
            if path.is_file() {
                path.parent().unwrap_or(path).to_owned()
            } else {
                path.to_owned()
            }
        });
        Self {
            root: root.map(Path::to_owned),
            postings,
        }
    }

    /// `path` relative to the corpus folder, else to the `--postings`
    /// folder, with `/` between its parts; any other absolute path by its
    /// file name alone.
    pub fn name(&self, path: &Path) -> String {
        let under = [self.root.as_deref(), self.postings.as_deref()]
            .into_iter()
            .flatten()
            .find(|folder| path.starts_with(folder));
        match under {
            Some(folder) => version::relative_name(path, folder),
            None if path.is_relative() => version::relative_name(path, Path::new("")),
            None => path
                .file_name()
                .map_or_else(String::new, |name| name.to_string_lossy().into_owned()),
        }
    }

    /// `message` with the folders' paths taken out of any file it names
    /// (a duplicate's first place), as [`name`](Self::name) gives them.
    pub fn in_message(&self, message: &str) -> String {
        let mut message = message.to_owned();
        for folder in [self.root.as_deref(), self.postings.as_deref()]
            .into_iter()
            .flatten()
        {
            let prefix = format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR);
            message = message.replace(&prefix, "");
        }
        message
    }
}

/// Where a corpus comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusSource {
    /// A folder of guides, read (and re-read on reload) from disk.
    Folder(PathBuf),
    /// The `seeds/` folder embedded in the binary at build time.
    Embedded,
}

impl CorpusSource {
    /// `folder` when given; else `./seeds` when it exists; else the
    /// embedded seeds, so an installed binary answers out of the box.
    pub fn choose(folder: Option<PathBuf>) -> Self {
        match folder {
            Some(folder) => CorpusSource::Folder(folder),
            None if Path::new("seeds").is_dir() => CorpusSource::Folder(PathBuf::from("seeds")),
            None => CorpusSource::Embedded,
        }
    }

    /// How answers name the corpus: the folder's own name, never the
    /// path above it, so a probe or an error does not tell clients where
    /// the server keeps its files.
    pub fn name(&self) -> String {
        match self {
            CorpusSource::Folder(folder) => folder.file_name().map_or_else(
                || folder.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            ),
            CorpusSource::Embedded => "embedded".to_owned(),
        }
    }

    /// Reads the corpus.
    pub fn load(&self, options: &LoadOptions) -> Result<Corpus, CorpusError> {
        self.load_remembering(options, &mut ParseMemo::default())
    }

    /// Reads the corpus, parsing only the guides `memo` does not already
    /// hold as they are now, and leaves in `memo` what this load parsed.
    pub fn load_remembering(
        &self,
        options: &LoadOptions,
        memo: &mut ParseMemo,
    ) -> Result<Corpus, CorpusError> {
        match self {
            CorpusSource::Folder(folder) => load_dir_remembering(folder, options, memo),
            CorpusSource::Embedded => Ok(embedded::corpus(options)),
        }
    }
}

impl std::fmt::Display for CorpusSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CorpusSource::Folder(folder) => write!(f, "{}", folder.display()),
            CorpusSource::Embedded => f.write_str("the guides embedded in the binary"),
        }
    }
}

/// One file's bytes and where they came from.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Reads every `*.md` under `dir` (recursively, in path order) and the alias
/// file at its root.
pub fn load_dir(dir: &Path, options: &LoadOptions) -> Result<Corpus, CorpusError> {
    load_dir_remembering(dir, options, &mut ParseMemo::default())
}

/// [`load_dir`], taking the guides `memo` holds unchanged from it rather
/// than parsing them again.
pub fn load_dir_remembering(
    dir: &Path,
    options: &LoadOptions,
    memo: &mut ParseMemo,
) -> Result<Corpus, CorpusError> {
    let metadata = std::fs::metadata(dir).map_err(|source| CorpusError::Folder {
        path: dir.to_owned(),
        source,
    })?;
    if !metadata.is_dir() {
        return Err(CorpusError::Folder {
            path: dir.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a directory"),
        });
    }
    let (files, mut errors) =
        files_under(dir, "md", options.max_file_bytes, options.progress.as_ref());
    let mut data_file = |name| match read_data_file(dir, name, options.max_file_bytes) {
        Ok(file) => file,
        Err(error) => {
            errors.push(error);
            None
        }
    };
    let data = DataFiles {
        aliases: data_file(ALIAS_FILE),
        glossary: data_file(GLOSSARY_FILE),
    };
    let (posting_files, mut unread) = posting_files(Some(dir), options);
    errors.append(&mut unread);
    let digests = digests_of(&files);
    let version = corpus_version(dir, &files, &digests, &data, &posting_files, options);
    let mut corpus = parse_sources(files, &digests, &data, options.progress.as_ref(), memo);
    corpus.errors.append(&mut errors);
    corpus.version = version;
    corpus.names = FileNames::new(Some(dir), options);
    corpus.settle(postings::read_postings(&posting_files));
    Ok(corpus)
}

impl Corpus {
    /// Adds the postings read, sorts the errors by file and line, counts
    /// what was dropped, and lists at most [`DIAGNOSTICS_PER_FILE`]
    /// errors and warnings of each file, counting the rest.
    pub(crate) fn settle(&mut self, read: postings::PostingsRead) {
        self.dropped = Dropped {
            guides: self
                .errors
                .iter()
                .filter(|error| {
                    error
                        .path
                        .extension()
                        .is_some_and(|ext| ext.eq_ignore_ascii_case("md"))
                })
                .count(),
            postings: read.dropped(),
        };
        let postings::PostingsRead {
            postings,
            mut errors,
            omitted,
        } = read;
        self.postings = postings;
        self.errors.append(&mut errors);
        self.errors
            .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        let errors_left_out = error::keep_first_per_file(&mut self.errors, |error| &error.path);
        let warnings_left_out =
            error::keep_first_per_file(&mut self.warnings, |warning| &warning.path);
        for (path, count) in omitted.into_iter().chain(errors_left_out) {
            self.omitted.entry(path).or_default().errors += count;
        }
        for (path, count) in warnings_left_out {
            self.omitted.entry(path).or_default().warnings += count;
        }
    }
}

/// The version of a corpus read from `root`: every file by its path
/// relative to `root`, postings from `--postings` by their path relative
/// to it (under `--postings/`), so that the same files give the same
/// version wherever they lie.
pub(crate) fn corpus_version(
    root: &Path,
    guides: &[SourceFile],
    guide_digests: &[version::FileDigest],
    data: &DataFiles,
    postings: &[SourceFile],
    options: &LoadOptions,
) -> String {
    let given = FileNames::new(Some(root), options).postings;
    let name = |file: &SourceFile| match given.as_deref() {
        Some(given) if !file.path.starts_with(root) => {
            format!("--postings/{}", version::relative_name(&file.path, given))
        }
        _ => version::relative_name(&file.path, root),
    };
    let others: Vec<&SourceFile> = data.files().chain(postings).collect();
    version_of(guides, guide_digests, &others, name)
}

/// The version of `guides`, already digested as `guide_digests`, and of
/// the `others` (data files, postings), digested here on every core; each
/// file named by `name`.
fn version_of(
    guides: &[SourceFile],
    guide_digests: &[version::FileDigest],
    others: &[&SourceFile],
    name: impl Fn(&SourceFile) -> String + Sync,
) -> String {
    let others = others.par_iter().map(|file| {
        (
            name(file),
            file.bytes.len(),
            version::file_digest(&file.bytes),
        )
    });
    let guides = guides
        .par_iter()
        .zip(guide_digests)
        .map(|(file, digest)| (name(file), file.bytes.len(), *digest));
    version::version_of_digests(guides.chain(others).collect())
}

/// The digest of each file, in order, on every core.
pub(crate) fn digests_of(files: &[SourceFile]) -> Vec<version::FileDigest> {
    files
        .par_iter()
        .map(|file| version::file_digest(&file.bytes))
        .collect()
}

/// The postings files of a corpus: every `*.jsonl` under its folder's
/// `postings/`, then under `options.postings` (a file or a folder), each
/// read unless it is over the size limit; and why any could not be read.
pub(crate) fn posting_files(
    dir: Option<&Path>,
    options: &LoadOptions,
) -> (Vec<SourceFile>, Vec<GuideError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // The folder beside the guides is optional; a path given is not.
    let beside = dir
        .map(|dir| dir.join(postings::POSTINGS_FOLDER))
        .filter(|beside| beside.is_dir());
    for root in [beside.as_deref(), options.postings.as_deref()]
        .into_iter()
        .flatten()
    {
        let (mut found, mut unread) = files_under(
            root,
            postings::POSTINGS_EXTENSION,
            options.max_postings_bytes,
            None,
        );
        files.append(&mut found);
        errors.append(&mut unread);
    }
    (files, errors)
}

/// Every file under `root` (itself, if a file) whose name ends in
/// `.extension`, in path order, read unless it is over `limit` bytes; and
/// an error for each file or folder that could not be read. Each file read
/// is told to `progress`.
fn files_under(
    root: &Path,
    extension: &str,
    limit: u64,
    progress: Option<&ProgressObserver>,
) -> (Vec<SourceFile>, Vec<GuideError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(root).to_owned();
                errors.push(unreadable(path, error.to_string()));
                continue;
            }
        };
        let wanted = entry.file_type().is_file()
            && entry
                .path()
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case(extension));
        if wanted {
            match read_limited(entry.path(), limit) {
                Ok(bytes) => files.push(SourceFile {
                    path: entry.path().to_owned(),
                    bytes,
                }),
                Err(error) => errors.push(error),
            }
            if let Some(progress) = progress {
                progress.report(Progress {
                    step: "reading guides",
                    done: files.len(),
                    total: None,
                });
            }
        }
    }
    (files, errors)
}

fn unreadable(path: PathBuf, reason: String) -> GuideError {
    GuideError {
        path,
        line: 1,
        kind: GuideErrorKind::Unreadable(reason),
    }
}

/// The data file `name` of the folder `dir` (the alias file, the
/// glossary), read as a guide is: a regular file in the folder itself (a
/// symbolic link is not followed, as the walk over the guides follows
/// none), within the guides' size limit. `None` when the folder has none.
fn read_data_file(dir: &Path, name: &str, limit: u64) -> Result<Option<SourceFile>, GuideError> {
    let path = dir.join(name);
    let metadata = match std::fs::symlink_metadata(&path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(unreadable(path, error.to_string())),
    };
    if let Some(kind) = not_a_regular_file(&metadata.file_type()) {
        return Err(GuideError {
            path,
            line: 1,
            kind: GuideErrorKind::NotARegularFile(kind),
        });
    }
    let bytes = read_limited(&path, limit)?;
    Ok(Some(SourceFile { path, bytes }))
}

/// What a file that is not a regular one is, for an error message.
fn not_a_regular_file(kind: &std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;
    if kind.is_file() {
        return None;
    }
    Some(match kind {
        kind if kind.is_symlink() => "a symbolic link",
        kind if kind.is_dir() => "a folder",
        #[cfg(unix)]
        kind if kind.is_fifo() => "a named pipe",
        #[cfg(unix)]
        kind if kind.is_socket() => "a socket",
        #[cfg(unix)]
        kind if kind.is_block_device() || kind.is_char_device() => "a device",
        _ => "not a regular file",
    })
}

/// Reads a regular file unless it is over `limit`. The size and the kind
/// are those of the file opened, so a file swapped for another after it
/// was listed is judged as it is; it is opened without blocking, so a
/// named pipe put in its place is refused instead of waiting for a writer
/// forever; and no more than `limit` bytes are read, whatever it grows to.
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, GuideError> {
    use std::io::Read;
    let failed = |error: std::io::Error| unreadable(path.to_owned(), error.to_string());
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(failed)?;
    let metadata = file.metadata().map_err(failed)?;
    if let Some(kind) = not_a_regular_file(&metadata.file_type()) {
        return Err(GuideError {
            path: path.to_owned(),
            line: 1,
            kind: GuideErrorKind::NotARegularFile(kind),
        });
    }
    let too_large = |size| GuideError {
        path: path.to_owned(),
        line: 1,
        kind: GuideErrorKind::TooLarge { size, limit },
    };
    if metadata.len() > limit {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The files of a corpus folder that are data about names rather than
/// guides: the alias file and the glossary.
#[derive(Debug, Clone, Default)]
pub struct DataFiles {
    pub aliases: Option<SourceFile>,
    pub glossary: Option<SourceFile>,
}

impl DataFiles {
    /// Only an alias file.
    pub fn aliases(file: SourceFile) -> Self {
        Self {
            aliases: Some(file),
            glossary: None,
        }
    }

    /// The files present, the alias file first.
    pub fn files(&self) -> impl Iterator<Item = &SourceFile> {
        self.aliases.iter().chain(&self.glossary)
    }
}

/// Reads guides from bytes already in memory (a folder's files, or the
/// guides embedded in the binary), with the folder's data files. Files are
/// parsed in parallel.
/// The version hashes each file by the path it is given.
pub fn load_sources(files: Vec<SourceFile>, data: &DataFiles) -> Corpus {
    let digests = digests_of(&files);
    let named = |file: &SourceFile| file.path.to_string_lossy().into_owned();
    let others: Vec<&SourceFile> = data.files().collect();
    let version = version_of(&files, &digests, &others, named);
    let mut corpus = parse_sources(files, &digests, data, None, &mut ParseMemo::default());
    corpus.version = version;
    corpus
}

/// The guides `files` (digested as `digests`) and the data files, read,
/// telling `progress` of each file parsed, and parsing only the files
/// `memo` does not hold as they are. The caller sets the version, which
/// depends on how it names the files.
fn parse_sources(
    files: Vec<SourceFile>,
    digests: &[version::FileDigest],
    data: &DataFiles,
    progress: Option<&ProgressObserver>,
    memo: &mut ParseMemo,
) -> Corpus {
    let mut corpus = Corpus::default();
    if let Some(file) = &data.aliases {
        match read_aliases(file) {
            Ok(aliases) => corpus.aliases = aliases,
            Err(error) => corpus.errors.push(error),
        }
    }
    if let Some(file) = &data.glossary {
        match read_glossary(file) {
            Ok((glossary, mut warnings)) => {
                corpus.glossary = glossary;
                corpus.warnings.append(&mut warnings);
            }
            Err(error) => corpus.errors.push(error),
        }
    }
    let (parsed, count) = memo.parse_all(&files, digests, &corpus.aliases.unsplittable, progress);
    corpus.parse_count = count;
    let mut first_path_of_slug: HashMap<String, PathBuf> = HashMap::new();
    for result in parsed {
        match result {
            Ok((guide, warnings)) => {
                if let Some(first) = first_path_of_slug.get(&guide.front.slug) {
                    corpus.errors.push(GuideError {
                        path: guide.path.clone(),
                        line: guide.front.slug_line,
                        kind: GuideErrorKind::DuplicateSlug {
                            slug: guide.front.slug.clone(),
                            first: first.clone(),
                        },
                    });
                    continue;
                }
                first_path_of_slug.insert(guide.front.slug.clone(), guide.path.clone());
                corpus.warnings.extend(warnings);
                corpus.guides.push(guide);
            }
            Err(error) => corpus.errors.push(error),
        }
    }
    corpus.warnings.extend(related_jobs_without_guide(&corpus));
    corpus
}

fn read_aliases(file: &SourceFile) -> Result<Aliases, GuideError> {
    let text = data_text(file)?;
    Aliases::parse(text).map_err(|(line, message)| invalid_json(file, line, message))
}

/// The glossary, and a warning for each thing in it that cannot be used
/// as written.
fn read_glossary(file: &SourceFile) -> Result<(Glossary, Vec<GuideWarning>), GuideError> {
    let text = data_text(file)?;
    let glossary =
        Glossary::parse(text).map_err(|(line, message)| invalid_json(file, line, message))?;
    let warnings = glossary
        .problems(text)
        .into_iter()
        .map(|(line, problem)| GuideWarning {
            path: file.path.clone(),
            line,
            kind: WarningKind::Glossary(problem),
        })
        .collect();
    Ok((glossary, warnings))
}

fn data_text(file: &SourceFile) -> Result<&str, GuideError> {
    std::str::from_utf8(&file.bytes).map_err(|error| GuideError {
        path: file.path.clone(),
        line: 1,
        kind: GuideErrorKind::NotUtf8 {
            byte_offset: error.valid_up_to(),
        },
    })
}

fn invalid_json(file: &SourceFile, line: usize, message: String) -> GuideError {
    GuideError {
        path: file.path.clone(),
        line,
        kind: GuideErrorKind::InvalidJson(message),
    }
}

/// Warns about `related_jobs` entries that match no guide, by slug or alias.
fn related_jobs_without_guide(corpus: &Corpus) -> Vec<GuideWarning> {
    let mut known: HashSet<&str> = corpus
        .guides
        .iter()
        .map(|g| g.front.slug.as_str())
        .collect();
    for (slug, variants) in &corpus.aliases.jobs {
        if known.contains(slug.as_str()) {
            known.extend(variants.iter().map(String::as_str));
        }
    }
    corpus
        .guides
        .iter()
        .flat_map(|guide| {
            let known = &known;
            guide
                .front
                .related_jobs
                .iter()
                .filter(move |slug| !known.contains(slug.as_str()))
                .map(|slug| GuideWarning {
                    path: guide.path.clone(),
                    line: guide.front.related_jobs_line,
                    kind: WarningKind::RelatedJobWithoutGuide(slug.clone()),
                })
        })
        .collect()
}

fn parse_file(
    file: &SourceFile,
    unsplittable: &[String],
) -> Result<(Guide, Vec<GuideWarning>), GuideError> {
    let text = std::str::from_utf8(&file.bytes).map_err(|error| {
        let line = file.bytes[..error.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        GuideError {
            path: file.path.clone(),
            line,
            kind: GuideErrorKind::NotUtf8 {
                byte_offset: error.valid_up_to(),
            },
        }
    })?;
    parse_guide(&file.path, text, unsplittable)
}

/// Parses one guide's text. `unsplittable` lists names that contain a slash.
pub fn parse_guide(
    path: &Path,
    text: &str,
    unsplittable: &[String],
) -> Result<(Guide, Vec<GuideWarning>), GuideError> {
    let error = |(line, kind)| GuideError {
        path: path.to_owned(),
        line,
        kind,
    };
    if text.trim().is_empty() {
        return Err(error((1, GuideErrorKind::Empty)));
    }
    let split = front_matter::split(text).map_err(error)?;
    let warn = |line, kind| GuideWarning {
        path: path.to_owned(),
        line,
        kind,
    };
    let mut warnings: Vec<GuideWarning> = split
        .warnings
        .into_iter()
        .map(|(line, kind)| warn(line, kind))
        .collect();
    let grouped = sections::group(markdown::parse_blocks(split.body, split.body_line));
    let mut guide = Guide {
        path: path.to_owned(),
        front: split.front,
        headline: grouped.headline,
        ..Guide::default()
    };
    let mut seen = HashSet::new();
    for blocks in &grouped.sections {
        let kind = blocks.kind.unwrap_or(Section::Other);
        seen.insert(kind);
        if !section::read(&mut guide, kind, blocks, unsplittable) && kind.has_heading() {
            warnings.push(warn(blocks.line, WarningKind::EmptySection(kind.name())));
        }
    }
    let body_line = split.body_line;
    warnings.extend(
        Section::expected()
            .filter(|kind| !seen.contains(kind))
            .map(|kind| warn(body_line, WarningKind::MissingSection(kind.name()))),
    );
    Ok((guide, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder holding one guide of the shipped seeds, and `aliases.json`
    /// as `place` makes it.
    fn folder_with_aliases(place: impl FnOnce(&Path)) -> tempfile::TempDir {
        let folder = tempfile::tempdir().expect("a temp folder");
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        std::fs::copy(
            seeds.join("platform_engineer.md"),
            folder.path().join("platform_engineer.md"),
        )
        .expect("copy");
        place(&folder.path().join(ALIAS_FILE));
        folder
    }

    fn alias_error(corpus: &Corpus) -> &GuideErrorKind {
        &corpus
            .errors
            .iter()
            .find(|error| error.path.ends_with(ALIAS_FILE))
            .unwrap_or_else(|| panic!("no alias file error in {:?}", corpus.errors))
            .kind
    }

    #[test]
    fn files_are_named_relative_to_their_folder_and_outside_by_their_name_alone() {
        let names = FileNames {
            root: Some(PathBuf::from("/srv/corpus")),
            postings: Some(PathBuf::from("/data/boards")),
        };
        let name = |path: &str| names.name(Path::new(path));
        assert_eq!(name("/srv/corpus/guides/a.md"), "guides/a.md");
        assert_eq!(name("/data/boards/2026/b.jsonl"), "2026/b.jsonl");
        assert_eq!(name("/elsewhere/c.jsonl"), "c.jsonl");
        assert_eq!(name("seeds/d.md"), "seeds/d.md");
        assert_eq!(
            names.in_message("already given at /data/boards/b.jsonl: line 3"),
            "already given at b.jsonl: line 3"
        );
    }

    #[test]
    fn an_alias_file_over_the_guides_size_limit_is_refused_unread() {
        let folder = folder_with_aliases(|path| {
            std::fs::write(path, format!("{{\"tools\": {{}}}}{}", " ".repeat(4096))).expect("write")
        });
        let options = LoadOptions {
            max_file_bytes: 1024,
            max_postings_bytes: 1 << 20,
            ..LoadOptions::default()
        };
        let corpus = load_dir(folder.path(), &options).expect("the folder reads");
        assert!(matches!(
            alias_error(&corpus),
            GuideErrorKind::TooLarge { limit: 1024, .. }
        ));
    }

    #[cfg(unix)]
    #[test]
    fn an_alias_file_linking_out_of_the_folder_is_not_followed() {
        let outside = tempfile::NamedTempFile::new().expect("a temp file");
        std::fs::write(outside.path(), r#"{"tools": {"Kubernetes": ["k8s"]}}"#).expect("write");
        let folder = folder_with_aliases(|path| {
            std::os::unix::fs::symlink(outside.path(), path).expect("a link")
        });
        let corpus = load_dir(folder.path(), &LoadOptions::default()).expect("the folder reads");
        assert_eq!(
            alias_error(&corpus),
            &GuideErrorKind::NotARegularFile("a symbolic link")
        );
        assert!(corpus.aliases.tools.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_as_the_alias_file_is_refused_without_waiting_for_a_writer() {
        let folder = folder_with_aliases(|path| {
            let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("a path");
            // SAFETY: `mkfifo` reads the NUL-terminated path given and
            // creates a file there; nothing else is touched.
            assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
        });
        let (done, finished) = std::sync::mpsc::channel();
        let path = folder.path().to_owned();
        std::thread::spawn(move || {
            let _ = done.send(load_dir(&path, &LoadOptions::default()));
        });
        let corpus = finished
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the load does not wait on the pipe")
            .expect("the folder reads");
        assert_eq!(
            alias_error(&corpus),
            &GuideErrorKind::NotARegularFile("a named pipe")
        );
        assert_eq!(corpus.guides.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_opened_as_a_guide_is_refused_without_blocking() {
        let folder = tempfile::tempdir().expect("a temp folder");
        let path = folder.path().join("pipe.md");
        let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("a path");
        // SAFETY: as above.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
        let error = read_limited(&path, 1024).expect_err("a pipe is no guide");
        assert_eq!(error.kind, GuideErrorKind::NotARegularFile("a named pipe"));
    }

    /// A folder with one guide of the shipped seeds and a glossary of `text`.
    fn folder_with_glossary(text: &str) -> tempfile::TempDir {
        let folder = folder_with_aliases(|_| {});
        std::fs::write(folder.path().join(GLOSSARY_FILE), text).expect("write");
        folder
    }

    #[test]
    fn a_glossary_that_is_no_json_is_an_error_with_its_line_and_the_guides_still_load() {
        let folder = folder_with_glossary("{\n  \"terms\": [\n    {\"en\": [\"SLO\"],}\n  ]\n}");
        let corpus = load_dir(folder.path(), &LoadOptions::default()).expect("the folder reads");
        let error = corpus
            .errors
            .iter()
            .find(|error| error.path.ends_with(GLOSSARY_FILE))
            .unwrap_or_else(|| panic!("no glossary error in {:?}", corpus.errors));
        assert_eq!(error.line, 3);
        assert!(matches!(error.kind, GuideErrorKind::InvalidJson(_)));
        assert_eq!(corpus.guides.len(), 1);
        assert!(corpus.glossary.terms.is_empty());
    }

    #[test]
    fn what_a_glossary_cannot_use_is_a_warning_on_its_line() {
        let folder = folder_with_glossary(
            "{\n  \"terms\": [\n    {\"en\": [\"toil\"]},\n    {\"en\": [\"SLO\"], \"ja\": [\"SLO\"]}\n  ]\n}",
        );
        let corpus = load_dir(folder.path(), &LoadOptions::default()).expect("the folder reads");
        let warnings: Vec<(usize, String)> = corpus
            .warnings
            .iter()
            .filter(|warning| warning.path.ends_with(GLOSSARY_FILE))
            .map(|warning| (warning.line, warning.kind.to_string()))
            .collect();
        assert_eq!(
            warnings,
            vec![(3, "term `toil` has no Japanese spelling".to_owned())]
        );
        assert_eq!(corpus.glossary.terms.len(), 2);
    }

    #[test]
    fn the_glossary_changes_the_version() {
        let folder = folder_with_glossary(r#"{"terms": []}"#);
        let before = load_dir(folder.path(), &LoadOptions::default()).expect("reads");
        std::fs::write(
            folder.path().join(GLOSSARY_FILE),
            r#"{"terms": [{"en": ["SLO"], "ja": ["SLO"]}]}"#,
        )
        .expect("write");
        let after = load_dir(folder.path(), &LoadOptions::default()).expect("reads");
        assert_ne!(before.version, after.version);
    }
}
