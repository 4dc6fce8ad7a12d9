import dayjs from 'dayjs';
import { getPolicy, quotePerson } from '../../shared/rules';
import { parseIsoDate } from '../../shared/rules/civil-date';
import { syntheticRoll, YOUXI_ROLL } from './synthetic-roll';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(run: () => number): { ms: number; check: number } {
  const start = process.hrtime.bigint();
  const check = run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, check };
}

/**
 * Quotes Youxi's whole roll on one core, side by side with the floor: a bare loop that only parses the same
 * input dates. Reports the median of five runs after a warm-up.
 */
export function benchRulesRoll(): Record<string, number> {
  const policy = getPolicy('fj-youxi-2024');
  if (!policy) throw new Error('fj-youxi-2024 missing');
  const roll = syntheticRoll();

  const floor = () => {
    let n = 0;
    for (const r of roll) {
      if (parseIsoDate(r.payDate)) n += 1;
      if (r.person.birthDate && parseIsoDate(r.person.birthDate)) n += 1;
    }
    return n;
  };
  // The same floor with dayjs, the date library of the project's stack, for comparison.
  const dayjsFloor = () => {
    let n = 0;
    for (const r of roll) {
      if (dayjs(r.payDate).isValid()) n += 1;
      if (r.person.birthDate && dayjs(r.person.birthDate).isValid()) n += 1;
    }
    return n;
  };
  const engine = () => {
    let fen = 0;
    for (const r of roll) fen += quotePerson(policy, r).due;
    return fen;
  };

  floor();
  dayjsFloor();
  engine();
  const floorRuns: number[] = [];
  const dayjsRuns: number[] = [];
  const engineRuns: number[] = [];
  let totalFen = 0;
  for (let i = 0; i < 5; i += 1) {
    floorRuns.push(time(floor).ms);
    dayjsRuns.push(time(dayjsFloor).ms);
    const run = time(engine);
    engineRuns.push(run.ms);
    totalFen = run.check;
  }
  const floorMs = median(floorRuns);
  const engineMs = median(engineRuns);
  const dayjsMs = median(dayjsRuns);
  const result = {
    residents: YOUXI_ROLL,
    engineMs: Math.round(engineMs),
    residentsPerSecond: Math.round(YOUXI_ROLL / (engineMs / 1000)),
    floorMs: Math.round(floorMs * 10) / 10,
    ratioToFloor: Math.round((engineMs / floorMs) * 100) / 100,
    dayjsFloorMs: Math.round(dayjsMs),
    ratioToDayjsFloor: Math.round((engineMs / dayjsMs) * 100) / 100,
    totalDueYuan: totalFen / 100,
  };
  console.log(
    `rules: quoted ${result.residents} residents (Youxi 2024 roll) in ${result.engineMs} ms on one core = ` +
      `${result.residentsPerSecond.toLocaleString('en')} residents/s; floor (parse the same dates) ${result.floorMs} ms; ` +
      `ratio ${result.ratioToFloor}×; floor with dayjs ${result.dayjsFloorMs} ms, ratio ${result.ratioToDayjsFloor}×; total due ${result.totalDueYuan.toLocaleString('en')} yuan`,
  );
  return result;
}
