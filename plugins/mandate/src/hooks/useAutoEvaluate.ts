import { useEffect, useRef } from 'react';

/** Calls `start` the first time `when` holds, and never again for this component. */
export function useAutoEvaluate(when: boolean, start: () => void) {
  const started = useRef(false);
  useEffect(() => {
    if (when && !started.current) {
      started.current = true;
      start();
    }
  }, [when, start]);
}
