//! HTTP caching of query answers to GET: an `ETag` made from the corpus
//! version and the normalised request, a `Cache-Control` the operator
//! sets, and `304 Not Modified` for an `If-None-Match` that still holds.
//!
//! Every tag the server sends is weak (`W/"…"`): an answer may travel
//! gzip- or brotli-encoded or as it is, and those bytes differ while the
//! answer does not. A strong tag would claim byte-equality across
//! encodings (RFC 9110 §8.8.1); a weak one claims exactly what holds, and
//! `If-None-Match` compares weakly anyway (§13.1.2), so a cache that
//! stored either encoding revalidates to a 304.
//!
//! A GET answer depends on nothing but the request and the graph, and the
//! graph on nothing but the corpus version, so the tag can be made before
//! the query runs and a revalidation costs no execution at all. POST is
//! never cached (the GraphQL-over-HTTP spec treats it as not safe to).

use axum::http::{HeaderMap, HeaderValue, header};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::time::Duration;

/// A digest of what determines an answer: the corpus version, the query
/// with its insignificant characters folded ([`fold_insignificant`]), the
/// operation name and the variables with their keys sorted. The `ETag`
/// and the answer cache's key are both made from it.
pub fn request_digest(
    version: &str,
    query: &str,
    operation_name: Option<&str>,
    variables: Option<&Map<String, Value>>,
) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for part in [
        version,
        &fold_insignificant(query),
        operation_name.unwrap_or(""),
        &variables.map(canonical_json).unwrap_or_default(),
    ] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hasher.finalize().into()
}

/// The `ETag` of a GET answer: weak, of hex of the [`request_digest`].
pub fn etag(digest: &[u8; 32]) -> HeaderValue {
    let hex: String = digest[..12]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    HeaderValue::from_str(&weak_tag(&hex)).expect("a weak tag of hex is a header value")
}

/// The weak entity tag of an opaque `hex` value: `W/"hex"`.
pub fn weak_tag(hex: &str) -> String {
    format!("W/\"{hex}\"")
}

/// Whether the request's `If-None-Match` names `tag` itself: the client
/// holds this very answer, so it need not run. `*` is left to
/// [`asks_for_any`]: it says nothing of which answer the client holds, and
/// a query answers 304 to it only once it ran and turned out cacheable.
pub fn still_fresh(headers: &HeaderMap, tag: &HeaderValue) -> bool {
    tag.to_str().is_ok_and(|tag| lists_tag(headers, tag))
}

/// Whether the request's `If-None-Match` is `*`: any current answer will do.
pub fn asks_for_any(headers: &HeaderMap) -> bool {
    super::negotiate::list_items(headers, header::IF_NONE_MATCH).any(|candidate| candidate == "*")
}

/// Whether the request's `If-None-Match` names the entity tag `tag`
/// (quoted, as sent in `ETag`) or `*`, for answers that always exist
/// (the explorer's files); weak tags match too.
pub fn names_tag(headers: &HeaderMap, tag: &str) -> bool {
    lists_tag(headers, tag) || asks_for_any(headers)
}

/// Whether `If-None-Match` lists `tag`, by the weak comparison: `W/`
/// is ignored on either side.
fn lists_tag(headers: &HeaderMap, tag: &str) -> bool {
    let opaque = tag.trim_start_matches("W/");
    super::negotiate::list_items(headers, header::IF_NONE_MATCH)
        .map(|candidate| candidate.trim_start_matches("W/"))
        .any(|candidate| candidate == opaque)
}

/// The `Cache-Control` of a GET answer: public for `max_age`, or always
/// revalidated when the operator set 0.
pub fn cache_control(max_age: Duration) -> HeaderValue {
    let value = match max_age.as_secs() {
        0 => "no-cache".to_owned(),
        seconds => format!("public, max-age={seconds}"),
    };
    HeaderValue::from_str(&value).expect("a plain header value")
}

/// The query with GraphQL's insignificant characters folded: each run of
/// whitespace, commas and comments becomes one space, so reformatting a
/// query keeps its tag. String values (`"…"` with their escapes, and block
/// strings `"""…"""`) are kept as written: `"a  b"` and `"a b"` are
/// different arguments.
fn fold_insignificant(query: &str) -> String {
    let mut folded = String::with_capacity(query.len());
    let mut rest = query;
    let mut gap = false;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() || c == ',' || c == '#' {
            let skipped = if c == '#' {
                rest.find(['\n', '\r']).unwrap_or(rest.len())
            } else {
                c.len_utf8()
            };
            rest = &rest[skipped..];
            gap = true;
            continue;
        }
        if gap && !folded.is_empty() {
            folded.push(' ');
        }
        gap = false;
        let token = if c == '"' {
            string_len(rest)
        } else {
            c.len_utf8()
        };
        folded.push_str(&rest[..token]);
        rest = &rest[token..];
    }
    folded
}

/// The length in bytes of the string value `text` opens, quotes included
/// (all of `text` when it is never closed: the query will fail to parse).
fn string_len(text: &str) -> usize {
    if let Some(body) = text.strip_prefix("\"\"\"") {
        // A block string ends at the first `"""` not escaped as `\"""`.
        let mut at = 0;
        while let Some(found) = body[at..].find("\"\"\"") {
            let end = at + found;
            if body[..end].ends_with('\\') {
                at = end + 3;
                continue;
            }
            return 3 + end + 3;
        }
        return text.len();
    }
    let mut escaped = false;
    for (offset, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return offset + 1,
            '\n' | '\r' => return offset,
            _ => {}
        }
    }
    text.len()
}

/// JSON with every object's keys sorted, so `{"a":1,"b":2}` and
/// `{"b":2,"a":1}` are the same variables.
fn canonical_json(map: &Map<String, Value>) -> String {
    fn sorted(value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                Value::Object(
                    entries
                        .into_iter()
                        .map(|(k, v)| (k.clone(), sorted(v)))
                        .collect(),
                )
            }
            Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    sorted(&Value::Object(map.clone())).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn variables(value: Value) -> Map<String, Value> {
        value.as_object().expect("an object").clone()
    }

    fn tag(
        version: &str,
        query: &str,
        operation_name: Option<&str>,
        variables: Option<&Map<String, Value>>,
    ) -> HeaderValue {
        etag(&request_digest(version, query, operation_name, variables))
    }

    #[test]
    fn the_tag_follows_the_version_and_the_request_but_not_its_layout() {
        let base = tag("v1", "{ job(slug: \"a\") { name } }", None, None);
        assert_eq!(
            base,
            tag(
                "v1",
                "{\n  job(slug: \"a\") {\n    name # the label\n  }\n}",
                None,
                None
            )
        );
        assert_ne!(base, tag("v2", "{ job(slug: \"a\") { name } }", None, None));
        assert_ne!(base, tag("v1", "{ job(slug: \"b\") { name } }", None, None));
        let ab = variables(json!({ "a": 1, "b": { "x": 1, "y": 2 } }));
        let ba = variables(json!({ "b": { "y": 2, "x": 1 }, "a": 1 }));
        assert_eq!(
            tag("v1", "q", Some("Op"), Some(&ab)),
            tag("v1", "q", Some("Op"), Some(&ba))
        );
        assert_ne!(
            tag("v1", "q", Some("Op"), Some(&ab)),
            tag("v1", "q", None, Some(&ab))
        );
    }

    #[test]
    fn strings_keep_their_spaces_commas_and_hashes() {
        let pairs = [
            ("{ search(text: \"a  b\") }", "{ search(text: \"a b\") }"),
            ("{ search(text: \"a,b\") }", "{ search(text: \"a b\") }"),
            ("{ search(text: \"a #b\") }", "{ search(text: \"a \") }"),
            (
                "{ search(text: \"\\\" a  b\") }",
                "{ search(text: \"\\\" a b\") }",
            ),
            (
                "{ search(text: \"\"\"a  b\"\"\") }",
                "{ search(text: \"\"\"a b\"\"\") }",
            ),
            (
                "{ search(text: \"\"\"x \\\"\"\" a  b\"\"\") }",
                "{ search(text: \"\"\"x \\\"\"\" a b\"\"\") }",
            ),
        ];
        for (one, other) in pairs {
            assert_ne!(fold_insignificant(one), fold_insignificant(other), "{one}");
        }
        assert_eq!(
            fold_insignificant("query  Q ,{\n a(x: \"s  t\") # why\n b }"),
            "query Q { a(x: \"s  t\") b }"
        );
        assert_eq!(
            fold_insignificant("{ a(x: \"\"\"one \\\"\"\"  two\"\"\")  b }"),
            "{ a(x: \"\"\"one \\\"\"\"  two\"\"\") b }"
        );
        // An unclosed string runs to the end; the query will not parse.
        assert_eq!(fold_insignificant("{ a(x: \"open  "), "{ a(x: \"open  ");
    }

    #[test]
    fn if_none_match_takes_lists_and_weak_tags_and_tells_a_star_apart() {
        let tag = tag("v1", "q", None, None);
        let mut headers = HeaderMap::new();
        assert!(!still_fresh(&headers, &tag));
        let written = tag.to_str().expect("ASCII");
        assert!(written.starts_with("W/\""), "{written}");
        let listed = format!("\"other\", {written}");
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_str(&listed).expect("a value"),
        );
        assert!(still_fresh(&headers, &tag));
        // A cache that strips `W/` still names the same answer.
        let strong = written.trim_start_matches("W/").to_owned();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_str(&strong).expect("a value"),
        );
        assert!(still_fresh(&headers, &tag));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"other\""));
        assert!(!still_fresh(&headers, &tag));
        assert!(!asks_for_any(&headers));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(!still_fresh(&headers, &tag), "a star is no tag");
        assert!(asks_for_any(&headers));
        assert_eq!(cache_control(Duration::ZERO), "no-cache");
        assert_eq!(cache_control(Duration::from_secs(60)), "public, max-age=60");
    }
}
