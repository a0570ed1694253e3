//! `/` and `/explorer/…`: a page that draws career ladders, compares roles
//! and recommends jobs, using nothing but the public GraphQL API.
//!
//! The page is plain HTML, CSS and JavaScript modules from
//! `assets/explorer/`, embedded in the binary so an installed `skillgraph`
//! serves it offline. Assets are served under a path that names the
//! version of the whole folder (`/explorer/3f2a…/app.js`): relative module
//! imports inherit that prefix, so browsers may keep every asset forever
//! and still never mix files from two builds. `/` itself is revalidated on
//! every load, which is how a new version is noticed.

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::caching::{names_tag, weak_tag};
use super::error::HttpError;
use crate::api;
use crate::graph::{KindLook, NodeKind};
use async_graphql::InputType;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

#[derive(rust_embed::RustEmbed)]
#[folder = "assets/explorer/"]
struct Assets;

/// The page; `%VERSION%` in it becomes [`version`].
const INDEX: &str = "index.html";

/// What the page may load and run: only its own files and the API. The
/// API's SVG pictures are inlined, so this is the guard against anything
/// in a guide being run as script. `connect-src 'self'` covers the page's
/// own `ws:`/`wss:` origin too (CSP Level 3), for `/graphql/ws`.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Assets under a current version prefix never change.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The page and assets of another version are revalidated each time.
const REVALIDATE: &str = "no-cache";

/// The explorer's routes, for any router state. Every answer under them
/// carries the policy, a 404 and `/explorer/<version>/index.html`
/// included: the page is as much the page under that path as under `/`.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/", get(index))
        .route("/explorer/{version}/{*path}", get(asset))
        .layer(axum::middleware::map_response(with_policy))
}

async fn with_policy(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    response
}

/// `GET /`: the page, pointing at the assets of the current version.
async fn index(headers: HeaderMap) -> Response {
    let Some(file) = Assets::get(INDEX) else {
        return HttpError::NotFound.into_response();
    };
    let version = version();
    let tag = weak_tag(&version);
    if names_tag(&headers, &tag) {
        return not_modified(&tag, REVALIDATE);
    }
    let page = String::from_utf8_lossy(&file.data).replace("%VERSION%", &version);
    let mut response = (StatusCode::OK, page).into_response();
    let out = response.headers_mut();
    out.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    common_headers(out, &tag, REVALIDATE);
    response
}

/// `GET /explorer/{version}/{path}`: one asset, by its extension's type.
/// A path outside the folder or of an unknown kind is a 404.
async fn asset(Path((asked, path)): Path<(String, String)>, headers: HeaderMap) -> Response {
    let Some(content_type) = content_type(&path) else {
        return HttpError::NotFound.into_response();
    };
    let (Some(body), Some(digest)) = (contents(&path), digest(&path)) else {
        return HttpError::NotFound.into_response();
    };
    // A page of an older build asks with its own version: it gets today's
    // file, but must not keep it under the old name.
    let cache = if asked == version() {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let tag = weak_tag(&hex(&digest[..8]));
    if names_tag(&headers, &tag) {
        return not_modified(&tag, cache);
    }
    let mut response = (StatusCode::OK, body).into_response();
    let out = response.headers_mut();
    out.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    common_headers(out, &tag, cache);
    response
}

/// The type of an asset by its extension; `None` for anything the page
/// does not use, so nothing else in the folder is ever served.
fn content_type(path: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.')?.1;
    Some(match extension {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        _ => return None,
    })
}

/// An asset's bytes: a file of the folder, or one the server writes.
fn contents(path: &str) -> Option<Vec<u8>> {
    match written(path) {
        Some(file) => Some(file.text.as_bytes().to_vec()),
        None => Assets::get(path).map(|file| file.data.into_owned()),
    }
}

/// A digest of an asset's bytes, without reading them again.
fn digest(path: &str) -> Option<[u8; 32]> {
    match written(path) {
        Some(file) => Some(file.digest),
        None => Assets::get(path).map(|file| file.metadata.sha256_hash()),
    }
}

/// A file the server writes rather than keeps, and its digest.
struct Written {
    name: &'static str,
    text: String,
    digest: [u8; 32],
}

impl Written {
    fn new(name: &'static str, text: String) -> Self {
        let digest = Sha256::digest(text.as_bytes()).into();
        Self { name, text, digest }
    }
}

/// The files the server writes: the node kinds' names and colours, from
/// the graph's one table ([`NodeKind::look`]), so that no kind is listed
/// by hand in the page's scripts or style sheet. Written once.
static WRITTEN: LazyLock<[Written; 2]> = LazyLock::new(|| {
    [
        Written::new("kinds.js", kinds_module()),
        Written::new("kinds.css", kinds_style()),
    ]
});

fn written(path: &str) -> Option<&'static Written> {
    WRITTEN.iter().find(|file| file.name == path)
}

/// The kind as the API's `NodeKind` enum writes it (`CAREER_STAGE`).
fn api_name(kind: NodeKind) -> String {
    match api::types::NodeKind::from(kind).to_value() {
        async_graphql::Value::Enum(name) => name.to_string(),
        other => other.to_string(),
    }
}

/// `kinds.js`: every kind in the API's order, with its names.
fn kinds_module() -> String {
    let names: Vec<String> = NodeKind::ALL.into_iter().map(api_name).collect();
    let labels = |language: fn(KindLook) -> &'static str| {
        let pairs: serde_json::Map<String, serde_json::Value> = NodeKind::ALL
            .into_iter()
            .map(|kind| (api_name(kind), language(kind.look()).into()))
            .collect();
        serde_json::Value::Object(pairs).to_string()
    };
    format!(
        "// The kinds of node, written by the server from the graph's table of kinds.\n\
         export const KINDS = {};\n\
         export const KIND_LABELS = {};\n\
         export const KIND_LABELS_EN = {};\n",
        serde_json::Value::from(names),
        labels(|look| look.ja),
        labels(|look| look.en),
    )
}

/// `kinds.css`: each kind's colours as custom properties, and `--kind`
/// and `--kind-stroke` on anything marked `data-kind`.
fn kinds_style() -> String {
    let mut style = String::from(
        "/* The kinds of node, written by the server from the graph's table of kinds. */\n:root {\n",
    );
    for kind in NodeKind::ALL {
        let (name, look) = (api_name(kind), kind.look());
        style.push_str(&format!(
            "  --kind-{name}: {};\n  --kind-stroke-{name}: {};\n",
            look.fill, look.stroke
        ));
    }
    style.push_str("}\n");
    for kind in NodeKind::ALL {
        let name = api_name(kind);
        style.push_str(&format!(
            "[data-kind=\"{name}\"] {{ --kind: var(--kind-{name}); --kind-stroke: var(--kind-stroke-{name}); }}\n"
        ));
    }
    style
}

/// A short name for the whole folder's content and the files written
/// beside it: it changes whenever any of them does.
fn version() -> String {
    let mut names: Vec<String> = Assets::iter()
        .map(|name| name.into_owned())
        .chain(WRITTEN.iter().map(|file| file.name.to_owned()))
        .collect();
    names.sort();
    let mut hasher = DefaultHasher::new();
    for name in names {
        if let Some(digest) = digest(&name) {
            name.hash(&mut hasher);
            digest.hash(&mut hasher);
        }
    }
    format!("{:016x}", hasher.finish())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn not_modified(tag: &str, cache: &'static str) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    common_headers(response.headers_mut(), tag, cache);
    response
}

fn common_headers(headers: &mut HeaderMap, tag: &str, cache: &'static str) {
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(value) = HeaderValue::from_str(tag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_kinds_of_file_have_a_type() {
        assert_eq!(
            content_type("app.js"),
            Some("text/javascript; charset=utf-8")
        );
        assert_eq!(content_type("style.css"), Some("text/css; charset=utf-8"));
        assert_eq!(
            content_type("views/role.js"),
            Some("text/javascript; charset=utf-8")
        );
        assert_eq!(content_type("README"), None);
        assert_eq!(content_type("notes.md"), None);
    }

    #[test]
    fn the_kinds_are_written_under_the_names_the_api_gives_them() {
        assert_eq!(api_name(NodeKind::CareerStage), "CAREER_STAGE");
        let module = kinds_module();
        let style = kinds_style();
        for kind in NodeKind::ALL {
            let (name, look) = (api_name(kind), kind.look());
            assert!(
                module.contains(&format!("\"{name}\":\"{}\"", look.ja)),
                "{module}"
            );
            assert!(
                style.contains(&format!("--kind-{name}: {};", look.fill)),
                "{style}"
            );
            assert!(
                style.contains(&format!("[data-kind=\"{name}\"]")),
                "{style}"
            );
        }
        // A written file is served as any other, and changes the version.
        assert!(contents("kinds.css").is_some() && contents("kinds.js").is_some());
        assert!(contents("kinds.txt").is_none());
        let written = Sha256::digest(contents("kinds.css").unwrap_or_default());
        assert_eq!(digest("kinds.css"), Some(written.into()));
    }

    #[test]
    fn the_version_names_the_assets_and_is_stable() {
        assert_eq!(version(), version());
        assert_eq!(version().len(), 16);
        assert!(Assets::get(INDEX).is_some(), "the page is embedded");
    }

    #[tokio::test]
    async fn every_explorer_path_carries_the_content_security_policy() {
        use tower::ServiceExt;
        let current = version();
        for path in [
            "/".to_owned(),
            format!("/explorer/{current}/index.html"),
            format!("/explorer/{current}/app.js"),
            "/explorer/older/index.html".to_owned(),
            format!("/explorer/{current}/missing.js"),
        ] {
            let request = axum::http::Request::get(&path)
                .body(axum::body::Body::empty())
                .expect("a request");
            let response = routes::<()>().oneshot(request).await.expect("an answer");
            assert_eq!(
                response.headers().get(header::CONTENT_SECURITY_POLICY),
                Some(&HeaderValue::from_static(CONTENT_SECURITY_POLICY)),
                "{path} answered {}",
                response.status()
            );
        }
    }

    #[test]
    fn a_listed_or_wildcard_tag_matches() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"a\", W/\"b\""),
        );
        assert!(names_tag(&headers, "\"b\""));
        assert!(!names_tag(&headers, "\"c\""));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(names_tag(&headers, "\"c\""));
    }
}
