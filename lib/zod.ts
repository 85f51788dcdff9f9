// Full zod probes `new Function` at start-up unless jitless is set first; in an extension that is a
// CSP violation and a store-linter warning. Every schema imports z from here so the order is fixed.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
