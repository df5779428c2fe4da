// Hand-written documents for the oracle recording: parse errors, version handling,
// Go's JSON decoding quirks (case-insensitive keys, repeated keys, null), type errors.

const v = (version: string, rest = ""): string => `{"ignition":{"version":"${version}"}${rest}}`;

const raw: Array<[string, string]> = [
  // Parse errors.
  ["3.5.0", ""],
  ["3.5.0", " "],
  ["3.5.0", "{"],
  ["3.5.0", "{}"],
  ["3.5.0", "[]"],
  ["3.5.0", "null"],
  ["3.5.0", "5"],
  ["3.5.0", '"x"'],
  ["3.5.0", "{,}"],
  ["3.5.0", '{"a" 1}'],
  ["3.5.0", '{"a":1,}'],
  ["3.5.0", '{"a":[1,]}'],
  ["3.5.0", '{"a":tru}'],
  ["3.5.0", '{"a":nul}'],
  ["3.5.0", '{"a":fals}'],
  ["3.5.0", '{"a":01}'],
  ["3.5.0", '{"a":-}'],
  ["3.5.0", '{"a":1.}'],
  ["3.5.0", '{"a":1e}'],
  ["3.5.0", '{"a":"\\x"}'],
  ["3.5.0", '{"a":"\\u12g4"}'],
  ["3.5.0", '{"a":"x\ny"}'],
  ["3.5.0", '{"a":1} x'],
  ["3.5.0", "{'a':1}"],
  ["3.5.0", '{"a":é}'],
  ["3.5.0", '{"a":\u00a0}'],
  ["3.5.0", "\n\n  {\n  \"ignition\": {\"version\": \"3.5.0\"},\n  \"x\": [1, 2,, 3]\n}"],
  ["3.5.0", '{"a":"\\ud800"}'],
  ["3.5.0", "-"],
  ["3.5.0", "1 2"],
  // Versions.
  ["3.5.0", '{"ignition":{}}'],
  ["3.5.0", '{"ignition":{"version":""}}'],
  ["3.5.0", '{"ignition":{"version":"3.5"}}'],
  ["3.5.0", '{"ignition":{"version":"3.5.0+meta"}}'],
  ["3.5.0", '{"ignition":{"version":"3.05.0"}}'],
  ["3.5.0", '{"ignition":{"version":"+3.5.0"}}'],
  ["3.5.0", '{"ignition":{"version":"3.5.0-rc1"}}'],
  ["3.5.0", '{"ignition":{"version":"3.4.0"}}'],
  ["3.5.0", '{"ignition":{"version":"3.99.0"}}'],
  ["3.5.0", '{"ignition":{"version":"2.2.0"}}'],
  ["3.5.0", '{"ignition":{"version":"x.y.z"}}'],
  ["3.5.0", '{"ignition":{"version":3}}'],
  ["3.5.0", '{"ignition":{"version":null}}'],
  ["3.5.0", '{"ignition":{"version":["3.5.0"]}}'],
  ["3.5.0", '{"ignition":"3.5.0"}'],
  ["3.5.0", '{"ignition":[]}'],
  ["3.5.0", '{"ignition":null}'],
  ["3.7.0-experimental", '{"ignition":{"version":"3.7.0-experimental"}}'],
  ["3.7.0-experimental", '{"ignition":{"version":"3.7.0"}}'],
  ["3.6.0", '{"ignition":{"version":"3.6.0-experimental"}}'],
  ["3.5.0", '{"IGNITION":{"VERSION":"3.5.0"}}'],
  ["3.5.0", '{"ignition":{"Version":"3.5.0"}}'],
  ["3.5.0", '{"ignition":{"version":"3.5.0"},"ignition":{"version":"3.4.0"}}'],
  ["3.5.0", '{"ignition":{"version":"3.4.0"},"Ignition":{"version":"3.5.0"}}'],
  // Decoding quirks.
  ["3.5.0", v("3.5.0", ',"Storage":{"Files":[{"Path":"a"}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a"}]},"storage":{"files":[{"mode":420},{"path":"b"}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","user":null}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":null}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[null]}')],
  ["3.5.0", v("3.5.0", ',"storage":null')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","contents":null,"mode":null}]}')],
  ["3.2.0", v("3.2.0", ',"storage":{"luks":[{"name":"x","device":"/dev/a","clevis":null}]}')],
  ["3.2.0", v("3.2.0", ',"storage":{"luks":[{"name":"x","device":"/dev/a","clevis":{"custom":null,"tpm2":true}}]}')],
  ["3.2.0", v("3.2.0", ',"storage":{"luks":[{"name":"x","device":"/dev/a","clevis":{"custom":{"pin":"","config":""},"tpm2":true}}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","ſomething":1,"\u212aey":2}]}')],
  ["3.5.0", v("3.5.0", ',"passwd":{"users":[{"name":"core","\u017fhell":"/bin/sh"}]}')],
  ["3.5.0", v("3.5.0", ',"bogus":1,"other":{"x":1},"storage":{"bogus2":[],"files":[{"path":"/a","extra":true}]}')],
  ["3.5.0", v("3.5.0", ',"systemd":{"units":[{"name":"a.service","dropins":[{"name":"x.conf","what":1}]}]}')],
  // Type errors, incl. embedded struct fields.
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":5}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","mode":"420"}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","mode":1.5}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","mode":1e3}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","mode":99999999999999999999}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","user":{"id":"x"}}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","contents":{"source":1}}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","contents":{"httpHeaders":{}}}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","contents":{"httpHeaders":[1]}}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[{"path":"/a","append":{}}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":{"path":"/a"}}')],
  ["3.5.0", v("3.5.0", ',"storage":{"files":[5]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"links":[{"path":"/a","hard":"yes"}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"directories":[{"path":"/a","mode":true}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"raid":[{"name":"r","devices":[1]}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"raid":[{"name":"r","devices":"x"}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"luks":[{"name":"r","clevis":[]}]}')],
  ["3.2.0", v("3.2.0", ',"storage":{"luks":[{"name":"r","clevis":"x"}]}')],
  ["3.5.0", v("3.5.0", ',"passwd":{"users":[{"name":"a","sshAuthorizedKeys":[true]}]}')],
  ["3.5.0", v("3.5.0", ',"kernelArguments":{"shouldExist":[1]}')],
  ["3.5.0", v("3.5.0", ',"ignition":{"version":"3.5.0","proxy":{"noProxy":[{}]}}')],
  ["3.5.0", v("3.5.0", ',"systemd":{"units":[{"name":"a.service","enabled":"true"}]}')],
  ["3.5.0", v("3.5.0", ',"systemd":[]')],
  ["3.5.0", '{"ignition":{"version":"3.5.0","timeouts":{"httpTotal":-1.0}}}'],
  ["3.0.0", v("3.0.0", ',"storage":{"files":[{"path":"/a","contents":{"httpHeaders":[]}}]}')],
  ["3.0.0", v("3.0.0", ',"ignition":{"version":"3.0.0","security":{"tls":{"certificateAuthorities":[null,{"source":""}]}}}')],
  // Semantics details.
  ["3.5.0", v("3.5.0", ',"storage":{"disks":[{"device":"/dev/a","partitions":[{"number":1},{"number":2},{"number":1},{"number":3,"label":"x"}]}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"disks":[{"device":"/dev/a","partitions":[{"number":1,"startMiB":10,"sizeMiB":0},{"number":2,"startMiB":10,"sizeMiB":0}]}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"disks":[{"device":"/dev/a","partitions":[{"label":"a","shouldExist":false},{"label":"a"}]}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"links":[{"path":"/a","target":"/b","hard":true,"user":{"id":0,"name":""},"group":{"id":1,"name":"x"}}],"directories":[{"path":"/b"}]}')],
  ["3.2.0", v("3.2.0", ',"storage":{"links":[{"path":"/a","target":"","hard":true}],"directories":[{"path":"/a"}]}')],
  ["3.5.0", v("3.5.0", ',"storage":{"filesystems":[{"device":"/dev/a","format":"ext4"},{"device":"/dev/b","format":"ext4","wipeFilesystem":false}],"disks":[{"device":"/dev/a","partitions":[{"number":1}]},{"device":"/dev/b","wipeTable":true}]}')],
  ["3.5.0", v("3.5.0", ',"systemd":{"units":[{"name":"a@.service","contents":"[Service]\\nX=y"},{"name":"a@x.service","enabled":true},{"name":"a@y.service","enabled":true,"contents":"[Install]\\nWantedBy=a"}]}')],
  ["3.5.0", v("3.5.0", ',"systemd":{"units":[{"name":"a@.service","contents":"[Service"},{"name":"a@x.service","enabled":true}]}')],
  ["3.5.0", v("3.5.0", ',"systemd":{"units":[{"name":"x\\ny@z.service","enabled":true},{"name":"x\\ny@.service","contents":"[A]\\nB=c"}]}')],
  ["3.5.0", v("3.5.0", ',"systemd":{"units":[{"name":"é\\u0001\\"\\\\.service","enabled":true,"contents":"[Service]\\nA=b"}]}')],
  ["3.5.0", v("3.5.0", ',"systemd":{"units":[{"name":"a.service","contents":"[Service]x\\u0001é\\"\\n"}]}')],
  ["3.4.0", v("3.4.0", ',"storage":{"luks":[{"name":"a","device":"/dev/a","clevis":{"tang":[{"url":"http://t","thumbprint":"x","advertisement":"{\\"a\\":1e999}"}]}}]}')],
];

// Every URL form against each scheme generation (3.0, 3.1, 3.2 adds gs, 3.4 adds arn).
const URLS = [
  "data:", "data:,", "data:;,x", "data:;x,y", "data:;=x,y", "data:;x=,y", "data:;x=y", "data:;x=y;", "data:;x=\"y", "data:;x=\"y\"",
  "data:;x=\"y\"z,a", "data:;x=\"a\\qb\",c", "data:;x=\"a\\x4g\",c", "data:;x=\"a\\u00e9\",c", "data:;x=\"a\\\"", "data:;x=\"\\é\",c",
  "data:;x=\"é\",c", "data:;x=é,c", "data:;é=y,c", "data:;x=\"\";y=%zz,c", "data:;x=\"\";y=%41,c", "data:;x=%4,c", "data:;x=%41,c",
  "data:text", "data:text/", "data:text/plain", "data:text/plain;", "data:text/plain,", "data:text/plain x,", "data:text/plain;base64", "data:text/plain;base64,",
  "data:text/plain;base64,YQ", "data:text/plain;base64,YQ=", "data:text/plain;base64,YQ==", "data:text/plain;base64,YQ===", "data:text/plain;base64,Y===",
  "data:text/plain;base64,=YQ=", "data:text/plain;base64,YW\nJj", "data:text/plain;base64,YWJj\n", "data:text/plain;base64,YQ==\n", "data:text/plain;base64,YQ=\n=",
  "data:text/plain;base64,YQ==YQ==", "data:text/plain;base64,YWJjZGVmZ2hp====", "data:text/plain;base64,YWJj!", "data:;base64,YWJjZA", "data:;base64,YWJjZA=", "data:;base64,YWJjZA==",
  "data:;Base64,YQ==", "data:;base64;x=y,YQ==", "data:;x=y;base64,YQ==",
  "data:x,y", "data:x-/y,z", "data:x-a/y,z", "data:X-a/y,z", "data:xa/y,z", "data:x/y,z", "data:x", "data:x-", "data:x-a", "data:x-a/", "data:xé/y,z", "data:x\u0001/y,z",
  "data:image/png,x", "data:audio/x,y", "data:video/x,y", "data:application/json,{}", "data:message/rfc822,x", "data:multipart/x,y", "data:textual/x,y", "data:tex/x,y",
  "data:text/x;charset=utf-8,y", "data:text/x;charset=utf-8;base64,eQ==", "data:/x,y", "data:@/x,y", "data:text/@,y", "data:text/x@,y", "data:text/x;@=y,z",
  "data:,a%", "data:,a%4", "data:,a%4g", "data:,a%g4", "data:,%41%42", "data:,a^b", "data:,a[b", "data:,a|b", "data:,a\"b", "data:,a<b", "data:,é",
  "data:,a#b", "data:,a#%zz", "data:,a?b", "data:text/plain;charset=US-ASCII,hi",
  "http://a/b", "http://a:80/b", "http://a:8x/b", "http://a:/b", "http://[::1]/b", "http://[::1]:8/b", "http://[::1]x/b", "http://[fe80::1%25en0]/b", "http://[fe80::1%25%zz]/b",
  "http://[fe80::1%en0]/b", "http://a%41/b", "http://a%C3%A9/b", "http://a%2/b", "http://a{b/c", "http://a b", "http://u@a/b", "http://u:p@a/b", "http://u@v@a/b", "http://u%zz@a/b",
  "http://u é@a/b", "http://ué@a/b", "http://a/b%zz", "http://a/b?%zz", "http://a/b#%zz", "http://a/b#\u0001", "http://a/\u007f", "http:///b", "http:b", "http:", "http://",
  "//a/b", "///a/b", "/a/b", "a/b", "a:b", "1a:b", "+a:b", ":a", "a", "", "*", "?x", "#x", "%41", "s3:", "s3://", "s3://b/k?versionId=1&versionId=", "s3://b/k?versionId=&versionId=1",
  "s3://b/k?a;versionId=", "s3://b/k?versionId=%zz", "s3://b/k?versionId=%20", "s3://b/k?versionId=+", "s3://b/k?versionid=", "S3://b/k?versionId=", "s3://b/k?versionId", "s3://b/k?&versionId=",
  "gs://b/o", "GS://b/o", "tftp://h/f", "TFTP:x", "arn:aws:s3:::b/k", "arn:aws:s3:::b", "arn:aws:s3:::", "arn:aws:s3::::b/k", "arn:aws:s3:r:a:accesspoint/x", "arn:aws:s3:r:a:accesspoint/x/object/k",
  "arn:aws:s3:r:a:accesspoint/x/y", "arn:aws:s3:r:a:b/c?versionId=", "arn:aws:s3:r:a:b/c?versionId=1", "arn:aws:s4:::b/k", "arn:aws:s3::b/k", "arn:/x:s3:::b/k", "ARN:aws:s3:::b/k", "arn:aws:s3:::b/k#f",
  "ftp://a/b", "file:///x", "https://a/b",
];
for (const [version, key] of [["3.0.0", 0], ["3.1.0", 1], ["3.2.0", 2], ["3.4.0", 4], ["3.5.0", 5]] as const) {
  for (const u of URLS) {
    const files = `"storage":{"files":[{"path":"/f","contents":{"source":${JSON.stringify(u)}}}]}`;
    raw.push([version, `{"ignition":{"version":"${version}"},${files}}`]);
    if (key >= 1 && key !== 4) {
      raw.push([version, `{"ignition":{"version":"${version}","proxy":{"httpProxy":${JSON.stringify(u)},"httpsProxy":${JSON.stringify(u)}},"config":{"merge":[{"source":${JSON.stringify(u)},"httpHeaders":[{"name":"a","value":"b"}]}]}}}`]);
    }
    if (key >= 2 && key !== 4) {
      raw.push([version, `{"ignition":{"version":"${version}"},"storage":{"luks":[{"name":"l","device":"/dev/a","keyFile":{"source":${JSON.stringify(u)}},"clevis":{"tang":[{"url":${JSON.stringify(u)},"thumbprint":"t"}]}}]}}`]);
    }
  }
}

// Unit contents against units and drop-ins.
const UNITS = [
  "", " ", "\n", "[", "[]", "[A]", "[A]\n", "[A] \n", "[A]x", "[A]\r\n", "[A]\n\r\n", "[A\n]", "[A]\nB", "[A]\nB\n", "[A]\nB\r", "[A]\nB=", "[A]\nB=c", "[A]\n B = c \n",
  "[A]\nB=c\\", "[A]\nB=c\\\n", "[A]\nB=c\\\nd", "[A]\nB=c \\ \nd", "[A]\n#x\\\nB\n", "[A]\n;x \\ \nB", "#x\n[Install]\nA=b", ";x\\\n[Install]\nA=b",
  "x\n[Install]\nA=b", "[Install]", "[Install]\n", "[Install]\nA", "[Install]\nA=b", "[Install]\n\n\n", "[Install]\n[Unit]\nA=b", "[Unit]\nA=b\n[Install]\nWantedBy=x",
  "[A]\n\u0085B=c", "[A]\n\u00a0B=c", "[A]\n\u2003B=c", "[A] \u2003\n", "[A]\u00a0x", "[A]\u00a0\n", "[é]\nB=c", "[A]\nB\u0000=c", "[A]\n[B",
  "[A]\nB=" + "c".repeat(2100), "[A]\n" + "B".repeat(2100) + "=c", "#" + "x".repeat(3000) + "\n[A]", "[A]\n" + "#\n".repeat(1100) + "B=c\n[Install]\nX=y",
  "[A]\nB=" + "c".repeat(2040) + "\nD=" + "e".repeat(2040) + "\n", "[A]\nB=" + "é".repeat(1030) + "\n", "[A]\n" + "x=y\n".repeat(1500) + "[Install]\nA=b",
  "[A]\nB=c\\\n" + "d".repeat(2500), " ".repeat(2050) + "[A]", "\n".repeat(5000) + "[A]\nB", "[" + "é".repeat(1500) + "]\nA=b",
];
for (const c of UNITS) {
  const contents = JSON.stringify(c);
  raw.push(["3.5.0", `{"ignition":{"version":"3.5.0"},"systemd":{"units":[{"name":"u.service","enabled":true,"contents":${contents},"dropins":[{"name":"d.conf","contents":${contents}}]},{"name":"t@.service","contents":${contents}},{"name":"t@i.service","enabled":true}]}}`]);
}

// Length limits are in bytes (Go's len), at and just past each limit.
for (const [format, max] of [["ext4", 16], ["btrfs", 256], ["xfs", 12], ["swap", 15], ["vfat", 11], ["none", 3]] as const) {
  for (const label of ["a".repeat(max), "a".repeat(max + 1), "é".repeat(Math.ceil(max / 2)), "é".repeat(Math.floor(max / 2))]) {
    raw.push(["3.4.0", `{"ignition":{"version":"3.4.0"},"storage":{"filesystems":[{"device":"/dev/a","format":"${format}","label":"${label}"}]}}`]);
  }
}
for (const label of ["p".repeat(36), "p".repeat(37), "é".repeat(18), "é".repeat(19), "a:b"]) {
  raw.push(["3.4.0", `{"ignition":{"version":"3.4.0"},"storage":{"disks":[{"device":"/dev/a","partitions":[{"label":"${label}"}]}],"luks":[{"name":"l","device":"/dev/b","label":"${label}${label}"}]}}`]);
}

export const EDGE_DOCS: Array<{ version: string; raw: string }> = raw.map(([version, r]) => ({ version, raw: r }));
