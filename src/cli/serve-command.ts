import { loadConfig } from '../config.js';
import { startServer } from '../server/start.js';
import type { Io } from './runtime.js';
import { describeTarget } from './runtime.js';

/** Starts the server and keeps it running until SIGINT/SIGTERM, then shuts down gracefully. */
export async function serve(options: { port?: string; host?: string }, io: Io): Promise<void> {
  const env = { ...process.env };
  if (options.port !== undefined) env.PORT = options.port;
  if (options.host !== undefined) env.HOST = options.host;
  const config = loadConfig(env);
  const server = await startServer(config);
  io.out(`luoshi (落实) 已启动 / listening on ${server.url}  — ${describeTarget(config)}`);
  if (server.demo?.loaded) {
    io.out(`演示数据已载入 / demo loaded: ${server.demo.accounts} accounts (admin, office, <code>.reporter, <code>.signatory)`);
    if (server.demo.generatedAdminPassword) io.out(`  admin 密码 / password: ${server.demo.generatedAdminPassword}`);
    if (server.demo.generatedDemoPassword) io.out(`  其他演示账号密码 / other demo accounts: ${server.demo.generatedDemoPassword}`);
    if (server.demo.generatedAdminPassword || server.demo.generatedDemoPassword) {
      io.out('  这些密码只显示这一次 / these passwords are shown only once (set LUOSHI_ADMIN_PASSWORD / LUOSHI_DEMO_PASSWORD to choose them)');
    }
  }
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      io.err(`${signal}: shutting down`);
      const force = setTimeout(() => {
        io.err('shutdown took too long; exiting');
        process.exit(1);
      }, 10_000);
      force.unref();
      void server.close().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
