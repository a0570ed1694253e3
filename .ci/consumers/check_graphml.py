"""Reads a GraphML export of `skillgraph export` with networkx and compares
it with the JSON export: the same nodes with the same kind and label, the
same edges with the same kind and weight.

    python3 check_graphml.py FILE.graphml JSON_EXPORT
"""

import json
import sys

import networkx as nx


def main(graphml_path: str, json_path: str) -> int:
    graph = nx.read_graphml(graphml_path)
    with open(json_path, encoding="utf-8") as file:
        expected = json.load(file)
    problems = []
    if graph.number_of_nodes() != len(expected["nodes"]):
        problems.append(
            f"{graph.number_of_nodes()} nodes, the JSON export has {len(expected['nodes'])}"
        )
    if graph.number_of_edges() != len(expected["edges"]):
        problems.append(
            f"{graph.number_of_edges()} edges, the JSON export has {len(expected['edges'])}"
        )
    for node in expected["nodes"]:
        data = graph.nodes.get(node["id"])
        if data is None:
            problems.append(f"no node {node['id']!r}")
        elif (data.get("label"), data.get("kind")) != (node["label"], node["kind"]):
            problems.append(f"node {node['id']!r} reads as {data}")
    read = {
        (source, data.get("kind"), target): data.get("weight")
        for source, target, data in graph.edges(data=True)
    }
    for edge in expected["edges"]:
        key = (edge["source"], edge["kind"], edge["target"])
        if key not in read:
            problems.append(f"no edge {key}")
        elif abs(read[key] - edge["weight"]) > 1e-9:
            problems.append(f"edge {key} has weight {read[key]}, not {edge['weight']}")
    for problem in problems[:20]:
        print(f"graphml {graphml_path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"graphml: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
