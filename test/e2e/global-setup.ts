import { spawnSync } from 'node:child_process';
import { ensureFreshH5Build } from './h5-build';

/** Runs once before the e2e files: every browser test sees the H5 app built from the current sources. */
export default function setup(): void {
  const chineseFonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).stdout ?? '';
  if (!chineseFonts.trim()) {
    console.warn(
      'e2e: no Chinese font installed, screenshots will show empty boxes (apt-get install fonts-wqy-microhei)',
    );
  }
  ensureFreshH5Build();
}
