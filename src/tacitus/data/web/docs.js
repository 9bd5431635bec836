// The API reference, drawn from the server's own OpenAPI description so it never disagrees with it,
// and served locally (no external scripts, works offline).
"use strict";

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  return node;
}

function resolve(spec, schema) {
  while (schema && schema.$ref) schema = spec.components.schemas[schema.$ref.split("/").pop()];
  return schema || {};
}

// "string", "integer, 1 to 4", "one of: day, week, ...", "string or null"
function describeType(spec, schema) {
  schema = resolve(spec, schema);
  if (schema.anyOf) {
    return schema.anyOf.map((s) => describeType(spec, s)).filter((t) => t !== "null").join(" or ") +
      (schema.anyOf.some((s) => s.type === "null") ? " (optional)" : "");
  }
  if (schema.enum) return "one of: " + schema.enum.join(", ");
  const parts = [schema.type || "value"];
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? "…"} to ${schema.maximum ?? "…"}`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.pattern) parts.push(`matching ${schema.pattern}`);
  return parts.join(", ");
}

function parameterTable(spec, params) {
  const rows = params.map((p) => el("tr", {},
    el("td", {}, el("code", {}, p.name)), el("td", {}, p.in), el("td", {}, p.required ? "yes" : "no"),
    el("td", {}, describeType(spec, p.schema)), el("td", {}, p.schema && p.schema.default !== undefined ? JSON.stringify(p.schema.default) : "–"),
    el("td", {}, p.description || (p.schema && p.schema.description) || "")));
  return el("table", {}, el("thead", {}, el("tr", {}, ...["Name", "In", "Required", "Type", "Default", "Meaning"].map((h) => el("th", {scope: "col"}, h)))),
            el("tbody", {}, ...rows));
}

function bodyTable(spec, body) {
  const schema = resolve(spec, body.content["application/json"].schema);
  const required = new Set(schema.required || []);
  const params = Object.entries(schema.properties || {}).map(([name, prop]) => ({
    name, in: "body", required: required.has(name), schema: prop, description: prop.description}));
  return parameterTable(spec, params);
}

function example(method, path, spec, op) {
  const base = location.origin;
  if (method === "post") {
    const schema = resolve(spec, op.requestBody.content["application/json"].schema);
    const sample = (schema.examples && schema.examples[0]) || {text: "..."};
    return `curl -s -X POST ${base}${path} -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(sample)}'`;
  }
  return `curl -s '${base}${path}'`;
}

function operation(spec, path, method, op) {
  const section = el("section", {id: (op.operationId || path).replace(/[^A-Za-z0-9_-]/g, "-")});
  section.append(el("h2", {}, el("code", {}, `${method.toUpperCase()} ${path}`)));
  if (op.summary) section.append(el("p", {}, el("strong", {}, op.summary)));
  if (op.description) section.append(el("p", {}, op.description));
  if (op.parameters && op.parameters.length) section.append(el("h3", {}, "Parameters"), parameterTable(spec, op.parameters));
  if (op.requestBody) section.append(el("h3", {}, "JSON body"), bodyTable(spec, op.requestBody));
  const codes = Object.entries(op.responses || {}).map(([code, r]) => el("li", {}, el("code", {}, code), " ", r.description || ""));
  section.append(el("h3", {}, "Responses"), el("ul", {}, ...codes));
  section.append(el("h3", {}, "Example"), el("pre", {}, el("code", {}, example(method, path, spec, op))));
  return section;
}

async function main() {
  const status = document.getElementById("status");
  try {
    const spec = await (await fetch("/openapi.json")).json();
    document.getElementById("description").textContent = spec.info.description || "";
    const list = document.getElementById("operations");
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) list.append(operation(spec, path, method, op));
    }
    status.textContent = `${spec.info.title} ${spec.info.version}: ${Object.keys(spec.paths).length} endpoints. ` +
      "Errors are JSON with a detail message naming the bad field.";
  } catch (error) {
    status.textContent = "Cannot read /openapi.json: " + error.message;
  }
}

document.addEventListener("DOMContentLoaded", main);
