#!/usr/bin/env node
// Launcher for the bundled `ignition-validate` command (built into dist/cli by `npm run build`).
require("./launch.js")("ignition-validate");
