/** The CLI's view of its streams, so commands run the same from the shell and from tests. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}
