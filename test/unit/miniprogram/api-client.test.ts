import { describe, expect, it } from 'vitest';
import { clientErrors, createCall } from '../../../miniprogram/src/services/client';
import type { Transport } from '../../../miniprogram/src/services/transport-contract';

// The transport stands in for wx.cloud / fetch, the platform edge; the contracts and envelope are real.
const replying =
  (body: unknown): Transport =>
  async () =>
    body;

const quoteInput = { policyId: 'fj-youxi-2024', payDate: '2023-12-20', person: { birthDate: '1980-05-01' } };
const quote = {
  policyId: 'fj-youxi-2024',
  coverageYear: 2024,
  payable: true,
  standardAmount: 380,
  subsidyAmount: 0,
  amountDue: 380,
  coverageStart: '2024-01-01',
  coverageEnd: '2024-12-31',
  waitingPeriod: null,
  explanation: [
    {
      text: '集中征缴期内缴费，待遇自 2024 年 1 月 1 日起享受。',
      source: { document: '尤政办〔2023〕35号', clause: '四（三）' },
    },
  ],
  warnings: [],
};

describe('the API client', () => {
  it('hands the page a reply that matches the contract', async () => {
    const call = createCall(replying({ ok: true, data: quote }));
    await expect(call('quote', quoteInput)).resolves.toEqual({ ok: true, data: quote });
  });

  it('passes the function’s own Chinese error through unchanged', async () => {
    const error = { code: 'INVALID_INPUT', message: '请选择参保地区和年度' };
    const call = createCall(replying({ ok: false, error }));
    await expect(call('quote', quoteInput)).resolves.toEqual({ ok: false, error });
  });

  it('sends the function name and the input to the transport as given', async () => {
    const seen: Array<[string, object]> = [];
    const call = createCall(async (name, data) => {
      seen.push([name, data]);
      return { ok: true, data: quote };
    });
    await call('quote', quoteInput);
    expect(seen).toEqual([['quote', quoteInput]]);
  });

  it('reports a reply missing a contract field as unreadable, in Chinese', async () => {
    const withoutAmount: Partial<typeof quote> = { ...quote };
    delete withoutAmount.amountDue;
    const call = createCall(replying({ ok: true, data: withoutAmount }));
    await expect(call('quote', quoteInput)).resolves.toEqual({ ok: false, error: clientErrors.badReply });
  });

  it('reports a body that is not an envelope at all as unreadable', async () => {
    const call = createCall(replying(null));
    await expect(call('policies', {})).resolves.toEqual({ ok: false, error: clientErrors.badReply });
  });

  it('reports an unreachable service as a network failure, in Chinese', async () => {
    const call = createCall(async () => {
      throw new Error('request:fail');
    });
    await expect(call('policies', {})).resolves.toEqual({ ok: false, error: clientErrors.unreachable });
  });
});
