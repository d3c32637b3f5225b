import { run } from './main.js';

// Entry point of the `luoshi` command (bin/luoshi.js loads the compiled copy of this file).

// `luoshi … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const code = await run(process.argv);
if (code !== 0) process.exitCode = code;
