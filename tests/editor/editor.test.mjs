// The profile assessment schemas in a real editor engine. yaml-language-server (npm,
// pinned in package.json) is started as an editor starts it, over its language-server
// protocol on stdio, and opens assessment files whose modeline points at a committed
// profile schema (schemas/<id>-<version>.assessment.schema.json, as a file:// URL). The
// checks are what a person editing the file sees: a diagnostic on the line of a misspelt
// indicator id, a level out of the scale, a ratio over 1 and a misspelt field, the same
// four mistakes `tradeready validate` reports; none on a valid example; indicator ids
// offered under `answers:` and a scale's levels offered for its `value`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const example = path.join(root, "assessments/examples/northland-2025.yaml");
const exampleText = readFileSync(example, "utf8");
const [, profileId, profileVersion] = exampleText.match(
  /^profile: \{id: ([a-z0-9-]+), version: ([0-9.]+)/m,
);
const schemaPath = path.join(root, `schemas/${profileId}-${profileVersion}.assessment.schema.json`);
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const modeline = `# yaml-language-server: $schema=${pathToFileURL(schemaPath).href}`;

// Indicators of each kind, read from the schema itself.
const entries = Object.entries(schema.properties.answers.properties);
const scaleIds = entries.filter(([, e]) => Array.isArray(e.properties.value.enum)).map(([id]) => id);
const ratioId = entries.find(([, e]) => e.properties.value.maximum === 1)[0];
const booleanId = entries.find(([, e]) => e.properties.value.type === "boolean")[0];
const [scaleId, otherScaleId] = scaleIds;
const levels = schema.properties.answers.properties[scaleId].properties.value.enum;

/** A language-server client over the child's stdio: requests, notifications, and the
 * diagnostics published for each document. */
class Client {
  constructor() {
    const bin = path.join(here, "node_modules/yaml-language-server/bin/yaml-language-server");
    this.child = spawn(process.execPath, [bin, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.diagnostics = new Map();
    this.waiters = [];
    this.child.stdout.on("data", (chunk) => this.receive(chunk));
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    this.send({ id, method, params });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method}`)), 20000);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve(m.result);
      });
    });
  }

  notify(method, params) {
    this.send({ method, params });
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString("utf8"));
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(message);
    }
  }

  handle(message) {
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else if (message.id !== undefined) {
      // A request from the server: answer as an editor with these settings would.
      let result = null;
      if (message.method === "workspace/configuration") {
        result = message.params.items.map((item) => settings[item.section] ?? settings.yaml);
      }
      this.send({ id: message.id, result });
    } else if (message.method === "textDocument/publishDiagnostics") {
      this.diagnostics.set(message.params.uri, message.params.diagnostics);
      this.waiters = this.waiters.filter((w) => !w(message.params));
    }
  }

  /** Opens a document and resolves with its diagnostics once they stop changing. */
  open(name, text) {
    return this.openAt(pathToFileURL(path.join(root, "target/editor-test", name)).href, text);
  }

  /** Opens a document at this URI and resolves with its diagnostics once they settle. */
  openAt(uri, text) {
    const name = uri;
    const settled = new Promise((resolve, reject) => {
      let timer;
      const fail = setTimeout(() => reject(new Error(`no diagnostics for ${name}`)), 20000);
      this.waiters.push((params) => {
        if (params.uri !== uri) return false;
        clearTimeout(timer);
        timer = setTimeout(() => {
          clearTimeout(fail);
          resolve(this.diagnostics.get(uri));
        }, 700);
        return false;
      });
    });
    this.notify("textDocument/didOpen", {
      textDocument: { uri, languageId: "yaml", version: 1, text },
    });
    return { uri, diagnostics: settled };
  }

  async stop() {
    await this.request("shutdown", null);
    this.notify("exit", null);
  }
}

const settings = {
  yaml: { validate: true, completion: true, hover: true, format: { enable: false }, schemaStore: { enable: false } },
  "[yaml]": {},
  editor: { tabSize: 2 },
  files: {},
  http: {},
};

let client;

before(async () => {
  client = new Client();
  await client.request("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: {
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
        hover: { contentFormat: ["markdown", "plaintext"] },
        publishDiagnostics: {},
      },
      workspace: { configuration: true },
    },
    workspaceFolders: null,
  });
  client.notify("initialized", {});
  client.notify("workspace/didChangeConfiguration", { settings });
});

after(async () => {
  await client.stop();
});

const header = [
  modeline,
  "kind: assessment",
  "format: 1",
  `profile: {id: ${profileId}, version: ${profileVersion}}`,
  "administration: {name: Customs Administration of Examplestan, code: XE}",
  'cycle: "2025"',
  "as_of: 2025-06-30",
  "answers:",
];

function linesWith(diagnostics) {
  return [...new Set(diagnostics.map((d) => d.range.start.line))].sort((a, b) => a - b);
}

test("a valid example draws no diagnostic", async () => {
  const text = `${modeline}\n${exampleText}`;
  const { diagnostics } = client.open("valid.yaml", text);
  assert.deepEqual(await diagnostics, []);
  // The schema did apply: one level out of the scale in the same file is flagged.
  const broken = text.replace(/^(  [a-z0-9.-]+: \{value: )\d+/m, "$17");
  assert.notEqual(broken, text);
  const flagged = await client.open("valid-broken.yaml", broken).diagnostics;
  assert.equal(flagged.length, 1, JSON.stringify(flagged));
});

test("each of the four mistakes is flagged on its own line, and only there", async () => {
  // The same file that tests/tests/cli.rs hands to `tradeready validate`, which reports
  // these four lines too; its modeline is a path relative to the file.
  const file = path.join(here, "mistakes.yaml");
  const text = readFileSync(file, "utf8");
  const uri = pathToFileURL(file).href;
  const found = await client.openAt(uri, text).diagnostics;
  // Lines 10 to 13 of the file, counted from 0 here.
  assert.deepEqual(linesWith(found), [9, 10, 11, 12], JSON.stringify(found, null, 1));
  const on = (line) => found.filter((d) => d.range.start.line === line).map((d) => d.message).join(" | ");
  assert.match(on(9), /governance\.oga-rols is not allowed/);
  assert.match(on(10), /Valid values: 0, 1, 2, 3, 4/);
  assert.match(on(11), /maximum of 1/);
  assert.match(on(12), /evidnce is not allowed/);
});

test("completion under answers: offers the indicator ids", async () => {
  const text = [...header, "  "].join("\n") + "\n";
  const { uri, diagnostics } = client.open("complete-ids.yaml", text);
  await diagnostics;
  const result = await client.request("textDocument/completion", {
    textDocument: { uri },
    position: { line: header.length, character: 2 },
  });
  const labels = (result.items ?? result).map((i) => i.label);
  for (const id of [scaleId, ratioId, booleanId]) assert.ok(labels.includes(id), `${id} in ${labels}`);
  assert.equal(labels.filter((l) => schema.properties.answers.properties[l]).length, entries.length);
});

test("completion of a scale value offers its levels, described", async () => {
  const text = [...header, `  ${scaleId}:`, "    value: "].join("\n") + "\n";
  const { uri, diagnostics } = client.open("complete-levels.yaml", text);
  await diagnostics;
  const result = await client.request("textDocument/completion", {
    textDocument: { uri },
    position: { line: header.length + 1, character: 11 },
  });
  const items = result.items ?? result;
  const labels = items.map((i) => i.label);
  assert.deepEqual(labels.slice().sort(), levels.map(String).sort(), JSON.stringify(items, null, 1));
  // Each level's completion carries its label (and descriptor, where the indicator has one).
  const value = schema.properties.answers.properties[scaleId].properties.value;
  for (const item of items) {
    const described = value.markdownEnumDescriptions[value.enum.indexOf(Number(item.label))];
    const docs = JSON.stringify(item.documentation ?? "");
    assert.ok(docs.includes(described.split("**")[1]), `${item.label}: ${docs} lacks ${described}`);
  }
});

test("hovering over an indicator id shows its question", async () => {
  const text = [...header, `  ${scaleId}: {value: ${levels[0]}}`].join("\n") + "\n";
  const { uri, diagnostics } = client.open("hover.yaml", text);
  await diagnostics;
  const hover = await client.request("textDocument/hover", {
    textDocument: { uri },
    position: { line: header.length, character: 4 },
  });
  const shown = JSON.stringify(hover?.contents ?? "");
  const question = schema.properties.answers.properties[scaleId].markdownDescription.split("\n\n")[1];
  assert.ok(shown.includes(question.slice(0, 30)), shown);
});

test("a modeline with a path relative to the file finds the schema too", async () => {
  // The file sits in target/editor-test/, two folders below the root.
  const relative = `# yaml-language-server: $schema=../../schemas/${path.basename(schemaPath)}`;
  const lines = [relative, ...header.slice(1), `  ${scaleId}: {value: 7}`];
  const found = await client.open("relative.yaml", lines.join("\n") + "\n").diagnostics;
  assert.deepEqual(linesWith(found), [header.length], JSON.stringify(found));
});

test("hovering over a level shows its label and descriptor", async () => {
  const level = levels[levels.length - 1];
  const text = [...header, `  ${scaleId}:`, `    value: ${level}`].join("\n") + "\n";
  const { uri, diagnostics } = client.open("hover-level.yaml", text);
  assert.deepEqual(await diagnostics, []);
  const hover = await client.request("textDocument/hover", {
    textDocument: { uri },
    position: { line: header.length + 1, character: 11 },
  });
  const shown = JSON.stringify(hover?.contents ?? "");
  const value = schema.properties.answers.properties[scaleId].properties.value;
  const described = value.markdownEnumDescriptions[value.enum.indexOf(level)];
  assert.ok(shown.includes(described.slice(0, 25)), `${shown} lacks ${described}`);
});
