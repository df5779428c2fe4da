#!/usr/bin/env node
// Launcher for the bundled `butane-mkpasswd` command (built into dist/cli by `npm run build`).
require("./launch.js")("mkpasswd");
