//! The JSON front matter: `---json`, an object, `---`.
//!
//! The JSON is parsed with `serde_json` into a `Value` first and validated
//! key by key, so a wrong type names the key instead of failing with a
//! generic "invalid type" at some column.

use super::error::{GuideErrorKind, WarningKind};
use super::model::FrontMatter;
use serde_json::{Map, Value};

/// Keys the guide format defines; any other key is kept and warned about.
const KNOWN_KEYS: &[&str] = &[
    "slug",
    "title",
    "category",
    "keywords",
    "tags",
    "related_jobs",
    "meta_description",
    "thumbnail",
    "hero_image",
];

/// The front matter and where the body starts.
#[derive(Debug)]
pub struct Split<'a> {
    pub front: FrontMatter,
    /// The Markdown after the closing `---` line.
    pub body: &'a str,
    /// The 1-based file line on which `body` starts.
    pub body_line: usize,
    /// Unknown keys, each with the line it appears on.
    pub warnings: Vec<(usize, WarningKind)>,
}

/// A front-matter problem and the 1-based line it is on.
pub type FrontMatterError = (usize, GuideErrorKind);

/// Splits a guide into its validated front matter and its Markdown body.
pub fn split(text: &str) -> Result<Split<'_>, FrontMatterError> {
    let mut lines = LineCursor::new(text);
    let (opener_line, opener) = lines
        .find(|(_, line)| !line.trim().is_empty())
        .ok_or((1, GuideErrorKind::Empty))?;
    if opener.trim() != "---json" {
        return Err((opener_line, GuideErrorKind::MissingFrontMatter));
    }
    let json_start = lines.offset;
    let json_first_line = opener_line + 1;
    let (close_line, json_end) = loop {
        let before = lines.offset;
        match lines.next() {
            Some((number, line)) if line.trim_end() == "---" => break (number, before),
            Some(_) => continue,
            None => return Err((opener_line, GuideErrorKind::UnclosedFrontMatter)),
        }
    };
    let json = &text[json_start..json_end];
    let value: Value = serde_json::from_str(json).map_err(|error| {
        let line = json_first_line + error.line().saturating_sub(1);
        (line, GuideErrorKind::InvalidJson(json_message(&error)))
    })?;
    let Value::Object(object) = value else {
        return Err((json_first_line, GuideErrorKind::NotAnObject));
    };
    let (front, warnings) = validate(object, json, json_first_line, opener_line)?;
    Ok(Split {
        front,
        body: &text[lines.offset..],
        body_line: close_line + 1,
        warnings,
    })
}

/// serde_json's message without its "at line L column C", whose line counts
/// from the start of the JSON rather than the file; the column is kept.
fn json_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) if error.line() > 0 => format!("{} (column {})", &text[..at], error.column()),
        _ => text,
    }
}

/// Iterates over lines with their 1-based numbers, tracking the byte offset.
struct LineCursor<'a> {
    text: &'a str,
    offset: usize,
    number: usize,
}

impl<'a> LineCursor<'a> {
    fn new(text: &'a str) -> Self {
        let offset = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Self {
            text,
            offset,
            number: 0,
        }
    }
}

impl<'a> Iterator for LineCursor<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.offset >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.offset..];
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        self.offset += end;
        self.number += 1;
        let line = rest[..end].trim_end_matches(['\n', '\r']);
        Some((self.number, line))
    }
}

fn validate(
    mut object: Map<String, Value>,
    json: &str,
    json_first_line: usize,
    opener_line: usize,
) -> Result<(FrontMatter, Vec<(usize, WarningKind)>), FrontMatterError> {
    let line_of = |key: &str| key_line(json, key).map_or(opener_line, |l| json_first_line + l);
    let slug = required_string(&mut object, "slug").map_err(|kind| (line_of("slug"), kind))?;
    if !is_valid_slug(&slug) {
        return Err((line_of("slug"), GuideErrorKind::InvalidSlug(slug)));
    }
    let title = required_string(&mut object, "title").map_err(|kind| (line_of("title"), kind))?;
    let mut take_list = |key: &'static str| {
        optional_string_list(&mut object, key).map_err(|kind| (line_of(key), kind))
    };
    let keywords = take_list("keywords")?;
    let tags = take_list("tags")?;
    let related_jobs = take_list("related_jobs")?;
    let mut take_string =
        |key: &'static str| optional_string(&mut object, key).map_err(|kind| (line_of(key), kind));
    let category = take_string("category")?;
    let meta_description = take_string("meta_description")?;
    let thumbnail = take_string("thumbnail")?;
    let hero_image = take_string("hero_image")?;
    let warnings = object
        .keys()
        .filter(|key| !KNOWN_KEYS.contains(&key.as_str()))
        .map(|key| (line_of(key), WarningKind::UnknownKey(key.clone())))
        .collect();
    let front = FrontMatter {
        slug,
        title,
        category,
        keywords,
        tags,
        related_jobs,
        meta_description,
        thumbnail,
        hero_image,
        extra: object,
        line: opener_line,
        slug_line: line_of("slug"),
        related_jobs_line: line_of("related_jobs"),
    };
    Ok((front, warnings))
}

/// True when `slug` matches `^[a-z0-9_]+$`.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The 0-based line within `json` where `"key"` first appears as a key.
fn key_line(json: &str, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    let at = json.match_indices(&quoted).find_map(|(at, _)| {
        let after = json[at + quoted.len()..].trim_start();
        after.starts_with(':').then_some(at)
    })?;
    Some(json[..at].matches('\n').count())
}

fn required_string(
    object: &mut Map<String, Value>,
    key: &'static str,
) -> Result<String, GuideErrorKind> {
    match optional_string(object, key)? {
        Some(value) if !value.trim().is_empty() => Ok(value),
        _ => Err(GuideErrorKind::MissingField(key)),
    }
}

fn optional_string(
    object: &mut Map<String, Value>,
    key: &'static str,
) -> Result<Option<String>, GuideErrorKind> {
    match object.shift_remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => Ok(Some(value.trim().to_owned())),
        Some(_) => Err(GuideErrorKind::WrongType {
            field: key,
            expected: "a string",
        }),
    }
}

fn optional_string_list(
    object: &mut Map<String, Value>,
    key: &'static str,
) -> Result<Vec<String>, GuideErrorKind> {
    let wrong_type = || GuideErrorKind::WrongType {
        field: key,
        expected: "a list of strings",
    };
    match object.shift_remove(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|item| match item {
                Value::String(text) => Ok(text.trim().to_owned()),
                _ => Err(wrong_type()),
            })
            .filter(|item| item.as_ref().map_or(true, |text| !text.is_empty()))
            .collect(),
        Some(_) => Err(wrong_type()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide(front: &str) -> String {
        format!("---json\n{front}\n---\n# Body\n")
    }

    #[test]
    fn a_minimal_front_matter_is_read_and_the_body_line_is_known() {
        let text = guide(r#"{"slug": "sre", "title": "SRE"}"#);
        let split = split(&text).expect("valid");
        assert_eq!(split.front.slug, "sre");
        assert_eq!(split.front.title, "SRE");
        assert_eq!(split.body_line, 4);
        assert_eq!(split.body, "# Body\n");
    }

    #[test]
    fn crlf_line_endings_are_accepted() {
        let text = "---json\r\n{\"slug\": \"a\", \"title\": \"A\"}\r\n---\r\nbody\r\n";
        let split = split(text).expect("valid");
        assert_eq!(split.front.slug, "a");
        assert_eq!(split.body, "body\r\n");
    }

    #[test]
    fn invalid_json_is_reported_on_its_file_line() {
        let text = guide("{\n  \"slug\": \"a\",\n  \"title\": oops\n}");
        let (line, kind) = split(&text).expect_err("invalid");
        assert_eq!(line, 4);
        assert_eq!(
            kind,
            GuideErrorKind::InvalidJson("expected value (column 12)".into())
        );
    }

    #[test]
    fn a_wrong_type_names_the_key_and_its_line() {
        let text = guide("{\n\"slug\": \"a\",\n\"title\": \"A\",\n\"related_jobs\": \"b\"\n}");
        let (line, kind) = split(&text).expect_err("wrong type");
        assert_eq!(line, 5);
        assert_eq!(
            kind,
            GuideErrorKind::WrongType {
                field: "related_jobs",
                expected: "a list of strings"
            }
        );
    }

    #[test]
    fn unknown_keys_are_kept_and_warned_about() {
        let text = guide("{\"slug\": \"a\", \"title\": \"A\", \"salary\": 5}");
        let split = split(&text).expect("valid");
        assert_eq!(split.front.extra.get("salary"), Some(&Value::from(5)));
        assert_eq!(
            split.warnings,
            vec![(2, WarningKind::UnknownKey("salary".into()))]
        );
    }

    #[test]
    fn unknown_keys_keep_their_order() {
        let text = guide(
            "{\n\"zeta\": 1,\n\"slug\": \"a\",\n\"alpha\": 2,\n\"title\": \"A\",\n\"mid\": 3\n}",
        );
        let split = split(&text).expect("valid");
        let keys: Vec<&str> = split.front.extra.keys().map(String::as_str).collect();
        assert_eq!(keys, vec!["zeta", "alpha", "mid"]);
        let lines: Vec<usize> = split.warnings.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, vec![3, 5, 7]);
    }

    #[test]
    fn slugs_are_checked_against_the_pattern() {
        assert!(is_valid_slug("cloud_native_engineer2"));
        assert!(!is_valid_slug("Cloud-Native"));
        assert!(!is_valid_slug(""));
        let text = guide(r#"{"slug": "Bad Slug", "title": "A"}"#);
        let (_, kind) = split(&text).expect_err("bad slug");
        assert_eq!(kind, GuideErrorKind::InvalidSlug("Bad Slug".into()));
    }
}
