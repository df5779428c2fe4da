// Decoding an OpenShift config: the schema decoder does it all (metadata.labels is a
// Go map[string]string, which the decoder knows), in one pass as yaml.v3 does, so
// errors come in document order and alias expansion is counted over the whole
// document. Structs that come from the fcos version are named with its package in
// type errors, as the reference's are ("into v1_3.BootDevice").

import { Decoder, DecodeErrors, typeDesc } from "../../../parse/decode";
import type { YamlNode } from "../../../yaml";
import type { ButaneSchema } from "../../schema";
import type { Obj } from "../../translate/context";

export function openshiftDecoder(schema: ButaneSchema, fcos: ButaneSchema): (doc: YamlNode | null) => Obj {
  const fcosStructs = [...fcos.variantStructs].filter((n) => n !== "Config");
  const ours = schema.variantPkg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const rename = fcosStructs.length
    ? new RegExp(`( into (?:\\[\\])*)${ours}\\.(${fcosStructs.join("|")})$`)
    : null;
  const fixPkg = (line: string) => (rename ? line.replace(rename, `$1${fcos.variantPkg}.$2`) : line);
  return (doc) => {
    try {
      return (new Decoder().decodeDocument(doc, typeDesc(schema, "Config")) ?? {}) as Obj;
    } catch (e) {
      if (e instanceof DecodeErrors) throw new DecodeErrors(e.lines.map(fixPkg), e.nodes);
      throw e;
    }
  };
}
