// YAML layer faithful to gopkg.in/yaml.v3 (libyaml): parsing to yaml.v3's node tree and
// encoding JSON-like values the way yaml.v3's Encoder does. No Node.js built-ins.

export { Kind, Style, YamlError, type YamlNode } from "./node";
export { parseYaml, MAX_DOCUMENT_SIZE, MAX_NODES, MAX_KEY_LENGTH } from "./parse";
export { resolve, resolveTag, shortTag, longTag, isTimestamp, type Resolved } from "./resolve";
export { emitYaml, formatFloat, keyLess, YamlScalar, type EmitYamlOptions } from "./emit";
