//! Broken files are rejected one by one, each with its kind, its line and a
//! message `path: line N: message`, while the good guides beside them load.
//! Warnings point at their line the same way.

use crate::{crate_path, guide, names};
use skillgraph::guide::{
    Corpus, DEFAULT_MAX_FILE_BYTES, Diagnostic, GuideError, GuideErrorKind, LoadOptions,
    WarningKind, load_dir,
};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

const BROKEN: &str = "tests/fixtures/broken";

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| crate::load(BROKEN));

fn broken(file: &str) -> PathBuf {
    crate_path(BROKEN).join(file)
}

/// The one error reported for `path`.
fn error_for<'a>(corpus: &'a Corpus, path: &Path) -> &'a GuideError {
    let found: Vec<&GuideError> = corpus.errors.iter().filter(|e| e.path == path).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one error for {}, got {:?}",
        path.display(),
        corpus.errors
    );
    found[0]
}

/// Asserts the error for `file` in the broken folder: kind, line, message.
fn assert_rejected(file: &str, kind: GuideErrorKind, line: usize, message: &str) {
    let path = broken(file);
    let error = error_for(&CORPUS, &path);
    assert_eq!(error.kind, kind);
    assert_eq!(error.line, line);
    assert_eq!(error.kind.to_string(), message);
    assert_eq!(
        error.to_string(),
        format!("{}: line {line}: {message}", path.display())
    );
    let diagnostic = Diagnostic::from(error);
    assert_eq!(diagnostic.file, path.display().to_string());
    assert_eq!(diagnostic.line, line);
    assert_eq!(diagnostic.message, message);
    assert_good_guides_loaded(&CORPUS);
}

/// The two good guides of the broken folder are always read, whatever else
/// is in the folder.
fn assert_good_guides_loaded(corpus: &Corpus) {
    assert_eq!(
        names(&corpus.guides, |g| &g.front.slug),
        vec!["good_one", "good_two"]
    );
    assert_eq!(guide(corpus, "good_one").duties[0].title, "検証");
    assert_eq!(guide(corpus, "good_two").duties[0].title, "確認");
}

/// A temporary folder holding copies of the good guides and `extra` files.
fn folder_with(extra: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for good in ["good_one.md", "good_two.md"] {
        std::fs::copy(broken(good), dir.path().join(good)).expect("copy good guide");
    }
    for (name, bytes) in extra {
        std::fs::write(dir.path().join(name), bytes).expect("write file");
    }
    dir
}

// ----------------------------------------------------------------- errors

#[test]
fn the_broken_folder_reports_one_error_per_broken_file_in_path_order() {
    let files: Vec<&str> = CORPUS
        .errors
        .iter()
        .map(|e| e.path.file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(files, crate::BROKEN_FILES);
    assert_good_guides_loaded(&CORPUS);
}

#[test]
fn a_guide_without_front_matter_is_rejected_with_its_line() {
    // The first line that is not blank is `---`, a YAML front matter.
    assert_rejected(
        "yaml_front_matter.md",
        GuideErrorKind::MissingFrontMatter,
        2,
        "no front matter: a guide starts with a line `---json`",
    );
}

#[test]
fn a_front_matter_never_closed_is_rejected_on_its_opening_line() {
    assert_rejected(
        "unclosed.md",
        GuideErrorKind::UnclosedFrontMatter,
        1,
        "the front matter opened here is never closed by a line `---`",
    );
}

#[test]
fn invalid_json_is_rejected_on_the_file_line_inside_the_json() {
    // The missing comma is noticed on line 5, where `"tags"` starts.
    assert_rejected(
        "invalid_json.md",
        GuideErrorKind::InvalidJson("expected `,` or `}` (column 3)".into()),
        5,
        "invalid JSON in the front matter: expected `,` or `}` (column 3)",
    );
}

#[test]
fn a_guide_without_a_slug_is_rejected_on_the_front_matter_line() {
    assert_rejected(
        "missing_slug.md",
        GuideErrorKind::MissingField("slug"),
        1,
        "the front matter has no `slug`",
    );
}

#[test]
fn a_blank_title_is_rejected_on_its_line() {
    assert_rejected(
        "missing_title.md",
        GuideErrorKind::MissingField("title"),
        4,
        "the front matter has no `title`",
    );
}

#[test]
fn a_slug_outside_the_pattern_is_rejected_on_its_line() {
    assert_rejected(
        "bad_slug.md",
        GuideErrorKind::InvalidSlug("Cloud-Native".into()),
        4,
        "slug `Cloud-Native` must match ^[a-z0-9_]+$",
    );
}

#[test]
fn related_jobs_given_as_a_string_is_rejected_on_its_line() {
    assert_rejected(
        "related_jobs_not_list.md",
        GuideErrorKind::WrongType {
            field: "related_jobs",
            expected: "a list of strings",
        },
        6,
        "`related_jobs` must be a list of strings",
    );
}

#[test]
fn related_jobs_holding_a_number_is_rejected_on_its_line() {
    assert_rejected(
        "related_jobs_with_number.md",
        GuideErrorKind::WrongType {
            field: "related_jobs",
            expected: "a list of strings",
        },
        5,
        "`related_jobs` must be a list of strings",
    );
}

#[test]
fn a_duplicate_slug_is_rejected_naming_both_files() {
    let first = broken("good_one.md");
    assert_rejected(
        "z_duplicate_slug.md",
        GuideErrorKind::DuplicateSlug {
            slug: "good_one".into(),
            first: first.clone(),
        },
        // The line of the `slug` key.
        2,
        &format!("slug `good_one` is already used by {}", first.display()),
    );
    // The first file keeps the slug.
    assert_eq!(guide(&CORPUS, "good_one").path, first);
}

#[test]
fn an_empty_file_is_rejected_on_line_one() {
    assert_rejected("empty.md", GuideErrorKind::Empty, 1, "the file is empty");
}

#[test]
fn a_file_with_no_bytes_at_all_is_rejected_as_empty() {
    let dir = folder_with(&[("nothing.md", b"")]);
    let corpus = load_dir(dir.path(), &LoadOptions::default()).unwrap();
    let path = dir.path().join("nothing.md");
    let error = error_for(&corpus, &path);
    assert_eq!(error.kind, GuideErrorKind::Empty);
    assert_eq!(
        error.to_string(),
        format!("{}: line 1: the file is empty", path.display())
    );
    assert_good_guides_loaded(&corpus);
}

#[test]
fn a_file_that_is_not_utf8_is_rejected_on_the_line_of_its_first_bad_byte() {
    // A valid front matter, then a body line in Shift_JIS: `日本` is 93 FA 96 7B.
    let mut bytes = b"---json\n{\"slug\": \"sjis\", \"title\": \"t\"}\n---\n# ok\n\n".to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(&[0x93, 0xFA, 0x96, 0x7B, b'\n']);
    let dir = folder_with(&[("shift_jis.md", &bytes)]);
    let corpus = load_dir(dir.path(), &LoadOptions::default()).unwrap();
    let path = dir.path().join("shift_jis.md");
    let error = error_for(&corpus, &path);
    assert_eq!(
        error.kind,
        GuideErrorKind::NotUtf8 {
            byte_offset: offset
        }
    );
    assert_eq!(error.line, 6);
    assert_eq!(
        error.to_string(),
        format!(
            "{}: line 6: the file is not valid UTF-8 (byte {offset})",
            path.display()
        )
    );
    assert_good_guides_loaded(&corpus);
}

#[test]
fn a_binary_file_with_a_guide_name_is_rejected_on_line_one() {
    let png = [
        0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1A, b'\n', 0, 0, 0, 0x0D,
    ];
    let dir = folder_with(&[("image.md", &png)]);
    let corpus = load_dir(dir.path(), &LoadOptions::default()).unwrap();
    let path = dir.path().join("image.md");
    let error = error_for(&corpus, &path);
    assert_eq!(error.kind, GuideErrorKind::NotUtf8 { byte_offset: 0 });
    assert_eq!(error.line, 1);
    assert!(error.to_string().starts_with(&format!(
        "{}: line 1: the file is not valid UTF-8",
        path.display()
    )));
    assert_good_guides_loaded(&corpus);
}

#[test]
fn a_file_over_the_default_size_limit_is_rejected_without_being_parsed() {
    let size = DEFAULT_MAX_FILE_BYTES + 1;
    let mut big = b"---json\n{\"slug\": \"big\", \"title\": \"big\"}\n---\n".to_vec();
    big.resize(size as usize, b'a');
    let dir = folder_with(&[("big.md", &big)]);
    let corpus = load_dir(dir.path(), &LoadOptions::default()).unwrap();
    let path = dir.path().join("big.md");
    let error = error_for(&corpus, &path);
    assert_eq!(
        error.kind,
        GuideErrorKind::TooLarge {
            size,
            limit: DEFAULT_MAX_FILE_BYTES
        }
    );
    assert_eq!(error.line, 1);
    assert_eq!(
        error.to_string(),
        format!(
            "{}: line 1: the file has {size} bytes, over the limit of {}",
            path.display(),
            DEFAULT_MAX_FILE_BYTES
        )
    );
    assert!(corpus.guides.iter().all(|g| g.front.slug != "big"));
    assert_good_guides_loaded(&corpus);
}

#[test]
fn a_smaller_configured_limit_rejects_files_just_over_it() {
    let good_one = std::fs::metadata(broken("good_one.md")).unwrap().len();
    let good_two = std::fs::metadata(broken("good_two.md")).unwrap().len();
    let limit = good_one.max(good_two);
    let over = vec![b' '; limit as usize + 1];
    let dir = folder_with(&[("over.md", &over)]);
    let corpus = load_dir(
        dir.path(),
        &LoadOptions {
            max_file_bytes: limit,
            ..LoadOptions::default()
        },
    )
    .unwrap();
    let error = error_for(&corpus, &dir.path().join("over.md"));
    assert_eq!(
        error.kind,
        GuideErrorKind::TooLarge {
            size: limit + 1,
            limit
        }
    );
    // Files exactly at the limit still load.
    assert_good_guides_loaded(&corpus);
}

#[test]
fn a_folder_that_does_not_exist_is_an_error_for_the_whole_corpus() {
    let missing = crate_path("tests/fixtures/no_such_folder");
    let error = load_dir(&missing, &LoadOptions::default()).expect_err("no folder");
    assert!(
        error
            .to_string()
            .starts_with(&format!("{}: not a readable folder", missing.display())),
        "{error}"
    );
    let file = broken("good_one.md");
    let error = load_dir(&file, &LoadOptions::default()).expect_err("a file");
    assert!(
        error.to_string().contains("not a readable folder"),
        "{error}"
    );
}

// --------------------------------------------------------------- warnings

fn warnings_for(file: &str) -> Vec<(usize, WarningKind, String)> {
    let path = broken(file);
    CORPUS
        .warnings
        .iter()
        .filter(|w| w.path == path)
        .map(|w| (w.line, w.kind.clone(), w.to_string()))
        .collect()
}

#[test]
fn a_missing_section_is_a_warning_on_the_first_body_line() {
    let path = broken("good_one.md");
    let warnings = warnings_for("good_one.md");
    let missing: Vec<&(usize, WarningKind, String)> = warnings
        .iter()
        .filter(|(_, kind, _)| matches!(kind, WarningKind::MissingSection(_)))
        .collect();
    let sections: Vec<&str> = missing
        .iter()
        .map(|(_, kind, _)| match kind {
            WarningKind::MissingSection(name) => *name,
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(
        sections,
        vec![
            "skills and tools",
            "collaboration",
            "career path",
            "outlook",
            "learning",
            "employers"
        ]
    );
    assert!(missing.iter().all(|(line, _, _)| *line == 9));
    assert_eq!(
        missing[0].2,
        format!("{}: line 9: no skills and tools section", path.display())
    );
}

#[test]
fn a_known_section_with_nothing_readable_is_a_warning_on_its_heading() {
    let path = broken("good_one.md");
    let empty: Vec<(usize, String)> = warnings_for("good_one.md")
        .into_iter()
        .filter(|(_, kind, _)| matches!(kind, WarningKind::EmptySection(_)))
        .map(|(line, _, text)| (line, text))
        .collect();
    assert_eq!(
        empty,
        vec![(
            21,
            format!(
                "{}: line 21: the interview section has nothing this reader understands",
                path.display()
            )
        )]
    );
}

#[test]
fn an_unknown_front_matter_key_is_a_warning_on_its_line_and_is_kept() {
    let path = broken("good_one.md");
    let unknown: Vec<(usize, String)> = warnings_for("good_one.md")
        .into_iter()
        .filter(|(_, kind, _)| matches!(kind, WarningKind::UnknownKey(_)))
        .map(|(line, _, text)| (line, text))
        .collect();
    assert_eq!(
        unknown,
        vec![(
            6,
            format!(
                "{}: line 6: unknown front-matter key `reviewed_by` (kept)",
                path.display()
            )
        )]
    );
    assert_eq!(
        guide(&CORPUS, "good_one").front.extra["reviewed_by"],
        "editor"
    );
}

#[test]
fn a_related_job_with_no_guide_is_a_warning_and_one_with_a_guide_is_not() {
    let path = broken("good_one.md");
    let related: Vec<(usize, String)> = CORPUS
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::RelatedJobWithoutGuide(_)))
        .map(|w| (w.line, w.to_string()))
        .collect();
    // `good_two` names `good_one` and `good_one` names `good_two`: both exist.
    assert_eq!(
        related,
        // The line of the `related_jobs` key.
        vec![(
            5,
            format!(
                "{}: line 5: related job `no_such_job` has no guide",
                path.display()
            )
        )]
    );
}

#[test]
fn a_rejected_duplicate_contributes_no_warnings() {
    assert!(warnings_for("z_duplicate_slug.md").is_empty());
    assert!(
        CORPUS
            .errors
            .iter()
            .all(
                |error| warnings_for(error.path.file_name().unwrap().to_str().unwrap()).is_empty()
            )
    );
}
