import { run } from './main.js';

// Entry point of the `luoshi` command (bin/luoshi.js loads the compiled copy of this file).
const code = await run(process.argv);
if (code !== 0) process.exitCode = code;
