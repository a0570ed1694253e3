//! Pages a browser loads: each says what it may run, on every path it is
//! served under.

use crate::support::seeds_app;
use reqwest::header::{ACCEPT, CONTENT_SECURITY_POLICY};

#[tokio::test]
async fn graphiql_loads_only_pinned_scripts_named_by_its_policy() {
    let app = seeds_app().await;
    let response = app
        .client
        .get(app.url("/graphql"))
        .header(ACCEPT, "text/html")
        .send()
        .await
        .expect("an answer");
    let policy = response
        .headers()
        .get(CONTENT_SECURITY_POLICY)
        .and_then(|value| value.to_str().ok())
        .expect("a policy")
        .to_owned();
    let page = response.text().await.expect("the page");
    for source in page.split("src=\"").skip(1) {
        let url = source.split('"').next().expect("a quoted URL");
        assert!(url.contains("@18.3.1/") || url.contains("@4.1.2/"), "{url}");
        assert!(policy.contains(url), "{url} is not in {policy}");
    }
    assert!(page.matches("integrity=\"sha384-").count() >= 4);
    // A JSON answer of the same path carries no page policy.
    let json = app
        .client
        .get(app.url("/graphql?query=%7B__typename%7D"))
        .send()
        .await
        .expect("an answer");
    assert!(json.headers().get(CONTENT_SECURITY_POLICY).is_none());
}

#[tokio::test]
async fn the_explorer_page_under_its_versioned_path_carries_the_policy_of_root() {
    let app = seeds_app().await;
    let root = app.get("/").await;
    let policy = root
        .headers()
        .get(CONTENT_SECURITY_POLICY)
        .expect("a policy at /")
        .clone();
    let page = root.text().await.expect("the page");
    let version = page
        .split("explorer/")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("a versioned asset path");
    for path in [
        format!("/explorer/{version}/index.html"),
        format!("/explorer/{version}/app.js"),
        "/explorer/0/index.html".to_owned(),
    ] {
        let response = app.get(&path).await;
        assert_eq!(
            response.headers().get(CONTENT_SECURITY_POLICY),
            Some(&policy),
            "{path}"
        );
    }
}
