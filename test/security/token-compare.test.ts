// Bearer tokens are compared with workerd's crypto.subtle.timingSafeEqual over SHA-256 digests.
import { describe, expect, it } from 'vitest';
import { safeEqual } from '../../src/lib/hash';

describe('token comparison', () => {
  it('accepts only the identical token', async () => {
    expect(await safeEqual('test-read-token', 'test-read-token')).toBe(true);
    expect(await safeEqual('test-read-token', 'test-read-tokeN')).toBe(false);
  });

  it('refuses a prefix, an extension and the empty string (digests have equal lengths, so no length error)', async () => {
    expect(await safeEqual('test-read', 'test-read-token')).toBe(false);
    expect(await safeEqual('test-read-token-and-more', 'test-read-token')).toBe(false);
    expect(await safeEqual('', 'test-read-token')).toBe(false);
    expect(await safeEqual('', '')).toBe(true);
  });

  it('compares non-ASCII tokens by their UTF-8 bytes', async () => {
    expect(await safeEqual('jeton-é', 'jeton-é')).toBe(true);
    expect(await safeEqual('jeton-é', 'jeton-e\u0301')).toBe(false);
  });
});
