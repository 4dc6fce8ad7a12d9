/**
 * Property-based fuzzing of every function in the local cloud's registry (new functions are picked up
 * without touching this file): 10,000 generated events each, called as the local cloud calls them, over
 * the local cloud's own dependencies (real SQLite in a temp folder, the payment sandboxes), with the
 * clock fixed and a mix of signed-in callers, anonymous callers and forged platform contexts.
 *
 * For every event: no exception escapes; the answer is an envelope; a refusal has an UPPER_SNAKE code
 * and a Chinese message, and is never INTERNAL (that would be a bug); a refusal leaves every table of
 * every database as it was (save the few refusals that write on purpose, listed below); no answer
 * carries a full ID number (the registry's or one the caller typed); nothing reached Object.prototype.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envelopeSchema, type Envelope } from '../../shared/contracts/envelope';
import { fixedClock } from '../../cloudfunctions/lib/clock';
import { localPlatformContext } from '../../cloudfunctions/lib/context';
import { createLogger } from '../../cloudfunctions/lib/pii';
import { startLocalCloud, type LocalCloud } from '../../cloudfunctions/local/cloud';
import { DEMO_USERS } from '../../cloudfunctions/local/demo-data';
import { functions } from '../../cloudfunctions/local/registry';
import { inputSchemaOf } from '../fixtures/function-contracts';
import { DEMO_ID_NUMBERS, FUZZ_TODAY } from '../fixtures/fuzz/domain-values';
import { hostileValue, mutated, prototypeKeyObjects } from '../fixtures/fuzz/mutations';
import { shapedLike } from '../fixtures/fuzz/schema-arbitrary';
import { paymentExamples } from '../fixtures/fuzz/payment-examples';
import {
  FUZZ_PAYABLE_RESIDENTS,
  likelyCallerFor,
  VALID_EXAMPLES,
  type ExampleCall,
} from '../fixtures/fuzz/valid-examples';
import { seedPayableResidents } from '../fixtures/payable-residents';
import { changedTables, fingerprintDataDir, type DataFingerprint } from '../fixtures/sqlite-fingerprint';

const RUNS_PER_FUNCTION = 10_000;
const SEED = 20_241_115;
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const CHINESE = /[\u4e00-\u9fff]/;
const anyEnvelope = envelopeSchema(z.unknown());

/**
 * Refusals that write on purpose, by function and code, with the tables they may change and why.
 * Anything else a refusal changes fails the test.
 */
const REFUSALS_THAT_WRITE: Readonly<
  Record<string, ReadonlyArray<{ codes: readonly string[] | 'any'; tables: readonly string[]; why: string }>>
> = {
  register: [
    {
      codes: 'any',
      tables: ['app.sqlite/users'],
      why: 'a caller aged 14+ who proved who they are (name + ID number) is linked to that resident even when the registration is then refused, so they can still pay for family or enroll a newborn (lib/enrollment/identity.ts linkCaller)',
    },
  ],
  family: [
    {
      codes: ['WRONG_CODE', 'CONSENT_VOIDED'],
      tables: ['app.sqlite/family_bindings'],
      why: 'a wrong consent code is counted, and the request is voided after too many, so codes cannot be guessed (lib/family/bindings.ts)',
    },
  ],
};

function writesAllowed(name: string, code: string): readonly string[] {
  return (REFUSALS_THAT_WRITE[name] ?? [])
    .filter((rule) => rule.codes === 'any' || rule.codes.includes(code))
    .flatMap((rule) => rule.tables);
}

type Call = { event: unknown; caller: unknown };

/** Who calls: mostly a signed-in demo user or a newcomer, sometimes nobody, sometimes a forged context. */
const someCaller: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .constantFrom(...DEMO_USERS.map((user) => user.openid), 'fuzz-newcomer-1', 'fuzz-newcomer-2', 'fuzz-newcomer-3')
      .map(localPlatformContext),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.record({ OPENID: fc.constantFrom('demo-zhang', 'demo-li') }),
      fc.record({ localCloud: fc.constant(true), openid: hostileValue }),
    ),
  },
);

/** The first `idNumber` string in the event (top level or a few levels down). */
function idNumberIn(value: unknown, depth = 0): string | undefined {
  if (typeof value !== 'object' || value === null || depth > 3) return undefined;
  if (!Array.isArray(value) && typeof (value as { idNumber?: unknown }).idNumber === 'string') {
    return (value as { idNumber: string }).idNumber;
  }
  for (const item of Object.values(value)) {
    const found = idNumberIn(item, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Calls read off the contract (arbitrary values, shaped-but-wrong objects, near-misses, valid-looking
 * input; half the time from the demo user the ID number in it belongs to), and near-misses of the
 * function's valid examples, mostly from the example's own caller.
 */
function callsFor(name: string, input: z.ZodTypeAny, examples: readonly ExampleCall[]): fc.Arbitrary<Call> {
  const shaped = shapedLike(input);
  const events = fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: hostileValue },
    { weight: 1, arbitrary: prototypeKeyObjects },
    { weight: 5, arbitrary: shaped.chain(mutated) },
    { weight: 2, arbitrary: shaped.chain(mutated).chain(mutated) },
    { weight: 4, arbitrary: shaped },
  );
  const fromContract = fc.tuple(events, someCaller, fc.boolean()).map(([event, caller, align]): Call => {
    const idNumber = align ? idNumberIn(event) : undefined;
    const owner = idNumber === undefined ? undefined : likelyCallerFor(idNumber);
    return { event, caller: owner ? localPlatformContext(owner) : caller };
  });
  if (examples.length === 0) return fromContract;

  const example = fc.constantFrom(...examples);
  const fromExamples = fc
    .oneof(
      { weight: 1, arbitrary: example },
      { weight: 4, arbitrary: example.chain((call) => mutated(call.event).map((event) => ({ ...call, event }))) },
      {
        weight: 1,
        arbitrary: example.chain((call) =>
          mutated(call.event)
            .chain(mutated)
            .map((event) => ({ ...call, event })),
        ),
      },
    )
    .chain(({ openid, event }) =>
      fc
        .oneof(
          { weight: 4, arbitrary: fc.constant(localPlatformContext(openid)) },
          { weight: 1, arbitrary: someCaller },
        )
        .map((caller): Call => ({ event, caller })),
    );
  return fc.oneof(fromContract, fromExamples);
}

type Tally = { ok: number; refused: Map<string, number> };

function describeTally(name: string, tally: Tally): string {
  const refusals = [...tally.refused.entries()].sort((a, b) => b[1] - a[1]);
  const total = tally.ok + refusals.reduce((sum, [, count]) => sum + count, 0);
  return (
    `fuzz ${name}: ${total} events — ok ${tally.ok}, refused ${total - tally.ok}` +
    (refusals.length ? ` (${refusals.map(([code, count]) => `${code} ${count}`).join(', ')})` : '')
  );
}

/** Every string in the answer, to look for full ID numbers without being fooled by JSON escaping. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsIn(item, out);
  return out;
}

/** The 18-character ID numbers the caller typed into `idNumber` fields, as typed and normalized. */
function idNumbersTyped(value: unknown, key = '', out: string[] = []): string[] {
  if (typeof value === 'string' && /idNumber/i.test(key)) {
    const normalized = value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
    if (/^\d{17}[\dX]$/.test(normalized)) out.push(normalized, value.trim());
  } else if (typeof value === 'object' && value !== null) {
    for (const [childKey, item] of Object.entries(value))
      idNumbersTyped(item, Array.isArray(value) ? key : childKey, out);
  }
  return out;
}

const registered = Object.entries(functions);

describe('every registered function under fuzzing', () => {
  let root: string;
  let cloud: LocalCloud;
  let fingerprint: DataFingerprint;
  let examples: Record<string, readonly ExampleCall[]> = { ...VALID_EXAMPLES };
  let knownIdNumbers: readonly string[] = DEMO_ID_NUMBERS;
  const errorLog: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fuzz-'));
    const dataDir = join(root, 'data');
    const payable = await seedPayableResidents(dataDir, FUZZ_PAYABLE_RESIDENTS);
    knownIdNumbers = [...DEMO_ID_NUMBERS, ...payable.map((person) => person.idNumber)];
    cloud = await startLocalCloud({
      port: 0,
      rootDir: root,
      dataDir,
      env: {},
      clock: fixedClock(FUZZ_TODAY),
      log: createLogger({}, (level, line) => {
        if (level === 'error') errorLog.push(line);
      }),
    });
    fingerprint = fingerprintDataDir(dataDir);
    if (functions.payNotify && payable[0] && payable[1]) {
      const payments = await paymentExamples(functions, cloud.deps, payable[0], payable[1]);
      examples = {
        ...examples,
        payNotify: payments.payNotify,
        pay: [...(examples.pay ?? []), ...payments.pay],
        orders: [...(examples.orders ?? []), ...payments.orders],
      };
    }
  });

  afterAll(async () => {
    fingerprint.close();
    await cloud.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('finds the input contract of every registered function (shared/contracts/<kebab-name>.ts)', async () => {
    const found = await Promise.all(
      registered.map(async ([name]) => [name, (await inputSchemaOf(name)) instanceof z.ZodType]),
    );
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(registered.map(([name]) => [name, true])));
  });

  it.each(registered)(
    '%s answers 10,000 generated events with an envelope, refusing in Chinese without touching the database',
    async (name, fn) => {
      const main = fn.withDeps(cloud.deps);
      const calls = callsFor(name, await inputSchemaOf(name), examples[name] ?? []);
      const tally: Tally = { ok: 0, refused: new Map() };
      const fail = (message: string, event: unknown, extra: unknown = '') => {
        throw new Error(
          `${name}: ${message}\nevent: ${fc.stringify(event)}\n${String(extra)}\n${errorLog.slice(-3).join('\n')}`,
        );
      };

      await fc.assert(
        fc.asyncProperty(calls, async ({ event, caller }) => {
          const before = fingerprint.take();
          let result: Envelope<unknown>;
          try {
            result = await main(event, caller);
          } catch (error) {
            return fail('threw instead of answering', event, error);
          }
          if (!anyEnvelope.safeParse(result).success)
            fail(`answered something other than an envelope: ${fc.stringify(result)}`, event);
          if (Object.keys(Object.prototype).length > 0) fail('polluted Object.prototype', event);
          const secret = [...knownIdNumbers, ...idNumbersTyped(event)];
          const leaked = stringsIn(result).find((text) => secret.some((id) => text.includes(id)));
          if (leaked !== undefined) fail(`answer carries a full ID number: ${leaked}`, event);
          if (result.ok) {
            tally.ok += 1;
            return;
          }
          const { code, message } = result.error;
          tally.refused.set(code, (tally.refused.get(code) ?? 0) + 1);
          if (code === 'INTERNAL') fail('INTERNAL (a bug)', event, `caller: ${fc.stringify(caller)}`);
          if (!UPPER_SNAKE.test(code)) fail(`code is not UPPER_SNAKE: ${code}`, event);
          if (!CHINESE.test(message)) fail(`message has no Chinese: ${message}`, event);
          const allowed = writesAllowed(name, code);
          const changed = changedTables(before, fingerprint.take()).filter((table) => !allowed.includes(table));
          if (changed.length > 0) {
            fail(`refusal ${code} changed ${changed.join(', ')}`, event, `caller: ${fc.stringify(caller)}`);
          }
        }),
        // Shrinking replays events against a database earlier runs changed; the first counterexample is kept as found.
        { numRuns: RUNS_PER_FUNCTION, seed: SEED, endOnFailure: true },
      );

      console.log(describeTally(name, tally));
      expect(tally.ok + [...tally.refused.values()].reduce((sum, count) => sum + count, 0)).toBe(RUNS_PER_FUNCTION);
    },
    600_000,
  );
});
