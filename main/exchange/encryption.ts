import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../../shared/api/errors';

/**
 * Whole-file encryption of an exchange file: AES-256-GCM (authenticated, so
 * any change to the file is detected) under a key derived from the
 * passphrase with scrypt, a memory-hard function, both from Node's OpenSSL.
 * Node 22 has no Argon2, and scrypt at N=2^17, r=8 (128 MiB, a fraction of a
 * second) is the cost OWASP recommends for it.
 *
 * Layout: header (below), ciphertext, 16-byte GCM tag. The header is the
 * GCM additional data, so its parameters cannot be altered unnoticed.
 *   magic "FBKCRYPT" | version 1 | kdf 1 (scrypt) | log2 N | r | p | salt (16) | nonce (12) | verifier (32)
 * The verifier is the second half of scrypt's output (the key is the first),
 * so a wrong passphrase is told apart from a damaged file before decrypting.
 */
const MAGIC = Buffer.from('FBKCRYPT', 'ascii');
const VERSION = 1;
const KDF_SCRYPT = 1;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const VERIFIER_BYTES = 32;
const TAG_BYTES = 16;
export const HEADER_BYTES = MAGIC.length + 5 + SALT_BYTES + NONCE_BYTES + VERIFIER_BYTES;

export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

export const defaultScryptParams: ScryptParams = { log2N: 17, r: 8, p: 1 };

/**
 * The costs a header may name: what Fieldbook writes, with room for one step
 * either way of N. The key must be derived before the file can be
 * authenticated, so these bounds are all that stands between a hostile header
 * and minutes of CPU and a gigabyte of memory; the dearest accepted (2^18,
 * r 8, p 1: 256 MiB) takes about a second.
 */
const ACCEPTED_LOG2N = { min: 16, max: 18 };
const ACCEPTED_R = 8;
const ACCEPTED_P = 1;

export function startsEncrypted(firstBytes: Uint8Array): boolean {
  return Buffer.from(firstBytes.subarray(0, MAGIC.length)).equals(MAGIC);
}

function deriveKeys(passphrase: string, salt: Buffer, params: ScryptParams): Promise<{ key: Buffer; verifier: Buffer }> {
  const N = 2 ** params.log2N;
  const memory = 128 * N * params.r;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32 + VERIFIER_BYTES, { N, r: params.r, p: params.p, maxmem: memory + 32 * 2 ** 20 }, (error, derived) => {
      if (error) reject(new ApiError('INTERNAL', `Could not derive the key: ${error.message}`));
      else resolve({ key: derived.subarray(0, 32), verifier: derived.subarray(32) });
    });
  });
}

/** A stream that turns the plain file into the encrypted one: header first, the tag after the last byte. */
export async function encryptingStream(passphrase: string, params: ScryptParams = defaultScryptParams): Promise<Transform> {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const { key, verifier } = await deriveKeys(passphrase, salt, params);
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION, KDF_SCRYPT, params.log2N, params.r, params.p]), salt, nonce, verifier]);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(header);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!started) {
        started = true;
        this.push(header);
      }
      callback(null, cipher.update(chunk));
    },
    flush(callback) {
      if (!started) this.push(header);
      this.push(cipher.final());
      callback(null, cipher.getAuthTag());
    },
  });
}

interface Header {
  params: ScryptParams;
  salt: Buffer;
  nonce: Buffer;
  verifier: Buffer;
  bytes: Buffer;
}

function parseHeader(bytes: Buffer): Header {
  const at = MAGIC.length;
  const [version, kdf, log2N, r, p] = [...bytes.subarray(at, at + 5)] as [number, number, number, number, number];
  if (version !== VERSION || kdf !== KDF_SCRYPT) {
    throw new ApiError('UNSUPPORTED_FILE', `This file was encrypted by a newer Fieldbook (encryption version ${version}); update Fieldbook to open it.`);
  }
  if (log2N < ACCEPTED_LOG2N.min || log2N > ACCEPTED_LOG2N.max || r !== ACCEPTED_R || p !== ACCEPTED_P) {
    throw new ApiError('DAMAGED_FILE', `The encrypted file names key-derivation costs no Fieldbook uses (scrypt log2 N ${log2N}, r ${r}, p ${p}); it is damaged or was made to exhaust this computer. Nothing was imported.`);
  }
  let offset = at + 5;
  const take = (length: number) => bytes.subarray(offset, (offset += length));
  return { params: { log2N, r, p }, salt: take(SALT_BYTES), nonce: take(NONCE_BYTES), verifier: take(VERIFIER_BYTES), bytes };
}

/**
 * Decrypt `source` into `target`. A wrong passphrase is said to be one; any
 * other failure of authentication means the file changed after it was
 * encrypted. Only once the tag checks out is `target` complete: the caller
 * reads nothing from it before this resolves.
 */
export async function decryptFile(source: string, target: string, passphrase: string): Promise<void> {
  const handle = await open(source, 'r');
  let header: Header;
  let tag: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    if (size <= HEADER_BYTES + TAG_BYTES) throw new ApiError('DAMAGED_FILE', 'The encrypted file is truncated: it is shorter than its header.');
    const head = Buffer.alloc(HEADER_BYTES);
    await handle.read(head, 0, HEADER_BYTES, 0);
    header = parseHeader(head);
    tag = Buffer.alloc(TAG_BYTES);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  const { key, verifier } = await deriveKeys(passphrase, header.salt, header.params);
  if (!timingSafeEqual(verifier, header.verifier)) throw new ApiError('PASSWORD_INCORRECT', 'The passphrase is wrong for this file.');
  const decipher = createDecipheriv('aes-256-gcm', key, header.nonce).setAAD(header.bytes).setAuthTag(tag);
  try {
    await pipeline(createReadStream(source, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }), decipher, createWriteStream(target, { mode: 0o600 }));
  } catch (error) {
    if (error instanceof Error && /authenticate/i.test(error.message)) {
      throw new ApiError('DAMAGED_FILE', 'The encrypted file was changed after it was encrypted, or is damaged or truncated; nothing was imported.');
    }
    throw error;
  }
}
