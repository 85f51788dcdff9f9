// What the user types into the shortlist forms, checked before anything is saved: prices, list names, web
// addresses and the "Add a clinic yourself" form. Each check returns what to save or a message in the user's
// words. The field limits come from the schema (./schema.ts), so a value that passes here always validates there.
import type { UsState } from '../dataset/schema';
import { isListedState } from '../dataset/us-states';
import { phoneText } from '../extract/parse';
import { CITY_MAX, CLINIC_NAME_MAX, LIST_NAME_MAX, NOTES_MAX, STREET_MAX } from './limits';
import type { CustomClinic, Quote } from './schema';

/** Notes are saved this long after the user stops typing (and when the field loses focus). */
export const NOTES_SAVE_DELAY_MS = 500;

/** What the store needs to add a clinic the user typed in (ShortlistStore.addCustom). */
export interface CustomClinicInput {
  custom: CustomClinic;
  quote: Quote | null;
  notes: string;
}

/** Above this a quoted price is almost certainly a typo. */
export const PRICE_MAX = 100_000;

export type PriceParse = { ok: true; value: number | null } | { ok: false; message: string };

/** "" → null; "450", "$450", "1,200", "450.50" → the number; anything else → a message saying what to type. */
export function parsePrice(text: string): PriceParse {
  const raw = text.trim();
  if (raw === '') return { ok: true, value: null };
  const cleaned = raw.replace(/^\$\s*/, '').replace(/,(?=\d{3}(\D|$))/g, '').replace(/\s*(usd|dollars?)$/i, '');
  if (/^-/.test(cleaned)) return { ok: false, message: "A price can't be negative." };
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return { ok: false, message: 'Enter an amount in dollars, like 450 or 450.50.' };
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { ok: false, message: 'Enter an amount in dollars, like 450 or 450.50.' };
  if (value > PRICE_MAX) return { ok: false, message: `That is more than $${PRICE_MAX.toLocaleString('en-US')}. Check the amount.` };
  return { ok: true, value };
}

/** A list name as typed → the name to save, or what is wrong with it. */
export function checkListName(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const name = text.trim();
  if (name === '') return { ok: false, message: 'Enter a name for the list.' };
  if (name.length > LIST_NAME_MAX) return { ok: false, message: `Keep the name to ${LIST_NAME_MAX} characters or fewer (it has ${name.length}).` };
  return { ok: true, value: name };
}

export interface CustomClinicValues {
  name: string;
  website: string;
  /** Phone, street and ZIP: optional in the form (older drafts have none). */
  phone?: string;
  street?: string;
  city: string;
  state: string;
  zip?: string;
  consultation: string;
  perSession: string;
  notes: string;
}

export type CustomClinicErrors = Partial<Record<keyof CustomClinicValues, string>>;

export const EMPTY_CUSTOM_CLINIC: CustomClinicValues = { name: '', website: '', city: '', state: '', consultation: '', perSession: '', notes: '' };

/** "example.com/x" → "https://example.com/x"; null when it isn't a usable web address. */
export function normaliseWebsite(text: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const raw = text.trim();
  if (raw === '') return { ok: true, value: null };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw);
  if (hasScheme && !/^https?:\/\//i.test(raw)) {
    return { ok: false, message: 'Only web addresses starting with http:// or https:// can be saved.' };
  }
  const candidate = hasScheme ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, message: 'Enter a web address like example.com, or leave this empty.' };
  }
  if (!url.hostname.includes('.') || /\s/.test(raw)) {
    return { ok: false, message: 'Enter a web address like example.com, or leave this empty.' };
  }
  return { ok: true, value: url.href };
}

/** Checks every field; returns what to save, or a message per field in the user's words. */
export function validateCustomClinic(v: CustomClinicValues): { ok: true; value: CustomClinicInput } | { ok: false; errors: CustomClinicErrors } {
  const errors: CustomClinicErrors = {};
  const name = v.name.trim();
  if (name === '') errors.name = "Enter the clinic's name.";
  else if (name.length > CLINIC_NAME_MAX) errors.name = `Keep the name to ${CLINIC_NAME_MAX} characters or fewer (it has ${name.length}).`;

  const website = normaliseWebsite(v.website);
  if (!website.ok) errors.website = website.message;

  const phone = (v.phone ?? '').trim();
  if (phone !== '' && phoneText(phone) === null) errors.phone = 'Enter a phone number like (303) 555-0100, or leave this empty.';
  const street = (v.street ?? '').replace(/\s+/g, ' ').trim();
  if (street.length > STREET_MAX) errors.street = `Keep the address to ${STREET_MAX} characters or fewer (it has ${street.length}).`;
  const zip = (v.zip ?? '').trim();
  if (zip !== '' && !/^\d{5}(-\d{4})?$/.test(zip)) errors.zip = 'Enter a 5-digit ZIP code, or leave this empty.';

  const city = v.city.trim();
  if (city.length > CITY_MAX) errors.city = `Keep the city to ${CITY_MAX} characters or fewer (it has ${city.length}).`;

  const state = v.state === '' ? null : isListedState(v.state) ? (v.state as UsState) : undefined;
  if (state === undefined) errors.state = 'Choose a state from the list, or leave it empty.';

  const consultation = parsePrice(v.consultation);
  if (!consultation.ok) errors.consultation = consultation.message;
  const perSession = parsePrice(v.perSession);
  if (!perSession.ok) errors.perSession = perSession.message;

  if (v.notes.length > NOTES_MAX) errors.notes = `Notes can be up to ${NOTES_MAX.toLocaleString('en-US')} characters.`;

  if (Object.keys(errors).length > 0 || !website.ok || !consultation.ok || !perSession.ok || state === undefined) {
    return { ok: false, errors };
  }
  const quote =
    consultation.value === null && perSession.value === null ? null : { consultation: consultation.value, perSession: perSession.value, note: '' };
  return {
    ok: true,
    value: {
      custom: {
        name,
        website: website.value,
        city: city === '' ? null : city,
        state,
        ...(phone !== '' ? { phone } : {}),
        ...(street !== '' ? { street } : {}),
        ...(zip !== '' ? { zip } : {}),
      },
      quote,
      notes: v.notes,
    },
  };
}
