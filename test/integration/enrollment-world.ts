/**
 * A small world for the enrollment functions' integration tests: a real SQLite file in a temp dir,
 * real PII sealing, a fixed clock per call, and registry facts written through the storage port (our
 * own code, not a mock). Functions are called the way the local cloud calls them: `withDeps(deps)`
 * with a platform context that names the caller.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../shared/contracts/envelope';
import { fixedClock } from '../../cloudfunctions/lib/clock';
import { identifyLocalCaller, localPlatformContext, type Deps } from '../../cloudfunctions/lib/context';
import type { CloudFunction } from '../../cloudfunctions/lib/handler';
import { createLogger, createPii, type Pii } from '../../cloudfunctions/lib/pii';
import type { Storage } from '../../cloudfunctions/lib/storage/port';
import type { BindingStatus, Relationship, ResidencyBasis, Resident } from '../../cloudfunctions/lib/storage/records';
import { openSqliteStorage } from '../../cloudfunctions/lib/storage/sqlite';
import { syntheticIdNumber } from '../../cloudfunctions/local/demo-data';

/** Locality codes of the seed policies' places. */
export const TAISHANG = '350521';
export const YOUXI = '350426';
export const LINGBI = '341323';

/** Inside the central collection window of fj-quanzhou-taishang-2025 (2024-09-01 … 2024-12-31). */
export const TODAY = '2024-11-15';

const T = '2024-01-01T00:00:00.000Z';

/** A valid 18-digit ID number: region + birth date + sequence (odd = male) + computed check digit. */
export const idNumberFor = syntheticIdNumber;

export type PersonSpec = {
  name: string;
  birthDate: string;
  locality?: string;
  bases?: ResidencyBasis[];
  householdId?: string;
  relationToHead?: Relationship;
  inEmployeeInsurance?: boolean;
  student?: Resident['student'];
};

export type Person = { resident: Resident; idNumber: string };

export type PaidEnrollment = {
  policyId: string;
  coverageYear: number;
  paidOn: string;
  coverageStart: string | null;
  coverageEnd: string;
  amountFen: number;
};

export type World = {
  storage: Storage;
  pii: Pii;
  /** Calls `fn` as `openid` (null: nobody signed in) on `today`. */
  call<Out>(fn: CloudFunction<Out>, openid: string | null, event: unknown, today?: string): Promise<Envelope<Out>>;
  household(id: string, locality?: string): Promise<string>;
  person(spec: PersonSpec): Promise<Person>;
  /** The OPENID has said who it is (what `register` does on its first call). */
  signIn(openid: string, residentId: string): Promise<void>;
  registered(residentId: string, policyId: string, coverageYear: number, coverageEnd: string): Promise<void>;
  /** A paid enrollment with the order that paid it, as `pay` leaves them. */
  paid(residentId: string, paid: PaidEnrollment): Promise<string>;
  bind(ownerOpenid: string, residentId: string, relationship: Relationship, status: BindingStatus): Promise<void>;
  close(): Promise<void>;
};

export async function openWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'enrollment-'));
  const storage = await openSqliteStorage({ file: join(dir, 'app.sqlite') });
  const pii = createPii({ encryption: randomBytes(32), lookup: randomBytes(32) });
  const log = createLogger({}, () => undefined);
  let sequence = 99; // odd sequences: the ID numbers say male, as the records do
  let orders = 0;

  return {
    storage,
    pii,
    call(fn, openid, event, today = TODAY) {
      const deps: Deps = { storage, pii, clock: fixedClock(today), log, identify: identifyLocalCaller };
      return fn.withDeps(deps)(event, localPlatformContext(openid));
    },
    async household(id, locality = TAISHANG) {
      await storage.households.insert({
        id,
        localityCode: locality,
        address: '示例村1号',
        headResidentId: null,
        createdAt: T,
      });
      return id;
    },
    async person(spec) {
      sequence += 2;
      const idNumber = idNumberFor(spec.locality ?? TAISHANG, spec.birthDate, sequence);
      const resident: Resident = {
        id: `r-${sequence}`,
        idSealed: pii.sealIdNumber(idNumber),
        idLookupKey: pii.idLookupKey(idNumber),
        idMasked: pii.mask(idNumber),
        name: spec.name,
        birthDate: spec.birthDate,
        sex: 'male',
        householdId: spec.householdId ?? null,
        relationToHead: spec.relationToHead ?? null,
        bases: spec.bases ?? ['hukou'],
        localityCode: spec.locality ?? TAISHANG,
        student: spec.student ?? null,
        inEmployeeInsurance: spec.inEmployeeInsurance ?? false,
        employeeInsuranceEndedOn: null,
        employeeInsuranceYears: null,
        createdAt: T,
      };
      await storage.residents.insert(resident);
      return { resident, idNumber };
    },
    async signIn(openid, residentId) {
      await storage.users.put({ openid, residentId, createdAt: T, updatedAt: T });
    },
    async registered(residentId, policyId, coverageYear, coverageEnd) {
      await storage.enrollments.insert({
        residentId,
        policyId,
        coverageYear,
        status: 'registered',
        registeredOn: '2024-09-02',
        registeredBy: 'someone',
        paidOn: null,
        coverageStart: null,
        coverageEnd,
        orderNo: null,
        updatedAt: T,
      });
    },
    async paid(residentId, p) {
      orders += 1;
      const orderNo = `ORD-TEST-${orders}`;
      await storage.orders.insert({
        orderNo,
        payerOpenid: 'payer',
        idempotencyKey: orderNo,
        source: 'wechat',
        state: 'paid',
        items: [{ residentId, policyId: p.policyId, coverageYear: p.coverageYear, amountFen: p.amountFen }],
        totalFen: p.amountFen,
        createdAt: T,
        updatedAt: T,
        expiresAt: T,
        paidAt: T,
        transactionId: `tx-${orders}`,
        failureReason: null,
      });
      await storage.enrollments.insert({
        residentId,
        policyId: p.policyId,
        coverageYear: p.coverageYear,
        status: 'paid',
        registeredOn: p.paidOn,
        registeredBy: 'payer',
        paidOn: p.paidOn,
        coverageStart: p.coverageStart,
        coverageEnd: p.coverageEnd,
        orderNo,
        updatedAt: T,
      });
      return orderNo;
    },
    async bind(ownerOpenid, residentId, relationship, status) {
      await storage.familyBindings.insert({
        id: `b-${ownerOpenid}-${residentId}`,
        ownerOpenid,
        residentId,
        relationship,
        status,
        consentCodeHash: status === 'pending' ? 'hash' : null,
        consentExpiresAt: status === 'pending' ? '2099-01-01T00:00:00.000Z' : null,
        consentAttempts: 0,
        confirmedBy: status === 'confirmed' ? 'relative' : null,
        createdAt: T,
        updatedAt: T,
      });
    },
    async close() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The data of a successful answer, or a test failure that shows the refusal. */
export function dataOf<T>(result: Envelope<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** The error of a refusal, or a test failure. */
export function errorOf(result: Envelope<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.data).slice(0, 300)}`);
  return result.error;
}
