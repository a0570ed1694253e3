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

/// The `ETag` of a GET answer: quoted hex of a hash of the corpus version,
/// the query with its whitespace folded, the operation name and the
/// variables with their keys sorted.
pub fn etag(
    version: &str,
    query: &str,
    operation_name: Option<&str>,
    variables: Option<&Map<String, Value>>,
) -> HeaderValue {
    let mut hasher = Sha256::new();
    for part in [
        version,
        &fold_whitespace(query),
        operation_name.unwrap_or(""),
        &variables.map(canonical_json).unwrap_or_default(),
    ] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    let hex: String = hasher.finalize()[..12]
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

/// Runs of whitespace and commas (GraphQL's insignificant characters)
/// become one space, so reformatting a query keeps its tag.
fn fold_whitespace(query: &str) -> String {
    query
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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

    #[test]
    fn the_tag_follows_the_version_and_the_request_but_not_its_layout() {
        let base = etag("v1", "{ job(slug: \"a\") { name } }", None, None);
        assert_eq!(
            base,
            etag(
                "v1",
                "{\n  job(slug: \"a\") {\n    name\n  }\n}",
                None,
                None
            )
        );
        assert_ne!(
            base,
            etag("v2", "{ job(slug: \"a\") { name } }", None, None)
        );
        assert_ne!(
            base,
            etag("v1", "{ job(slug: \"b\") { name } }", None, None)
        );
        let ab = variables(json!({ "a": 1, "b": { "x": 1, "y": 2 } }));
        let ba = variables(json!({ "b": { "y": 2, "x": 1 }, "a": 1 }));
        assert_eq!(
            etag("v1", "q", Some("Op"), Some(&ab)),
            etag("v1", "q", Some("Op"), Some(&ba))
        );
        assert_ne!(
            etag("v1", "q", Some("Op"), Some(&ab)),
            etag("v1", "q", None, Some(&ab))
        );
    }

    #[test]
    fn if_none_match_takes_lists_and_weak_tags_and_tells_a_star_apart() {
        let tag = etag("v1", "q", None, None);
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
