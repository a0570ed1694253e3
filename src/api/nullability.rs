//! Field errors as the spec handles them ("Handling Field Errors"): a
//! field that raised an error is null, and a null where the schema forbids
//! one makes its parent null in turn, up to the nearest nullable field or
//! to `data` itself.
//!
//! async-graphql 7 records a field's error and leaves the field's key out
//! of its parent, whatever the field's type. Clients that read a response
//! against the schema (Apollo's cache, Relay's store, generated types) then
//! find a field missing, or a non-null field holding nothing. This module
//! puts the nulls where the spec puts them, after execution, from each
//! error's path, the operation's selections and the schema's types.

use async_graphql::parser::types::{
    BaseType, DocumentOperations, ExecutableDocument, OperationType, Selection, SelectionSet, Type,
    TypeKind, TypeSystemDefinition,
};
use async_graphql::{PathSegment, Response, Value};
use std::collections::HashMap;

/// The schema's output types: each field's type, by type and field name.
#[derive(Debug, Default)]
pub struct Shape {
    fields: HashMap<String, HashMap<String, Type>>,
    roots: [Option<String>; 3],
}

impl Shape {
    /// The output types of the schema `sdl` describes; a schema that does
    /// not parse gives an empty shape, under which no null moves.
    pub fn of_sdl(sdl: &str) -> Self {
        let Ok(document) = async_graphql::parser::parse_schema(sdl) else {
            return Self::default();
        };
        let mut shape = Self {
            fields: HashMap::new(),
            roots: [
                Some("Query".to_owned()),
                Some("Mutation".to_owned()),
                Some("Subscription".to_owned()),
            ],
        };
        for definition in document.definitions {
            match definition {
                // A schema definition renames the roots it names; an
                // extension (federation's `extend schema @link`) names none.
                TypeSystemDefinition::Schema(schema) => {
                    let schema = schema.node;
                    let named = [schema.query, schema.mutation, schema.subscription];
                    for (root, name) in shape.roots.iter_mut().zip(named) {
                        if let Some(name) = name {
                            *root = Some(name.node.to_string());
                        }
                    }
                }
                TypeSystemDefinition::Type(definition) => {
                    let definition = definition.node;
                    let fields = match definition.kind {
                        TypeKind::Object(object) => object.fields,
                        TypeKind::Interface(interface) => interface.fields,
                        _ => continue,
                    };
                    let held = shape
                        .fields
                        .entry(definition.name.node.to_string())
                        .or_default();
                    for field in fields {
                        held.insert(field.node.name.node.to_string(), field.node.ty.node);
                    }
                }
                TypeSystemDefinition::Directive(_) => {}
            }
        }
        shape
    }

    fn field(&self, parent: &str, name: &str) -> Option<&Type> {
        self.fields.get(parent)?.get(name)
    }

    fn root(&self, operation: OperationType) -> Option<&str> {
        let at = match operation {
            OperationType::Query => 0,
            OperationType::Mutation => 1,
            OperationType::Subscription => 2,
        };
        self.roots[at].as_deref()
    }
}

/// Moves the nulls of `response`'s field errors to where the spec puts
/// them. `document` is the request's, `operation_name` the operation run.
/// Errors without a path (the request's own) move nothing.
pub fn bubble(
    shape: &Shape,
    document: &ExecutableDocument,
    operation_name: Option<&str>,
    response: &mut Response,
) {
    let Some((operation_type, selections)) = operation(document, operation_name) else {
        return;
    };
    let Some(root) = shape.root(operation_type) else {
        return;
    };
    let walk = Walk {
        shape,
        document,
        root,
        selections,
    };
    let mut targets = Vec::new();
    // An error beside a value (names a field could not read, reported
    // with the answer it gave) is a remark on that value, not its failure.
    let failed = |error: &&async_graphql::ServerError| {
        !error.path.is_empty()
            && value_at(&response.data, &error.path).is_none_or(|value| *value == Value::Null)
    };
    for error in response.errors.iter().filter(failed) {
        let nullable = walk.nullability(&error.path);
        // The deepest place on the path that may hold the null.
        match nullable.iter().rposition(|may_be_null| *may_be_null) {
            Some(at) => targets.push(&error.path[..=at]),
            None => {
                response.data = Value::Null;
                return;
            }
        }
    }
    // async-graphql answers an object whose every field failed with null
    // rather than with the object; such an object is there in the spec's
    // answer, holding its nulls.
    for target in &targets {
        materialize(&mut response.data, target);
    }
    // The shortest first: a null set above another wipes it, as it should,
    // and one set below a null already there is not set at all.
    targets.sort_by_key(|target| target.len());
    for target in targets {
        set_null(&mut response.data, target);
    }
}

/// The operation `name` selects (or the only one), with its type.
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
        (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => {
            operations.values().next()?
        }
        (DocumentOperations::Multiple(_), None) => return None,
    };
    Some((operation.node.ty, &operation.node.selection_set.node))
}

/// An operation's selections read against the schema.
struct Walk<'a> {
    shape: &'a Shape,
    document: &'a ExecutableDocument,
    root: &'a str,
    selections: &'a SelectionSet,
}

impl Walk<'_> {
    /// For each place on `path` (a field or a list item), whether the
    /// schema lets it be null. A place the schema or the document does not
    /// explain is taken as nullable, so that no null moves past it.
    fn nullability(&self, path: &[PathSegment]) -> Vec<bool> {
        let mut nullable = Vec::with_capacity(path.len());
        let mut parent = self.root.to_owned();
        let mut selections: Vec<(&SelectionSet, Option<&str>)> = vec![(self.selections, None)];
        let mut current: Option<Type> = None;
        for segment in path {
            let place = match segment {
                PathSegment::Field(key) => {
                    let found = self.fields_at(&selections, key);
                    let ty = found.iter().find_map(|(name, condition, _)| {
                        condition
                            .and_then(|condition| self.shape.field(condition, name))
                            .or_else(|| self.shape.field(&parent, name))
                    });
                    selections = found.iter().map(|(_, _, set)| (*set, None)).collect();
                    ty.cloned()
                }
                PathSegment::Index(_) => current.as_ref().and_then(|ty| match &ty.base {
                    BaseType::List(item) => Some((**item).clone()),
                    BaseType::Named(_) => None,
                }),
            };
            nullable.push(place.as_ref().is_none_or(|ty| ty.nullable));
            if let Some(ty) = &place
                && let Some(named) = named_type(ty)
            {
                parent = named.to_owned();
            }
            current = place;
        }
        nullable
    }

    /// The fields answering to response key `key` in `selections`,
    /// through fragments: each field's name, the type condition of the
    /// fragment it sits in (if any) and its own selections.
    fn fields_at<'s>(
        &'s self,
        selections: &[(&'s SelectionSet, Option<&'s str>)],
        key: &str,
    ) -> Vec<(&'s str, Option<&'s str>, &'s SelectionSet)> {
        let mut found = Vec::new();
        for (set, condition) in selections {
            self.visit(set, *condition, &mut |field, condition| {
                if field.response_key().node.as_str() == key {
                    found.push((
                        field.name.node.as_str(),
                        condition,
                        &field.selection_set.node,
                    ));
                }
            });
        }
        found
    }

    /// Calls `each` on every field of `set`, following fragment spreads
    /// and inline fragments (each once, so a cycle cannot loop).
    fn visit<'s>(
        &'s self,
        set: &'s SelectionSet,
        condition: Option<&'s str>,
        each: &mut dyn FnMut(&'s async_graphql::parser::types::Field, Option<&'s str>),
    ) {
        let mut stack = vec![(set, condition)];
        let mut spread: Vec<&str> = Vec::new();
        while let Some((set, condition)) = stack.pop() {
            for selection in &set.items {
                match &selection.node {
                    Selection::Field(field) => each(&field.node, condition),
                    Selection::InlineFragment(fragment) => {
                        let inner = fragment
                            .node
                            .type_condition
                            .as_ref()
                            .map(|on| on.node.on.node.as_str())
                            .or(condition);
                        stack.push((&fragment.node.selection_set.node, inner));
                    }
                    Selection::FragmentSpread(spread_of) => {
                        let name = spread_of.node.fragment_name.node.as_str();
                        if spread.contains(&name) {
                            continue;
                        }
                        spread.push(name);
                        if let Some(fragment) = self.document.fragments.get(name) {
                            let on = fragment.node.type_condition.node.on.node.as_str();
                            stack.push((&fragment.node.selection_set.node, Some(on)));
                        }
                    }
                }
            }
        }
    }
}

/// The named type inside `ty`'s lists.
fn named_type(ty: &Type) -> Option<&str> {
    match &ty.base {
        BaseType::Named(name) => Some(name.as_str()),
        BaseType::List(item) => named_type(item),
    }
}

/// The value at `path` in `data`, if there is one.
fn value_at<'v>(data: &'v Value, path: &[PathSegment]) -> Option<&'v Value> {
    path.iter()
        .try_fold(data, |at, segment| match (segment, at) {
            (PathSegment::Field(key), Value::Object(object)) => object.get(key.as_str()),
            (PathSegment::Index(index), Value::List(items)) => items.get(*index),
            _ => None,
        })
}

/// Turns each null above the end of `path` that a field below it is to
/// be set in into an empty object.
fn materialize(data: &mut Value, path: &[PathSegment]) {
    let mut at = data;
    for segment in path {
        if *at == Value::Null && matches!(segment, PathSegment::Field(_)) {
            *at = Value::Object(Default::default());
        }
        let next = match (segment, at) {
            (PathSegment::Field(key), Value::Object(object)) => object
                .entry(async_graphql::Name::new(key))
                .or_insert(Value::Null),
            (PathSegment::Index(index), Value::List(items)) => match items.get_mut(*index) {
                Some(item) => item,
                None => return,
            },
            _ => return,
        };
        at = next;
    }
}

/// Puts a null at `path` in `data`. A place inside something already null
/// stays as it is: the null is already above it.
fn set_null(data: &mut Value, path: &[PathSegment]) {
    let Some((last, above)) = path.split_last() else {
        *data = Value::Null;
        return;
    };
    let mut at = data;
    for segment in above {
        let next = match (segment, at) {
            (PathSegment::Field(key), Value::Object(object)) => object.get_mut(key.as_str()),
            (PathSegment::Index(index), Value::List(items)) => items.get_mut(*index),
            _ => None,
        };
        match next {
            Some(value) => at = value,
            None => return,
        }
    }
    match (last, at) {
        (PathSegment::Field(key), Value::Object(object)) => {
            object.insert(async_graphql::Name::new(key), Value::Null);
        }
        (PathSegment::Index(index), Value::List(items)) => {
            if let Some(item) = items.get_mut(*index) {
                *item = Value::Null;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::ServerError;
    use serde_json::json;

    const SDL: &str = "
        type Query { job: Job, overlap: Overlap!, jobs: [Job!], view: View }
        type Job { name: String!, note: String, skills: [Skill!]! }
        type Skill { name: String! }
        type Overlap { similarity: Float! }
        type View { svg: String!, label: String }
    ";

    /// The data and error paths after bubbling, as JSON.
    fn bubbled(
        query: &str,
        data: serde_json::Value,
        paths: &[serde_json::Value],
    ) -> serde_json::Value {
        let shape = Shape::of_sdl(SDL);
        let document = async_graphql::parser::parse_query(query).expect("a query");
        let mut response = Response::new(Value::from_json(data).expect("data"));
        for path in paths {
            let mut error = ServerError::new("failed", None);
            error.path = serde_json::from_value(path.clone()).expect("a path");
            response.errors.push(error);
        }
        bubble(&shape, &document, None, &mut response);
        response.data.into_json().expect("JSON")
    }

    #[test]
    fn a_non_null_root_field_that_failed_makes_data_null() {
        let data = bubbled(
            "{ job { name } overlap { similarity } }",
            json!({ "job": { "name": "SRE" } }),
            &[json!(["overlap"])],
        );
        assert_eq!(data, serde_json::Value::Null);
    }

    #[test]
    fn a_nullable_field_that_failed_is_null_beside_its_siblings() {
        let data = bubbled(
            "{ job { name note } }",
            json!({ "job": { "name": "SRE" } }),
            &[json!(["job", "note"])],
        );
        assert_eq!(data, json!({ "job": { "name": "SRE", "note": null } }));
    }

    #[test]
    fn a_non_null_field_that_failed_makes_its_nullable_parent_null() {
        // async-graphql answers an object whose only field failed with null.
        let data = bubbled(
            "{ view { svg } }",
            json!({ "view": null }),
            &[json!(["view", "svg"])],
        );
        assert_eq!(data, json!({ "view": null }));
        let data = bubbled(
            "{ view { label svg } job { name } }",
            json!({ "view": { "label": "x" }, "job": { "name": "SRE" } }),
            &[json!(["view", "svg"])],
        );
        assert_eq!(data, json!({ "view": null, "job": { "name": "SRE" } }));
    }

    #[test]
    fn an_object_whose_only_field_failed_is_there_holding_the_null() {
        let data = bubbled("{ job { note } }", json!(null), &[json!(["job", "note"])]);
        assert_eq!(data, json!({ "job": { "note": null } }));
    }

    #[test]
    fn a_failed_item_of_a_non_null_list_makes_the_nullable_list_null() {
        let data = bubbled(
            "{ jobs { name } }",
            json!({ "jobs": [{ "name": "a" }, {}] }),
            &[json!(["jobs", 1, "name"])],
        );
        assert_eq!(data, json!({ "jobs": null }));
        // Skills are non-null all the way up to the nullable job.
        let data = bubbled(
            "{ job { name skills { name } } }",
            json!({ "job": { "name": "SRE", "skills": [{}] } }),
            &[json!(["job", "skills", 0, "name"])],
        );
        assert_eq!(data, json!({ "job": null }));
    }

    #[test]
    fn aliases_and_fragments_are_followed_to_the_field_they_name() {
        let query = "query { first: job { ...Parts } } fragment Parts on Job { label: note mustHave: name }";
        let data = bubbled(
            query,
            json!({ "first": { "label": "x" } }),
            &[json!(["first", "mustHave"])],
        );
        assert_eq!(data, json!({ "first": null }));
        let data = bubbled(
            query,
            json!({ "first": { "mustHave": "x" } }),
            &[json!(["first", "label"])],
        );
        assert_eq!(data, json!({ "first": { "mustHave": "x", "label": null } }));
    }

    #[test]
    fn a_null_above_wins_over_one_below_whatever_the_errors_order() {
        for paths in [
            [json!(["view", "svg"]), json!(["view", "label"])],
            [json!(["view", "label"]), json!(["view", "svg"])],
        ] {
            let data = bubbled("{ view { label svg } }", json!(null), &paths);
            assert_eq!(data, json!({ "view": null }), "{paths:?}");
        }
    }

    #[test]
    fn an_error_beside_the_value_it_remarks_on_moves_nothing() {
        let data = bubbled(
            "{ jobs { name } overlap { similarity } }",
            json!({ "jobs": [{ "name": "a" }], "overlap": { "similarity": 0.5 } }),
            &[json!(["overlap"])],
        );
        assert_eq!(
            data,
            json!({ "jobs": [{ "name": "a" }], "overlap": { "similarity": 0.5 } })
        );
    }

    #[test]
    fn the_served_schema_is_read_with_its_roots_federation_included() {
        let schema = crate::api::schema(&crate::api::SchemaOptions::default());
        let sdl = schema.sdl_with_options(async_graphql::SDLExportOptions::new().federation());
        let shape = Shape::of_sdl(&sdl);
        assert_eq!(shape.root(OperationType::Query), Some("Query"));
        let overlap = shape.field("Query", "skillOverlap").expect("skillOverlap");
        assert!(!overlap.nullable);
    }

    #[test]
    fn errors_without_a_path_or_outside_the_schema_move_nothing() {
        let data = bubbled(
            "{ job { name } }",
            json!({ "job": { "name": "SRE" } }),
            &[json!([])],
        );
        assert_eq!(data, json!({ "job": { "name": "SRE" } }));
        // A field the schema does not know is taken as nullable.
        let data = bubbled(
            "{ job { name unknown } }",
            json!({ "job": { "name": "SRE" } }),
            &[json!(["job", "unknown"])],
        );
        assert_eq!(data, json!({ "job": { "name": "SRE", "unknown": null } }));
    }
}
