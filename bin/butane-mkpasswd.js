#!/usr/bin/env node
// Thin launcher for the mkpasswd-style password hasher (bundled by `npm run build`).
import "../dist/cli/mkpasswd.js";
