// Reads one export of `skillgraph export` in the JavaScript library that
// consumes it and compares what the library read with the JSON export.
//
//   node check.mjs cytoscape|mermaid FILE JSON_EXPORT
//
// Cytoscape.js runs headless. Mermaid needs a DOM even to parse (it loads
// DOMPurify when imported), so it runs over jsdom; no browser is started,
// which is why this uses `mermaid.parse` rather than mermaid-cli (Puppeteer
// downloads a Chrome of its own).
import { readFileSync } from 'node:fs';

const [format, file, jsonFile] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const expected = JSON.parse(readFileSync(jsonFile, 'utf8'));

function fail(message) {
  console.error(`${format} ${file}: ${message}`);
  process.exit(1);
}

async function cytoscape() {
  const { default: cytoscape } = await import('cytoscape');
  const { elements } = JSON.parse(text);
  // Cytoscape skips, with only a warning, an edge whose ends are missing.
  const warn = console.warn;
  console.warn = (...args) => fail(`cytoscape warned: ${args.join(' ')}`);
  // `preset` keeps the places the elements carry (the default layout
  // stacks every node at the origin).
  const cy = cytoscape({ headless: true, styleEnabled: false, elements, layout: { name: 'preset' } });
  console.warn = warn;
  let placed = 0;
  for (const node of expected.nodes) {
    const read = cy.getElementById(node.id);
    if (read.empty() || !read.isNode()) fail(`no node ${node.id}`);
    if (read.data('label') !== node.label || read.data('kind') !== node.kind) {
      fail(`node ${node.id} reads as ${read.data('label')} (${read.data('kind')})`);
    }
    // The career map's places: Cytoscape lays the node where the export says.
    if (node.position) {
      const at = read.position();
      if (at.x !== node.position.x || at.y !== node.position.y) {
        fail(`node ${node.id} stands at ${at.x},${at.y}, not ${node.position.x},${node.position.y}`);
      }
      placed += 1;
    }
  }
  const rungs = expected.nodes.filter((node) => node.kind === 'CareerStage').length;
  if (rungs > 0 && placed === 0) fail('no node of the export carries a place on the career map');
  const edges = new Set(cy.edges().map((e) => `${e.source().id()} ${e.data('kind')} ${e.target().id()}`));
  for (const edge of expected.edges) {
    if (!edges.has(`${edge.source} ${edge.kind} ${edge.target}`)) {
      fail(`no edge ${edge.source} ${edge.kind} ${edge.target}`);
    }
  }
  return { nodes: cy.nodes().length, edges: cy.edges().length, placed };
}

async function mermaid() {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  globalThis.window = window;
  globalThis.document = window.document;
  globalThis.DOMParser = window.DOMParser;
  globalThis.Element = window.Element;
  globalThis.HTMLElement = window.HTMLElement;
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false, maxTextSize: 10_000_000, maxEdges: 100_000 });
  // Throws, with the line and what the grammar expected, on a parse error.
  const parsed = await mermaid.parse(text);
  if (parsed.diagramType !== 'flowchart-v2') fail(`parsed as ${parsed.diagramType}`);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const vertices = diagram.db.getVertices();
  const count = vertices instanceof Map ? vertices.size : Object.keys(vertices).length;
  const kinds = diagram.db.getEdges().map((edge) => edge.text).sort();
  const want = expected.edges.map((edge) => edge.kind).sort();
  if (kinds.join() !== want.join()) fail('edge labels differ from the edge kinds');
  return { nodes: count, edges: diagram.db.getEdges().length };
}

const readers = { cytoscape, mermaid };
if (!readers[format]) fail('unknown format');
const counts = await readers[format]();
if (counts.nodes !== expected.nodes.length || counts.edges !== expected.edges.length) {
  fail(`read ${counts.nodes} nodes and ${counts.edges} edges, the JSON export has ${expected.nodes.length} and ${expected.edges.length}`);
}
console.log(`${format}: ${counts.nodes} nodes, ${counts.edges} edges`);
