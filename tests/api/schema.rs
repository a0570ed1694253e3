//! The checked-in `schema.graphql` is the served schema, and every part of
//! it is documented.

use skillgraph::api::{SchemaOptions, schema, sdl};
use std::path::Path;

#[test]
fn schema_graphql_is_the_served_schema() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema.graphql");
    let served = sdl();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &served).expect("write schema.graphql");
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == served,
        "schema.graphql differs from the served schema; run `UPDATE_SCHEMA=1 cargo test --test api schema` and commit it"
    );
}

#[test]
fn the_schema_names_the_contract_fields() {
    // Descriptions and layout removed, so signatures read on one line.
    let sdl = sdl();
    let without_docs: Vec<&str> = sdl.split("\"\"\"").step_by(2).collect();
    let served = without_docs
        .concat()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("( ", "(")
        .replace(" )", ")");
    for field in [
        "job(slug: String!): Job",
        "jobs(",
        "skill(name: String!): Skill",
        "tool(name: String!): Tool",
        "node(id: ID!): Node",
        "skillOverlap(",
        "relatedJobs(",
        "careerPath(slug: String!): CareerPath!",
        "transition(",
        "recommendJobs(",
        "search(",
        "neighborhood(",
        "corpus: Corpus!",
        "interface Node",
        "totalCount: Int!",
    ] {
        assert!(served.contains(field), "the schema lacks `{field}`");
    }
}

#[tokio::test]
async fn every_type_field_and_argument_has_a_description() {
    let query = r#"{ __schema { types { name kind description
        fields { name description args { name description } }
        inputFields { name description }
        enumValues { name description } } } }"#;
    let response = schema(&SchemaOptions::default()).execute(query).await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let data = response.data.into_json().expect("json");
    let mut undocumented = Vec::new();
    let empty =
        |value: &serde_json::Value| value.as_str().is_none_or(|text| text.trim().is_empty());
    for ty in data["__schema"]["types"].as_array().expect("types") {
        let name = ty["name"].as_str().unwrap_or_default();
        // `_Any`, `_Entity`, `_Service` and the `_service` and `_entities`
        // fields are Apollo Federation's, spelled by its spec.
        let builtin =
            name.starts_with('_') || ["String", "Int", "Float", "Boolean", "ID"].contains(&name);
        if builtin {
            continue;
        }
        if empty(&ty["description"]) {
            undocumented.push(name.to_owned());
        }
        for field in ty["fields"].as_array().into_iter().flatten() {
            let field_name = field["name"].as_str().unwrap_or_default();
            if field_name.starts_with('_') {
                continue;
            }
            if empty(&field["description"]) {
                undocumented.push(format!("{name}.{field_name}"));
            }
            for arg in field["args"].as_array().into_iter().flatten() {
                if empty(&arg["description"]) {
                    undocumented.push(format!("{name}.{field_name}({})", arg["name"]));
                }
            }
        }
        for field in ty["inputFields"].as_array().into_iter().flatten() {
            if empty(&field["description"]) {
                undocumented.push(format!("{name}.{}", field["name"]));
            }
        }
        for value in ty["enumValues"].as_array().into_iter().flatten() {
            if empty(&value["description"]) {
                undocumented.push(format!("{name}.{}", value["name"]));
            }
        }
    }
    assert!(undocumented.is_empty(), "undocumented: {undocumented:#?}");
}
