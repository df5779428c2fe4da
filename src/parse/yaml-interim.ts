// Transitional re-export: the YAML front end now lives in src/yaml.
export { Kind, Style, YamlError, parseYaml, type YamlNode } from "../yaml";
