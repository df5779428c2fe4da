#!/usr/bin/env node
// Launcher for the bundled Butane language server (built into dist/cli by `npm run build`).
require("./launch.js")("butane-language-server");
