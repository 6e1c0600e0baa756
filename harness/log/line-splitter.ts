/**
 * Split a byte stream into lines with a bounded buffer: a line longer than maxLineBytes is reported as soon as it
 * crosses the limit, so a 200 MB line never sits in memory. Lines are handed over synchronously as Buffers
 * (without the newline, and without a trailing CR), with 1-based numbers and whether a newline ended them.
 */
export interface LineSink {
  line(bytes: Buffer, lineNumber: number, terminated: boolean): void;
  /** Called when the current line passes the limit; must throw (the read stops). */
  tooLong(lineNumber: number, bytesSoFar: number): never;
}

export async function splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number, sink: LineSink): Promise<number> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNumber = 0;
  const emit = (bytes: Buffer, terminated: boolean): void => {
    lineNumber++;
    if (bytes.length > maxLineBytes) sink.tooLong(lineNumber, bytes.length);
    const end = bytes.length && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length;
    sink.line(end === bytes.length ? bytes : bytes.subarray(0, end), lineNumber, terminated);
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      if (pendingBytes) {
        emit(Buffer.concat([...pending, piece], pendingBytes + piece.length), true);
        pending = [];
        pendingBytes = 0;
      } else emit(piece, true);
      start = newline + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxLineBytes) sink.tooLong(lineNumber + 1, pendingBytes);
    }
  }
  if (pendingBytes) emit(Buffer.concat(pending, pendingBytes), false);
  return lineNumber;
}
