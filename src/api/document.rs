//! What a parsed query document holds, read before it runs: the fields it
//! asks for at its root (following fragments), and whether its fragments
//! spread themselves.

use async_graphql::parser::types::{ExecutableDocument, Field, Selection, SelectionSet};
use async_graphql::{Name, Positioned, Variables};
use async_graphql_value::ConstValue;
use std::collections::{HashMap, HashSet};

/// An argument whose text is longer than its cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Oversized {
    pub field: String,
    pub argument: String,
    pub bytes: usize,
    pub cap: usize,
}

/// The first argument anywhere in the document (inline, through a
/// variable, or through a variable's default value) holding a string
/// longer than `cap(argument name)` allows.
pub fn oversized_argument(
    document: &ExecutableDocument,
    variables: &Variables,
    cap: impl Fn(&str) -> usize,
) -> Option<Oversized> {
    let selections = document
        .operations
        .iter()
        .map(|(_, operation)| &operation.node.selection_set.node)
        .chain(
            document
                .fragments
                .values()
                .map(|fragment| &fragment.node.selection_set.node),
        );
    let mut fields = Vec::new();
    for selection in selections {
        every_field(selection, &mut fields);
    }
    fields.into_iter().find_map(|field| {
        field.node.arguments.iter().find_map(|(name, value)| {
            let value = value.node.clone().into_const_with(|variable| {
                variable_value(document, variables, &variable)
                    .cloned()
                    .ok_or(())
            });
            let cap = cap(name.node.as_str());
            let bytes = value.ok().map_or(0, |value| longest_string(&value));
            (bytes > cap).then(|| Oversized {
                field: field.node.name.node.to_string(),
                argument: name.node.to_string(),
                bytes,
                cap,
            })
        })
    })
}

/// Every field of `selection`, nested ones included (not through spreads:
/// each fragment is walked on its own).
fn every_field<'d>(selection: &'d SelectionSet, fields: &mut Vec<&'d Positioned<Field>>) {
    for item in &selection.items {
        match &item.node {
            Selection::Field(field) => {
                fields.push(field);
                every_field(&field.node.selection_set.node, fields);
            }
            Selection::InlineFragment(inline) => {
                every_field(&inline.node.selection_set.node, fields)
            }
            Selection::FragmentSpread(_) => {}
        }
    }
}

/// The length in bytes of the longest string inside `value`.
fn longest_string(value: &ConstValue) -> usize {
    match value {
        ConstValue::String(text) => text.len(),
        ConstValue::List(items) => items.iter().map(longest_string).max().unwrap_or(0),
        ConstValue::Object(fields) => fields.values().map(longest_string).max().unwrap_or(0),
        _ => 0,
    }
}

/// The value a variable has in this request: its own, else its default.
pub fn variable_value<'a>(
    document: &'a ExecutableDocument,
    variables: &'a Variables,
    name: &Name,
) -> Option<&'a ConstValue> {
    variables.get(name).or_else(|| {
        document
            .operations
            .iter()
            .flat_map(|(_, operation)| operation.node.variable_definitions.iter())
            .find(|definition| &definition.node.name.node == name)
            .and_then(|definition| definition.node.default_value.as_ref())
            .map(|default| &default.node)
    })
}

/// Every field the document's operations select at their root, directly,
/// in inline fragments or through named fragments (each fragment once).
pub fn root_fields(document: &ExecutableDocument) -> Vec<&Positioned<Field>> {
    let mut fields = Vec::new();
    let mut visited = HashSet::new();
    for (_, operation) in document.operations.iter() {
        collect_fields(
            document,
            &operation.node.selection_set.node,
            &mut visited,
            &mut fields,
        );
    }
    fields
}

fn collect_fields<'d>(
    document: &'d ExecutableDocument,
    selection: &'d SelectionSet,
    visited: &mut HashSet<&'d str>,
    fields: &mut Vec<&'d Positioned<Field>>,
) {
    for item in &selection.items {
        match &item.node {
            Selection::Field(field) => fields.push(field),
            Selection::InlineFragment(fragment) => {
                collect_fields(document, &fragment.node.selection_set.node, visited, fields);
            }
            Selection::FragmentSpread(spread) => {
                let name = &spread.node.fragment_name.node;
                if !visited.insert(name.as_str()) {
                    continue;
                }
                if let Some(fragment) = document.fragments.get(name) {
                    collect_fields(document, &fragment.node.selection_set.node, visited, fields);
                }
            }
        }
    }
}

/// Whether some fragment reaches itself through the fragments it spreads.
pub fn has_fragment_cycle(document: &ExecutableDocument) -> bool {
    let spreads: HashMap<&str, Vec<&str>> = document
        .fragments
        .iter()
        .map(|(name, fragment)| {
            let mut names = Vec::new();
            spreads_in(&fragment.node.selection_set.node, &mut names);
            (name.as_str(), names)
        })
        .collect();
    spreads.keys().any(|&start| {
        let mut seen = HashSet::new();
        let mut pending = spreads[start].clone();
        while let Some(name) = pending.pop() {
            if name == start {
                return true;
            }
            if seen.insert(name) {
                pending.extend(spreads.get(name).into_iter().flatten());
            }
        }
        false
    })
}

/// The fragment names spread anywhere inside `selection`.
fn spreads_in<'d>(selection: &'d SelectionSet, names: &mut Vec<&'d str>) {
    for item in &selection.items {
        match &item.node {
            Selection::Field(field) => spreads_in(&field.node.selection_set.node, names),
            Selection::InlineFragment(inline) => spreads_in(&inline.node.selection_set.node, names),
            Selection::FragmentSpread(spread) => {
                names.push(spread.node.fragment_name.node.as_str())
            }
        }
    }
}

/// The names of the operations `text` defines; none when it does not
/// parse or its operations are anonymous.
pub fn operation_names(text: &str) -> Vec<String> {
    let Ok(document) = async_graphql::parser::parse_query(text) else {
        return Vec::new();
    };
    document
        .operations
        .iter()
        .filter_map(|(name, _)| name.map(|name| name.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> ExecutableDocument {
        async_graphql::parser::parse_query(query).expect("the query parses")
    }

    #[test]
    fn root_fields_are_found_through_fragments_once_each() {
        let document = parse(
            "query { a ...F ... on Query { b } } fragment F on Query { c ...G ...G } fragment G on Query { d { e } }",
        );
        let names: Vec<&str> = root_fields(&document)
            .iter()
            .map(|field| field.node.name.node.as_str())
            .collect();
        assert_eq!(names, ["a", "c", "d", "b"]);
    }

    #[test]
    fn an_oversized_argument_is_found_inline_in_variables_and_in_defaults() {
        let cap = |argument: &str| if argument == "text" { 10 } else { 3 };
        let inline = parse(r#"{ a(text: "0123456789") b { c(name: "abcd") } }"#);
        let found = oversized_argument(&inline, &Variables::default(), cap).expect("found");
        assert_eq!(
            (found.field.as_str(), found.argument.as_str()),
            ("c", "name")
        );
        assert_eq!((found.bytes, found.cap), (4, 3));
        let through = parse("query($n: [String!]!) { ...F } fragment F on Query { r(names: $n) }");
        let variables = Variables::from_json(serde_json::json!({ "n": ["ok", "toolong"] }));
        assert!(oversized_argument(&through, &variables, cap).is_some());
        let fine = Variables::from_json(serde_json::json!({ "n": ["ok"] }));
        assert!(oversized_argument(&through, &fine, cap).is_none());
        let defaulted = parse(r#"query($q: String = "long one") { s(query: $q) }"#);
        assert!(oversized_argument(&defaulted, &Variables::default(), cap).is_some());
    }

    #[test]
    fn a_fragment_that_spreads_itself_is_a_cycle_and_a_chain_is_not() {
        let cyclic =
            "query { ...A } fragment A on Query { ...B } fragment B on Query { x { ...A } }";
        assert!(has_fragment_cycle(&parse(cyclic)));
        let chain = "query { ...A } fragment A on Query { ...B } fragment B on Query { x }";
        assert!(!has_fragment_cycle(&parse(chain)));
    }
}
