import { getDevOpenid } from './dev-identity';
import type { Transport } from './transport-contract';

/** `POST /api/<name>` on the local cloud. Error statuses still carry an envelope, so the body is read either way. */
export const transport: Transport = async (name, data) => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const openid = getDevOpenid();
  if (openid) headers['X-Openid'] = openid;
  const res = await fetch(`/api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(data),
  });
  // A body that is not JSON is as unreadable as one of the wrong shape; api.ts reports both alike.
  return res.json().catch(() => null);
};
