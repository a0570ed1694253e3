//! A response checker: whether a response's `data` has the shape its
//! operation and `schema.graphql` give it. Every field the operation
//! selects is there (unless a directive or an unknown runtime type leaves
//! it out), no non-null field or list item holds null, lists are lists and
//! objects are objects. `TestApp::graphql_json` runs it on every response
//! the end-to-end suite receives over HTTP.
//!
//! It reads the checked-in SDL and the query text on its own, sharing no
//! code with the server's handling of field errors, so that it can catch
//! that handling wrong.

use async_graphql::parser::types::{
    BaseType, DocumentOperations, ExecutableDocument, OperationType, Selection, SelectionSet, Type,
    TypeKind, TypeSystemDefinition,
};
use async_graphql::parser::{parse_query, parse_schema};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The schema's output types, read once from `schema.graphql`.
struct Types {
    /// Object and interface types: their fields.
    fields: HashMap<String, HashMap<String, Type>>,
    /// Each abstract type (interface, union): its object types.
    members: HashMap<String, HashSet<String>>,
}

static TYPES: LazyLock<Types> = LazyLock::new(|| {
    let sdl = std::fs::read_to_string(crate::crate_path("schema.graphql")).expect("schema.graphql");
    Types::of(&parse_schema(&sdl).expect("schema.graphql parses"))
});

impl Types {
    fn of(document: &async_graphql::parser::types::ServiceDocument) -> Self {
        let mut types = Types {
            fields: HashMap::new(),
            members: HashMap::new(),
        };
        for definition in &document.definitions {
            let TypeSystemDefinition::Type(definition) = definition else {
                continue;
            };
            let name = definition.node.name.node.to_string();
            let fields = match &definition.node.kind {
                TypeKind::Object(object) => {
                    for interface in &object.implements {
                        types
                            .members
                            .entry(interface.node.to_string())
                            .or_default()
                            .insert(name.clone());
                    }
                    &object.fields
                }
                TypeKind::Interface(interface) => &interface.fields,
                TypeKind::Union(union) => {
                    let members = types.members.entry(name).or_default();
                    members.extend(union.members.iter().map(|member| member.node.to_string()));
                    continue;
                }
                _ => continue,
            };
            let fields = fields
                .iter()
                .map(|field| (field.node.name.node.to_string(), field.node.ty.node.clone()))
                .collect();
            types.fields.insert(name, fields);
        }
        types
    }

    fn is_abstract(&self, name: &str) -> bool {
        self.members.contains_key(name)
    }

    /// Whether a fragment on `condition` applies to an object of `concrete`.
    fn applies(&self, condition: &str, concrete: &str) -> bool {
        condition == concrete
            || self
                .members
                .get(condition)
                .is_some_and(|members| members.contains(concrete))
    }
}

/// Where a response breaks the schema: one line per place.
pub fn violations(
    query: &str,
    operation_name: Option<&str>,
    variables: &Value,
    body: &Value,
) -> Vec<String> {
    let Ok(document) = parse_query(query) else {
        return Vec::new();
    };
    let Some((kind, selections)) = operation(&document, operation_name) else {
        return Vec::new();
    };
    let root = match kind {
        OperationType::Query => "Query",
        OperationType::Mutation => "Mutation",
        OperationType::Subscription => "Subscription",
    };
    let mut checker = Checker {
        types: &TYPES,
        document: &document,
        variables,
        found: Vec::new(),
    };
    match body.get("data") {
        None | Some(Value::Null) => {}
        Some(data) => checker.object(root, selections, data, "data"),
    }
    checker.found
}

fn operation<'d>(
    document: &'d ExecutableDocument,
    name: Option<&str>,
) -> Option<(OperationType, &'d SelectionSet)> {
    let operation = match (&document.operations, name) {
        (DocumentOperations::Single(operation), _) => operation,
        (DocumentOperations::Multiple(operations), Some(name)) => operations
            .iter()
            .find(|(held, _)| held.as_str() == name)
            .map(|(_, operation)| operation)?,
        (DocumentOperations::Multiple(operations), None) => operations.values().next()?,
    };
    Some((operation.node.ty, &operation.node.selection_set.node))
}

struct Checker<'a> {
    types: &'a Types,
    document: &'a ExecutableDocument,
    variables: &'a Value,
    found: Vec<String>,
}

/// A field an object must (or may) hold: its name, its selections, and
/// whether it may be left out.
struct Wanted<'d> {
    name: &'d str,
    selections: Vec<&'d SelectionSet>,
    optional: bool,
}

impl<'a> Checker<'a> {
    fn object(&mut self, ty: &str, selections: &'a SelectionSet, value: &Value, path: &str) {
        let Value::Object(object) = value else {
            self.found
                .push(format!("{path}: an object was expected, got {value}"));
            return;
        };
        // The runtime type: the static one, or `__typename` if it was asked.
        let concrete = match object.get("__typename").and_then(Value::as_str) {
            Some(name) => Some(name.to_owned()),
            None if self.types.is_abstract(ty) => None,
            None => Some(ty.to_owned()),
        };
        let mut wanted: Vec<(String, Wanted<'a>)> = Vec::new();
        self.collect(
            selections,
            ty,
            concrete.as_deref(),
            false,
            &mut wanted,
            &mut HashSet::new(),
        );
        for (key, field) in wanted {
            let at = format!("{path}.{key}");
            if field.name.starts_with("__") {
                continue;
            }
            let Some(value) = object.get(&key) else {
                if !field.optional {
                    self.found.push(format!("{at}: missing"));
                }
                continue;
            };
            let parent = concrete.as_deref().unwrap_or(ty);
            let field_type = self
                .types
                .fields
                .get(parent)
                .and_then(|fields| fields.get(field.name));
            let field_type = field_type.or_else(|| self.types.fields.get(ty)?.get(field.name));
            let Some(field_type) = field_type.cloned() else {
                continue;
            };
            let selections: Vec<&'a SelectionSet> = field.selections;
            self.value(&field_type, &selections, value, &at);
        }
    }

    fn value(&mut self, ty: &Type, selections: &[&'a SelectionSet], value: &Value, path: &str) {
        if value.is_null() {
            if !ty.nullable {
                self.found.push(format!("{path}: null in a non-null field"));
            }
            return;
        }
        match &ty.base {
            BaseType::List(item) => match value {
                Value::Array(items) => {
                    for (index, entry) in items.iter().enumerate() {
                        self.value(item, selections, entry, &format!("{path}[{index}]"));
                    }
                }
                _ => self
                    .found
                    .push(format!("{path}: a list was expected, got {value}")),
            },
            BaseType::Named(name) => {
                let composite = self.types.fields.contains_key(name.as_str())
                    || self.types.is_abstract(name.as_str());
                if !composite {
                    return;
                }
                // Each part of a split selection is checked on its own.
                for selection in selections {
                    self.object(name.as_str(), selection, value, path);
                }
            }
        }
    }

    /// The fields `set` selects on an object of static type `ty` and
    /// runtime type `concrete` (unknown for an abstract type without
    /// `__typename`), by response key.
    fn collect(
        &self,
        set: &'a SelectionSet,
        ty: &str,
        concrete: Option<&str>,
        optional: bool,
        wanted: &mut Vec<(String, Wanted<'a>)>,
        spread: &mut HashSet<&'a str>,
    ) {
        for selection in &set.items {
            let skipped = self.skipped(&selection.node);
            if skipped == Some(true) {
                continue;
            }
            let optional = optional || skipped.is_none();
            match &selection.node {
                Selection::Field(field) => {
                    let key = field.node.response_key().node.to_string();
                    let entry = match wanted.iter_mut().find(|(held, _)| *held == key) {
                        Some((_, entry)) => entry,
                        None => {
                            wanted.push((
                                key,
                                Wanted {
                                    name: field.node.name.node.as_str(),
                                    selections: Vec::new(),
                                    optional,
                                },
                            ));
                            &mut wanted.last_mut().expect("just pushed").1
                        }
                    };
                    entry.optional &= optional;
                    entry.selections.push(&field.node.selection_set.node);
                }
                Selection::InlineFragment(fragment) => {
                    let condition = fragment
                        .node
                        .type_condition
                        .as_ref()
                        .map(|on| on.node.on.node.as_str());
                    let inner = &fragment.node.selection_set.node;
                    let applies = self.fragment_applies(condition, ty, concrete, optional);
                    if let Some(optional) = applies {
                        self.collect(inner, ty, concrete, optional, wanted, spread);
                    }
                }
                Selection::FragmentSpread(spread_of) => {
                    let name = spread_of.node.fragment_name.node.as_str();
                    let Some(fragment) = self.document.fragments.get(name) else {
                        continue;
                    };
                    if !spread.insert(name) {
                        continue;
                    }
                    let condition = Some(fragment.node.type_condition.node.on.node.as_str());
                    let inner = &fragment.node.selection_set.node;
                    let applies = self.fragment_applies(condition, ty, concrete, optional);
                    if let Some(optional) = applies {
                        self.collect(inner, ty, concrete, optional, wanted, spread);
                    }
                }
            }
        }
    }

    /// Whether a fragment on `condition` applies: `Some(optional)` when it
    /// does or may (optional when the runtime type is unknown), `None`
    /// when it does not.
    fn fragment_applies(
        &self,
        condition: Option<&str>,
        ty: &str,
        concrete: Option<&str>,
        optional: bool,
    ) -> Option<bool> {
        let Some(condition) = condition else {
            return Some(optional);
        };
        match concrete {
            Some(concrete) => self.types.applies(condition, concrete).then_some(optional),
            None if condition == ty => Some(optional),
            None => Some(true),
        }
    }

    /// Whether `@skip`/`@include` leave the selection out: `Some(true)`
    /// when they do, `Some(false)` when they keep it, `None` when their
    /// condition cannot be read here.
    fn skipped(&self, selection: &Selection) -> Option<bool> {
        let directives = match selection {
            Selection::Field(field) => &field.node.directives,
            Selection::InlineFragment(fragment) => &fragment.node.directives,
            Selection::FragmentSpread(spread) => &spread.node.directives,
        };
        let mut skipped = false;
        for directive in directives {
            let name = directive.node.name.node.as_str();
            if name != "skip" && name != "include" {
                continue;
            }
            let condition = directive.node.get_argument("if")?;
            let condition = match &condition.node {
                async_graphql_value::Value::Boolean(value) => *value,
                async_graphql_value::Value::Variable(variable) => {
                    self.variables.get(variable.as_str())?.as_bool()?
                }
                _ => return None,
            };
            skipped |= if name == "skip" {
                condition
            } else {
                !condition
            };
        }
        Some(skipped)
    }
}

/// Panics with the places where `body` breaks the schema.
pub fn assert_shape(request: &Value, body: &Value) {
    let Some(query) = request.get("query").and_then(Value::as_str) else {
        return;
    };
    let name = request.get("operationName").and_then(Value::as_str);
    let variables = request.get("variables").cloned().unwrap_or(Value::Null);
    let found = violations(query, name, &variables, body);
    assert!(
        found.is_empty(),
        "the response breaks the schema:\n{}\n{body}",
        found.join("\n")
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::seeds_app;
    use serde_json::json;

    #[test]
    fn a_missing_field_and_a_null_in_a_non_null_field_are_caught() {
        // The answers async-graphql gave before field errors were handled
        // as the spec says.
        let query = r#"{ job(slug: "platform_engineer") { id } skillOverlap(a: "x", b: "y") { similarity } }"#;
        let body = json!({ "data": { "job": { "id": "job:platform_engineer" } } });
        assert_eq!(
            violations(query, None, &Value::Null, &body),
            ["data.skillOverlap: missing"]
        );
        let query =
            r#"{ neighborhood(id: "job:platform_engineer", depth: 3) { nodes { id } svg } }"#;
        let body = json!({ "data": { "neighborhood": null } });
        assert_eq!(
            violations(query, None, &Value::Null, &body),
            ["data.neighborhood: null in a non-null field"]
        );
        let body = json!({ "data": { "neighborhood": { "nodes": [{ "id": "a" }, null] } } });
        assert_eq!(
            violations(query, None, &Value::Null, &body),
            [
                "data.neighborhood.nodes[1]: null in a non-null field",
                "data.neighborhood.svg: missing"
            ]
        );
    }

    #[test]
    fn skipped_fields_fragments_and_unknown_runtime_types_are_read_as_the_spec_reads_them() {
        let query = r#"query($skip: Boolean!) { job(slug: "a") { id slug @skip(if: $skip) ...Parts } node(id: "x") { id ... on Skill { name } } }
            fragment Parts on Job { title }"#;
        let body = json!({ "data": { "job": { "id": "a", "title": "A" }, "node": { "id": "x" } } });
        assert!(violations(query, None, &json!({ "skip": true }), &body).is_empty());
        assert_eq!(
            violations(query, None, &json!({ "skip": false }), &body),
            ["data.job.slug: missing"]
        );
        let body = json!({ "data": { "job": { "id": "a" }, "node": { "id": "x", "__typename": "Skill" } } });
        let typed = query.replace("node(id: \"x\") { id", "node(id: \"x\") { id __typename");
        assert_eq!(
            violations(&typed, None, &json!({ "skip": true }), &body),
            ["data.job.title: missing", "data.node.name: missing"]
        );
    }

    #[tokio::test]
    async fn field_errors_leave_answers_in_the_schema_s_shape() {
        let app = seeds_app().await;
        // A non-null root field failing makes `data` null.
        let body = app
            .graphql(r#"{ job(slug: "platform_engineer") { id } skillOverlap(a: "no_such_job", b: "platform_engineer") { similarity } }"#)
            .await;
        assert_eq!(body["data"], Value::Null, "{body}");
        assert_eq!(body["errors"][0]["path"], json!(["skillOverlap"]), "{body}");
        // A picture too large to draw is null, and the view is still there.
        let body = app
            .graphql(
                r#"{ neighborhood(id: "job:platform_engineer", depth: 3) { nodes { id } svg } }"#,
            )
            .await;
        assert_eq!(body["data"]["neighborhood"]["svg"], Value::Null, "{body}");
        assert!(
            body["data"]["neighborhood"]["nodes"]
                .as_array()
                .is_some_and(|nodes| nodes.len() > 120),
            "{body}"
        );
        let body = app
            .graphql(r#"{ neighborhood(id: "job:platform_engineer", depth: 3) { svg } }"#)
            .await;
        assert_eq!(
            body["data"],
            json!({ "neighborhood": { "svg": null } }),
            "{body}"
        );
        // An argument out of range beside another field.
        let body = app
            .graphql(r#"{ job(slug: "platform_engineer") { id } careerPath(slug: "nope") { job { id } } }"#)
            .await;
        assert_eq!(body["data"], Value::Null, "{body}");
        let body = app
            .graphql(
                r#"{ job(slug: "platform_engineer") { id relatedJobs { job { id } } } corpus { guides } }"#,
            )
            .await;
        assert!(body.get("errors").is_none(), "{body}");
    }
}
