import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';

const CHUNK_BYTES = 256 * 1024;

/**
 * A file still being written (a transcode in progress), readable while it grows: a reader
 * sends what is on disk, then waits for more until the writer finishes or fails. This lets a
 * player start playing after the first bytes instead of after the whole transcode.
 */
export class GrowingFile {
  private bytes = 0;
  private state: 'growing' | 'complete' | 'failed' = 'growing';
  private failure: Error | undefined;
  private waiters: (() => void)[] = [];

  constructor(readonly path: string) {}

  get written(): number {
    return this.bytes;
  }

  get status(): 'growing' | 'complete' | 'failed' {
    return this.state;
  }

  get error(): Error | undefined {
    return this.failure;
  }

  /** The writer has flushed `total` bytes to the file. */
  grew(total: number): void {
    this.bytes = total;
    this.wake();
  }

  complete(): void {
    this.state = 'complete';
    this.wake();
  }

  fail(error: Error): void {
    this.state = 'failed';
    this.failure = error;
    this.wake();
  }

  /** Resolves at the next change: more bytes, completion or failure. */
  changed(): Promise<void> {
    if (this.state !== 'growing') return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Resolves once there is something to send, or once it is known there never will be. */
  async started(): Promise<void> {
    while (this.state === 'growing' && this.bytes === 0) await this.changed();
  }

  /**
   * A stream of the whole file as it grows. Opens the file now, so the writer may rename or
   * delete it afterwards; rejects when it is already gone (then use the finished file).
   */
  async reader(): Promise<Readable> {
    const handle = await open(this.path, 'r');
    return Readable.from(this.chunks(handle), { objectMode: false });
  }

  private async *chunks(handle: FileHandle): AsyncGenerator<Buffer> {
    try {
      let position = 0;
      for (;;) {
        if (position < this.bytes) {
          const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, this.bytes - position));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
          if (bytesRead === 0) throw new Error('transcode output shrank while being read');
          position += bytesRead;
          yield buffer.subarray(0, bytesRead);
        } else if (this.state === 'complete') {
          return;
        } else if (this.state === 'failed') {
          throw this.failure ?? new Error('transcode failed');
        } else {
          await this.changed();
        }
      }
    } finally {
      // Also runs when the client goes away: Readable.from returns the generator on destroy.
      await handle.close();
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
