import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { isSealAlgorithm, sealPayload } from './reply-seal-payload.js';
import type { ReplySealInput } from './reply-seal-payload.js';

const BLANK = { itemOrdinal: 1, quote: null, span: null, content: 'x', suggestion: null, reason: null };

/** One opinion with some fields replaced by (possibly ill-typed) values. */
function opinion(fields: Record<string, unknown>): ReplySealInput['opinions'] {
  return [{ ...BLANK, ...fields } as ReplySealInput['opinions'][number]];
}

function input(overrides: Partial<ReplySealInput> = {}): ReplySealInput {
  return {
    consultationId: 7,
    versionId: 3,
    unit: { id: 12, code: 'HNZJT' },
    noOpinion: false,
    opinions: [
      { itemOrdinal: 15, quote: null, span: null, content: '建议补充责任单位。', suggestion: null, reason: '职责不清' },
      { itemOrdinal: 2, quote: '老旧小区', span: [120, 124], content: '建议明确目标', suggestion: '1000个', reason: null },
    ],
    signatory: { id: 31, login: 'zhangsan' },
    sealedAt: '2021-07-20T02:15:00.000Z',
    algorithm: 'ed25519',
    keyId: '0123456789abcdef',
    ...overrides,
  };
}

describe('reply seal payload', () => {
  it('is canonical JSON with sorted keys and opinions sorted by item', () => {
    expect(sealPayload(input())).toBe(
      '{"algorithm":"ed25519","consultationId":7,"format":"luoshi/reply-seal/1","keyId":"0123456789abcdef","noOpinion":false,' +
        '"opinions":[{"content":"建议明确目标","itemOrdinal":2,"quote":"老旧小区","reason":null,"span":[120,124],"suggestion":"1000个"},' +
        '{"content":"建议补充责任单位。","itemOrdinal":15,"quote":null,"reason":"职责不清","span":null,"suggestion":null}],' +
        '"sealedAt":"2021-07-20T02:15:00.000Z","signatory":{"id":31,"login":"zhangsan"},' +
        '"unit":{"code":"HNZJT","id":12},"versionId":3}',
    );
  });

  it('does not depend on the order of opinions, extra columns, or undefined for null', () => {
    const base = sealPayload(input());
    const reordered = input();
    reordered.opinions.reverse();
    expect(sealPayload(reordered)).toBe(base);

    const rows = input() as ReplySealInput & { status: string };
    rows.status = 'sealed';
    Object.assign(rows.unit, { name: '省住房城乡建设厅' });
    Object.assign(rows.opinions[0]!, { id: 99, disposition: 'adopted' });
    expect(sealPayload(rows)).toBe(base);

    const sparse = input();
    const first = sparse.opinions[0] as unknown as Record<string, unknown>;
    delete first.quote;
    delete first.span;
    delete first.suggestion;
    expect(sealPayload(sparse)).toBe(base);
  });

  it('sorts opinions on the same item deterministically', () => {
    const a = { itemOrdinal: 3, quote: null, span: null, content: 'b', suggestion: null, reason: null };
    const b = { ...a, content: 'a' };
    expect(sealPayload(input({ opinions: [a, b] }))).toBe(sealPayload(input({ opinions: [b, a] })));
  });

  it('escapes lone surrogates so the payload is always well-formed UTF-16', () => {
    const payload = sealPayload(input({ opinions: opinion({ content: 'x\ud800' }) }));
    expect(payload).toContain('x\\ud800');
    expect(Buffer.from(payload, 'utf8').toString('utf8')).toBe(payload);
  });

  it('refuses values that would serialise ambiguously or are not in canonical form', () => {
    const broken: ReplySealInput[] = [
      input({ consultationId: Number.NaN }),
      input({ versionId: 1.5 }),
      input({ unit: { id: Number.POSITIVE_INFINITY, code: 'X' } }),
      input({ unit: { id: 1, code: null as unknown as string } }),
      input({ signatory: { id: 1, login: undefined as unknown as string } }),
      input({ noOpinion: 'false' as unknown as boolean }),
      input({ sealedAt: '2021-07-20T02:15:00Z' }),
      input({ sealedAt: '2021-07-20 10:15:00+08' }),
      input({ sealedAt: '2021-02-30T02:15:00.000Z' }),
      input({ algorithm: 'rsa' as ReplySealInput['algorithm'] }),
      input({ keyId: '' }),
      input({ opinions: null as unknown as ReplySealInput['opinions'] }),
      input({ opinions: opinion({ span: [5, 3] }) }),
      input({ opinions: opinion({ span: [-1, 3] }) }),
      input({ opinions: opinion({ span: [1, 2, 3] }) }),
      input({ opinions: opinion({ span: [1, Number.NaN] }) }),
      input({ opinions: opinion({ quote: 5 }) }),
      input({ opinions: opinion({ content: null }) }),
      input({ opinions: opinion({ itemOrdinal: '2' }) }),
    ];
    for (const b of broken) {
      expect(() => sealPayload(b)).toThrow(AppError);
      expect(() => sealPayload(b)).toThrow(expect.objectContaining({ code: 'seal_payload_malformed', kind: 'internal' }));
    }
  });

  it('knows its algorithms', () => {
    expect(isSealAlgorithm('ed25519')).toBe(true);
    expect(isSealAlgorithm('sm2')).toBe(true);
    expect(isSealAlgorithm('SM2')).toBe(false);
    expect(isSealAlgorithm(null)).toBe(false);
  });
});
