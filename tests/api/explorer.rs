//! The explorer page at `/`: the page, every file it loads with its type
//! and caching, and refusals for anything else under `/explorer/`.

use crate::support::seeds_app;
use crate::support::{TestApp, data};
use reqwest::StatusCode;
use reqwest::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG, HeaderMap, HeaderName,
    IF_NONE_MATCH, X_CONTENT_TYPE_OPTIONS,
};
use std::collections::BTreeSet;

async fn shipped() -> TestApp {
    seeds_app().await
}

fn header(headers: &HeaderMap, name: HeaderName) -> String {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The quoted values of `attribute="…"` in `html` that start with `prefix`.
fn attribute_values<'a>(html: &'a str, attribute: &str, prefix: &str) -> Vec<&'a str> {
    let opening = format!("{attribute}=\"");
    html.match_indices(&opening)
        .filter_map(|(at, _)| {
            let rest = &html[at + opening.len()..];
            rest.split_once('"').map(|(value, _)| value)
        })
        .filter(|value| value.starts_with(prefix))
        .collect()
}

/// The relative modules a script imports, statically (`from './ui.js'`) or
/// when a route opens (`import('./views/role.js')`).
fn imports(script: &str) -> Vec<&str> {
    ["from '", "import('"]
        .into_iter()
        .flat_map(|opening| {
            script.match_indices(opening).filter_map(move |(at, _)| {
                script[at + opening.len()..]
                    .split_once('\'')
                    .map(|(path, _)| path)
            })
        })
        .filter(|path| path.starts_with("./") || path.starts_with("../"))
        .collect()
}

/// `base` (a folder URL path) joined with a relative module path.
fn resolve(base: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = base.trim_end_matches('/').split('/').collect();
    for part in relative.split('/') {
        match part {
            "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// What `GET /` answered.
struct Page {
    status: StatusCode,
    headers: HeaderMap,
    html: String,
}

async fn page(app: &TestApp) -> Page {
    let response = app
        .client
        .get(app.url("/"))
        .send()
        .await
        .expect("the server answers");
    let status = response.status();
    let headers = response.headers().clone();
    let html = response.text().await.expect("a text body");
    Page {
        status,
        headers,
        html,
    }
}

/// The versioned folder the page loads its files from (`/explorer/3f…/`).
fn asset_folder(html: &str) -> String {
    let script = attribute_values(html, "src", "explorer/")
        .into_iter()
        .find(|value| value.ends_with("/app.js"))
        .unwrap_or_else(|| panic!("the page loads app.js: {html}"));
    format!("/{}", script.trim_end_matches("app.js"))
}

#[tokio::test]
async fn the_explorer_page_is_served_at_the_root_as_html() {
    let app = shipped().await;
    let Page {
        status,
        headers,
        html,
    } = page(&app).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(header(&headers, CONTENT_TYPE), "text/html; charset=utf-8");
    assert_eq!(header(&headers, CACHE_CONTROL), "no-cache");
    assert!(header(&headers, CONTENT_SECURITY_POLICY).contains("script-src 'self'"));
    assert!(html.starts_with("<!doctype html>"), "{html}");
    assert!(html.contains(r#"<html lang="ja">"#));
    assert!(html.contains(r#"<main id="main""#));
    assert!(html.contains(r#"<script type="module" src="explorer/"#));
    assert!(!html.contains("%VERSION%"), "the version is filled in");
}

#[tokio::test]
async fn every_file_the_page_loads_is_served_with_its_type_and_kept_for_good() {
    let app = shipped().await;
    let html = page(&app).await.html;
    let folder = asset_folder(&html);
    let mut pending: Vec<String> = attribute_values(&html, "href", "explorer/")
        .into_iter()
        .chain(attribute_values(&html, "src", "explorer/"))
        .map(|value| format!("/{value}"))
        .collect();
    let mut seen = BTreeSet::new();
    while let Some(path) = pending.pop() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let response = app
            .client
            .get(app.url(&path))
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let expected = match path.rsplit_once('.').map(|(_, extension)| extension) {
            Some("js") => "text/javascript; charset=utf-8",
            Some("css") => "text/css; charset=utf-8",
            Some("svg") => "image/svg+xml",
            other => panic!("unexpected kind of file {other:?} at {path}"),
        };
        let headers = response.headers();
        assert_eq!(header(headers, CONTENT_TYPE), expected, "{path}");
        assert_eq!(
            header(headers, CACHE_CONTROL),
            "public, max-age=31536000, immutable",
            "{path}"
        );
        assert_eq!(header(headers, X_CONTENT_TYPE_OPTIONS), "nosniff");
        assert!(!header(headers, ETAG).is_empty(), "{path} has an ETag");
        if path.ends_with(".js") {
            let script = response.text().await.expect("a text body");
            let base = path.rsplit_once('/').map(|(dir, _)| dir).unwrap_or("");
            for module in imports(&script) {
                pending.push(resolve(base, module));
            }
        }
    }
    for expected in [
        "app.js",
        "api.js",
        "style.css",
        "kinds.css",
        "kinds.js",
        "views/role.js",
        "views/compare.js",
    ] {
        assert!(
            seen.contains(&format!("{folder}{expected}")),
            "{expected} is loaded: {seen:?}"
        );
    }
}

#[tokio::test]
async fn an_unknown_asset_is_not_found() {
    let app = shipped().await;
    let html = page(&app).await.html;
    let folder = asset_folder(&html);
    for path in [
        format!("{folder}no-such-file.js"),
        format!("{folder}views/none.css"),
        format!("{folder}index.rs"),
        format!("{folder}..%2f..%2fCargo.toml"),
        "/explorer/app.js".to_owned(),
        "/explorer/".to_owned(),
    ] {
        let response = app
            .client
            .get(app.url(&path))
            .send()
            .await
            .expect("the server answers");
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn an_unchanged_page_or_file_is_answered_with_not_modified() {
    let app = shipped().await;
    let Page { headers, html, .. } = page(&app).await;
    let tag = header(&headers, ETAG);
    let again = app
        .client
        .get(app.url("/"))
        .header(IF_NONE_MATCH, &tag)
        .send()
        .await
        .expect("the server answers");
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(again.headers(), ETAG), tag);

    let style = format!("{}style.css", asset_folder(&html));
    let first = app
        .client
        .get(app.url(&style))
        .send()
        .await
        .expect("served");
    let tag = header(first.headers(), ETAG);
    let second = app
        .client
        .get(app.url(&style))
        .header(IF_NONE_MATCH, &tag)
        .send()
        .await
        .expect("served");
    assert_eq!(second.status(), StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn a_file_asked_for_under_another_version_is_served_but_not_kept() {
    let app = shipped().await;
    let response = app
        .client
        .get(app.url("/explorer/0000000000000000/app.js"))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(response.headers(), CACHE_CONTROL), "no-cache");
    assert_eq!(
        header(response.headers(), CONTENT_TYPE),
        "text/javascript; charset=utf-8"
    );
}

#[tokio::test]
async fn the_page_talks_only_to_the_public_graphql_endpoint() {
    let app = shipped().await;
    let html = page(&app).await.html;
    let api = format!("{}api.js", asset_folder(&html));
    let script = app
        .client
        .get(app.url(&api))
        .send()
        .await
        .expect("served")
        .text()
        .await
        .expect("a text body");
    assert!(script.contains("new URL('graphql', document.baseURI)"));
    assert!(script.contains("application/graphql-response+json"));
    assert!(!script.contains("http://") && !script.contains("https://"));
}

/// Every script the page loads, by path, following imports from `app.js`.
async fn page_scripts(app: &TestApp) -> Vec<(String, String)> {
    let html = page(app).await.html;
    let mut pending = vec![format!("{}app.js", asset_folder(&html))];
    let mut scripts: Vec<(String, String)> = Vec::new();
    while let Some(path) = pending.pop() {
        if scripts.iter().any(|(seen, _)| *seen == path) {
            continue;
        }
        let script = app.get_text(&path).await;
        let base = path.rsplit_once('/').map(|(dir, _)| dir).unwrap_or("");
        pending.extend(
            imports(&script)
                .into_iter()
                .map(|module| resolve(base, module)),
        );
        scripts.push((path, script));
    }
    scripts
}

#[tokio::test]
async fn the_picture_the_page_reads_names_every_node_and_edge_it_draws() {
    let app = shipped().await;
    let answer = data(
        &app,
        r#"{ neighborhood(id: "job:platform_engineer", depth: 1, kinds: [JOB, SKILL, TEAM]) {
            nodes { id: nodeId } edges { source target kind } svg } }"#,
    )
    .await;
    let view = &answer["neighborhood"];
    let svg = view["svg"].as_str().expect("an SVG");
    let nodes = view["nodes"].as_array().expect("nodes");
    let edges = view["edges"].as_array().expect("edges");
    assert!(!nodes.is_empty() && !edges.is_empty());
    for node in nodes {
        let id = node["id"].as_str().expect("an id");
        assert_eq!(
            svg.matches(&format!(r#"data-node-id="{id}""#)).count(),
            1,
            "{id} is drawn once, under its id"
        );
    }
    for edge in edges {
        let [source, target, kind] =
            ["source", "target", "kind"].map(|field| edge[field].as_str().expect(field));
        let marked = format!(
            r#"data-edge-source="{source}" data-edge-target="{target}" data-edge-kind="{kind}""#
        );
        assert!(svg.contains(&marked), "{marked}");
    }
    assert_eq!(svg.matches("data-node-id=").count(), nodes.len());
    assert_eq!(svg.matches("data-edge-kind=").count(), edges.len());
}

#[tokio::test]
async fn no_script_of_the_page_pages_through_a_whole_list() {
    let app = shipped().await;
    let scripts = page_scripts(&app).await;
    assert!(
        scripts
            .iter()
            .any(|(path, _)| path.ends_with("/suggest.js")),
        "suggestions are loaded"
    );
    for (path, script) in &scripts {
        // Names are suggested by `search` as they are typed; a loop over
        // `hasNextPage` is a list of every job, skill or tool, cut short or
        // stale after the corpus reloads.
        assert!(
            !script.contains("hasNextPage"),
            "{path} pages through a list"
        );
    }
}

/// The GraphQL documents a script holds: string literals that open with an
/// operation or a fragment and hold a selection (not a comment's `query`).
fn graphql_documents(script: &str) -> Vec<String> {
    let literal = regex::Regex::new(
        r"(?s)[`'](\s*(?:query|mutation|subscription|fragment)\b[^`'{]*\{[^`']*)[`']",
    )
    .expect("a valid pattern");
    literal
        .captures_iter(script)
        .map(|found| found[1].to_owned())
        .collect()
}

#[tokio::test]
async fn every_graphql_document_the_page_sends_is_valid_against_the_schema() {
    let app = shipped().await;
    let sdl = std::fs::read_to_string(crate::crate_path("schema.graphql")).expect("the SDL");
    let schema = apollo_compiler::Schema::parse_and_validate(sdl, "schema.graphql")
        .expect("schema.graphql is a valid schema");
    let mut names = Vec::new();
    for (path, script) in page_scripts(&app).await {
        for (at, document) in graphql_documents(&script).into_iter().enumerate() {
            let source = format!("{path}#{at}");
            let valid =
                apollo_compiler::ExecutableDocument::parse_and_validate(&schema, document, &source);
            match valid {
                Ok(valid) => {
                    names.extend(valid.operations.iter().filter_map(|operation| {
                        operation.name.as_ref().map(|name| name.to_string())
                    }))
                }
                Err(errors) => panic!(
                    "{source} is not valid against the schema:\n{}",
                    errors.errors
                ),
            }
        }
    }
    // The documents were found: every view's, the live socket's and the
    // search view's among them.
    assert!(names.len() >= 15, "{names:?}");
    for expected in ["Search", "Suggest", "Extract", "CorpusChanged", "Labels"] {
        assert!(
            names.iter().any(|name| name == expected),
            "{expected}: {names:?}"
        );
    }
}

#[tokio::test]
async fn the_kinds_the_page_draws_come_from_the_server_alone() {
    let app = shipped().await;
    let html = page(&app).await.html;
    let folder = asset_folder(&html);
    let kinds_module = app.get_text(&format!("{folder}kinds.js")).await;
    let kinds_style = app.get_text(&format!("{folder}kinds.css")).await;
    let answer = data(
        &app,
        r#"{ __type(name: "NodeKind") { enumValues { name } } }"#,
    )
    .await;
    let kinds = crate::support::strings(&answer["__type"]["enumValues"], "name");
    assert_eq!(kinds.len(), 10, "{kinds:?}");
    let style = app.get_text(&format!("{folder}style.css")).await;
    let scripts = page_scripts(&app).await;
    for kind in &kinds {
        assert!(
            kinds_module.contains(&format!("\"{kind}\"")),
            "{kind} in kinds.js"
        );
        assert!(
            kinds_style.contains(&format!("[data-kind=\"{kind}\"]"))
                && kinds_style.contains(&format!("--kind-{kind}:")),
            "{kind} in kinds.css"
        );
        // No style sheet or script lists a kind by hand.
        assert!(
            !style.contains(&format!(".kind-{kind}")),
            "style.css lists {kind}"
        );
        for (path, script) in &scripts {
            if !path.ends_with("/kinds.js") {
                assert!(
                    !script.contains(&format!("{kind}: '")),
                    "{path} lists a name for {kind}"
                );
            }
        }
    }
    // The page's own scripts ask the API what kind a node is, rather than
    // keep a table of type names.
    assert!(
        scripts
            .iter()
            .all(|(_, script)| !script.contains("__typename")),
        "a script reads __typename"
    );
}
