//! Runs a `.graphql` file against a running skillgraph server and prints
//! the JSON answer.
//!
//! Start the server, then in another terminal:
//!
//! ```sh
//! cargo run --release -- serve
//! cargo run --example query -- examples/role-comparison.graphql
//! cargo run --example query -- examples/recommend.graphql http://127.0.0.1:8080/graphql
//! ```

use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: query FILE.graphql [URL]");
        return ExitCode::FAILURE;
    };
    let url = args
        .next()
        .unwrap_or_else(|| "http://127.0.0.1:8080/graphql".to_owned());
    let query = match std::fs::read_to_string(&path) {
        Ok(query) => query,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let body = serde_json::json!({ "query": query });
    let response = reqwest::Client::new()
        .post(&url)
        .header("accept", "application/graphql-response+json")
        .json(&body)
        .send()
        .await;
    let answer: serde_json::Value = match response {
        Ok(response) => match response.json().await {
            Ok(answer) => answer,
            Err(error) => {
                eprintln!("{url}: the answer is not JSON: {error}");
                return ExitCode::FAILURE;
            }
        },
        Err(error) => {
            eprintln!("{url}: {error} (is `skillgraph serve` running?)");
            return ExitCode::FAILURE;
        }
    };
    println!("{answer:#}");
    if answer.get("errors").is_some() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
