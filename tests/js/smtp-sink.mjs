// A real SMTP server for the tests (npm smtp-server): listens on 127.0.0.1 at the port given, accepts any mail
// without TLS or authentication, and writes each message it receives, as sent, to <folder>/<n>.eml.
// Prints "listening <port>" once it accepts connections. Usage: node smtp-sink.mjs <port> <folder>
import { SMTPServer } from 'smtp-server';
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const [port, folder] = process.argv.slice(2);
mkdirSync(folder, { recursive: true });
let received = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const n = ++received;
      // Written under another name first, so a reader never sees half a message.
      const partial = join(folder, `${n}.part`);
      writeFileSync(partial, Buffer.concat(chunks));
      renameSync(partial, join(folder, `${n}.eml`));
      callback();
    });
  },
});

server.on('error', (e) => { console.error(e); process.exit(1); });
server.listen(Number(port), '127.0.0.1', () => console.log(`listening ${server.server.address().port}`));
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
