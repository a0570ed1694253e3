//! The corpus version: a content hash of every file a corpus was read from
//! (guides, the alias file, postings), so that replicas reading the same
//! files, and a restart reading them again, agree on it.
//!
//! Files are hashed by their path relative to the folder they were read
//! from and their bytes, in path order: moving the folder keeps the
//! version, renaming or editing a file changes it.

use sha2::{Digest, Sha256};
use std::path::Path;

/// Hex digits of the version: 64 bits of SHA-256 are plenty to tell two
/// corpora apart, and short enough for a header and a metrics label.
const VERSION_BYTES: usize = 8;

/// The SHA-256 of one file's bytes: what the version is made of, and how
/// a reload tells a file it has already parsed from one that changed.
pub type FileDigest = [u8; 32];

/// The digest of `bytes`.
pub fn file_digest(bytes: &[u8]) -> FileDigest {
    Sha256::digest(bytes).into()
}

/// The version of files already digested: `(name, length, digest)`, in
/// any order.
pub fn version_of_digests(mut files: Vec<(String, usize, FileDigest)>) -> String {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut hasher = Sha256::new();
    for (name, length, digest) in files {
        // Lengths keep `a` + `bc` apart from `ab` + `c`.
        hasher.update((name.len() as u64).to_le_bytes());
        hasher.update(name.as_bytes());
        hasher.update((length as u64).to_le_bytes());
        hasher.update(digest);
    }
    hasher.finalize()[..VERSION_BYTES]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// `path` relative to `root`, with `/` between its parts; the path as
/// given when it is not under `root`.
pub fn relative_name(path: &Path, root: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The version of the files `(name, bytes)`.
    fn content_version<'a>(files: impl IntoIterator<Item = (String, &'a [u8])>) -> String {
        let digested = files
            .into_iter()
            .map(|(name, bytes)| (name, bytes.len(), file_digest(bytes)))
            .collect();
        version_of_digests(digested)
    }

    #[test]
    fn the_version_follows_names_and_bytes_but_not_order_or_folder() {
        let a = content_version([
            ("a.md".to_owned(), &b"one"[..]),
            ("b.md".to_owned(), &b"two"[..]),
        ]);
        let reordered = content_version([
            ("b.md".to_owned(), &b"two"[..]),
            ("a.md".to_owned(), &b"one"[..]),
        ]);
        assert_eq!(a, reordered);
        assert_eq!(a.len(), 16);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        let edited = content_version([
            ("a.md".to_owned(), &b"one!"[..]),
            ("b.md".to_owned(), &b"two"[..]),
        ]);
        let renamed = content_version([
            ("c.md".to_owned(), &b"one"[..]),
            ("b.md".to_owned(), &b"two"[..]),
        ]);
        let shifted = content_version([
            ("a.md".to_owned(), &b"onet"[..]),
            ("b.md".to_owned(), &b"wo"[..]),
        ]);
        assert!(a != edited && a != renamed && a != shifted);
        assert_eq!(
            relative_name(
                Path::new("/srv/guides/postings/a.jsonl"),
                Path::new("/srv/guides")
            ),
            "postings/a.jsonl"
        );
    }
}
