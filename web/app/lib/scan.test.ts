import { describe, expect, it } from 'vitest';
import { classify, cleanScan, decide, isCode } from './scan';

describe('the desk reads a scan', () => {
  it('takes what a scanner types, without its spaces or carriage return', () => {
    expect(cleanScan('  TN-001\r\n')).toBe('TN-001');
    expect(cleanScan('\tHS/2026.01 ')).toBe('HS/2026.01');
  });

  it('accepts codes of the contract only', () => {
    expect(isCode('TN-001')).toBe(true);
    expect(isCode('a'.repeat(32))).toBe(true);
    expect(isCode('a'.repeat(33))).toBe(false);
    expect(isCode('TN 001')).toBe(false);
    expect(isCode('Sách')).toBe(false);
    expect(isCode('')).toBe(false);
  });

  it('knows a copy from a patron by what the API found', () => {
    expect(classify('TN-001', 200, 404)).toBe('copy');
    expect(classify('hs-001', 404, 200)).toBe('patron');
    expect(classify('x-1', 200, 200)).toBe('both');
    expect(classify('x-1', 404, 404)).toBe('unknown');
    expect(classify('x y', 404, 404)).toBe('invalid');
  });
});

describe('the desk decides what a scan does', () => {
  it('puts a patron in hand from their card', () => {
    expect(decide('patron', null, null)).toEqual({ kind: 'showPatron' });
    expect(decide('patron', 'hs-001', null)).toEqual({ kind: 'showPatron' });
  });

  it('lends a copy to the patron in hand', () => {
    expect(decide('copy', 'hs-001', null)).toEqual({ kind: 'checkout' });
    // on loan to someone else: the server refuses with its own message
    expect(decide('copy', 'hs-001', 'hs-002')).toEqual({ kind: 'checkout' });
  });

  it('takes a copy back when no patron is in hand, or when the patron in hand has it', () => {
    expect(decide('copy', null, 'hs-002')).toEqual({ kind: 'checkin' });
    expect(decide('copy', null, null)).toEqual({ kind: 'checkin' });
    expect(decide('copy', 'hs-001', 'hs-001')).toEqual({ kind: 'checkin' });
  });

  it('reads a code that is both a card and a barcode as a copy while lending, as a card otherwise', () => {
    expect(decide('both', null, null)).toEqual({ kind: 'showPatron' });
    expect(decide('both', 'hs-001', null)).toEqual({ kind: 'checkout' });
  });

  it('says so when the code is nobody and nothing', () => {
    expect(decide('unknown', 'hs-001', null)).toEqual({ kind: 'unknown' });
    expect(decide('invalid', null, null)).toEqual({ kind: 'invalid' });
  });
});
