import { useCallback, useEffect, useRef, useState } from 'react';
import { call, type FunctionName, type InputOf, type OutputOf } from './api';

export type ActionState<T> =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'error'; code: string; message: string }
  | { status: 'done'; data: T };

/**
 * A call the resident starts (bind, confirm, pay…), as opposed to one a page loads with `useCall`.
 * `run` resolves with the envelope as well, for flows that go on to the next step; a second tap while
 * one is running is ignored, so a double tap never sends twice.
 */
export function useAction<N extends FunctionName>(name: N) {
  const [state, setState] = useState<ActionState<OutputOf<N>>>({ status: 'idle' });
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (input: InputOf<N>) => {
      if (running.current) return null;
      running.current = true;
      setState({ status: 'running' });
      try {
        const reply = await call(name, input);
        if (mounted.current) {
          setState(reply.ok ? { status: 'done', data: reply.data } : { status: 'error', ...reply.error });
        }
        return reply;
      } finally {
        running.current = false;
      }
    },
    [name],
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, reset };
}
