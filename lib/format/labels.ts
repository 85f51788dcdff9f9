import type { Condition, Modality, Price, ProviderKind, StatusState, Tri } from '../dataset/schema';
import type { ItemStatus } from '../shortlist/schema';

/** Where the user is with a shortlisted clinic. */
export const ITEM_STATUS_LABEL: Record<ItemStatus, string> = {
  considering: 'Considering',
  contacted: 'Contacted',
  'consultation-booked': 'Consultation booked',
  'ruled-out': 'Ruled out',
};

export const MODALITY_LABEL: Record<Modality, string> = {
  'iv-infusion': 'IV infusion',
  'im-injection': 'IM injection',
  subcutaneous: 'Subcutaneous injection',
  'esketamine-nasal': 'Esketamine nasal spray (Spravato)',
  'oral-sublingual': 'Oral / sublingual',
  'ketamine-assisted-psychotherapy': 'Ketamine-assisted psychotherapy',
};

export const CONDITION_LABEL: Record<Condition, string> = {
  depression: 'Depression',
  'treatment-resistant-depression': 'Treatment-resistant depression',
  'bipolar-depression': 'Bipolar depression',
  'postpartum-depression': 'Postpartum depression',
  'suicidal-ideation': 'Suicidal thoughts',
  anxiety: 'Anxiety',
  ptsd: 'PTSD',
  ocd: 'OCD',
  'chronic-pain': 'Chronic pain',
  migraine: 'Migraine',
  'substance-use': 'Substance use',
  'eating-disorders': 'Eating disorders',
};

export const KIND_LABEL: Record<ProviderKind, string> = {
  'clinic-network': 'Clinic network',
  'single-clinic': 'Clinic',
  'telehealth-programme': 'Telehealth programme',
  'medication-programme': 'Medication programme',
  resource: 'Information resource',
};

export const STATUS_LABEL: Record<StatusState, string> = {
  operating: 'Operating',
  'not-accepting': 'Not accepting new patients',
  'not-yet-open': 'Not yet open',
  closed: 'Closed',
  acquired: 'Acquired',
  unknown: 'Status unknown',
};

export const DELIVERY_LABEL = {
  'in-clinic': 'In clinic',
  'at-home': 'At home',
  both: 'In clinic and at home',
  unknown: 'Unknown',
} as const;

export const TRI_LABEL: Record<Tri, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' };

export const INSURANCE_LABEL = {
  yes: 'Accepted',
  no: 'Not accepted',
  some: 'Some services or plans',
  unknown: 'Unknown',
} as const;

/** What a published price is for (the provider card's price list). */
export const PRICE_KIND_LABEL: Record<Price['kind'], string> = {
  consultation: 'Consultation',
  session: 'Per session',
  package: 'Package',
  monthly: 'Per month',
  other: 'Other fee',
};
