//! Job postings: JSON Lines of schema.org `JobPosting` objects, the form a
//! job board exports, read beside the guides.
//!
//! Each line is one posting. The fields read are `identifier`, `title`,
//! `description` (HTML allowed), `hiringOrganization.name`, `datePosted`,
//! `url` and `inLanguage`; any other field is ignored, as schema.org
//! objects carry many. A bad line is reported by file and line and the
//! rest load. Lines are parsed on every core.

use super::SourceFile;
use super::error::{DIAGNOSTICS_PER_FILE, GuideError, GuideErrorKind};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The folder beside the guides that postings are read from.
pub const POSTINGS_FOLDER: &str = "postings";
/// The extension of a postings file.
pub const POSTINGS_EXTENSION: &str = "jsonl";

/// One job posting as the file gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    /// The posting's own identifier (`identifier`, or its `value`).
    pub identifier: String,
    pub title: String,
    /// As given: HTML, Markdown or plain text.
    pub description: String,
    /// `hiringOrganization.name` (or `hiringOrganization` when a string).
    pub organization: Option<String>,
    pub date_posted: Option<String>,
    pub url: Option<String>,
    /// `inLanguage` (`ja`, `en` …).
    pub language: Option<String>,
    /// The file and the 1-based line it came from.
    pub path: PathBuf,
    pub line: usize,
}

/// The fields read; everything else on the line is skipped unparsed.
#[derive(Deserialize)]
struct Fields {
    #[serde(rename = "@type")]
    kind: Option<Value>,
    identifier: Option<Value>,
    title: Option<Value>,
    description: Option<Value>,
    #[serde(rename = "hiringOrganization")]
    hiring_organization: Option<Value>,
    #[serde(rename = "datePosted")]
    date_posted: Option<Value>,
    url: Option<Value>,
    #[serde(rename = "inLanguage")]
    in_language: Option<Value>,
}

/// What the postings files held.
#[derive(Debug, Default)]
pub struct PostingsRead {
    /// The postings, in file and line order.
    pub postings: Vec<Posting>,
    /// The first [`DIAGNOSTICS_PER_FILE`] lines of each file that are not
    /// postings (a repeated identifier included; the first one stays).
    pub errors: Vec<GuideError>,
    /// How many more such lines each file had.
    pub omitted: BTreeMap<PathBuf, usize>,
}

impl PostingsRead {
    /// Lines that were not read as postings, listed or not.
    pub fn dropped(&self) -> usize {
        self.errors.len() + self.omitted.values().sum::<usize>()
    }
}

/// Reads every postings file in order. A file's bad lines are counted
/// past the first few rather than kept: a file of a million of them would
/// otherwise hold a million errors in memory.
pub fn read_postings(files: &[SourceFile]) -> PostingsRead {
    let mut read = PostingsRead::default();
    let mut first_seen: HashMap<String, (PathBuf, usize)> = HashMap::new();
    for file in files {
        let FileRead {
            postings,
            mut errors,
            mut omitted,
        } = read_file(file);
        for posting in postings {
            if let Some((first, line)) = first_seen.get(&posting.identifier) {
                if errors.len() < DIAGNOSTICS_PER_FILE {
                    errors.push(GuideError {
                        path: posting.path.clone(),
                        line: posting.line,
                        kind: GuideErrorKind::DuplicatePosting {
                            identifier: posting.identifier.clone(),
                            first: first.clone(),
                            line: *line,
                        },
                    });
                } else {
                    omitted += 1;
                }
                continue;
            }
            first_seen.insert(
                posting.identifier.clone(),
                (posting.path.clone(), posting.line),
            );
            read.postings.push(posting);
        }
        read.errors.append(&mut errors);
        if omitted > 0 {
            read.omitted.insert(file.path.clone(), omitted);
        }
    }
    read
}

/// One file's postings, its first bad lines, and how many more it had.
#[derive(Default)]
struct FileRead {
    postings: Vec<Posting>,
    errors: Vec<GuideError>,
    omitted: usize,
}

impl FileRead {
    fn add(mut self, line: Result<Posting, GuideError>) -> Self {
        match line {
            Ok(posting) => self.postings.push(posting),
            Err(error) if self.errors.len() < DIAGNOSTICS_PER_FILE => self.errors.push(error),
            Err(_) => self.omitted += 1,
        }
        self
    }

    /// This part of a file followed by the `later` part: the first bad
    /// lines of the two are the first of this one's, then of the later's.
    fn then(mut self, later: FileRead) -> Self {
        self.postings.extend(later.postings);
        let room = DIAGNOSTICS_PER_FILE.saturating_sub(self.errors.len());
        self.omitted += later.omitted + later.errors.len().saturating_sub(room);
        self.errors.extend(later.errors.into_iter().take(room));
        self
    }
}

fn read_file(file: &SourceFile) -> FileRead {
    // Split on bytes, so a line in another encoding costs only that line.
    let lines: Vec<(usize, &[u8])> = file
        .bytes
        .split(|&byte| byte == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.trim_ascii().is_empty())
        .collect();
    // Each thread folds a run of lines in order, and runs are joined in
    // order, so the errors kept are the file's first, as one pass keeps.
    lines
        .par_iter()
        .map(|&(index, bytes)| match std::str::from_utf8(bytes) {
            Ok(line) => read_line(&file.path, index + 1, line),
            Err(error) => Err(GuideError {
                path: file.path.clone(),
                line: index + 1,
                kind: GuideErrorKind::NotUtf8 {
                    byte_offset: error.valid_up_to(),
                },
            }),
        })
        .fold(FileRead::default, FileRead::add)
        .reduce(FileRead::default, FileRead::then)
}

/// One line: a posting, or why it is not one.
fn read_line(path: &Path, line: usize, text: &str) -> Result<Posting, GuideError> {
    let error = |kind| GuideError {
        path: path.to_owned(),
        line,
        kind,
    };
    let fields: Fields = serde_json::from_str(text).map_err(|json| {
        if json.is_data() && !text.trim_start().starts_with('{') {
            error(GuideErrorKind::PostingNotAnObject)
        } else if json.is_data() {
            error(GuideErrorKind::WrongType {
                field: "a posting field",
                expected: "a string, or an object with a `name` or `value`",
            })
        } else {
            error(GuideErrorKind::PostingNotJson(json.to_string()))
        }
    })?;
    if let Some(kind) = fields.kind.as_ref().and_then(text_of)
        && kind != "JobPosting"
    {
        return Err(error(GuideErrorKind::NotAJobPosting(kind)));
    }
    let identifier = fields
        .identifier
        .as_ref()
        .and_then(text_of)
        .ok_or_else(|| error(GuideErrorKind::PostingMissingField("identifier")))?;
    let title = fields
        .title
        .as_ref()
        .and_then(text_of)
        .ok_or_else(|| error(GuideErrorKind::PostingMissingField("title")))?;
    Ok(Posting {
        identifier,
        title,
        description: fields
            .description
            .as_ref()
            .and_then(text_of)
            .unwrap_or_default(),
        organization: fields.hiring_organization.as_ref().and_then(text_of),
        date_posted: fields.date_posted.as_ref().and_then(text_of),
        url: fields.url.as_ref().and_then(text_of),
        language: fields.in_language.as_ref().and_then(text_of),
        path: path.to_owned(),
        line,
    })
}

/// The text of a schema.org value: a string, a number, or an object's
/// `name` or `value` (`PropertyValue`, `Organization`, `Language`); `None`
/// when empty.
fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(text) => text.trim().to_owned(),
        Value::Number(number) => number.to_string(),
        Value::Object(object) => {
            return ["name", "value"]
                .iter()
                .find_map(|key| object.get(*key).and_then(text_of));
        }
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: "postings/board.jsonl".into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn postings_are_read_from_schema_org_fields_and_the_rest_is_ignored() {
        let text = concat!(
            r#"{"@context":"https://schema.org","@type":"JobPosting","identifier":{"@type":"PropertyValue","value":"p-1"},"title":"SRE","description":"<p>Kubernetes</p>","hiringOrganization":{"@type":"Organization","name":"Acme"},"datePosted":"2026-01-02","url":"https://jobs.example/p-1","inLanguage":"en","baseSalary":{"value":1}}"#,
            "\n\n",
            r#"{"identifier":7,"title":"データエンジニア","hiringOrganization":"株式会社例"}"#,
            "\n"
        );
        let PostingsRead {
            postings, errors, ..
        } = read_postings(&[file(text)]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(postings.len(), 2);
        assert_eq!(postings[0].identifier, "p-1");
        assert_eq!(postings[0].organization.as_deref(), Some("Acme"));
        assert_eq!(postings[0].language.as_deref(), Some("en"));
        assert_eq!(postings[1].identifier, "7");
        assert_eq!(postings[1].line, 3);
        assert_eq!(postings[1].organization.as_deref(), Some("株式会社例"));
        assert_eq!(postings[1].description, "");
    }

    #[test]
    fn each_bad_line_is_one_error_with_its_line_and_the_rest_load() {
        let text = [
            r#"{"identifier":"a","title":"One"}"#,
            r#"{"identifier":"b","title":"Two""#,
            r#"["not", "an", "object"]"#,
            r#"{"@type":"Organization","identifier":"c","title":"Three"}"#,
            r#"{"identifier":"d"}"#,
            r#"{"identifier":"a","title":"Again"}"#,
            r#"{"identifier":"e","title":["a","list"]}"#,
            r#"{"identifier":"f","title":"Six"}"#,
        ]
        .join("\n");
        let mut bytes = text.into_bytes();
        bytes.extend_from_slice(b"\n{\"identifier\":\"g\",\"title\":\"\xff\"}\n");
        let PostingsRead {
            postings, errors, ..
        } = read_postings(&[SourceFile {
            path: "postings/board.jsonl".into(),
            bytes,
        }]);
        let ids: Vec<&str> = postings.iter().map(|p| p.identifier.as_str()).collect();
        assert_eq!(ids, ["a", "f"]);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 7, 9, 6]);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            messages[0].starts_with("postings/board.jsonl: line 2: invalid JSON"),
            "{messages:?}"
        );
        assert!(messages[1].ends_with("a posting must be a JSON object"));
        assert!(messages[2].ends_with("`@type` is `Organization`, not `JobPosting`"));
        assert!(messages[3].ends_with("the posting has no `title`"));
        assert!(
            messages[4].ends_with("the posting has no `title`"),
            "{messages:?}"
        );
        assert!(
            messages[5].ends_with("not valid UTF-8 (byte 27)"),
            "{messages:?}"
        );
        assert!(
            messages[6].ends_with("posting `a` is already given at postings/board.jsonl: line 1")
        );
    }

    #[test]
    fn a_file_of_many_bad_lines_keeps_its_first_errors_and_counts_the_rest() {
        let mut text = String::new();
        for index in 0..1_000 {
            text.push_str(&format!("{{not json {index}\n"));
            if index % 100 == 0 {
                text.push_str(r#"{"identifier":"same","title":"Again"}"#);
                text.push('\n');
            }
        }
        let read = read_postings(&[file(&text)]);
        assert_eq!(read.postings.len(), 1);
        assert_eq!(read.errors.len(), DIAGNOSTICS_PER_FILE);
        // Line 2 is the one posting; the bad lines around it come first.
        let lines: Vec<usize> = read.errors.iter().map(|error| error.line).collect();
        let first: Vec<usize> = std::iter::once(1).chain(3..=21).collect();
        assert_eq!(lines, first);
        assert_eq!(read.dropped(), 1_000 + 9);
        assert_eq!(
            read.omitted.get(Path::new("postings/board.jsonl")),
            Some(&(1_009 - DIAGNOSTICS_PER_FILE))
        );
    }
}
