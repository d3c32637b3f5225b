import os from 'node:os';
import path from 'node:path';
import { installKeyring, loadKeyring } from '../../src/security/keyring.js';

// What startServer and the CLI do at start-up, for tests that call services directly.
installKeyring(
  loadKeyring({
    secret: 'test-secret-for-seal-keys-0123456789abcdef',
    secretFile: path.join(os.tmpdir(), 'luoshi-test-unused.secret'),
    auditKeyFile: path.join(os.tmpdir(), `luoshi-test-no-audit-keys-${process.pid}`),
  }),
);
