//! Which media type a GraphQL response is written in, from `Accept`.
//!
//! The GraphQL-over-HTTP spec has two response types:
//! `application/graphql-response+json` (whose status codes tell request
//! errors from results) and the older `application/json` (always 200 for a
//! GraphQL result). A client that says nothing, or only `*/*`, is assumed to
//! be an older one and gets `application/json`.

use axum::http::header::{ACCEPT, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderName};

/// A media type the GraphQL endpoint answers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseType {
    /// `application/graphql-response+json`.
    GraphqlResponse,
    /// `application/json`.
    Json,
}

impl ResponseType {
    /// The `Content-Type` header value.
    pub fn content_type(self) -> &'static str {
        match self {
            ResponseType::GraphqlResponse => "application/graphql-response+json; charset=utf-8",
            ResponseType::Json => "application/json; charset=utf-8",
        }
    }

    fn essence(self) -> &'static str {
        match self {
            ResponseType::GraphqlResponse => "application/graphql-response+json",
            ResponseType::Json => "application/json",
        }
    }
}

/// How well one media range of `Accept` matches a type: more specific wins,
/// then higher quality.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
struct Match {
    /// 2 for `type/subtype`, 1 for `type/*`, 0 for `*/*`.
    specificity: u8,
    quality: f32,
}

/// The items of every `name` header of a request, each trimmed: headers
/// that hold lists (`If-None-Match`, `Sec-WebSocket-Protocol`) may send
/// them in one value, comma-separated, or in several.
pub fn list_items(headers: &HeaderMap, name: HeaderName) -> impl Iterator<Item = &str> {
    headers
        .get_all(name)
        .into_iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
}

/// One media range of an `Accept` header.
struct Range<'a> {
    essence: &'a str,
    quality: f32,
}

fn ranges(accept: &str) -> impl Iterator<Item = Range<'_>> {
    accept.split(',').filter_map(|item| {
        let mut parts = item.split(';');
        let essence = parts.next()?.trim();
        if essence.is_empty() {
            return None;
        }
        let mut quality = 1.0;
        for parameter in parts {
            if let Some((name, value)) = parameter.split_once('=')
                && name.trim().eq_ignore_ascii_case("q")
            {
                quality = value.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0);
            }
        }
        Some(Range { essence, quality })
    })
}

/// The quality `accept` gives `wanted` (0 when it is not accepted), and how
/// specifically: the most specific matching range decides, as in RFC 9110.
fn quality_of(accept: &str, wanted: &str) -> Option<Match> {
    let (wanted_type, _) = wanted.split_once('/')?;
    let mut best: Option<Match> = None;
    for range in ranges(accept) {
        let specificity = if range.essence.eq_ignore_ascii_case(wanted) {
            2
        } else if range.essence == "*/*" {
            0
        } else {
            match range.essence.split_once('/') {
                Some((kind, "*")) if kind.eq_ignore_ascii_case(wanted_type) => 1,
                _ => continue,
            }
        };
        let candidate = Match {
            specificity,
            quality: range.quality,
        };
        best = match best {
            Some(current) if current.specificity > specificity => Some(current),
            Some(current)
                if current.specificity == specificity && current.quality >= range.quality =>
            {
                Some(current)
            }
            _ => Some(candidate),
        };
    }
    best
}

/// The response type for a request with these headers; `None` when the
/// client accepts neither (the caller answers 406).
pub fn response_type(headers: &HeaderMap) -> Option<ResponseType> {
    let accept: Vec<&str> = headers
        .get_all(ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect();
    let accept = accept.join(",");
    if accept.trim().is_empty() {
        return Some(ResponseType::Json);
    }
    let graphql = quality_of(&accept, ResponseType::GraphqlResponse.essence());
    let json = quality_of(&accept, ResponseType::Json.essence());
    let accepted = |m: Option<Match>| m.filter(|m| m.quality > 0.0);
    match (accepted(graphql), accepted(json)) {
        (None, None) => None,
        (Some(_), None) => Some(ResponseType::GraphqlResponse),
        (None, Some(_)) => Some(ResponseType::Json),
        (Some(g), Some(j)) => {
            // Higher quality wins; at equal quality the type named outright
            // wins over one reached through a wildcard, and when both are
            // named, the newer type does. Through `*/*` alone, an older
            // client is assumed and gets `application/json`.
            let prefer_graphql = g.quality > j.quality
                || (g.quality == j.quality && g.specificity > j.specificity)
                || (g.quality == j.quality && g.specificity == 2 && j.specificity == 2);
            Some(if prefer_graphql {
                ResponseType::GraphqlResponse
            } else {
                ResponseType::Json
            })
        }
    }
}

/// Whether `Accept` asks for an HTML page (a person's browser).
pub fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get_all(ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|accept| {
            quality_of(accept, "text/html").is_some_and(|m| m.specificity == 2 && m.quality > 0.0)
        })
}

/// Whether the request body is declared as JSON (`application/json`, with
/// no charset or a UTF-8 one).
pub fn is_json_body(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or_default().trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return false;
    }
    parts.all(|parameter| match parameter.split_once('=') {
        Some((name, charset)) if name.trim().eq_ignore_ascii_case("charset") => {
            let charset = charset.trim().trim_matches('"');
            charset.eq_ignore_ascii_case("utf-8") || charset.eq_ignore_ascii_case("utf8")
        }
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accepting(accept: &str) -> Option<ResponseType> {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_str(accept).unwrap());
        response_type(&headers)
    }

    #[test]
    fn a_client_that_says_nothing_gets_json() {
        assert_eq!(response_type(&HeaderMap::new()), Some(ResponseType::Json));
        assert_eq!(accepting("*/*"), Some(ResponseType::Json));
        assert_eq!(accepting("application/*"), Some(ResponseType::Json));
    }

    #[test]
    fn a_client_that_names_one_type_gets_it() {
        assert_eq!(accepting("application/json"), Some(ResponseType::Json));
        assert_eq!(
            accepting("application/graphql-response+json"),
            Some(ResponseType::GraphqlResponse)
        );
        assert_eq!(
            accepting("application/graphql-response+json;charset=utf-8"),
            Some(ResponseType::GraphqlResponse)
        );
    }

    #[test]
    fn the_spec_recommended_accept_header_gets_the_new_type() {
        assert_eq!(
            accepting("application/graphql-response+json, application/json;q=0.9"),
            Some(ResponseType::GraphqlResponse)
        );
        assert_eq!(
            accepting("application/json, application/graphql-response+json"),
            Some(ResponseType::GraphqlResponse)
        );
        assert_eq!(
            accepting("application/json, application/graphql-response+json;q=0.5"),
            Some(ResponseType::Json)
        );
    }

    #[test]
    fn a_named_type_beats_a_wildcard_at_equal_quality() {
        assert_eq!(
            accepting("application/graphql-response+json, */*"),
            Some(ResponseType::GraphqlResponse)
        );
        assert_eq!(accepting("application/json, */*"), Some(ResponseType::Json));
    }

    #[test]
    fn a_refused_type_is_not_chosen_through_a_wildcard() {
        assert_eq!(
            accepting("application/json;q=0, */*"),
            Some(ResponseType::GraphqlResponse)
        );
        assert_eq!(accepting("text/html"), None);
        assert_eq!(accepting("application/json;q=0"), None);
    }

    #[test]
    fn a_browser_asks_for_html() {
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT,
            HeaderValue::from_static("text/html,application/xhtml+xml,*/*;q=0.8"),
        );
        assert!(wants_html(&headers));
        headers.insert(ACCEPT, HeaderValue::from_static("*/*"));
        assert!(!wants_html(&headers));
    }

    #[test]
    fn json_bodies_may_say_utf_8_and_nothing_else() {
        let with = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(value));
            is_json_body(&headers)
        };
        assert!(with("application/json"));
        assert!(with("Application/JSON; charset=UTF-8"));
        assert!(!with("application/json; charset=latin1"));
        assert!(!with("text/plain"));
        assert!(!with("application/graphql"));
        assert!(!is_json_body(&HeaderMap::new()));
    }
}
