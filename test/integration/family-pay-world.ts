/**
 * A world for the family and payment functions' integration tests: real SQLite files in a temp dir
 * (the app's database and the payment sandboxes', wired exactly as the local cloud wires them), real
 * PII sealing, a clock the test moves, and registry facts written through the storage port. Functions
 * are called as the local cloud calls them: `withDeps(deps)` with a platform context naming the caller.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../shared/contracts/envelope';
import { fixedClock, shanghaiDateOf, type Clock } from '../../cloudfunctions/lib/clock';
import { identifyLocalCaller, localPlatformContext, type Deps } from '../../cloudfunctions/lib/context';
import type { CloudFunction } from '../../cloudfunctions/lib/handler';
import { createLogger, createPii, type Pii } from '../../cloudfunctions/lib/pii';
import type { Storage } from '../../cloudfunctions/lib/storage/port';
import type { Relationship, Resident } from '../../cloudfunctions/lib/storage/records';
import { openSqliteStorage } from '../../cloudfunctions/lib/storage/sqlite';
import { localSandbox, SANDBOX_GATEWAY_FILE, type LocalSandbox } from '../../cloudfunctions/local/sandbox-pay';
import { syntheticIdNumber } from '../../cloudfunctions/local/demo-data';

export const TAISHANG = '350521';
export const TAISHANG_2025 = 'fj-quanzhou-taishang-2025';
/** Inside the central collection window of fj-quanzhou-taishang-2025, which is also a 家庭共济 window. */
export const TODAY = '2024-11-15';
export const SANDBOX_SECRET = 'family-pay-world-sandbox-secret-0123456789';

const T = '2024-01-01T00:00:00.000Z';

/** A clock the test moves: the date and time of day together, as the local cloud's clock behaves. */
export type MovableClock = Clock & { advance(ms: number): void; set(today: string, time?: string): void };

export function movableClock(today: string, time = '10:00:00'): MovableClock {
  let now = fixedClock(today, time).now().getTime();
  return {
    now: () => new Date(now),
    today: () => shanghaiDateOf(new Date(now)),
    advance: (ms) => {
      now += ms;
    },
    set: (day, at = '10:00:00') => {
      now = fixedClock(day, at).now().getTime();
    },
  };
}

/** A valid 18-digit ID number: region + birth date + sequence (odd = male) + computed check digit. */
export const idNumberFor = syntheticIdNumber;

export type PersonSpec = {
  name: string;
  birthDate: string;
  householdId?: string;
  relationToHead?: Relationship;
  inEmployeeInsurance?: boolean;
  /** Signs this OPENID in as the person. */
  openid?: string;
  /** Registers the person for Taishang 2025 (default true). */
  registered?: boolean;
};

export type Person = { resident: Resident; idNumber: string; openid: string | null };

export type World = {
  dir: string;
  storage: Storage;
  pii: Pii;
  clock: MovableClock;
  sandbox: LocalSandbox;
  deps: Deps;
  /** Log lines written while the world ran (checked for ID numbers). */
  logLines: string[];
  call<Out>(fn: CloudFunction<Out>, openid: string | null, event: unknown): Promise<Envelope<Out>>;
  household(id: string): Promise<string>;
  person(spec: PersonSpec): Promise<Person>;
  registered(residentId: string, coverageYear?: number): Promise<void>;
  /** A paid enrollment for a year, as an earlier payment left it. */
  paidYear(residentId: string, coverageYear: number): Promise<void>;
  certify(residentId: string, categoryId: string): Promise<void>;
  /** Rows of every table of every SQLite file, for before/after comparisons. */
  snapshot(): Record<string, Record<string, unknown[]>>;
  countRows(file: 'app' | 'gateway', sql: string): number;
  close(): Promise<void>;
};

function readAll(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((t) => t.name);
    return Object.fromEntries(
      tables.map((t) => [
        t,
        db
          .prepare(`SELECT * FROM "${t}"`)
          .all()
          .map((r) => JSON.stringify(r))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

export async function openWorld(today = TODAY): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'family-pay-'));
  const storage = await openSqliteStorage({ file: join(dir, 'app.sqlite') });
  const pii = createPii({ encryption: randomBytes(32), lookup: randomBytes(32) });
  const logLines: string[] = [];
  const log = createLogger({}, (_level, line) => logLines.push(line));
  const clock = movableClock(today);
  const sandbox = localSandbox(dir, clock, SANDBOX_SECRET);
  const deps: Deps = { storage, pii, clock, log, payments: sandbox.payments, identify: identifyLocalCaller };
  sandbox.connect(deps);
  let sequence = 100;

  const world: World = {
    dir,
    storage,
    pii,
    clock,
    sandbox,
    deps,
    logLines,
    call: (fn, openid, event) => fn.withDeps(deps)(event, localPlatformContext(openid)),
    async household(id) {
      await storage.households.insert({
        id,
        localityCode: TAISHANG,
        address: '示例村1号',
        headResidentId: null,
        createdAt: T,
      });
      return id;
    },
    async person(spec) {
      sequence += 1;
      const idNumber = idNumberFor(TAISHANG, spec.birthDate, sequence);
      const resident: Resident = {
        id: `r-${sequence}`,
        idSealed: pii.sealIdNumber(idNumber),
        idLookupKey: pii.idLookupKey(idNumber),
        idMasked: pii.mask(idNumber),
        name: spec.name,
        birthDate: spec.birthDate,
        sex: sequence % 2 === 1 ? 'male' : 'female',
        householdId: spec.householdId ?? null,
        relationToHead: spec.relationToHead ?? null,
        bases: ['hukou'],
        localityCode: TAISHANG,
        student: null,
        inEmployeeInsurance: spec.inEmployeeInsurance ?? false,
        employeeInsuranceEndedOn: null,
        employeeInsuranceYears: null,
        createdAt: T,
      };
      await storage.residents.insert(resident);
      if (spec.openid)
        await storage.users.put({ openid: spec.openid, residentId: resident.id, createdAt: T, updatedAt: T });
      if (spec.registered ?? true) await world.registered(resident.id);
      return { resident, idNumber, openid: spec.openid ?? null };
    },
    async registered(residentId, coverageYear = 2025) {
      await storage.enrollments.insert({
        residentId,
        policyId: TAISHANG_2025,
        coverageYear,
        status: 'registered',
        registeredOn: '2024-09-02',
        registeredBy: 'someone',
        paidOn: null,
        coverageStart: null,
        coverageEnd: `${coverageYear}-12-31`,
        orderNo: null,
        updatedAt: T,
      });
    },
    async paidYear(residentId, coverageYear) {
      await storage.enrollments.insert({
        residentId,
        policyId: `earlier-${coverageYear}`,
        coverageYear,
        status: 'paid',
        registeredOn: `${coverageYear - 1}-10-01`,
        registeredBy: 'someone',
        paidOn: `${coverageYear - 1}-10-01`,
        coverageStart: `${coverageYear}-01-01`,
        coverageEnd: `${coverageYear}-12-31`,
        orderNo: null,
        updatedAt: T,
      });
    },
    async certify(residentId, categoryId) {
      await storage.subsidies.certify({
        residentId,
        policyId: TAISHANG_2025,
        categoryId,
        certifiedOn: '2024-08-20',
        authority: '民政部门',
      });
    },
    snapshot() {
      const files = readdirSync(dir).filter((f) => f.endsWith('.sqlite'));
      return Object.fromEntries(files.map((f) => [f, readAll(join(dir, f))]));
    },
    countRows(file, sql) {
      const db = new Database(join(dir, file === 'app' ? 'app.sqlite' : SANDBOX_GATEWAY_FILE), { readonly: true });
      try {
        return Number((db.prepare(sql).pluck().get() as number | bigint | undefined) ?? 0);
      } finally {
        db.close();
      }
    },
    async close() {
      sandbox.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

export { dataOf, errorOf } from './enrollment-world';

/** The 张 family of 泉州台商投资区 and their neighbours, the cast of the family and payment tests. */
export async function zhangFamily(world: World) {
  const household = await world.household('h-zhang');
  const zhang = await world.person({
    name: '张建国',
    birthDate: '1978-03-12',
    householdId: household,
    relationToHead: 'self',
    inEmployeeInsurance: true,
    openid: 'o-zhang',
    registered: false,
  });
  const li = await world.person({
    name: '李秀英',
    birthDate: '1980-07-22',
    householdId: household,
    relationToHead: 'spouse',
    openid: 'o-li',
  });
  const daughter = await world.person({
    name: '张丽',
    birthDate: '2006-09-18',
    householdId: household,
    relationToHead: 'child',
    openid: 'o-daughter',
  });
  const son = await world.person({
    name: '张小明',
    birthDate: '2012-05-06',
    householdId: household,
    relationToHead: 'child',
  });
  const grandma = await world.person({
    name: '王桂兰',
    birthDate: '1950-12-03',
    householdId: await world.household('h-wang'),
    relationToHead: 'self',
    openid: 'o-grandma',
  });
  const stranger = await world.person({ name: '陈志强', birthDate: '1992-01-30', openid: 'o-stranger' });
  return { zhang, li, daughter, son, grandma, stranger };
}
