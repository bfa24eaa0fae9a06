/**
 * The Swagger 2.0 document as gnostic's openapi.v2.Document protobuf
 * (Accept application/com.github.proto-openapi.spec.v2@v1.0+protobuf): what client-go's
 * OpenAPISchema() asks /openapi/v2 for (kubectl explain --output=plaintext-openapiv2).
 * The mapping follows gnostic's compiler: JSON keys become snake_case fields, objects with
 * free-form keys become repeated Named* pairs, "x-" keys vendor extensions whose values
 * are YAML text, and the oneof wrappers are chosen from the JSON's shape.
 */
import type protobuf from "protobufjs";
import { stringify as toYaml } from "yaml";
import { openapiV2Message } from "./schema.js";

/** The Content-Type kube-openapi answers with (the "@" spelling is only accepted: Go's mime parser rejects it). */
export const OPENAPI_V2_PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

type Json = Record<string, unknown>;

/** Encode a Swagger 2.0 document (as JSON values). */
export function encodeOpenApiV2(doc: Json): Buffer {
  const type = openapiV2Message("Document");
  const obj = convert("Document", doc) as Json;
  return Buffer.from(type.encode(type.fromObject(obj)).finish());
}

/** gnostic's Any: the value's YAML (kube-openapi reads vendor extensions back with yaml.Unmarshal). */
function any(v: unknown): Json {
  return { yaml: toYaml(v) };
}

function snake(key: string): string {
  if (key === "$ref") return "_ref";
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Messages that are JSON maps: repeated Named<X> additional_properties. */
function namedPairs(type: protobuf.Type, field: string, json: Json): Json[] {
  const named = type.fields[field]!.resolvedType as protobuf.Type;
  const valueField = named.fields.value!;
  return Object.entries(json).map(([name, v]) => ({ name, value: valueOf(valueField, v) }));
}

function valueOf(field: protobuf.Field, v: unknown): unknown {
  if (field.resolvedType) return convert(field.resolvedType.name, v);
  return v;
}

function vendorExtensions(json: Json): Json[] {
  return Object.entries(json)
    .filter(([k]) => k.startsWith("x-"))
    .map(([name, v]) => ({ name, value: any(v) }));
}

/** JSON value -> plain object for openapi.v2.<name>.fromObject. */
function convert(name: string, v: unknown): unknown {
  const type = openapiV2Message(name);
  const json = (v ?? {}) as Json;
  switch (name) {
    case "Any":
      return any(v);
    case "TypeItem":
      return { value: Array.isArray(v) ? v : [v] };
    case "ItemsItem":
      return { schema: (Array.isArray(v) ? v : [v]).map((s) => convert("Schema", s)) };
    case "StringArray":
      return { value: v };
    case "AdditionalPropertiesItem":
      return typeof v === "boolean" ? { boolean: v } : { schema: convert("Schema", v) };
    case "SchemaItem":
      return json.type === "file" ? { file_schema: convert("FileSchema", v) } : { schema: convert("Schema", v) };
    case "ParametersItem":
      return typeof json.$ref === "string" ? { json_reference: convert("JsonReference", v) } : { parameter: convert("Parameter", v) };
    case "ResponseValue":
      return typeof json.$ref === "string" ? { json_reference: convert("JsonReference", v) } : { response: convert("Response", v) };
    case "Parameter":
      return json.in === "body" ? { body_parameter: convert("BodyParameter", v) } : { non_body_parameter: convert("NonBodyParameter", v) };
    case "NonBodyParameter": {
      const sub = { header: "HeaderParameterSubSchema", formData: "FormDataParameterSubSchema", query: "QueryParameterSubSchema", path: "PathParameterSubSchema" }[String(json.in)];
      if (!sub) return {};
      return { [snake(sub.charAt(0).toLowerCase() + sub.slice(1))]: convert(sub, v) };
    }
    case "SecurityDefinitionsItem": {
      const flows: Record<string, string> = { implicit: "Oauth2ImplicitSecurity", password: "Oauth2PasswordSecurity", application: "Oauth2ApplicationSecurity", accessCode: "Oauth2AccessCodeSecurity" };
      const sub = json.type === "basic" ? "BasicAuthenticationSecurity" : json.type === "apiKey" ? "ApiKeySecurity" : flows[String(json.flow)];
      if (!sub) return {};
      return { [snake(sub.charAt(0).toLowerCase() + sub.slice(1))]: convert(sub, v) };
    }
    case "Paths":
      return {
        path: Object.entries(json)
          .filter(([k]) => !k.startsWith("x-"))
          .map(([k, item]) => ({ name: k, value: convert("PathItem", item) })),
        vendor_extension: vendorExtensions(json),
      };
    case "Responses":
      return {
        response_code: Object.entries(json)
          .filter(([k]) => !k.startsWith("x-"))
          .map(([k, r]) => ({ name: k, value: convert("ResponseValue", r) })),
        vendor_extension: vendorExtensions(json),
      };
  }
  // Map-like messages (Definitions, Properties, SecurityDefinitions, SecurityRequirement, ...).
  if (type.fields.additional_properties && type.fieldsArray.length === 1) return { additional_properties: namedPairs(type, "additional_properties", json) };
  const out: Json = {};
  for (const [key, value] of Object.entries(json)) {
    if (key.startsWith("x-")) continue;
    const field = type.fields[snake(key)];
    if (!field) continue; // not representable in gnostic's model (gnostic drops it too)
    out[field.name] = field.repeated ? (value as unknown[]).map((x) => valueOf(field, x)) : valueOf(field, value);
  }
  if (type.fields.vendor_extension) out.vendor_extension = vendorExtensions(json);
  return out;
}
