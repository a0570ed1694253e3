//! What parsing each guide gave, kept from one load to the next, so that a
//! reload parses only the files that changed.
//!
//! A guide's records depend on its path, its bytes and the alias file's
//! unsplittable names (`CI/CD`), and on nothing else. So a file read again
//! with the same digest, under the same unsplittable names, is given the
//! records it gave before: the same [`Arc<Guide>`], shared with the graph
//! still served rather than copied, and the same warnings or error. Any
//! other file is parsed afresh. After each load the memo holds the files of
//! that load alone, so it never outgrows the corpus, and a file that was
//! deleted and comes back is parsed again.

use super::error::{GuideError, GuideWarning};
use super::model::Guide;
use super::version::FileDigest;
use super::{Progress, ProgressObserver, SourceFile, parse_file};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What one file gave: its guide and warnings, or why it is no guide.
pub(crate) type Parsed = Result<(Arc<Guide>, Vec<GuideWarning>), GuideError>;

/// The parse of every guide file of the last load, by path.
#[derive(Debug, Default)]
pub struct ParseMemo {
    /// The unsplittable names the files were parsed under.
    unsplittable: Vec<String>,
    files: HashMap<PathBuf, Remembered>,
}

#[derive(Debug)]
struct Remembered {
    digest: FileDigest,
    parsed: Parsed,
}

/// How many files a load parsed, and how many it took from the memo.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParseCount {
    pub parsed: usize,
    pub reused: usize,
}

impl ParseMemo {
    /// How many files it remembers.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every file of `files` (whose digests are `digests`, in the same
    /// order) parsed, in order: from the memo when it holds the same bytes
    /// under the same `unsplittable` names, else afresh, on every core.
    /// The memo then holds these files alone.
    pub(crate) fn parse_all(
        &mut self,
        files: &[SourceFile],
        digests: &[FileDigest],
        unsplittable: &[String],
        progress: Option<&ProgressObserver>,
    ) -> (Vec<Parsed>, ParseCount) {
        if self.unsplittable != unsplittable {
            self.files.clear();
            self.unsplittable = unsplittable.to_vec();
        }
        let done = AtomicUsize::new(0);
        let reused = AtomicUsize::new(0);
        let parsed: Vec<Parsed> = files
            .par_iter()
            .zip(digests)
            .map(|(file, digest)| {
                let parsed = match self.files.get(&file.path) {
                    Some(known) if known.digest == *digest => {
                        reused.fetch_add(1, Ordering::Relaxed);
                        known.parsed.clone()
                    }
                    _ => parse_file(file, unsplittable)
                        .map(|(guide, warnings)| (Arc::new(guide), warnings)),
                };
                if let Some(progress) = progress {
                    progress.report(Progress {
                        step: "parsing guides",
                        done: done.fetch_add(1, Ordering::Relaxed) + 1,
                        total: Some(files.len()),
                    });
                }
                parsed
            })
            .collect();
        self.files = files
            .iter()
            .zip(digests)
            .zip(&parsed)
            .map(|((file, digest), parsed)| {
                let remembered = Remembered {
                    digest: *digest,
                    parsed: parsed.clone(),
                };
                (file.path.clone(), remembered)
            })
            .collect();
        let reused = reused.into_inner();
        let count = ParseCount {
            parsed: files.len() - reused,
            reused,
        };
        (parsed, count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::version::file_digest;
    use std::path::Path;

    fn guide(name: &str, title: &str) -> SourceFile {
        let text = format!(
            "---json\n{{\"slug\": \"{name}\", \"title\": \"{title}\"}}\n---\n# {title}\n\n## 業務内容\n\n- 運用\n"
        );
        SourceFile {
            path: Path::new("corpus").join(format!("{name}.md")),
            bytes: text.into_bytes(),
        }
    }

    fn parse(memo: &mut ParseMemo, files: &[SourceFile], unsplittable: &[String]) -> Vec<Parsed> {
        let digests: Vec<FileDigest> = files.iter().map(|file| file_digest(&file.bytes)).collect();
        memo.parse_all(files, &digests, unsplittable, None).0
    }

    fn guide_of(parsed: &Parsed) -> &Arc<Guide> {
        &parsed.as_ref().expect("a guide").0
    }

    #[test]
    fn an_unchanged_file_shares_its_guide_and_a_changed_one_is_parsed_again() {
        let mut memo = ParseMemo::default();
        let first = [guide("a", "A"), guide("b", "B")];
        let before = parse(&mut memo, &first, &[]);
        let second = [guide("a", "A"), guide("b", "B, edited")];
        let digests: Vec<FileDigest> = second.iter().map(|file| file_digest(&file.bytes)).collect();
        let (after, count) = memo.parse_all(&second, &digests, &[], None);
        assert_eq!(
            count,
            ParseCount {
                parsed: 1,
                reused: 1
            }
        );
        assert!(Arc::ptr_eq(guide_of(&before[0]), guide_of(&after[0])));
        assert!(!Arc::ptr_eq(guide_of(&before[1]), guide_of(&after[1])));
        assert_eq!(guide_of(&after[1]).front.title, "B, edited");
    }

    #[test]
    fn a_removed_file_is_forgotten_and_new_unsplittable_names_parse_everything_again() {
        let mut memo = ParseMemo::default();
        parse(&mut memo, &[guide("a", "A"), guide("b", "B")], &[]);
        parse(&mut memo, &[guide("a", "A")], &[]);
        assert_eq!(memo.len(), 1);
        let digests = [file_digest(&guide("a", "A").bytes)];
        let whole = ["CI/CD".to_owned()];
        let (_, count) = memo.parse_all(&[guide("a", "A")], &digests, &whole, None);
        assert_eq!(
            count,
            ParseCount {
                parsed: 1,
                reused: 0
            }
        );
    }

    #[test]
    fn a_file_that_is_no_guide_is_remembered_as_its_error() {
        let mut memo = ParseMemo::default();
        let broken = SourceFile {
            path: "corpus/broken.md".into(),
            bytes: b"no front matter".to_vec(),
        };
        let first = parse(&mut memo, std::slice::from_ref(&broken), &[]);
        let digests = [file_digest(&broken.bytes)];
        let (again, count) = memo.parse_all(&[broken], &digests, &[], None);
        assert_eq!(count.reused, 1);
        assert!(first[0].is_err());
        assert_eq!(first[0].as_ref().err(), again[0].as_ref().err());
    }
}
