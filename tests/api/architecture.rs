//! The architecture's rules, read from the source: data flows one way
//! (guide → graph → api → server), the rooms of `graph/` import one way
//! (model → names → answers → output → compile), and petgraph's
//! `NodeIndex` never leaves `graph`. ARCHITECTURE.md states them; this
//! keeps them true.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/<folder>`, with its text before any test
/// module (tests may reach anywhere to set a scene).
fn sources(folder: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(folder);
    let mut files = Vec::new();
    let mut pending = vec![root];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                let code = text.split("#[cfg(test)]").next().unwrap_or("").to_owned();
                files.push((path, code));
            }
        }
    }
    assert!(!files.is_empty(), "no sources under src/{folder}");
    files
}

/// The crate paths `code` names: `crate::graph::node` gives `graph::node`,
/// and `crate::graph::{node, edge::Edge}` gives both.
fn crate_paths(code: &str) -> Vec<String> {
    let is_path = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let head: String = rest.chars().take_while(|c| is_path(*c)).collect();
        let after = &rest[head.len()..];
        let head = head.trim_end_matches(':');
        match after
            .strip_prefix('{')
            .and_then(|inner| inner.split('}').next())
        {
            Some(group) => paths.extend(group.split(',').map(|member| {
                let member: String = member.trim().chars().take_while(|c| is_path(*c)).collect();
                format!("{head}::{member}")
            })),
            None => paths.push(head.to_owned()),
        }
    }
    paths
}

#[test]
fn each_layer_imports_only_the_layers_before_it() {
    let layers = ["guide", "graph", "api", "server"];
    for (rank, layer) in layers.iter().enumerate() {
        for (path, code) in sources(layer) {
            for named in crate_paths(&code) {
                let first = named.split("::").next().unwrap_or("");
                if let Some(other) = layers.iter().position(|l| *l == first) {
                    assert!(
                        other <= rank,
                        "{} ({layer}) imports crate::{named}",
                        path.display()
                    );
                }
            }
        }
    }
}

/// The rooms of `graph/`, lowest first, and the modules each holds.
const ROOMS: [(&str, &[&str]); 5] = [
    (
        "model",
        &["bounds", "deadline", "edge", "id", "kind", "node", "source"],
    ),
    (
        "names",
        &[
            "concepts",
            "descriptions",
            "mentions",
            "normalize",
            "prose",
            "resolve",
        ],
    ),
    ("answers", &["analytics", "changes", "diagnostics"]),
    ("output", &["export", "picture", "search", "suggestions"]),
    ("compile", &["build", "load", "postings"]),
];

#[test]
fn the_rooms_of_the_graph_import_only_rooms_below_them() {
    let room_of = |module: &str| {
        ROOMS
            .iter()
            .position(|(_, modules)| modules.contains(&module))
    };
    for (rank, (room, modules)) in ROOMS.iter().enumerate() {
        let files = sources(&format!("graph/{room}"));
        // Every file of the room is listed, so a new one is placed on purpose.
        for (path, _) in &files {
            let module = path
                .strip_prefix(
                    Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("src/graph")
                        .join(room),
                )
                .ok()
                .and_then(|rest| rest.iter().next())
                .and_then(|first| first.to_str())
                .map(|first| first.trim_end_matches(".rs"))
                .unwrap_or("");
            assert!(
                module == "mod" || modules.contains(&module),
                "{} is in no room's list",
                path.display()
            );
        }
        for (path, code) in files {
            for named in crate_paths(&code) {
                let mut parts = named.split("::");
                if parts.next() != Some("graph") {
                    continue;
                }
                let module = parts.next().unwrap_or("");
                if let Some(other) = room_of(module) {
                    assert!(
                        other <= rank,
                        "{} ({room}) imports crate::{named} ({})",
                        path.display(),
                        ROOMS[other].0
                    );
                }
            }
        }
    }
}

#[test]
fn node_index_never_leaves_the_graph() {
    for layer in ["api", "server"] {
        for (path, code) in sources(layer) {
            assert!(
                !code.contains("NodeIndex") && !code.contains("petgraph"),
                "{} names petgraph",
                path.display()
            );
        }
    }
}

#[test]
fn a_module_imported_from_a_higher_room_is_caught() {
    let code = "use crate::graph::analytics::Analytics;\nuse crate::guide::Guide;";
    assert_eq!(
        crate_paths(code),
        ["graph::analytics::Analytics", "guide::Guide"]
    );
    let room = ROOMS
        .iter()
        .position(|(_, modules)| modules.contains(&"analytics"));
    assert!(room > ROOMS.iter().position(|(name, _)| *name == "names"));
}
