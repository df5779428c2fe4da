// A small assembler for the subset of the WebAssembly text format (WAT) that the
// password-hash cores use: one module with imported or defined memory, functions with
// named params/locals, folded or flat instructions, i32/i64 integer ops, bulk memory
// (memory.copy/fill) and active data segments. It exists so that the build needs no
// external tool (wabt/binaryen); it is only run by scripts/gen-hash-wasm.mjs.
//
// Anything outside the subset is rejected with an error that names the token, so a
// typo in a .wat generator fails the build instead of producing a wrong module.

const TYPES = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };

// name -> [opcode bytes, immediate kind]
const OPS = new Map();
function op(kind, list) {
  for (const [name, code] of Object.entries(list)) OPS.set(name, [Array.isArray(code) ? code : [code], kind]);
}
op("none", {
  unreachable: 0x00, nop: 0x01, return: 0x0f, drop: 0x1a, select: 0x1b,
  "i32.eqz": 0x45, "i32.eq": 0x46, "i32.ne": 0x47, "i32.lt_s": 0x48, "i32.lt_u": 0x49,
  "i32.gt_s": 0x4a, "i32.gt_u": 0x4b, "i32.le_s": 0x4c, "i32.le_u": 0x4d, "i32.ge_s": 0x4e, "i32.ge_u": 0x4f,
  "i64.eqz": 0x50, "i64.eq": 0x51, "i64.ne": 0x52, "i64.lt_s": 0x53, "i64.lt_u": 0x54,
  "i64.gt_s": 0x55, "i64.gt_u": 0x56, "i64.le_s": 0x57, "i64.le_u": 0x58, "i64.ge_s": 0x59, "i64.ge_u": 0x5a,
  "i32.clz": 0x67, "i32.ctz": 0x68, "i32.popcnt": 0x69, "i32.add": 0x6a, "i32.sub": 0x6b, "i32.mul": 0x6c,
  "i32.div_s": 0x6d, "i32.div_u": 0x6e, "i32.rem_s": 0x6f, "i32.rem_u": 0x70, "i32.and": 0x71, "i32.or": 0x72,
  "i32.xor": 0x73, "i32.shl": 0x74, "i32.shr_s": 0x75, "i32.shr_u": 0x76, "i32.rotl": 0x77, "i32.rotr": 0x78,
  "i64.clz": 0x79, "i64.ctz": 0x7a, "i64.popcnt": 0x7b, "i64.add": 0x7c, "i64.sub": 0x7d, "i64.mul": 0x7e,
  "i64.div_s": 0x7f, "i64.div_u": 0x80, "i64.rem_s": 0x81, "i64.rem_u": 0x82, "i64.and": 0x83, "i64.or": 0x84,
  "i64.xor": 0x85, "i64.shl": 0x86, "i64.shr_s": 0x87, "i64.shr_u": 0x88, "i64.rotl": 0x89, "i64.rotr": 0x8a,
  "i32.wrap_i64": 0xa7, "i64.extend_i32_s": 0xac, "i64.extend_i32_u": 0xad,
});
op("mem", {
  "i32.load": 0x28, "i64.load": 0x29, "i32.load8_s": 0x2c, "i32.load8_u": 0x2d, "i32.load16_s": 0x2e,
  "i32.load16_u": 0x2f, "i64.load8_u": 0x31, "i64.load16_u": 0x33, "i64.load32_u": 0x35,
  "i32.store": 0x36, "i64.store": 0x37, "i32.store8": 0x3a, "i32.store16": 0x3b, "i64.store8": 0x3c,
  "i64.store16": 0x3d, "i64.store32": 0x3e,
});
const NATURAL_ALIGN = {
  "i32.load": 2, "i64.load": 3, "i32.load8_s": 0, "i32.load8_u": 0, "i32.load16_s": 1, "i32.load16_u": 1,
  "i64.load8_u": 0, "i64.load16_u": 1, "i64.load32_u": 2, "i32.store": 2, "i64.store": 3, "i32.store8": 0,
  "i32.store16": 1, "i64.store8": 0, "i64.store16": 1, "i64.store32": 2,
};
op("memidx", { "memory.size": 0x3f, "memory.grow": 0x40 });
op("fc_copy", { "memory.copy": [0xfc, 10] });
op("fc_fill", { "memory.fill": [0xfc, 11] });
op("local", { "local.get": 0x20, "local.set": 0x21, "local.tee": 0x22 });
op("call", { call: 0x10 });
op("label", { br: 0x0c, br_if: 0x0d });
op("i32", { "i32.const": 0x41 });
op("i64", { "i64.const": 0x42 });
op("block", { block: 0x02, loop: 0x03, if: 0x04 });
op("else", { else: 0x05 });
op("end", { end: 0x0b });

// ---- LEB128 -------------------------------------------------------------------------
function uleb(n) {
  const out = [];
  let v = BigInt(n);
  if (v < 0n) throw new Error(`uleb of negative ${n}`);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) b |= 0x80;
    out.push(b);
  } while (v !== 0n);
  return out;
}
function sleb(n) {
  const out = [];
  let v = BigInt(n);
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n; // arithmetic shift for BigInt
    const done = (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0);
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}
const vec = (items) => [...uleb(items.length), ...items.flat()];
const name = (s) => {
  const b = [...new TextEncoder().encode(s)];
  return [...uleb(b.length), ...b];
};
const section = (id, body) => (body.length ? [id, ...uleb(body.length), ...body] : []);

// ---- tokenizer / s-expression parser -----------------------------------------------------
function tokenize(src) {
  const toks = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ";" && src[i + 1] === ";") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === "(" && src[i + 1] === ";") {
      const end = src.indexOf(";)", i + 2);
      if (end < 0) throw new Error("unterminated block comment");
      i = end + 2;
    } else if (c === "(" || c === ")") {
      toks.push(c);
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      const bytes = [];
      i++;
      while (src[i] !== '"') {
        if (i >= src.length) throw new Error("unterminated string");
        if (src[i] === "\\") {
          const e = src[i + 1];
          if (/[0-9a-fA-F]/.test(e)) {
            bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
            i += 3;
          } else {
            const map = { n: 10, t: 9, "\\": 92, '"': 34, "'": 39 };
            if (!(e in map)) throw new Error(`bad string escape \\${e}`);
            bytes.push(map[e]);
            i += 2;
          }
        } else {
          for (const b of new TextEncoder().encode(src[i])) bytes.push(b);
          i++;
        }
      }
      i++;
      toks.push({ str: bytes, text: new TextDecoder().decode(new Uint8Array(bytes)) });
    } else {
      let j = i;
      while (j < src.length && !/[\s()]/.test(src[j]) && src[j] !== '"') j++;
      toks.push(src.slice(i, j));
      i = j;
    }
  }
  return toks;
}
function parse(src) {
  const toks = tokenize(src);
  let pos = 0;
  function node() {
    const t = toks[pos++];
    if (t === "(") {
      const list = [];
      while (toks[pos] !== ")") {
        if (pos >= toks.length) throw new Error("unbalanced parentheses");
        list.push(node());
      }
      pos++;
      return list;
    }
    if (t === ")") throw new Error("unexpected )");
    return t;
  }
  const root = node();
  if (pos !== toks.length) throw new Error("trailing tokens after module");
  return root;
}

const isAtom = (n) => typeof n === "string";
const isList = (n) => Array.isArray(n);
function parseInt32(s) {
  const neg = s.startsWith("-");
  const body = s.replace(/^[-+]/, "").replace(/_/g, "");
  let v = BigInt(body.startsWith("0x") ? body : body);
  if (neg) v = -v;
  if (v < -(1n << 31n) || v >= 1n << 32n) throw new Error(`i32 constant out of range: ${s}`);
  if (v >= 1n << 31n) v -= 1n << 32n;
  return v;
}
function parseInt64(s) {
  const neg = s.startsWith("-");
  const body = s.replace(/^[-+]/, "").replace(/_/g, "");
  let v = BigInt(body);
  if (neg) v = -v;
  if (v < -(1n << 63n) || v >= 1n << 64n) throw new Error(`i64 constant out of range: ${s}`);
  if (v >= 1n << 63n) v -= 1n << 64n;
  return v;
}

// ---- module assembly ---------------------------------------------------------------------
export function assemble(src) {
  const mod = parse(src);
  if (!isList(mod) || mod[0] !== "module") throw new Error("expected (module ...)");

  const types = []; // [params[], results[]] deduplicated
  const typeIndex = (params, results) => {
    const key = params.join(",") + "->" + results.join(",");
    let i = types.findIndex((t) => t.key === key);
    if (i < 0) i = types.push({ key, params, results }) - 1;
    return i;
  };
  const imports = [];
  const funcs = []; // defined functions
  const funcNames = new Map();
  const exports = [];
  const datas = [];
  /** @type {{ min: number, max: number | undefined, imported?: string[] } | null} */
  let memory = null;
  let importedFuncs = 0;

  const sig = (fields) => {
    const params = [], paramNames = [], results = [], locals = [], localNames = [];
    let k = 0;
    for (; k < fields.length; k++) {
      const f = fields[k];
      if (!isList(f)) break;
      if (f[0] === "param" || f[0] === "local") {
        const dst = f[0] === "param" ? params : locals;
        const names = f[0] === "param" ? paramNames : localNames;
        if (f[1]?.startsWith?.("$")) {
          if (!(f[2] in TYPES) || f.length !== 3) throw new Error(`bad ${f[0]} ${f.join(" ")}`);
          dst.push(f[2]);
          names.push(f[1]);
        } else {
          for (const t of f.slice(1)) {
            if (!(t in TYPES)) throw new Error(`bad type ${t}`);
            dst.push(t);
            names.push(null);
          }
        }
      } else if (f[0] === "result") {
        for (const t of f.slice(1)) {
          if (!(t in TYPES)) throw new Error(`bad type ${t}`);
          results.push(t);
        }
      } else break;
    }
    return { params, paramNames, results, locals, localNames, rest: fields.slice(k) };
  };

  // First pass: collect names so that calls can refer forward.
  for (const field of mod.slice(1)) {
    if (!isList(field)) throw new Error(`unexpected ${field} in module`);
    if (field[0] === "import") {
      const [, modName, fieldName, desc] = field;
      if (desc[0] === "memory") {
        const nums = desc.slice(1).filter((x) => !x.startsWith("$"));
        memory = { min: Number(nums[0]), max: nums[1] === undefined ? undefined : Number(nums[1]), imported: [modName.text, fieldName.text] };
      } else if (desc[0] === "func") {
        let rest = desc.slice(1);
        /** @type {string | null} */
        let fname = null;
        if (isAtom(rest[0]) && rest[0].startsWith("$")) (fname = rest[0]), (rest = rest.slice(1));
        const s = sig(rest);
        if (fname) funcNames.set(fname, importedFuncs);
        imports.push({ modName: modName.text, fieldName: fieldName.text, type: typeIndex(s.params, s.results) });
        importedFuncs++;
      } else throw new Error(`unsupported import ${desc[0]}`);
    }
  }
  for (const field of mod.slice(1)) {
    if (field[0] === "func") {
      let rest = field.slice(1);
      /** @type {string | null} */
      let fname = null;
      if (isAtom(rest[0]) && rest[0].startsWith("$")) (fname = rest[0]), (rest = rest.slice(1));
      const exportNames = [];
      while (isList(rest[0]) && rest[0][0] === "export") exportNames.push(rest.shift()[1].text);
      const index = importedFuncs + funcs.length;
      if (fname) {
        if (funcNames.has(fname)) throw new Error(`duplicate function ${fname}`);
        funcNames.set(fname, index);
      }
      for (const e of exportNames) exports.push({ name: e, kind: 0, index });
      funcs.push({ name: fname, rest });
    } else if (field[0] === "memory") {
      let rest = field.slice(1);
      if (isAtom(rest[0]) && rest[0].startsWith("$")) rest = rest.slice(1);
      let exportName;
      while (isList(rest[0]) && rest[0][0] === "export") exportName = rest.shift()[1].text;
      memory = { min: Number(rest[0]), max: rest[1] === undefined ? undefined : Number(rest[1]) };
      if (exportName) exports.push({ name: exportName, kind: 2, index: 0 });
    } else if (field[0] === "data") {
      const rest = field.slice(1);
      let off = rest.shift();
      if (off[0] === "offset") off = off[1];
      if (off[0] !== "i32.const") throw new Error("data offset must be (i32.const N)");
      const bytes = [];
      for (const s of rest) bytes.push(...s.str);
      datas.push({ offset: parseInt32(off[1]), bytes });
    } else if (field[0] === "export") {
      const [, nm, [kind, ref]] = field;
      if (kind === "func") exports.push({ name: nm.text, kind: 0, index: funcNames.get(ref) ?? Number(ref) });
      else if (kind === "memory") exports.push({ name: nm.text, kind: 2, index: 0 });
      else throw new Error(`unsupported export kind ${kind}`);
    } else if (field[0] !== "import") throw new Error(`unsupported module field ${field[0]}`);
  }

  // Second pass: function bodies.
  const codes = [];
  const funcTypes = [];
  for (const f of funcs) {
    const s = sig(f.rest);
    funcTypes.push(typeIndex(s.params, s.results));
    const localIndex = new Map();
    [...s.paramNames, ...s.localNames].forEach((n, i) => n && localIndex.set(n, i));
    const nLocals = s.params.length + s.locals.length;
    const out = [];
    const labels = []; // names (or null) of the enclosing blocks, innermost last

    const localRef = (a) => {
      if (a === undefined) throw new Error(`missing local in ${f.name}`);
      if (a.startsWith("$")) {
        if (!localIndex.has(a)) throw new Error(`unknown local ${a} in ${f.name}`);
        return localIndex.get(a);
      }
      const n = Number(a);
      if (!Number.isInteger(n) || n >= nLocals) throw new Error(`bad local ${a} in ${f.name}`);
      return n;
    };
    const labelRef = (a) => {
      if (a.startsWith("$")) {
        const i = labels.lastIndexOf(a);
        if (i < 0) throw new Error(`unknown label ${a} in ${f.name}`);
        return labels.length - 1 - i;
      }
      return Number(a);
    };
    /** @returns {[number, string | null, number]} */
    const blockType = (items) => {
      // items: leading atoms/lists after the opcode; returns [bt byte, label, consumed]
      /** @type {string | null} */
      let label = null;
      let k = 0, bt = 0x40;
      if (isAtom(items[k]) && items[k].startsWith("$")) label = items[k++];
      if (isList(items[k]) && items[k][0] === "result") {
        if (items[k].length !== 2) throw new Error("multi-value blocks unsupported");
        bt = TYPES[items[k][1]];
        k++;
      }
      return [bt, label, k];
    };

    // Emits one instruction whose opcode is `name` and whose immediates are taken from
    // `imms` (atoms). Returns how many immediates were consumed.
    const emitOp = (opName, imms) => {
      const entry = OPS.get(opName);
      if (!entry) throw new Error(`unknown instruction ${opName} in ${f.name}`);
      const [code, kind] = entry;
      switch (kind) {
        case "none": out.push(...code); return 0;
        case "local": out.push(...code, ...uleb(localRef(imms[0]))); return 1;
        case "call": {
          const idx = funcNames.has(imms[0]) ? funcNames.get(imms[0]) : Number(imms[0]);
          if (!Number.isInteger(idx)) throw new Error(`unknown function ${imms[0]}`);
          out.push(...code, ...uleb(idx));
          return 1;
        }
        case "label": out.push(...code, ...uleb(labelRef(imms[0]))); return 1;
        case "i32": out.push(...code, ...sleb(parseInt32(imms[0]))); return 1;
        case "i64": out.push(...code, ...sleb(parseInt64(imms[0]))); return 1;
        case "memidx": out.push(...code, 0x00); return 0;
        case "fc_copy": out.push(...code, 0x00, 0x00); return 0;
        case "fc_fill": out.push(...code, 0x00); return 0;
        case "mem": {
          let offset = 0, align = NATURAL_ALIGN[opName], n = 0;
          while (isAtom(imms[n]) && /^(offset|align)=/.test(imms[n])) {
            const [k, v] = imms[n].split("=");
            if (k === "offset") offset = Number(v);
            else align = Math.log2(Number(v));
            n++;
          }
          out.push(...code, ...uleb(align), ...uleb(offset));
          return n;
        }
        default: throw new Error(`${opName} cannot be used here`);
      }
    };

    const emitSeq = (items) => {
      let k = 0;
      while (k < items.length) {
        const it = items[k];
        if (isList(it)) {
          emitFolded(it);
          k++;
          continue;
        }
        const entry = OPS.get(it);
        if (!entry) throw new Error(`unknown instruction ${it} in ${f.name}`);
        const kind = entry[1];
        if (kind === "block") {
          const [bt, label, used] = blockType(items.slice(k + 1));
          out.push(...entry[0], bt);
          labels.push(label);
          k += 1 + used;
        } else if (kind === "else") {
          out.push(0x05);
          k++;
        } else if (kind === "end") {
          if (!labels.length) throw new Error(`unbalanced end in ${f.name}`);
          labels.pop();
          out.push(0x0b);
          k++;
        } else {
          const used = emitOp(it, items.slice(k + 1));
          k += 1 + used;
        }
      }
    };

    const emitFolded = (list) => {
      const head = list[0];
      if (head === "block" || head === "loop") {
        const [bt, label, used] = blockType(list.slice(1));
        out.push(head === "block" ? 0x02 : 0x03, bt);
        labels.push(label);
        emitSeq(list.slice(1 + used));
        labels.pop();
        out.push(0x0b);
        return;
      }
      if (head === "if") {
        const [bt, label, used] = blockType(list.slice(1));
        const rest = list.slice(1 + used);
        const thenIdx = rest.findIndex((x) => isList(x) && x[0] === "then");
        if (thenIdx < 0) throw new Error(`(if) without (then) in ${f.name}`);
        emitSeq(rest.slice(0, thenIdx)); // condition
        out.push(0x04, bt);
        labels.push(label);
        emitSeq(rest[thenIdx].slice(1));
        const els = rest[thenIdx + 1];
        if (els) {
          if (!isList(els) || els[0] !== "else") throw new Error(`bad (if) form in ${f.name}`);
          out.push(0x05);
          emitSeq(els.slice(1));
        }
        labels.pop();
        out.push(0x0b);
        return;
      }
      // Generic folded instruction: (op imm* operands*)
      let k = 1;
      const imms = [];
      while (k < list.length && isAtom(list[k])) imms.push(list[k++]);
      for (; k < list.length; k++) emitFolded(list[k]);
      const used = emitOp(head, imms);
      if (used !== imms.length) throw new Error(`too many immediates for ${head} in ${f.name}: ${imms.join(" ")}`);
    };

    emitSeq(s.rest);
    if (labels.length) throw new Error(`unclosed block in ${f.name}`);
    out.push(0x0b);

    // local declarations, run-length encoded
    const groups = [];
    for (const t of s.locals) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    const body = [...vec(groups.map(([n, t]) => [...uleb(n), TYPES[t]])), ...out];
    codes.push([...uleb(body.length), ...body]);
  }

  const limits = (m) => (m.max === undefined ? [0x00, ...uleb(m.min)] : [0x01, ...uleb(m.min), ...uleb(m.max)]);
  const typeSec = vec(types.map((t) => [0x60, ...vec(t.params.map((p) => [TYPES[p]])), ...vec(t.results.map((r) => [TYPES[r]]))]));
  const importItems = imports.map((im) => [...name(im.modName), ...name(im.fieldName), 0x00, ...uleb(im.type)]);
  if (memory?.imported) {
    importItems.push([...name(memory.imported[0]), ...name(memory.imported[1]), 0x02, ...limits(memory)]);
  }
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, typeSec),
    ...section(2, importItems.length ? vec(importItems) : []),
    ...section(3, funcTypes.length ? vec(funcTypes.map((t) => uleb(t))) : []),
    ...section(5, memory && !memory.imported ? vec([limits(memory)]) : []),
    ...section(7, exports.length ? vec(exports.map((e) => [...name(e.name), e.kind, ...uleb(e.index)])) : []),
    ...section(10, codes.length ? vec(codes) : []),
    ...section(11, datas.length ? vec(datas.map((d) => [0x00, 0x41, ...sleb(d.offset), 0x0b, ...vec(d.bytes.map((b) => [b]))])) : []),
  ];
  return new Uint8Array(bytes);
}
