import { useEffect, useState } from 'react';

/** The current time in ms, re-read every `intervalMs` while `enabled` (lock countdowns, slow notices). */
export function useNow(intervalMs: number, enabled = true): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!enabled) return undefined;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, intervalMs);
    return () => {
      clearInterval(timer);
    };
  }, [intervalMs, enabled]);
  return now;
}
