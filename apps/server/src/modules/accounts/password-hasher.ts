import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is an ambient const enum, so its value is written out here.
const ARGON2ID = 2;

/**
 * argon2id with OWASP's recommended floor (19 MiB, 2 passes). A dummy hash is verified when a
 * username does not exist, so response time does not reveal which usernames are registered.
 */
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export async function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('resonance-dummy-password');
  await verifyPassword(await dummyHash, password);
}
