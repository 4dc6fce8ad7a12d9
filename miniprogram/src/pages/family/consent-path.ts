/** The family page with a share token: what the share card (or the copied link) opens. */
export function consentPath(token: string): string {
  return `/pages/family/index?token=${encodeURIComponent(token)}`;
}

/** The share token on the button that started a WeChat share (`data-token`), if it was ours. */
export function shareTokenOf(target: unknown): string | null {
  if (typeof target !== 'object' || target === null || !('dataset' in target)) return null;
  const { dataset } = target;
  if (typeof dataset !== 'object' || dataset === null || !('token' in dataset)) return null;
  return typeof dataset.token === 'string' && dataset.token !== '' ? dataset.token : null;
}
