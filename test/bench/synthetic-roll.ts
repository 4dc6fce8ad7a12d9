import { addDays } from '../../shared/rules/civil-date';
import type { PersonFacts } from '../../shared/rules';

/** Youxi's 2024 roll: 353,215 residents (尤政办〔2023〕35号 附件2). */
export const YOUXI_ROLL = 353_215;

/** Small deterministic PRNG (mulberry32) so every run quotes the same residents. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['minimum-living', 'extreme-poverty', 'monitored-rural', 'disability', 'orphan'];

export type Resident = { payDate: string; person: PersonFacts };

/** Mixed pay dates across every window and past its end, ages 0–95, ~8% subsidised, some newborns and students. */
export function syntheticRoll(count = YOUXI_ROLL, seed = 2024): Resident[] {
  const random = prng(seed);
  const residents: Resident[] = [];
  for (let i = 0; i < count; i += 1) {
    const payDate = addDays('2023-08-20', Math.floor(random() * 480));
    const roll = random();
    const birthDate =
      roll < 0.03
        ? addDays(payDate, -Math.floor(random() * 200))
        : addDays('1928-01-01', Math.floor(random() * 34_000));
    const person: PersonFacts = { birthDate };
    if (random() < 0.08) person.categories = [CATEGORIES[Math.floor(random() * CATEGORIES.length)] ?? 'minimum-living'];
    if (random() < 0.05) person.student = 'enrolled';
    residents.push({ payDate, person });
  }
  return residents;
}
