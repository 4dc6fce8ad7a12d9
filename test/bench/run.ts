import { benchFcp } from './fcp';
import { benchHttp } from './http';
import { benchRulesRoll } from './rules-roll';
import { benchSize } from './size';

/** `npm run bench`: every benchmark, reported (never asserted). Figures are for the machine it runs on. */
async function main() {
  const only = process.argv[2];
  const benches: Record<string, () => unknown> = {
    rules: benchRulesRoll,
    http: benchHttp,
    size: benchSize,
    fcp: benchFcp,
  };
  for (const [name, bench] of Object.entries(benches)) {
    if (only && only !== name) continue;
    await bench();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
