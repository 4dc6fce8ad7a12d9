import { useCallback, useEffect, useState } from 'react';
import { call, type FunctionName, type InputOf, type OutputOf } from './api';

export type CallState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/**
 * Runs `call(name, input)` when the page mounts and whenever the input changes by value, and
 * exposes the three states every page must show. `retry` repeats the last call.
 */
export function useCall<N extends FunctionName>(name: N, input: InputOf<N>) {
  const [state, setState] = useState<CallState<OutputOf<N>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Compared by value so an inline object literal does not refetch on every render.
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    call(name, JSON.parse(inputKey) as InputOf<N>).then((reply) => {
      if (!current) return;
      setState(reply.ok ? { status: 'ready', data: reply.data } : { status: 'error', message: reply.error.message });
    });
    return () => {
      current = false;
    };
  }, [name, inputKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
