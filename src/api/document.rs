//! What a parsed query document holds, read before it runs: the fields it
//! asks for at its root (following fragments), and whether its fragments
//! spread themselves.

use async_graphql::Positioned;
use async_graphql::parser::types::{ExecutableDocument, Field, Selection, SelectionSet};
use std::collections::{HashMap, HashSet};

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
    fn a_fragment_that_spreads_itself_is_a_cycle_and_a_chain_is_not() {
        let cyclic =
            "query { ...A } fragment A on Query { ...B } fragment B on Query { x { ...A } }";
        assert!(has_fragment_cycle(&parse(cyclic)));
        let chain = "query { ...A } fragment A on Query { ...B } fragment B on Query { x }";
        assert!(!has_fragment_cycle(&parse(chain)));
    }
}
