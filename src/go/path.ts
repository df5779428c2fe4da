// Go's "path" package (slash-separated paths), as Ignition's validators use it.

/** path.Clean: the shortest equivalent path, lexically. */
export function clean(p: string): string {
  if (p === "") return ".";
  const rooted = p.charCodeAt(0) === 47;
  const n = p.length;
  // Fast path: already clean (common for real configs).
  if (rooted && isCleanAbs(p)) return p;
  let out = "";
  let r = 0;
  let dotdot = 0;
  if (rooted) {
    out = "/";
    r = 1;
    dotdot = 1;
  }
  while (r < n) {
    const c = p.charCodeAt(r);
    if (c === 47) {
      r++;
    } else if (c === 46 && (r + 1 === n || p.charCodeAt(r + 1) === 47)) {
      r++;
    } else if (c === 46 && p.charCodeAt(r + 1) === 46 && (r + 2 === n || p.charCodeAt(r + 2) === 47)) {
      r += 2;
      if (out.length > dotdot) {
        let w = out.length - 1;
        while (w > dotdot && out.charCodeAt(w) !== 47) w--;
        out = out.slice(0, w);
      } else if (!rooted) {
        if (out.length > 0) out += "/";
        out += "..";
        dotdot = out.length;
      }
    } else {
      if ((rooted && out.length !== 1) || (!rooted && out.length !== 0)) out += "/";
      const start = r;
      while (r < n && p.charCodeAt(r) !== 47) r++;
      out += p.slice(start, r);
    }
  }
  return out === "" ? "." : out;
}

/** True for "/", or "/a/b" with no empty, "." or ".." segments and no trailing slash. */
function isCleanAbs(p: string): boolean {
  const n = p.length;
  if (n === 1) return true;
  if (p.charCodeAt(n - 1) === 47) return false;
  let segStart = 1;
  for (let i = 1; i <= n; i++) {
    if (i === n || p.charCodeAt(i) === 47) {
      const len = i - segStart;
      if (len === 0) return false;
      if (p.charCodeAt(segStart) === 46 && (len === 1 || (len === 2 && p.charCodeAt(segStart + 1) === 46))) return false;
      segStart = i + 1;
    }
  }
  return true;
}

/** path.IsAbs */
export function isAbs(p: string): boolean {
  return p.length > 0 && p.charCodeAt(0) === 47;
}

/** path.Join: joins the non-empty elements with "/" and cleans the result. */
export function join(...elems: string[]): string {
  let s = "";
  let any = false;
  for (const e of elems) {
    if (e === "") continue;
    s = any ? s + "/" + e : e;
    any = true;
  }
  return any ? clean(s) : "";
}

/** path.Ext: the suffix from the final "." in the last element, or "". */
export function ext(p: string): string {
  for (let i = p.length - 1; i >= 0; i--) {
    const c = p.charCodeAt(i);
    if (c === 47) break;
    if (c === 46) return p.slice(i);
  }
  return "";
}
