#!/usr/bin/env node
// Launcher for the bundled `butane` command (built into dist/cli by `npm run build`).
require("./launch.js")("butane");
