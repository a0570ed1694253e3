//! Runs arbitrary text as a GraphQL request, with arbitrary variables,
//! against the shipped guides: parsing, the document checks, pricing,
//! validation and execution may refuse it, never panic, and every error
//! carries a code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgraph::api::{self, SchemaOptions, SkillGraphSchema};
use skillgraph::graph::SkillGraph;
use skillgraph::guide::{LoadOptions, load_dir};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

struct Served {
    schema: SkillGraphSchema,
    graph: Arc<SkillGraph>,
    runtime: tokio::runtime::Runtime,
}

fn served() -> &'static Served {
    static SERVED: OnceLock<Served> = OnceLock::new();
    SERVED.get_or_init(|| {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        let corpus = load_dir(&seeds, &LoadOptions::default()).expect("the shipped seeds load");
        let options = SchemaOptions {
            timeout: Duration::from_secs(2),
            ..SchemaOptions::default()
        };
        Served {
            schema: api::schema(&options),
            graph: Arc::new(SkillGraph::build(corpus)),
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime"),
        }
    })
}

fuzz_target!(|input: (&str, &str)| {
    let (query, variables) = input;
    let served = served();
    let mut request = async_graphql::Request::new(query);
    if let Ok(variables) = serde_json::from_str::<serde_json::Value>(variables) {
        request = request.variables(async_graphql::Variables::from_json(variables));
    }
    let response = served
        .runtime
        .block_on(api::execute(&served.schema, served.graph.clone(), request));
    for error in &response.errors {
        let code = error
            .extensions
            .as_ref()
            .and_then(|extensions| extensions.get("code"));
        assert!(code.is_some(), "an error without a code: {error:?}");
    }
});
