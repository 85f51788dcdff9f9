import type { z } from '../zod';
import { Provider, type Source } from './schema';
import { General } from './general-schema';

/** One thing wrong with the data, named so a curator can find it: file/record, field path, message. */
export interface DatasetProblem {
  record: string;
  field: string;
  message: string;
}

export interface RecordFile {
  /** File name, e.g. "mindbloom.json"; the record's id must match it. */
  file: string;
  data: unknown;
}

function issuesToProblems(record: string, error: z.ZodError): DatasetProblem[] {
  return error.issues.map((issue) => ({
    record,
    field: issue.path.map(String).join('.') || '(record)',
    message: issue.message,
  }));
}

export function formatProblem(p: DatasetProblem): string {
  return `${p.record}: ${p.field}: ${p.message}`;
}

/** Schema validation of every file; records that fail are left out of `providers`. */
export function parseProviderFiles(files: RecordFile[]): { providers: Provider[]; problems: DatasetProblem[] } {
  const providers: Provider[] = [];
  const problems: DatasetProblem[] = [];
  for (const { file, data } of files) {
    const parsed = Provider.safeParse(data);
    if (!parsed.success) {
      problems.push(...issuesToProblems(file, parsed.error));
      continue;
    }
    if (`${parsed.data.id}.json` !== file) {
      problems.push({ record: file, field: 'id', message: `id "${parsed.data.id}" must match the file name` });
    }
    providers.push(parsed.data);
  }
  return { providers, problems };
}

export function parseGeneralFile(file: RecordFile): { general: General | null; problems: DatasetProblem[] } {
  const parsed = General.safeParse(file.data);
  if (parsed.success) return { general: parsed.data, problems: [] };
  return { general: null, problems: issuesToProblems(file.file, parsed.error) };
}

const isUnder = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * The project's own rules for data, beyond types: every fact carries a source, closures are dated,
 * and no hostname is claimed twice or claimed both as official and as a look-alike.
 */
export function checkConventions(providers: Provider[]): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const add = (record: string, field: string, message: string) => problems.push({ record, field, message });
  const needSources = (record: string, field: string, sources: Source[]) => {
    if (sources.length === 0) add(record, `${field}.sources`, 'a stated fact needs at least one source');
  };

  const ids = new Set<string>();
  const official: Array<{ host: string; id: string; field: string; subdomains: boolean }> = [];

  for (const p of providers) {
    const r = p.id;
    if (ids.has(p.id)) add(r, 'id', 'duplicate id');
    ids.add(p.id);

    needSources(r, 'status', p.status.sources);
    if (p.status.state === 'closed' && !p.status.since) add(r, 'status.since', 'a closed provider needs the closure date');
    if (p.modalities.value.length > 0) needSources(r, 'modalities', p.modalities.sources);
    if (p.conditions.value.length + p.conditions.other.length > 0) needSources(r, 'conditions', p.conditions.sources);
    if (p.delivery.value !== 'unknown') needSources(r, 'delivery', p.delivery.sources);
    p.locations.forEach((l, i) => needSources(r, `locations.${i}`, l.sources));
    if (p.statesServed?.value) needSources(r, 'statesServed', p.statesServed.sources);
    if (p.protocol?.initialSessions) needSources(r, 'protocol', p.protocol.sources);
    p.prices.forEach((price, i) => {
      needSources(r, `prices.${i}`, price.sources);
      if (price.low === null && price.high === null) add(r, `prices.${i}`, 'a price needs a low or a high figure');
      if (price.low !== null && price.high !== null && price.low > price.high) add(r, `prices.${i}`, 'low is above high');
      if (price.kind === 'package' && !price.sessions) add(r, `prices.${i}.sessions`, 'a package needs its number of sessions');
    });
    const ins = p.insurance;
    if (ins.accepted !== 'unknown' || ins.networks.length > 0 || [ins.superbill, ins.medicare, ins.medicaid].some((t) => t !== 'unknown')) {
      needSources(r, 'insurance', ins.sources);
    }
    const fin = p.financing;
    if ([fin.paymentPlans, fin.careCredit, fin.hsaFsa].some((t) => t !== 'unknown')) needSources(r, 'financing', fin.sources);
    if (p.staff.prescribers || p.staff.administers) needSources(r, 'staff', p.staff.sources);
    if (p.therapy.integrated !== 'unknown') needSources(r, 'therapy', p.therapy.sources);
    p.claims.forEach((c, i) => needSources(r, `claims.${i}`, c.sources));
    p.comparison.forEach((c, i) => needSources(r, `comparison.${i}`, c.sources));
    p.lookalikes.forEach((l, i) => needSources(r, `lookalikes.${i}`, l.sources));

    p.match.domains.forEach((host, i) => official.push({ host, id: r, field: `match.domains.${i}`, subdomains: true }));
    p.match.hosts.forEach((host, i) => official.push({ host, id: r, field: `match.hosts.${i}`, subdomains: false }));
  }

  // No hostname claimed by two providers (a domain claims its subdomains too).
  for (let i = 0; i < official.length; i++) {
    for (let j = i + 1; j < official.length; j++) {
      const a = official[i]!;
      const b = official[j]!;
      const clash =
        a.host === b.host || (a.subdomains && isUnder(b.host, a.host)) || (b.subdomains && isUnder(a.host, b.host));
      if (clash) add(b.id, b.field, `"${b.host}" is also claimed by ${a.id} (${a.field})`);
    }
  }

  for (const p of providers) {
    p.confusableWith.forEach((c, i) => {
      if (!ids.has(c.id)) add(p.id, `confusableWith.${i}.id`, `no provider has id "${c.id}"`);
      needSources(p.id, `confusableWith.${i}`, c.sources);
    });
  }

  // A look-alike names exactly one provider it is not: two claims would make the warning ambiguous.
  const lookalikeOwner = new Map<string, string>();
  for (const p of providers) {
    p.lookalikes.forEach((l, i) => {
      const owner = lookalikeOwner.get(l.host);
      if (owner && owner !== p.id) add(p.id, `lookalikes.${i}.host`, `"${l.host}" is already a look-alike of ${owner}`);
      lookalikeOwner.set(l.host, owner ?? p.id);
    });
  }

  // A look-alike or mirror may never be an official host of anyone.
  for (const p of providers) {
    const suspects = [
      ...p.lookalikes.map((l, i) => ({ host: l.host, field: `lookalikes.${i}.host` })),
      ...p.match.mirrors.map((host, i) => ({ host, field: `match.mirrors.${i}` })),
    ];
    for (const s of suspects) {
      for (const o of official) {
        if (s.host === o.host || (o.subdomains && isUnder(s.host, o.host))) {
          add(p.id, s.field, `"${s.host}" is official for ${o.id} (${o.field})`);
        }
      }
    }
  }
  return problems;
}

/** Fields of a provider that are still unknown, for curators (`npm run dataset -- check`). */
export function unknownFields(p: Provider): string[] {
  const out: string[] = [];
  if (p.status.state === 'unknown') out.push('status');
  if (p.match.domains.length + p.match.hosts.length + p.match.paths.length === 0) out.push('website (cannot be recognised)');
  if (p.modalities.value.length === 0) out.push('modalities');
  if (p.conditions.value.length + p.conditions.other.length === 0) out.push('conditions');
  if (p.delivery.value === 'unknown') out.push('delivery');
  if (p.locations.length === 0 && !p.statesServed?.value) out.push('locations');
  if (p.locations.some((l) => !l.confirmed)) out.push('locations (not confirmed)');
  if (p.prices.length === 0) out.push('prices');
  if (p.insurance.accepted === 'unknown') out.push('insurance');
  if (p.financing.hsaFsa === 'unknown') out.push('financing.hsaFsa');
  if (p.financing.careCredit === 'unknown') out.push('financing.careCredit');
  if (p.financing.paymentPlans === 'unknown') out.push('financing.paymentPlans');
  if (!p.staff.prescribers && !p.staff.administers) out.push('staff');
  if (p.therapy.integrated === 'unknown') out.push('therapy');
  return out;
}
