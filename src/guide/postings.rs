//! Job postings: JSON Lines of schema.org `JobPosting` objects, the form a
//! job board exports, read beside the guides.
//!
//! Each line is one posting. The fields read are `identifier`, `title`,
//! `description` (HTML allowed), `hiringOrganization.name`, `datePosted`,
//! `url` and `inLanguage`; any other field is ignored, as schema.org
//! objects carry many. A bad line is reported by file and line and the
//! rest load. Lines are parsed on every core.

use super::SourceFile;
use super::error::{GuideError, GuideErrorKind};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
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

/// Reads every postings file in order: the postings, and one error for each
/// line that is not a posting (a repeated identifier included; the first
/// one stays).
pub fn read_postings(files: &[SourceFile]) -> (Vec<Posting>, Vec<GuideError>) {
    let mut postings = Vec::new();
    let mut errors = Vec::new();
    let mut first_seen: HashMap<String, (PathBuf, usize)> = HashMap::new();
    for file in files {
        let (read, mut bad) = read_file(file);
        errors.append(&mut bad);
        for posting in read {
            if let Some((first, line)) = first_seen.get(&posting.identifier) {
                errors.push(GuideError {
                    path: posting.path.clone(),
                    line: posting.line,
                    kind: GuideErrorKind::DuplicatePosting {
                        identifier: posting.identifier.clone(),
                        first: first.clone(),
                        line: *line,
                    },
                });
                continue;
            }
            first_seen.insert(
                posting.identifier.clone(),
                (posting.path.clone(), posting.line),
            );
            postings.push(posting);
        }
    }
    (postings, errors)
}

fn read_file(file: &SourceFile) -> (Vec<Posting>, Vec<GuideError>) {
    // Split on bytes, so a line in another encoding costs only that line.
    let lines: Vec<(usize, &[u8])> = file
        .bytes
        .split(|&byte| byte == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.trim_ascii().is_empty())
        .collect();
    let read: Vec<Result<Posting, GuideError>> = lines
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
        .collect();
    let mut postings = Vec::with_capacity(read.len());
    let mut errors = Vec::new();
    for result in read {
        match result {
            Ok(posting) => postings.push(posting),
            Err(error) => errors.push(error),
        }
    }
    (postings, errors)
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
        let (postings, errors) = read_postings(&[file(text)]);
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
        let (postings, errors) = read_postings(&[SourceFile {
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
}
