/** Bad input on the command line: shown as one line `gongkai: <message>`, exit 2, never a stack trace. */
export class CliInputError extends Error {
  override name = 'CliInputError';
}
