//! CORS for browsers calling the API from pages of other origins: which
//! origins, which request headers, and whether cookies and HTTP auth
//! come along, checked once at start so that a policy a browser would
//! refuse (credentials for any origin) never runs.

use axum::http::{HeaderName, HeaderValue, Method, header};
use std::time::Duration;
use tower_http::cors::{AllowHeaders, AllowOrigin, CorsLayer};

/// The request headers allowed by default: the ones GraphQL clients send
/// (JSON bodies, revalidation, auth), Apollo's client and CSRF headers,
/// and the W3C and Sentry tracing headers, so that a traced, named,
/// authenticated client passes its preflight unconfigured.
pub const DEFAULT_ALLOWED_HEADERS: [&str; 13] = [
    "content-type",
    "accept",
    "authorization",
    "if-none-match",
    "apollographql-client-name",
    "apollographql-client-version",
    "apollo-require-preflight",
    "x-apollo-operation-name",
    "traceparent",
    "tracestate",
    "baggage",
    "sentry-trace",
    "x-request-id",
];

/// How long a browser may keep a preflight's answer.
pub const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(3600);

/// Why a CORS policy cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CorsError {
    #[error(
        "CORS credentials need the origins listed (--cors-origin); browsers refuse them for any origin"
    )]
    CredentialsForAnyOrigin,
    #[error("CORS origin {0:?} is not an origin (scheme://host[:port])")]
    BadOrigin(String),
    #[error("CORS header {0:?} is not a header name")]
    BadHeader(String),
}

/// Who may call the API from a browser, and with what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorsPolicy {
    /// `None` for any origin.
    origins: Option<Vec<HeaderValue>>,
    /// `None` to allow whatever headers a preflight asks for.
    headers: Option<Vec<HeaderName>>,
    credentials: bool,
}

impl Default for CorsPolicy {
    /// Any origin, the default headers, no credentials.
    fn default() -> Self {
        Self {
            origins: None,
            headers: Some(default_headers()),
            credentials: false,
        }
    }
}

fn default_headers() -> Vec<HeaderName> {
    DEFAULT_ALLOWED_HEADERS
        .iter()
        .map(|name| HeaderName::from_static(name))
        .collect()
}

impl CorsPolicy {
    /// A policy from its settings: `origins` (none, or `*`, for any),
    /// `headers` allowed beside the defaults (`*` for whatever a preflight
    /// asks for) and whether credentials are allowed, which needs origins.
    pub fn new(
        origins: &[String],
        headers: &[String],
        credentials: bool,
    ) -> Result<Self, CorsError> {
        let any_origin = origins.is_empty() || origins.iter().any(|origin| origin == "*");
        if credentials && any_origin {
            return Err(CorsError::CredentialsForAnyOrigin);
        }
        let origins = if any_origin {
            None
        } else {
            Some(
                origins
                    .iter()
                    .map(|origin| parse_origin(origin))
                    .collect::<Result<_, _>>()?,
            )
        };
        let headers = if headers.iter().any(|name| name == "*") {
            None
        } else {
            let mut allowed = default_headers();
            for name in headers {
                let name = HeaderName::try_from(name.as_str())
                    .map_err(|_| CorsError::BadHeader(name.clone()))?;
                if !allowed.contains(&name) {
                    allowed.push(name);
                }
            }
            Some(allowed)
        };
        Ok(Self {
            origins,
            headers,
            credentials,
        })
    }

    /// The layer that answers preflights and marks answers for browsers.
    pub fn layer(&self, exposed: &[HeaderName]) -> CorsLayer {
        let origins = match &self.origins {
            None => AllowOrigin::any(),
            Some(origins) => AllowOrigin::list(origins.clone()),
        };
        let headers = match &self.headers {
            // Mirroring, not `*`: a wildcard does not cover `authorization`,
            // and browsers ignore it when credentials are allowed.
            None => AllowHeaders::mirror_request(),
            Some(headers) => AllowHeaders::list(headers.clone()),
        };
        let mut exposed_headers = exposed.to_vec();
        exposed_headers.push(header::ETAG);
        CorsLayer::new()
            .allow_methods([Method::GET, Method::POST])
            .allow_origin(origins)
            .allow_headers(headers)
            .allow_credentials(self.credentials)
            .expose_headers(exposed_headers)
            .max_age(PREFLIGHT_MAX_AGE)
    }
}

/// An origin as browsers send it: a scheme, a host and maybe a port, and
/// nothing after.
fn parse_origin(origin: &str) -> Result<HeaderValue, CorsError> {
    let bad = || CorsError::BadOrigin(origin.to_owned());
    let (scheme, rest) = origin.split_once("://").ok_or_else(bad)?;
    let well_formed = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !rest.contains(['/', '?', '#', ' ']);
    if !well_formed {
        return Err(bad());
    }
    HeaderValue::from_str(origin).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| (*item).to_owned()).collect()
    }

    #[test]
    fn credentials_need_listed_origins() {
        assert_eq!(
            CorsPolicy::new(&[], &[], true).err(),
            Some(CorsError::CredentialsForAnyOrigin)
        );
        assert_eq!(
            CorsPolicy::new(&strings(&["https://a.example", "*"]), &[], true).err(),
            Some(CorsError::CredentialsForAnyOrigin)
        );
        assert!(CorsPolicy::new(&strings(&["https://a.example"]), &[], true).is_ok());
    }

    #[test]
    fn origins_and_headers_that_are_not_are_refused() {
        for origin in [
            "app.example",
            "https://a.example/path",
            "https://",
            "://x",
            "https://a b",
        ] {
            assert_eq!(
                CorsPolicy::new(&strings(&[origin]), &[], false).err(),
                Some(CorsError::BadOrigin(origin.to_owned())),
                "{origin}"
            );
        }
        assert_eq!(
            CorsPolicy::new(&[], &strings(&["x header"]), false).err(),
            Some(CorsError::BadHeader("x header".to_owned()))
        );
    }

    #[test]
    fn headers_given_join_the_defaults_once() {
        let policy = CorsPolicy::new(&[], &strings(&["X-Tenant", "authorization"]), false)
            .expect("a policy");
        let headers = policy.headers.expect("a list");
        assert_eq!(headers.len(), DEFAULT_ALLOWED_HEADERS.len() + 1);
        assert!(headers.contains(&HeaderName::from_static("x-tenant")));
        let mirrored = CorsPolicy::new(&[], &strings(&["*"]), false).expect("a policy");
        assert!(mirrored.headers.is_none());
    }
}
