import {useEffect, useState} from 'react';

/**
 * Whole seconds since `call` was sent, counted again from 0 for each new call (its identity) and
 * updated once a second while it is set.
 */
export function useSecondsWaited(call: object | undefined): number {
  const [waited, setWaited] = useState<{call?: object; seconds: number}>({seconds: 0});
  useEffect(() => {
    if (!call) return;
    const sent = Date.now();
    setWaited({call, seconds: 0});
    const timer = setInterval(() => setWaited({call, seconds: Math.round((Date.now() - sent) / 1000)}), 1000);
    return () => clearInterval(timer);
  }, [call]);
  // The previous call's count is never shown beside a new one, not even before the effect runs.
  return waited.call === call ? waited.seconds : 0;
}
