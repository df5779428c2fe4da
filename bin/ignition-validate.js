#!/usr/bin/env node
// Thin launcher: the CLI itself is one bundled module built by `npm run build`.
import "../dist/cli/ignition-validate.js";
