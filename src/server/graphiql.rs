//! The GraphiQL page a browser gets at `GET /graphql`, and the policy
//! that pins what it may load.
//!
//! GraphiQL and React come from unpkg at exact versions, each with the
//! `integrity` hash of its file, so a CDN that served anything else would
//! have it refused by the browser. The hashes are those of the files in
//! the packages' npm tarballs, which unpkg serves unchanged:
//!
//! ```sh
//! npm pack graphiql@4.1.2 react@18.3.1 react-dom@18.3.1
//! openssl dgst -sha384 -binary package/graphiql.min.js | openssl base64 -A
//! ```
//!
//! The Content-Security-Policy names those files and the page's one
//! inline script by its hash: nothing else runs, and the page talks to
//! its own origin only.

use axum::http::{HeaderValue, header};
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

/// A file on the CDN and the hash the browser checks it against.
struct Pinned {
    url: &'static str,
    integrity: &'static str,
}

const REACT: Pinned = Pinned {
    url: "https://unpkg.com/react@18.3.1/umd/react.production.min.js",
    integrity: "sha384-DGyLxAyjq0f9SPpVevD6IgztCFlnMF6oW/XQGmfe+IsZ8TqEiDrcHkMLKI6fiB/Z",
};

const REACT_DOM: Pinned = Pinned {
    url: "https://unpkg.com/react-dom@18.3.1/umd/react-dom.production.min.js",
    integrity: "sha384-gTGxhz21lVGYNMcdJOyq01Edg0jhn/c22nsx0kyqP0TxaV5WVdsSH1fSDUf5YJj1",
};

const GRAPHIQL: Pinned = Pinned {
    url: "https://unpkg.com/graphiql@4.1.2/graphiql.min.js",
    integrity: "sha384-9XdHu7ajgGJziD4J1zNBKQ842Q/+zZfDv+ib1eMhZWBH6hPAs806x+Jbcf0yNO6B",
};

const GRAPHIQL_CSS: Pinned = Pinned {
    url: "https://unpkg.com/graphiql@4.1.2/graphiql.min.css",
    integrity: "sha384-1el1QShFBnnXTx9x/Cprg82hZWKt0ry29OAYIXt05swbi0KcZDFoj0CWguMpopJr",
};

/// The endpoints the page talks to.
const ENDPOINT: &str = "/graphql";

/// The page and its policy, made once.
struct Page {
    html: String,
    policy: HeaderValue,
}

static PAGE: LazyLock<Page> = LazyLock::new(|| {
    let script = inline_script(ENDPOINT, super::subscriptions::PATH);
    Page {
        html: html(&script),
        policy: policy(&script),
    }
});

/// The page, for `state` to hand out.
pub fn page() -> &'static str {
    &PAGE.html
}

/// Adds the page's policy to an HTML answer of `/graphql`; JSON answers
/// are left as they are.
pub async fn with_policy(mut response: Response) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if is_html {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, PAGE.policy.clone());
    }
    response
}

/// The script that starts GraphiQL against `endpoint`, with
/// subscriptions over `subscriptions`.
fn inline_script(endpoint: &str, subscriptions: &str) -> String {
    // JSON strings are JavaScript strings: the paths cannot end the script.
    let quoted = |path: &str| serde_json::Value::from(path).to_string();
    format!(
        r#"
      const url = (path, socket) => {{
        const url = new URL(path, window.location.origin);
        if (socket) url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
        return url.toString();
      }};
      ReactDOM.createRoot(document.getElementById("graphiql")).render(
        React.createElement(GraphiQL, {{
          fetcher: GraphiQL.createFetcher({{
            url: url({endpoint}, false),
            subscriptionUrl: url({subscriptions}, true),
            fetch: (input, init = {{}}) => fetch(input, {{ ...init, credentials: "same-origin" }}),
          }}),
          defaultEditorToolsVisibility: true,
        }})
      );
    "#,
        endpoint = quoted(endpoint),
        subscriptions = quoted(subscriptions),
    )
}

fn html(script: &str) -> String {
    let tag = |pinned: &Pinned| {
        format!(
            r#"<script src="{}" integrity="{}" crossorigin="anonymous"></script>"#,
            pinned.url, pinned.integrity
        )
    };
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="robots" content="noindex">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="origin">
    <title>skillgraph</title>
    <style>body {{ margin: 0; overflow: hidden; }} #graphiql {{ height: 100vh; }}</style>
    {react}
    {react_dom}
    <link rel="stylesheet" href="{css}" integrity="{css_integrity}" crossorigin="anonymous">
  </head>
  <body>
    <div id="graphiql">Loading…</div>
    {graphiql}
    <script>{script}</script>
  </body>
</html>
"#,
        react = tag(&REACT),
        react_dom = tag(&REACT_DOM),
        graphiql = tag(&GRAPHIQL),
        css = GRAPHIQL_CSS.url,
        css_integrity = GRAPHIQL_CSS.integrity,
    )
}

/// Scripts: the three pinned files and the inline one by its hash. Styles
/// may be inline: GraphiQL's dialogs insert `<style>` elements of their
/// own, and a style cannot run code. Fonts and images are the data URLs
/// of GraphiQL's stylesheet.
fn policy(script: &str) -> HeaderValue {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
    let policy = format!(
        "default-src 'none'; script-src {} {} {} 'sha256-{hash}'; \
         style-src {} 'unsafe-inline'; font-src data:; img-src data:; \
         connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        REACT.url, REACT_DOM.url, GRAPHIQL.url, GRAPHIQL_CSS.url
    );
    HeaderValue::from_str(&policy).expect("the policy is ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_is_pinned_by_version_and_hash_and_named_by_the_policy() {
        let page = page();
        let policy = PAGE.policy.to_str().expect("ASCII");
        for pinned in [&REACT, &REACT_DOM, &GRAPHIQL, &GRAPHIQL_CSS] {
            assert!(pinned.url.contains('@') && !pinned.url.contains("@4/"));
            assert!(page.contains(pinned.url) && page.contains(pinned.integrity));
            assert!(policy.contains(pinned.url), "{policy}");
        }
        assert_eq!(
            page.matches("<script").count(),
            4,
            "three pinned and one inline"
        );
        assert_eq!(page.matches("integrity=").count(), 4);
    }

    #[test]
    fn the_policy_allows_the_inline_script_by_its_hash() {
        let script = inline_script(ENDPOINT, super::super::subscriptions::PATH);
        assert!(page().contains(&format!("<script>{script}</script>")));
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(&script));
        let policy = PAGE.policy.to_str().expect("ASCII");
        let scripts = policy
            .split(';')
            .find(|directive| directive.trim_start().starts_with("script-src"))
            .expect("a script-src");
        assert!(scripts.contains(&format!("'sha256-{hash}'")), "{policy}");
        assert!(!scripts.contains("unsafe"), "{scripts}");
    }
}
