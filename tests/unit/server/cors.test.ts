import { describe, expect, it } from 'vitest';
import { createCorsPolicy } from '../../../src/server/cors';

describe('the CORS policy of both hosts', () => {
  it('echoes an allowed origin and says the answer varies by origin', () => {
    const policy = createCorsPolicy(['https://a.example.go.id', 'https://b.example.go.id']);
    expect(policy.responseHeaders('https://b.example.go.id')).toEqual({
      vary: 'Origin',
      'access-control-allow-origin': 'https://b.example.go.id',
    });
    expect(policy.responseHeaders('https://evil.example.com')).toEqual({ vary: 'Origin' });
    expect(policy.responseHeaders(undefined)).toEqual({ vary: 'Origin' });
  });

  it('grants every origin with `*` (the local default in dev)', () => {
    expect(createCorsPolicy(['*']).responseHeaders('http://localhost:5173')).toEqual({
      'access-control-allow-origin': '*',
    });
  });

  it('grants none with an empty list (the prod default)', () => {
    const preflight = createCorsPolicy([]).preflightHeaders('https://a.example.go.id');
    expect(preflight['access-control-allow-origin']).toBeUndefined();
    expect(preflight['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
  });
});
